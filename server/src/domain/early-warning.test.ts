import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../import/importer';
import type { GraphStore } from '../store/graph-store';
import { openKuzuStore } from '../store/kuzu/kuzu-store';
import { rankWarnings } from './early-warning';

const A = 'sh-psb';
const viewer = { agencies: [A], userId: 'u' };
const node = (label: string, id: string, props: object = {}) => ({ kind: 'node', label, id, props });
const link = (type: string, from: string, to: string, props: object = {}, key = '') => ({ kind: 'link', type, from, to, sources: ['src:1'], props, ...(key ? { key } : {}) });
const call = (from: string, to: string, at: string, seconds: number) => link('CALLED', from, to, { at, seconds }, at);
const phone = (n: string) => node('Phone', `phone:+86139000000${n}`, { number: `+86139000000${n}` });
const p = (n: string) => `phone:+86139000000${n}`;

/**
 * A gang (one caller with two scam phones and a QQ that played a company's boss, cheating its
 * clerk), two people and a number nobody claims that the gang reached but did not cheat, the
 * company's other finance clerk, and a phone outside the gang that called somebody.
 */
const bundle = [
  { kind: 'meta', version: 1, agency: A },
  { kind: 'source', id: 'src:1', type: 'CALL_RECORDS', reference: '话单' },
  node('Gang', 'gang:g', { name: '团伙' }),
  node('Person', 'person:caller', { name: '话务员' }),
  phone('01'),
  phone('02'),
  node('OnlineAccount', 'qq:888', { platform: 'QQ', handle: '888' }),
  link('MEMBER_OF', 'person:caller', 'gang:g', { layer: 'CALLER' }),
  link('USES', 'person:caller', p('01')),
  link('USES', 'person:caller', p('02')),
  link('OWNS', 'person:caller', 'qq:888'),
  node('Case', 'case:1', { caseNo: '1', category: 'IMPERSONATE_BOSS', channel: 'NETWORK', status: 'FILED', reportedAt: '2026-03-01T10:00:00+08:00', loss: 100000 }),
  node('Person', 'person:victim', { name: '受害人' }),
  phone('10'),
  node('OnlineAccount', 'qq:100', { platform: 'QQ', handle: '100' }),
  node('BankCard', 'card:corp', { number: '1001', accountType: 'CORPORATE', holderName: '某某贸易公司' }),
  link('VICTIM_IN', 'person:victim', 'case:1'),
  link('USES', 'person:victim', p('10')),
  link('OWNS', 'person:victim', 'qq:100'),
  link('INVOLVES', 'case:1', 'qq:888'),
  link('INVOLVES', 'case:1', p('01')),
  link('INVOLVES', 'case:1', 'card:corp'),
  link('CONTACTED', 'qq:888', 'qq:100', { at: '2026-03-01T09:00:00+08:00' }, '2026-03-01T09:00:00+08:00'),
  call(p('01'), p('10'), '2026-03-01T09:30:00+08:00', 300),
  // Targets: Wang, called by both scam phones; Zhao, messaged by the fake boss; an unknown number called once.
  node('Person', 'person:wang', { name: '王某' }),
  phone('20'),
  link('USES', 'person:wang', p('20')),
  call(p('01'), p('20'), '2026-03-20T10:00:00+08:00', 120),
  call(p('02'), p('20'), '2026-03-25T10:00:00+08:00', 0),
  node('Person', 'person:zhao', { name: '赵某' }),
  node('OnlineAccount', 'qq:300', { platform: 'QQ', handle: '300' }),
  link('OWNS', 'person:zhao', 'qq:300'),
  link('CONTACTED', 'qq:888', 'qq:300', { at: '2026-03-24T10:00:00+08:00' }, '2026-03-24T10:00:00+08:00'),
  phone('40'),
  call(p('02'), p('40'), '2026-01-01T10:00:00+08:00', 0),
  // The company's other finance clerk holds the account the fake boss had paid from.
  node('Person', 'person:clerk', { name: '钱某' }),
  link('HOLDS', 'person:clerk', 'card:corp'),
  // The gang's shell company account the money went to: its holder is no one to warn.
  node('BankCard', 'card:shell', { number: '2002', accountType: 'CORPORATE', holderName: '空壳公司' }),
  link('INVOLVES', 'case:1', 'card:shell'),
  link('HOLDS', 'person:caller', 'card:shell'),
  // Outside the gang: a registered phone calling a neighbour.
  node('Person', 'person:neighbour', { name: '邻居' }),
  phone('50'),
  phone('51'),
  link('USES', 'person:neighbour', p('50')),
  call(p('50'), p('51'), '2026-03-26T10:00:00+08:00', 60),
];

// The same answers from the in-memory graph and from Kuzu's queries (the Neo4j path).
describe.each([
  ['graph in memory', true],
  ['Kuzu queries', false],
])('early warning on a hand-made gang (%s)', (_, cache) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'warning-')), { cache });
    await importBundle(store, (async function* () { yield bundle.map((r) => JSON.stringify(r)); })(), { by: 'u' });
    await store.ready();
  });
  afterAll(() => store.close());

  it('ranks who the gang reached, not its victim, finance staff of a company it cheated flagged', async () => {
    const ranked = rankWarnings(await store.gangContacts(viewer, 'gang:g'));
    expect(ranked.map((e) => [e.id, e.score])).toEqual([
      ['person:wang', 20],
      ['person:zhao', 13.402],
      ['person:clerk', 6],
      [p('40'), 5.189],
    ]);
    expect(ranked[0]).toEqual({
      id: 'person:wang',
      identifiers: [p('20')],
      contactedBy: [p('01'), p('02')],
      calls: 2,
      seconds: 120,
      messages: 0,
      lastAt: '2026-03-25T02:00:00.000Z',
      score: 20,
      reasons: [
        { code: 'CONTACTED_BY', count: 2 },
        { code: 'CALLS', count: 2, seconds: 120 },
        { code: 'RECENT', at: '2026-03-25T02:00:00.000Z' },
        { code: 'REACHED_VICTIMS', count: 1 },
        { code: 'FAKE_BOSS_CONTACT' },
      ],
    });
    expect(ranked[1]!.reasons.map((r) => r.code)).toEqual(['CONTACTED_BY', 'MESSAGES', 'RECENT', 'REACHED_VICTIMS', 'FAKE_BOSS_CONTACT']);
    expect(ranked[2]!.reasons).toEqual([{ code: 'FINANCE_STAFF', company: '某某贸易公司' }]);
  });

  it('lists the same across every gang, with a phone outside the gang left out', async () => {
    const ranked = rankWarnings(await store.gangContacts(viewer, null));
    expect(ranked.map((e) => e.id)).toEqual(['person:wang', 'person:zhao', 'person:clerk', p('40')]);
  });

  it('counts a phone nobody uses that called two numbers as every gang’s, weighed down, never as one gang’s', async () => {
    await importBundle(
      store,
      (async function* () {
        yield [{ kind: 'meta', version: 1, agency: A }, phone('60'), phone('61'), phone('62'), call(p('60'), p('61'), '2026-03-25T11:00:00+08:00', 0), call(p('60'), p('62'), '2026-03-25T12:00:00+08:00', 0)].map((r) =>
          JSON.stringify(r),
        );
      })(),
      { by: 'u' },
    );
    await store.ready();
    const all = rankWarnings(await store.gangContacts(viewer, null));
    expect(all.map((e) => [e.id, e.score])).toEqual([
      ['person:wang', 19.992],
      ['person:zhao', 13.394],
      ['person:clerk', 6],
      [p('62'), 6],
      [p('61'), 5.996],
      [p('40'), 5.188],
    ]);
    expect(all[4]!.reasons.map((r) => r.code)).toEqual(['CONTACTED_BY', 'CALLS', 'RECENT', 'UNCLAIMED_CALLER']);
    // Not tied to the gang, so not in its list.
    expect(rankWarnings(await store.gangContacts(viewer, 'gang:g')).map((e) => e.id)).not.toContain(p('61'));
  });
});
