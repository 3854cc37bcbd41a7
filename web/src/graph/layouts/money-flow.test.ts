import { describe, expect, it } from 'vitest';
import { moneyFlowLayout, type Transfer } from './money-flow';

const at = (hhmm: string, day = '2024-08-21') => `${day}T${hhmm}:00+08:00`;
const tx = (id: string, from: string, to: string, time: string, amount: string): Transfer => ({ id, from, to, at: time, amount });

// Ms Wu's three transfers to collection cards, which pass the money on; her salary came in earlier.
const transfers = [
  tx('t0', 'U', 'V', at('09:00', '2024-08-01'), '500000'),
  tx('t1', 'V', 'C1', at('10:05'), '40000000'),
  tx('t2', 'V', 'C2', at('10:21'), '35000000'),
  tx('t3', 'V', 'C3', at('10:34'), '23000000'),
  tx('t4', 'C1', 'DA', at('10:40'), '39000000'),
  tx('t5', 'C2', 'DC', at('10:22'), '34000000'),
  tx('t6', 'C3', 'DB', at('10:35'), '22000000'),
];
const nodes = ['U', 'V', 'C1', 'C2', 'C3', 'DA', 'DB', 'DC'];

describe('moneyFlowLayout', () => {
  it('puts cards in columns by hops from the victim card, payers into it to its left, and uncrosses the links', () => {
    const m = moneyFlowLayout({ nodes, transfers, seeds: ['V'], spacing: { x: 100, y: 50 } });
    expect(m.positions).toEqual({
      U: { x: 0, y: 0 },
      V: { x: 100, y: 0 },
      C1: { x: 200, y: -50 },
      C2: { x: 200, y: 0 },
      C3: { x: 200, y: 50 },
      DA: { x: 300, y: -50 },
      DC: { x: 300, y: 0 },
      DB: { x: 300, y: 50 },
    });
    expect(m.crossings).toBe(0);
  });

  it('orders a column by first arrival when sweeps are off, which here crosses twice', () => {
    const m = moneyFlowLayout({ nodes, transfers, seeds: ['V'], spacing: { x: 100, y: 50 }, sweeps: 0 });
    expect(['DC', 'DB', 'DA'].map((n) => m.positions[n]!.y)).toEqual([-50, 0, 50]);
    expect(m.crossings).toBe(2);
  });

  it('says when money reached each column and how wide each link is', () => {
    const m = moneyFlowLayout({ nodes, transfers, seeds: ['V'] });
    expect(m.columns).toEqual([
      { index: 0, x: 0, count: 1, first: Date.parse(at('09:00', '2024-08-01')), last: Date.parse(at('09:00', '2024-08-01')) },
      { index: 1, x: 220, count: 1, first: Date.parse(at('09:00', '2024-08-01')), last: Date.parse(at('09:00', '2024-08-01')) },
      { index: 2, x: 440, count: 3, first: Date.parse(at('10:05')), last: Date.parse(at('10:34')) },
      { index: 3, x: 660, count: 3, first: Date.parse(at('10:22')), last: Date.parse(at('10:40')) },
    ]);
    expect(m.widths).toEqual({ t0: 4, t1: 7.3, t2: 7.2, t3: 6.9, t4: 7.3, t5: 7.2, t6: 6.8 });
  });

  it('starts without seeds from the cards nothing was paid into, and a closed loop from its earliest transfer', () => {
    expect(moneyFlowLayout({ nodes, transfers }).columns.map((c) => c.count)).toEqual([1, 1, 3, 3]);
    const loop = moneyFlowLayout({
      nodes: ['A', 'B', 'C'],
      transfers: [tx('x', 'B', 'C', at('10:02'), '100'), tx('y', 'C', 'A', at('10:03'), '100'), tx('z', 'A', 'B', at('10:01'), '100')],
      spacing: { x: 100, y: 50 },
    });
    expect(loop.positions).toEqual({ A: { x: 0, y: 0 }, B: { x: 100, y: 0 }, C: { x: 200, y: 0 } });
  });
});
