import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { SH, ids } from '../contract/fixture';
import { client, fixtureApp, type Gql } from './harness';

const CASES = `query($month: String, $channel: Channel, $status: CaseStatus, $having: CaseFigure, $limit: Int, $offset: Int, $province: String) {
  cases(month: $month, channel: $channel, status: $status, having: $having, limit: $limit, offset: $offset, province: $province) { total cases { id } } }`;

describe('the yearly report on the two-agency fixture', () => {
  let app: App;
  let store: GraphStore;
  let gql: Gql;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp());
    gql = client(app, { 'x-role': 'INVESTIGATOR' });
  });
  afterAll(() => store.close());

  const cases = async (variables: Record<string, unknown>, headers?: Record<string, string>) => {
    const { body } = await gql(CASES, variables, headers);
    if (body.errors) return body.errors.map((e: { extensions: { code: string } }) => e.extensions.code);
    return [body.data.cases.total, body.data.cases.cases.map((c: { id: string }) => c.id)];
  };

  it('counts suspects and frozen accounts beside the cases and money', async () => {
    const { body } = await gql('{ stats { cases { cases loss stopped returned } suspects frozenCards frozenAmount } }');
    expect(body.data.stats).toEqual({ cases: { cases: 4, loss: '98521000', stopped: '100000', returned: '50000' }, suspects: 1, frozenCards: 1, frozenAmount: '300000' });
  });

  it('lists the cases behind a figure, newest report first, a page at a time', async () => {
    expect(await cases({})).toEqual([4, [ids.sh3, ids.fj1, ids.sh2, ids.sh1]]);
    expect(await cases({ limit: 1, offset: 1 })).toEqual([4, [ids.fj1]]);
    expect(await cases({ month: '2026-03', channel: 'NETWORK' })).toEqual([1, [ids.fj1]]);
    expect(await cases({ month: '2026-02' })).toEqual([1, [ids.sh1]]);
    expect(await cases({ status: 'SOLVED' })).toEqual([1, [ids.sh2]]);
    expect(await cases({ province: '福建' })).toEqual([1, [ids.fj1]]);
    expect(await cases({ having: 'SUSPECT' })).toEqual([2, [ids.sh2, ids.sh1]]);
    expect(await cases({ having: 'FROZEN_CARD' })).toEqual([2, [ids.sh2, ids.sh1]]);
    expect(await cases({ having: 'STOPPED' })).toEqual([1, [ids.sh1]]);
    expect(await cases({ having: 'RETURNED' })).toEqual([1, [ids.sh1]]);
  });

  it('keeps to what the viewer sees and refuses a month that is not one', async () => {
    expect(await cases({}, { 'x-agencies': SH })).toEqual([3, [ids.sh3, ids.sh2, ids.sh1]]);
    expect(await cases({ month: '2026-13' })).toEqual(['BAD_INPUT']);
  });
});
