import { describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, type CaseCategory } from '../../server/src/domain/model';
import type { StatsBucket } from '../../server/src/domain/types';
import { CASE_SHARE, LOSS_SHARE } from './calibration';
import { describeProportion, largestDeviation, outsideTolerance, reportProportions } from './proportions';

const bucket = (key: string, cases: number, loss: number): StatsBucket => ({ key, cases, loss, stopped: 0, returned: 0 });

/** Stats of 1,000 cases: `cases` per category and channel, each category's loss in fen. */
function stats(o: { cases: Partial<Record<CaseCategory | 'UNKNOWN', number>>; loss: Partial<Record<CaseCategory | 'UNKNOWN', number>>; channels: Record<string, number> }) {
  const keys = Object.keys(o.cases) as (CaseCategory | 'UNKNOWN')[];
  const byCategory = keys.map((k) => bucket(k, o.cases[k]!, o.loss[k] ?? 0));
  const total = bucket('all', byCategory.reduce((s, b) => s + b.cases, 0), byCategory.reduce((s, b) => s + b.loss, 0));
  return { cases: total, byCategory, byChannel: Object.entries(o.channels).map(([k, n]) => bucket(k, n, 0)) };
}

/** Exactly the report: 10 cases per point of case share, 1,000,000 fen per point of loss share. */
const exact = {
  cases: Object.fromEntries(CASE_CATEGORIES.map((c) => [c, Math.round(CASE_SHARE[c] * 10)])),
  loss: Object.fromEntries(CASE_CATEGORIES.map((c) => [c, Math.round(LOSS_SHARE[c] * 1_000_000)])),
  channels: { NETWORK: 724, PHONE: 217, SMS: 59 },
};

describe('the report proportions measured on stats', () => {
  it('names every proportion the generator is calibrated on, with the report as target, and no deviation on the report itself', () => {
    expect(reportProportions(stats(exact))).toEqual([
      { name: 'cases: six categories', value: 81.3, target: 81.3, deviation: 0 },
      { name: 'loss: six categories + IMPERSONATE_AUTHORITY', value: 76.3, target: 76.3, deviation: 0 },
      { name: 'channel: NETWORK', value: 72.4, target: 72.4, deviation: 0 },
      { name: 'channel: PHONE', value: 21.7, target: 21.7, deviation: 0 },
      { name: 'channel: SMS', value: 5.9, target: 5.9, deviation: 0 },
      { name: 'cases: ONLINE_SHOPPING', value: 13.5, target: 13.5, deviation: 0 },
      { name: 'cases: ONLINE_LOAN', value: 11.8, target: 11.8, deviation: 0 },
      { name: 'cases: PART_TIME_JOB', value: 21, target: 21, deviation: 0 },
      { name: 'cases: FAKE_CUSTOMER_SERVICE', value: 14.2, target: 14.2, deviation: 0 },
      { name: 'cases: FAKE_ACQUAINTANCE', value: 10.6, target: 10.6, deviation: 0 },
      { name: 'cases: ONLINE_ROMANCE', value: 10.2, target: 10.2, deviation: 0 },
      { name: 'cases: IMPERSONATE_AUTHORITY', value: 8.4, target: 8.4, deviation: 0 },
      { name: 'cases: IMPERSONATE_BOSS', value: 3.1, target: 3.1, deviation: 0 },
      { name: 'cases: OTHER', value: 7.2, target: 7.2, deviation: 0 },
      { name: 'loss: ONLINE_SHOPPING', value: 3.6, target: 3.6, deviation: 0 },
      { name: 'loss: ONLINE_LOAN', value: 5.2, target: 5.2, deviation: 0 },
      { name: 'loss: PART_TIME_JOB', value: 17.5, target: 17.5, deviation: 0 },
      { name: 'loss: FAKE_CUSTOMER_SERVICE', value: 12.4, target: 12.4, deviation: 0 },
      { name: 'loss: FAKE_ACQUAINTANCE', value: 5.6, target: 5.6, deviation: 0 },
      { name: 'loss: ONLINE_ROMANCE', value: 15.8, target: 15.8, deviation: 0 },
      { name: 'loss: IMPERSONATE_AUTHORITY', value: 16.2, target: 16.2, deviation: 0 },
      { name: 'loss: IMPERSONATE_BOSS', value: 15.4, target: 15.4, deviation: 0 },
      { name: 'loss: OTHER', value: 8.3, target: 8.3, deviation: 0 },
    ]);
  });

  it('measures deviations in points, counting cases of no known category in the whole', () => {
    // 25 shopping cases more, 25 OTHER fewer; then 40 cases of no category: 1,040 in all.
    const s = stats({
      cases: { ...exact.cases, ONLINE_SHOPPING: 160, OTHER: 47, UNKNOWN: 40 },
      loss: { ...exact.loss, IMPERSONATE_BOSS: 0, UNKNOWN: 0 },
      channels: { NETWORK: 700, PHONE: 280, SMS: 60 },
    });
    const ps = reportProportions(s);
    const byName = (name: string) => ps.find((p) => p.name === name);
    expect(byName('cases: six categories')).toEqual({ name: 'cases: six categories', value: 80.58, target: 81.3, deviation: -0.72 });
    expect(byName('cases: ONLINE_SHOPPING')).toEqual({ name: 'cases: ONLINE_SHOPPING', value: 15.38, target: 13.5, deviation: 1.88 });
    expect(byName('channel: PHONE')).toEqual({ name: 'channel: PHONE', value: 26.92, target: 21.7, deviation: 5.22 });
    // Without the boss cases' loss (15.4 of 100 points), every other category's loss share grows by 1/0.846.
    expect(byName('loss: six categories + IMPERSONATE_AUTHORITY')).toEqual({ name: 'loss: six categories + IMPERSONATE_AUTHORITY', value: 90.19, target: 76.3, deviation: 13.89 });
    expect(byName('loss: IMPERSONATE_BOSS')).toEqual({ name: 'loss: IMPERSONATE_BOSS', value: 0, target: 15.4, deviation: -15.4 });
    expect(largestDeviation(ps)).toEqual(byName('loss: IMPERSONATE_BOSS'));
    expect(outsideTolerance(ps).map((p) => p.name)).toEqual([
      'loss: six categories + IMPERSONATE_AUTHORITY',
      'channel: NETWORK',
      'channel: PHONE',
      'cases: OTHER',
      'loss: PART_TIME_JOB',
      'loss: FAKE_CUSTOMER_SERVICE',
      'loss: ONLINE_ROMANCE',
      'loss: IMPERSONATE_AUTHORITY',
      'loss: IMPERSONATE_BOSS',
    ]);
    expect(describeProportion(byName('cases: ONLINE_SHOPPING')!)).toBe('cases: ONLINE_SHOPPING 15.38 % (report 13.5 %, +1.88 points)');
    expect(describeProportion(byName('cases: six categories')!)).toBe('cases: six categories 80.58 % (report 81.3 %, -0.72 points)');
  });

  it('refuses to measure stats with no cases', () => {
    expect(() => reportProportions(stats({ cases: {}, loss: {}, channels: {} }))).toThrow('no cases or no loss to measure (cases 0, loss 0)');
  });
});
