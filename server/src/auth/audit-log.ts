import type { AccountStore, AuditRecord } from '../store/accounts';
import { nextRecord, verifyChain, type AuditEntry, type ChainBreak } from './audit-chain';

/**
 * The append-only audit trail over the store. Appends are serialised in this process, each
 * chained to the one before; a second process writing the same position fails on the record's
 * key, and the append retries from the new tail once. A failed append throws: the caller's
 * operation must fail with it.
 */
export class AuditLog {
  private tail: Promise<unknown> = Promise.resolve();
  private last: AuditRecord | null | undefined;

  constructor(private readonly store: Pick<AccountStore, 'appendAudit' | 'lastAudit'>) {}

  append(entry: Omit<AuditEntry, 'at'> & { at?: string }): Promise<AuditRecord> {
    const run = async () => {
      const full: AuditEntry = { ...entry, at: entry.at ?? new Date().toISOString() };
      for (let attempt = 0; ; attempt++) {
        if (this.last === undefined || attempt > 0) this.last = await this.store.lastAudit();
        const record = nextRecord(this.last, full);
        try {
          await this.store.appendAudit(record);
          this.last = record;
          return record;
        } catch (error) {
          this.last = undefined;
          if (attempt >= 1) throw error;
        }
      }
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export interface VerifyResult {
  checked: number;
  broken: ChainBreak | null;
}

/** Reads the whole trail in pages and checks the chain; `broken.index` is the record's 0-based position. */
export async function verifyAuditTrail(store: Pick<AccountStore, 'auditRange'>, page = 1000): Promise<VerifyResult> {
  let checked = 0;
  let prevHash: string | undefined;
  for (;;) {
    const records = await store.auditRange(checked, page);
    if (records.length === 0) return { checked, broken: null };
    const broken = verifyChain(records, checked + 1, prevHash);
    if (broken) return { checked: checked + broken.index, broken: { ...broken, index: checked + broken.index } };
    checked += records.length;
    prevHash = records.at(-1)!.hash;
    if (records.length < page) return { checked, broken: null };
  }
}
