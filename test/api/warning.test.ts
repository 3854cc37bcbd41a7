import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { FJ, SH, ids } from '../contract/fixture';
import { client, fixtureApp, type Gql } from './harness';

const WARNINGS = `query($gangId: ID, $limit: Int) { earlyWarnings(gangId: $gangId, limit: $limit) {
  rank score calls seconds messages lastAt node { id label } identifiers { id } contactedBy { id } reasons { code count seconds at company } } }`;

describe('earlyWarnings on the two-agency fixture', () => {
  let app: App;
  let store: GraphStore;
  let gql: Gql;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp());
    gql = client(app, { 'x-role': 'INVESTIGATOR' });
  });
  afterAll(() => store.close());

  // The gang's caller phone called a number no one in the fixture is known to use; the phone is in
  // two cases (SH2, FJ1), so whoever answers it is the next likely victim.
  const entry = (cases: number, score: number) => ({
    rank: 1,
    score,
    calls: 1,
    seconds: 900,
    messages: 0,
    lastAt: '2026-03-10T01:00:00.000Z',
    node: { id: ids.victimPhone, label: 'Phone' },
    identifiers: [{ id: ids.victimPhone }],
    contactedBy: [{ id: ids.callerPhone }],
    reasons: [
      { code: 'CONTACTED_BY', count: 1, seconds: null, at: null, company: null },
      { code: 'CALLS', count: 1, seconds: 900, at: null, company: null },
      { code: 'RECENT', count: null, seconds: null, at: '2026-03-10T01:00:00.000Z', company: null },
      { code: 'REACHED_VICTIMS', count: cases, seconds: null, at: null, company: null },
    ],
  });

  it('lists the number the gang called, with its reasons, for one gang and for every gang', async () => {
    expect((await gql(WARNINGS, { gangId: ids.gang })).body).toEqual({ data: { earlyWarnings: [entry(2, 14)] } });
    expect((await gql(WARNINGS, {})).body).toEqual({ data: { earlyWarnings: [entry(2, 14)] } });
  });

  it('weighs only the cases the viewer may see, and shows another agency nothing of the call', async () => {
    expect((await gql(WARNINGS, { gangId: ids.gang }, { 'x-agencies': SH })).body).toEqual({ data: { earlyWarnings: [entry(1, 13.5)] } });
    expect((await gql(WARNINGS, {}, { 'x-agencies': FJ })).body).toEqual({ data: { earlyWarnings: [] } });
    const hidden = await gql(WARNINGS, { gangId: ids.gang }, { 'x-agencies': FJ });
    expect(hidden.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('clamps the limit to at least one entry', async () => {
    expect((await gql(WARNINGS, { limit: 0 })).body.data.earlyWarnings).toHaveLength(1);
  });
});
