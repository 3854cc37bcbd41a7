import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AccountStore, AuditHead, AuditRecord } from '../store/accounts';
import { nextRecord, verifyChain, type AuditEntry, type ChainBreak } from './audit-chain';

/** The head's signature: HMAC-SHA256 over its position and hash under the server's secret. */
export function headMac(key: Buffer, seq: number, hash: string): string {
  return createHmac('sha256', key).update(`audit-head\n${seq}\n${hash}`).digest('hex');
}

const macMatches = (key: Buffer, head: AuditHead): boolean => {
  const want = Buffer.from(headMac(key, head.seq, head.hash), 'hex');
  const got = Buffer.from(head.mac, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
};

/**
 * The append-only audit trail over the store. Appends are serialised in this process, each
 * chained to the one before; a second process writing the same position fails on the record's
 * key, and the append retries from the new tail once. After each record the chain's head (its
 * position and hash, signed with `key`, the server's secret) is moved forward in a row apart
 * from the records, so a trail cut short at its end is found. A failed append throws: the
 * caller's operation must fail with it.
 */
export class AuditLog {
  private tail: Promise<unknown> = Promise.resolve();
  private last: AuditRecord | null | undefined;

  constructor(
    private readonly store: Pick<AccountStore, 'appendAudit' | 'lastAudit' | 'putAuditHead'>,
    private readonly key: Buffer,
  ) {}

  append(entry: Omit<AuditEntry, 'at'> & { at?: string }): Promise<AuditRecord> {
    const run = async () => {
      const full: AuditEntry = { ...entry, at: entry.at ?? new Date().toISOString() };
      for (let attempt = 0; ; attempt++) {
        if (this.last === undefined || attempt > 0) this.last = await this.store.lastAudit();
        const record = nextRecord(this.last, full);
        try {
          await this.store.appendAudit(record);
          this.last = record;
        } catch (error) {
          this.last = undefined;
          if (attempt >= 1) throw error;
          continue;
        }
        await this.store.putAuditHead({ seq: record.seq, hash: record.hash, mac: headMac(this.key, record.seq, record.hash) });
        return record;
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
  /** The signed head's position (null: none), which the chain must reach. */
  head: number | null;
}

/**
 * Reads the whole trail in pages and checks the chain, then the chain's end against the signed
 * head: fewer records than the head names is a cut tail, found at the first missing position.
 * `key` (the server's secret) also checks the head's signature; without it only its position
 * and hash are compared. `broken.index` is the record's 0-based position.
 */
export async function verifyAuditTrail(store: Pick<AccountStore, 'auditRange' | 'auditHead'>, opts: { key?: Buffer; page?: number } = {}): Promise<VerifyResult> {
  const page = opts.page ?? 1000;
  const head = await store.auditHead();
  const at = head?.seq ?? null;
  let checked = 0;
  let prevHash: string | undefined;
  let headHash: string | undefined;
  for (;;) {
    const records = await store.auditRange(checked, page);
    const broken = verifyChain(records, checked + 1, prevHash);
    if (broken) return { checked: checked + broken.index, broken: { ...broken, index: checked + broken.index }, head: at };
    if (head && head.seq > checked && head.seq <= checked + records.length) headHash = records[head.seq - checked - 1]!.hash;
    checked += records.length;
    if (records.length > 0) prevHash = records.at(-1)!.hash;
    if (records.length < page) break;
  }
  if (!head) return { checked, broken: checked > 0 ? { index: 0, seq: 1, problem: 'head-missing' } : null, head: at };
  if (opts.key && !macMatches(opts.key, head)) return { checked, broken: { index: head.seq - 1, seq: head.seq, problem: 'head-forged' }, head: at };
  if (checked < head.seq) return { checked, broken: { index: checked, seq: checked + 1, problem: 'cut-tail' }, head: at };
  if (headHash !== head.hash) return { checked, broken: { index: head.seq - 1, seq: head.seq, problem: 'head-mismatch' }, head: at };
  return { checked, broken: null, head: at };
}
