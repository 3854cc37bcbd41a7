import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../store/accounts';
import { GENESIS, nextRecord, verifyChain } from './audit-chain';

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    out.push(nextRecord(out.at(-1) ?? null, { at: `2026-01-0${i + 1}T00:00:00.000Z`, userId: `user:u${i}`, agency: 'sh-psb', action: 'upsertNode', objectIds: [`phone:${i}`], outcome: 'ok', requestId: `r${i}`, detail: '' }));
  }
  return out;
}

describe('the audit hash chain', () => {
  it('chains each record to the one before, from the genesis hash', () => {
    const c = chain(3);
    expect(c.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(c[0]!.prevHash).toBe(GENESIS);
    expect(c[1]!.prevHash).toBe(c[0]!.hash);
    expect(c[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(c)).toBeNull();
  });

  it('detects an edit at the edited record', () => {
    const c = chain(6);
    c[3] = { ...c[3]!, outcome: 'FORBIDDEN' };
    expect(verifyChain(c)).toEqual({ index: 3, seq: 4, problem: 'edited' });
  });

  it('detects an edit that recomputes the record’s own hash, at the record after it', () => {
    const c = chain(6);
    const forged = nextRecord({ seq: 2, hash: c[1]!.hash }, { ...c[2]!, userId: 'user:someone-else' });
    c[2] = forged;
    expect(verifyChain(c)).toEqual({ index: 3, seq: 4, problem: 'missing-or-reordered' });
  });

  it('detects a deletion where the record went missing', () => {
    const c = chain(6);
    c.splice(2, 1);
    expect(verifyChain(c)).toEqual({ index: 2, seq: 3, problem: 'missing-or-reordered' });
  });

  it('detects a swap at the first of the two positions', () => {
    const c = chain(6);
    [c[1], c[2]] = [c[2]!, c[1]!];
    expect(verifyChain(c)).toEqual({ index: 1, seq: 2, problem: 'missing-or-reordered' });
    // Swapping the positions too (seq and prevHash kept in place) still fails the content hash.
    const d = chain(6);
    const [a, b] = [d[1]!, d[2]!];
    d[1] = { ...b, seq: a.seq, prevHash: a.prevHash, hash: a.hash };
    d[2] = { ...a, seq: b.seq, prevHash: b.prevHash, hash: b.hash };
    expect(verifyChain(d)).toEqual({ index: 1, seq: 2, problem: 'edited' });
  });
});
