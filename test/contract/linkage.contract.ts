import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/domain/types';
import type { GraphStore } from '../../server/src/store/graph-store';
import { JudgementError } from '../../server/src/store/judgements';
import { FJ, SH, ids, storeWithBothBundles } from './fixture';

const sh: Viewer = { agencies: [SH], userId: 'officer-wu' };
const sh2: Viewer = { agencies: [SH], userId: 'officer-zhao' };
const fj: Viewer = { agencies: [FJ], userId: 'officer-lin' };
const both: Viewer = { agencies: [SH, FJ], userId: 'lead-chen' };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** What case linkage reads through the port, and the judgements it keeps; `makeStore` as in the graph contract. */
export function describeLinkageContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`Case linkage contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await storeWithBothBundles(makeStore);
    });
    afterEach(async () => {
      await store.close();
    });

    describe('caseIncidence', () => {
      it('gives every visible case with what it involves, and how many cases each identifier touches', async () => {
        const [sh1] = await store.getNodes(sh, [ids.sh1]);
        expect(await store.caseIncidence(sh, { casesPerIdentifier: 10 })).toEqual({
          cases: [
            { id: ids.sh1, category: 'ONLINE_SHOPPING', reportedAt: sh1!.props.reportedAt, city: null, district: null, identifiers: [ids.collect, ids.suspect] },
            { id: ids.sh2, category: 'IMPERSONATE_AUTHORITY', reportedAt: expect.any(String), city: null, district: null, identifiers: [ids.collect, ids.suspect, ids.callerPhone] },
            { id: ids.sh3, category: 'ONLINE_LOAN', reportedAt: expect.any(String), city: null, district: null, identifiers: [] },
          ],
          identifiers: [
            { id: ids.collect, label: 'BankCard', caseCount: 2, cases: [ids.sh1, ids.sh2] },
            { id: ids.suspect, label: 'Person', caseCount: 2, cases: [ids.sh1, ids.sh2] },
            // Fujian's link from its case to the phone is not Shanghai's to see.
            { id: ids.callerPhone, label: 'Phone', caseCount: 1, cases: [ids.sh2] },
          ],
        });
      });

      it('counts the cases of the asked cases’ identifiers across agencies, listing them up to the bound', async () => {
        expect(await store.caseIncidence(both, { caseIds: [ids.fj1, 'case:unknown'], casesPerIdentifier: 2 })).toEqual({
          cases: [{ id: ids.fj1, category: 'PART_TIME_JOB', reportedAt: expect.any(String), city: null, district: null, identifiers: [ids.callerPhone] }],
          identifiers: [{ id: ids.callerPhone, label: 'Phone', caseCount: 2, cases: [ids.fj1, ids.sh2] }],
        });
        expect((await store.caseIncidence(both, { caseIds: [ids.fj1], casesPerIdentifier: 1 })).identifiers).toEqual([
          { id: ids.callerPhone, label: 'Phone', caseCount: 2, cases: [] },
        ]);
        expect((await store.caseIncidence(fj, { caseIds: [ids.fj1], casesPerIdentifier: 5 })).identifiers).toEqual([
          { id: ids.callerPhone, label: 'Phone', caseCount: 1, cases: [ids.fj1] },
        ]);
        expect(await store.caseIncidence(fj, { caseIds: [ids.sh1], casesPerIdentifier: 5 })).toEqual({ cases: [], identifiers: [] });
        // Only what two cases share, when asked: the caller's phone is Shanghai's in one case only.
        expect((await store.caseIncidence(sh, { casesPerIdentifier: 5, sharedOnly: true })).identifiers.map((u) => u.id)).toEqual([ids.collect, ids.suspect]);
        expect((await store.caseIncidence(sh, { caseIds: [ids.sh2], casesPerIdentifier: 5, sharedOnly: true })).identifiers.map((u) => u.id)).toEqual([ids.collect, ids.suspect]);
        expect(await store.caseIncidence(sh, { caseIds: [ids.collect], casesPerIdentifier: 5 })).toEqual({ cases: [], identifiers: [] });
      });
    });

    describe('judgements', () => {
      it('keeps who judged a pair, when and why, in id order, for the judge’s agency', async () => {
        const j = await store.judgeCaseLink(sh, { caseA: ids.sh2, caseB: ids.sh1, verdict: 'CONFIRMED', reason: '  同一收款卡，嫌疑人供述  ' });
        expect(j.id).toMatch(/^judgement:[0-9a-f-]{36}$/);
        expect(j.judgedAt).toMatch(ISO);
        expect(j).toEqual({ id: j.id, caseA: ids.sh1, caseB: ids.sh2, verdict: 'CONFIRMED', reason: '同一收款卡，嫌疑人供述', judgedBy: 'officer-wu', judgedAt: j.judgedAt, agencies: [SH] });
        expect(await store.caseLinkJudgements(sh2, {})).toEqual([j]);
        expect(await store.caseLinkJudgements(both, { caseIds: [ids.sh2] })).toEqual([j]);
        expect(await store.caseLinkJudgements(fj, {})).toEqual([]);
        expect(await store.caseLinkJudgements(sh, { caseIds: [ids.sh3] })).toEqual([]);
      });

      it('keeps every judgement of a pair, oldest first', async () => {
        const first = await store.judgeCaseLink(sh, { caseA: ids.sh1, caseB: ids.sh2, verdict: 'CONFIRMED', reason: 'same card' });
        const second = await store.judgeCaseLink(sh2, { caseA: ids.sh1, caseB: ids.sh2, verdict: 'REJECTED', reason: 'card number mistyped' });
        const other = await store.judgeCaseLink(fj, { caseA: ids.fj1, caseB: ids.sh2, verdict: 'CONFIRMED', reason: 'same caller' });
        expect(second.judgedAt > first.judgedAt).toBe(true);
        expect((await store.caseLinkJudgements(sh, { caseIds: [ids.sh1] })).map((x) => x.id)).toEqual([first.id, second.id]);
        expect((await store.caseLinkJudgements(both, {})).map((x) => x.id)).toEqual([first.id, second.id, other.id]);
      });

      it('refuses an empty reason and a case judged against itself, writing nothing', async () => {
        const refused = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
        const empty = await refused(store.judgeCaseLink(sh, { caseA: ids.sh1, caseB: ids.sh2, verdict: 'REJECTED', reason: '   ' }));
        expect(empty).toBeInstanceOf(JudgementError);
        expect(empty).toMatchObject({ field: 'reason', message: 'reason: say why the cases are or are not linked.' });
        expect(await refused(store.judgeCaseLink(sh, { caseA: ids.sh1, caseB: ids.sh1, verdict: 'CONFIRMED', reason: 'x' }))).toMatchObject({ field: 'caseB' });
        expect(await store.caseLinkJudgements(both, {})).toEqual([]);
      });
    });
  });
}
