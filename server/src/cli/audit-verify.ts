import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditTrail, type VerifyResult } from '../auth/audit-log';
import { loadOrCreateSecret, SECRET_FILE } from '../auth/secret';
import { ConfigError, loadConfig } from '../config';
import { StoreLockedError, type GraphStore } from '../store/graph-store';
import { openStore } from '../store/open-store';

const WHAT: Record<NonNullable<VerifyResult['broken']>['problem'], string> = {
  edited: 'its content does not match its hash (edited)',
  'missing-or-reordered': 'it does not follow the record before it (a record deleted, inserted or moved)',
  'cut-tail': 'it is missing (the newest records were deleted)',
  'head-mismatch': 'it is not the record the signed head names (the chain was rewritten)',
  'head-forged': 'the head naming it is not signed with the server’s secret',
  'head-missing': 'the signed head of the chain is missing',
};

/** The report `npm run audit:verify` prints, and whether the chain holds; `key` checks the head's signature. */
export async function runAuditVerify(store: GraphStore, key?: Buffer): Promise<{ ok: boolean; text: string; result: VerifyResult }> {
  const result = await verifyAuditTrail(store.accounts, { key });
  if (!result.broken) return { ok: true, text: `audit trail intact: ${result.checked} records, hash chain verified up to its signed head`, result };
  const b = result.broken;
  const cut = b.problem === 'cut-tail' ? ` — chain ends at record #${result.checked}, head says #${result.head}` : '';
  return { ok: false, text: `audit trail BROKEN at record #${b.seq} (index ${b.index}): ${WHAT[b.problem]}${cut}; ${b.index} records before it verified`, result };
}

if (process.argv[1] && /cli[\\/]audit-verify\.ts$/.test(process.argv[1])) {
  let store: GraphStore | undefined;
  try {
    const config = loadConfig();
    // The server's secret signs the head; without the file (another machine) only its position and hash are checked.
    const key = existsSync(join(config.dataDir, SECRET_FILE)) ? loadOrCreateSecret(config.dataDir) : undefined;
    store = await openStore(config);
    const { ok, text } = await runAuditVerify(store, key);
    (ok ? console.log : console.error)(text);
    process.exitCode = ok ? 0 : 1;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StoreLockedError) {
      console.error(`Cannot verify: ${error.message}`);
      process.exitCode = 2;
    } else throw error;
  } finally {
    await store?.close();
  }
}
