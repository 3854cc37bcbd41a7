import { verifyAuditTrail, type VerifyResult } from '../auth/audit-log';
import { ConfigError, loadConfig } from '../config';
import { StoreLockedError, type GraphStore } from '../store/graph-store';
import { openStore } from '../store/open-store';

/** The report `npm run audit:verify` prints, and whether the chain holds. */
export async function runAuditVerify(store: GraphStore): Promise<{ ok: boolean; text: string; result: VerifyResult }> {
  const result = await verifyAuditTrail(store.accounts);
  if (!result.broken) return { ok: true, text: `audit trail intact: ${result.checked} records, hash chain verified`, result };
  const b = result.broken;
  const what = b.problem === 'edited' ? 'its content does not match its hash (edited)' : 'it does not follow the record before it (a record deleted, inserted or moved)';
  return { ok: false, text: `audit trail BROKEN at record #${b.seq} (index ${b.index}): ${what}; ${b.index} records before it verified`, result };
}

if (process.argv[1] && /cli[\\/]audit-verify\.ts$/.test(process.argv[1])) {
  let store: GraphStore | undefined;
  try {
    store = await openStore(loadConfig());
    const { ok, text } = await runAuditVerify(store);
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
