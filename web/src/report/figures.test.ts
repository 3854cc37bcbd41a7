import { describe, expect, it } from 'vitest';
import { headline, shares } from './figures';

describe('report figures', () => {
  it('gives each breakdown row its share and bar, largest first', () => {
    expect(shares([{ key: 'PHONE', cases: 217 }, { key: 'NETWORK', cases: 724 }, { key: 'SMS', cases: 59 }])).toEqual([
      { key: 'NETWORK', cases: 724, loss: undefined, percent: 72.4, bar: 100 },
      { key: 'PHONE', cases: 217, loss: undefined, percent: 21.7, bar: 30 },
      { key: 'SMS', cases: 59, loss: undefined, percent: 5.9, bar: 8 },
    ]);
    expect(shares([{ key: '2026-02', cases: 1 }, { key: '2026-01', cases: 3 }], 'key').map((r) => r.key)).toEqual(['2026-02', '2026-01']);
    expect(shares([])).toEqual([]);
  });

  it('lists the headline figures with the cases each one opens', () => {
    const figures = headline({
      cases: { cases: 4, loss: '98521000', stopped: '100000', returned: '50000' },
      suspects: 1,
      frozenCards: 1,
      frozenAmount: '300000',
      byStatus: [{ key: 'FILED', cases: 2 }, { key: 'SOLVED', cases: 1 }],
    });
    expect(figures.map((f) => [f.key, f.value, f.drill])).toEqual([
      ['reported', 4, {}],
      ['solved', 1, { status: 'SOLVED' }],
      ['suspects', 1, { having: 'SUSPECT' }],
      ['loss', '98521000', { having: 'LOSS' }],
      ['stopped', '100000', { having: 'STOPPED' }],
      ['frozen', 1, { having: 'FROZEN_CARD' }],
      ['returned', '50000', { having: 'RETURNED' }],
    ]);
    expect(figures.find((f) => f.key === 'frozen')?.extra).toBe('300000');
  });
});
