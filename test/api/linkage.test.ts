import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/src/store/graph-store';
import { FJ, SH, ids } from '../contract/fixture';
import { client, fixtureApp, type Gql } from './harness';

const LINKED = `query($id: ID!) { linkedCases(caseId: $id) { linked { caseId score linked reasons { kind weight identifierId label cases days detail judgement { verdict } } judgement { verdict reason judgedBy } } } }`;
const SERIES = `query($limit: Int, $offset: Int) { caseSeries(limit: $limit, offset: $offset) { total offset series { id size caseIds keyIdentifiers { id label cases caseCount node { id } } identifierCount confirmedLinks categories from to } } }`;
const JUDGE = `mutation($a: ID!, $b: ID!, $verdict: LinkVerdict!, $reason: String) { judgeCaseLink(caseA: $a, caseB: $b, verdict: $verdict, reason: $reason) { caseA caseB verdict reason judgedBy agencies } }`;

const shared = (id: string, label: string) => ({ kind: 'SHARED_IDENTIFIER', weight: 1, identifierId: id, label, cases: 2, days: null, detail: null, judgement: null });

describe('case linkage through the GraphQL API', () => {
  let store: GraphStore;
  let gql: Gql;
  // One store for the file: the judgements below build on each other, in order.
  beforeAll(async () => {
    const made = await fixtureApp();
    store = made.store;
    gql = client(made.app);
  });
  afterAll(() => store.close());

  it('scores linked cases with their reasons: what they share and how many cases share it', async () => {
    const { body } = await gql(LINKED, { id: ids.sh1 });
    expect(body).toEqual({
      data: { linkedCases: { linked: [{ caseId: ids.sh2, score: 2, linked: true, reasons: [shared(ids.collect, 'BankCard'), shared(ids.suspect, 'Person')], judgement: null }] } },
    });
  });

  it('clusters every visible case into series with what joins them', async () => {
    const { body } = await gql(SERIES, {});
    expect(body.data.caseSeries).toEqual({
      total: 1,
      offset: 0,
      series: [
        {
          id: `series:${ids.fj1}`,
          size: 3,
          caseIds: [ids.fj1, ids.sh1, ids.sh2],
          keyIdentifiers: [
            { id: ids.collect, label: 'BankCard', cases: 2, caseCount: 2, node: { id: ids.collect } },
            { id: ids.suspect, label: 'Person', cases: 2, caseCount: 2, node: { id: ids.suspect } },
            { id: ids.callerPhone, label: 'Phone', cases: 2, caseCount: 2, node: { id: ids.callerPhone } },
          ],
          identifierCount: 3,
          confirmedLinks: 0,
          categories: ['IMPERSONATE_AUTHORITY', 'ONLINE_SHOPPING', 'PART_TIME_JOB'],
          from: '2026-01-31T18:00:00.000Z',
          to: '2026-03-12T02:00:00.000Z',
        },
      ],
    });
    // Fujian alone sees one case and no series; a page past the end is empty.
    expect((await gql(SERIES, {}, { 'x-agencies': FJ })).body.data.caseSeries).toEqual({ total: 0, offset: 0, series: [] });
    expect((await gql(SERIES, { offset: 1, limit: 1 })).body.data.caseSeries).toEqual({ total: 1, offset: 1, series: [] });
  });

  it('refuses a judgement without a reason, of one case, on an unseen case or by an anonymous viewer', async () => {
    const refusal = async (vars: object, headers: Record<string, string> = {}) => {
      const { body } = await gql(JUDGE, { a: ids.sh1, b: ids.sh2, verdict: 'REJECTED', ...vars }, headers);
      return { data: body.data, error: body.errors?.[0]?.message, ...body.errors?.[0]?.extensions };
    };
    expect(await refusal({})).toEqual({ data: null, error: 'reason: say why the cases are or are not linked.', code: 'BAD_INPUT', field: 'reason' });
    expect(await refusal({ reason: '  ' })).toMatchObject({ code: 'BAD_INPUT', field: 'reason' });
    expect(await refusal({ b: ids.sh1, reason: 'x' })).toMatchObject({ code: 'BAD_INPUT', field: 'caseB' });
    expect(await refusal({ b: ids.sh2, reason: 'x' }, { 'x-agencies': FJ })).toEqual({ data: null, error: 'caseA: no Case with this id.', code: 'NOT_FOUND', field: 'caseA' });
    expect(await refusal({ b: ids.collect, reason: 'x' })).toMatchObject({ code: 'NOT_FOUND', field: 'caseB' });
    expect(await refusal({ reason: 'x' }, { 'x-user': '' })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await gql(LINKED, { id: ids.sh1 })).body.data.linkedCases.linked[0].judgement).toBeNull();
  });

  it('keeps a rejection with who and why, and later scores and series follow it', async () => {
    const { body } = await gql(JUDGE, { a: ids.sh2, b: ids.sh1, verdict: 'REJECTED', reason: '收款卡号录入错误' }, { 'x-agencies': SH, 'x-user': 'officer-wu' });
    expect(body.data.judgeCaseLink).toEqual({ caseA: ids.sh1, caseB: ids.sh2, verdict: 'REJECTED', reason: '收款卡号录入错误', judgedBy: 'officer-wu', agencies: [SH] });
    const linked = (await gql(LINKED, { id: ids.sh1 })).body.data.linkedCases.linked;
    expect(linked).toEqual([
      {
        caseId: ids.sh2,
        score: 0,
        linked: false,
        reasons: [shared(ids.collect, 'BankCard'), shared(ids.suspect, 'Person'), { kind: 'JUDGED', weight: -2, identifierId: null, label: null, cases: null, days: null, detail: null, judgement: { verdict: 'REJECTED' } }],
        judgement: { verdict: 'REJECTED', reason: '收款卡号录入错误', judgedBy: 'officer-wu' },
      },
    ]);
    // SH1 leaves the series; SH2 and FJ1 still share the caller's phone.
    expect((await gql(SERIES, {})).body.data.caseSeries.series.map((s: { caseIds: string[] }) => s.caseIds)).toEqual([[ids.fj1, ids.sh2]]);
    // Fujian did not judge: its officers' scores are their own.
    expect((await gql(LINKED, { id: ids.fj1 }, { 'x-agencies': FJ })).body.data.linkedCases.linked).toEqual([]);
  });

  it('links a confirmed pair that shares nothing', async () => {
    await gql(JUDGE, { a: ids.sh3, b: ids.sh1, verdict: 'CONFIRMED', reason: '同一作案手法，嫌疑人供述' });
    const linked = (await gql(LINKED, { id: ids.sh3 })).body.data.linkedCases.linked;
    expect(linked.map((l: { caseId: string; score: number; linked: boolean }) => [l.caseId, l.score, l.linked])).toEqual([[ids.sh1, 1, true]]);
    const series = (await gql(SERIES, {})).body.data.caseSeries.series;
    expect(series.map((s: { caseIds: string[]; confirmedLinks: number }) => [s.caseIds, s.confirmedLinks])).toEqual([
      [[ids.fj1, ids.sh2], 0],
      [[ids.sh1, ids.sh3], 1],
    ]);
  });
});
