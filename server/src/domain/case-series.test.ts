import { describe, expect, it } from 'vitest';
import { caseSeries, type CaseSeries } from './case-series';
import { crowd, graph, judgement, kase } from './linkage-fixture';

const brief = (series: CaseSeries[]) => series.map((s) => ({ cases: s.cases, key: s.keyIdentifiers.map((k) => `${k.id} ${k.cases}/${k.caseCount}`), confirmed: s.confirmedLinks }));

describe('caseSeries', () => {
  it('clusters cases joined through rare identifiers, transitively, and a hub joins nothing', () => {
    const g = graph([
      kase('case:A1', ['card:a', 'phone:95588'], { category: 'ONLINE_LOAN', reportedAt: '2025-01-05T10:00:00+08:00' }),
      kase('case:A2', ['card:a', 'qq:a'], { category: 'ONLINE_LOAN', reportedAt: '2025-02-05T10:00:00+08:00' }),
      kase('case:A3', ['qq:a', 'person:s'], { category: 'PART_TIME_JOB', reportedAt: '2024-12-31T23:00:00+08:00' }),
      kase('case:B1', ['phone:+8613900000001', 'phone:95588']),
      kase('case:B2', ['phone:+8613900000001', 'mac:hub-wifi']),
      kase('case:C1', ['phone:95588', 'mac:hub-wifi']),
      ...crowd('phone:95588', 199),
      ...crowd('mac:hub-wifi', 250, 'case:wifi'),
    ]);
    const series = caseSeries(g, []);
    expect(brief(series)).toEqual([
      { cases: ['case:A1', 'case:A2', 'case:A3'], key: ['card:a 2/2', 'qq:a 2/2'], confirmed: 0 },
      { cases: ['case:B1', 'case:B2'], key: ['phone:+8613900000001 2/2'], confirmed: 0 },
    ]);
    expect(series[0]).toMatchObject({
      id: 'series:case:A1',
      identifierCount: 2,
      categories: ['ONLINE_LOAN', 'PART_TIME_JOB'],
      from: '2024-12-31T23:00:00+08:00',
      to: '2025-02-05T10:00:00+08:00',
    });
  });

  it('joins through an identifier too common to link alone only where weak evidence adds up', () => {
    const near = { category: 'ONLINE_LOAN', reportedAt: '2025-03-01T10:00:00+08:00', city: '上海市', district: '浦东新区' };
    const g = graph([
      kase('case:A', ['phone:+8613900000009'], near),
      kase('case:B', ['phone:+8613900000009'], near),
      kase('case:C', ['phone:+8613900000009', 'card:c'], { ...near, category: 'OTHER', reportedAt: '2025-06-01T10:00:00+08:00', city: '杭州市' }),
      kase('case:D', ['card:c']),
      ...crowd('phone:+8613900000009', 97),
    ]);
    expect(brief(caseSeries(g, []))).toEqual([
      { cases: ['case:A', 'case:B'], key: ['phone:+8613900000009 2/100'], confirmed: 0 },
      { cases: ['case:C', 'case:D'], key: ['card:c 2/2'], confirmed: 0 },
    ]);
  });

  it('joins a confirmed pair and never joins a rejected one directly', () => {
    const g = graph([
      kase('case:A', ['card:1']),
      kase('case:B', ['card:1']),
      kase('case:C', []),
      kase('case:D', ['card:2', 'card:3']),
      kase('case:E', ['card:2', 'card:4']),
      kase('case:F', ['card:3', 'card:4']),
    ]);
    const judgements = [
      judgement('case:A', 'case:B', 'REJECTED', '2025-04-01T00:00:00.000Z'),
      judgement('case:C', 'case:A', 'CONFIRMED', '2025-04-01T00:00:01.000Z'),
      // D and E are rejected, but F links to both: they stay one series.
      judgement('case:D', 'case:E', 'REJECTED', '2025-04-01T00:00:02.000Z'),
    ];
    expect(brief(caseSeries(g, judgements))).toEqual([
      { cases: ['case:D', 'case:E', 'case:F'], key: ['card:3 2/2', 'card:4 2/2'], confirmed: 0 },
      { cases: ['case:A', 'case:C'], key: [], confirmed: 1 },
    ]);
    // Without the judgements: A and B share a card; C stands alone.
    expect(brief(caseSeries(g, [])).map((s) => s.cases)).toEqual([['case:D', 'case:E', 'case:F'], ['case:A', 'case:B']]);
  });

  it('lists the identifiers that join most cases first, at most three', () => {
    const g = graph([
      kase('case:1', ['card:x', 'card:y', 'card:z', 'card:w']),
      kase('case:2', ['card:x', 'card:y', 'card:z']),
      kase('case:3', ['card:x', 'card:y']),
      kase('case:4', ['card:x', 'card:w']),
    ]);
    expect(caseSeries(g, [])[0]!.keyIdentifiers).toEqual([
      { id: 'card:x', label: 'BankCard', cases: 4, caseCount: 4 },
      { id: 'card:y', label: 'BankCard', cases: 3, caseCount: 3 },
      { id: 'card:w', label: 'BankCard', cases: 2, caseCount: 2 },
    ]);
    expect(caseSeries(g, [])[0]!.identifierCount).toBe(4);
  });
});
