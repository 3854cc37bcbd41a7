import { createHash } from 'node:crypto';
import type { AuditRecord } from '../store/accounts';

/** The hash before the first record. */
export const GENESIS = '0'.repeat(64);

export type AuditEntry = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>;

/** The record's content as hashed: fixed key order, no hashes, JSON. */
export function canonical(r: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  return JSON.stringify([r.seq, r.at, r.userId, r.agency, r.action, r.objectIds, r.outcome, r.requestId, r.detail]);
}

/** SHA-256 over the previous record's hash and this record's canonical form, hex. */
export function chainHash(prevHash: string, r: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(r)).digest('hex');
}

/** The next record of a chain whose newest record is `last` (null: an empty chain). */
export function nextRecord(last: Pick<AuditRecord, 'seq' | 'hash'> | null, entry: AuditEntry): AuditRecord {
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const body = { ...entry, seq };
  return { ...body, prevHash, hash: chainHash(prevHash, body) };
}

export interface ChainBreak {
  /** 0-based position in the records read, in chain order. */
  index: number;
  /** The position the record there should have had. */
  seq: number;
  /**
   * `edited`, `missing-or-reordered`: in the chain itself (verifyChain). Against the signed head
   * (auth/audit-log.ts): `cut-tail`, the chain ends before the head's position; `head-mismatch`,
   * the record at the head's position is not the one the head signed; `head-forged`, the head's
   * signature is wrong; `head-missing`, records without a head.
   */
  problem: 'edited' | 'missing-or-reordered' | 'cut-tail' | 'head-mismatch' | 'head-forged' | 'head-missing';
}

/**
 * Checks records read in chain order, `expectFirst` the position the first should have, and
 * `prevHash` the hash before it. An edited record fails its own hash at its index; a deleted
 * or swapped one breaks the link (its seq or prevHash) at the index where it went missing.
 */
export function verifyChain(records: readonly AuditRecord[], expectFirst = 1, prevHash = GENESIS): ChainBreak | null {
  let prev = prevHash;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const seq = expectFirst + i;
    if (r.seq !== seq || r.prevHash !== prev) return { index: i, seq, problem: 'missing-or-reordered' };
    const { prevHash: _p, hash: _h, ...body } = r;
    if (chainHash(r.prevHash, body) !== r.hash) return { index: i, seq, problem: 'edited' };
    prev = r.hash;
  }
  return null;
}
