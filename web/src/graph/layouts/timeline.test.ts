import { describe, expect, it } from 'vitest';
import type { ElementDefinition } from 'cytoscape';
import { filterByTime, timeHistogram } from './timeline';

const sh = (s: string) => Date.parse(`${s}+08:00`);
const node = (id: string): ElementDefinition => ({ group: 'nodes', data: { id } });
const edge = (id: string, source: string, target: string, time?: string, amount?: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target, ...(time ? { t: sh(time) } : {}), ...(amount ? { amount } : {}) },
});

describe('timeHistogram', () => {
  it('takes the finest step that fits, on Shanghai quarter hours, summing the money', () => {
    const h = timeHistogram(
      [edge('t1', 'V', 'C1', '2024-08-21T10:05:00', '40000000'), edge('t2', 'V', 'C2', '2024-08-21T10:21:00', '35000000'), edge('t3', 'V', 'C3', '2024-08-21T10:34:00', '23000000'), edge('h', 'P', 'C1'), node('V')],
      { maxBuckets: 4 },
    );
    expect(h).toEqual({
      from: sh('2024-08-21T10:00:00'),
      to: sh('2024-08-21T10:45:00'),
      step: '15m',
      buckets: [
        { start: sh('2024-08-21T10:00:00'), end: sh('2024-08-21T10:15:00'), count: 1, amount: '40000000' },
        { start: sh('2024-08-21T10:15:00'), end: sh('2024-08-21T10:30:00'), count: 1, amount: '35000000' },
        { start: sh('2024-08-21T10:30:00'), end: sh('2024-08-21T10:45:00'), count: 1, amount: '23000000' },
      ],
      untimed: 1,
    });
  });

  it('starts weeks on Monday and months on the 1st, at midnight in Shanghai', () => {
    const weeks = timeHistogram([{ id: 'a', t: sh('2024-08-01T09:00:00') }, { id: 'b', t: sh('2024-08-21T10:05:00') }], { maxBuckets: 4 });
    expect([weeks.step, weeks.buckets.map((b) => b.start)]).toEqual(['7d', ['2024-07-29', '2024-08-05', '2024-08-12', '2024-08-19'].map((d) => sh(`${d}T00:00:00`))]);
    const months = timeHistogram([{ id: 'a', t: sh('2024-01-31T23:30:00') }, { id: 'b', t: Date.parse('2024-01-31T16:30:00Z') }, { id: 'c', t: sh('2024-03-01T00:10:00') }], { maxBuckets: 3 });
    expect([months.step, months.buckets.map((b) => [b.start, b.count]), months.to]).toEqual([
      '1M',
      [
        [sh('2024-01-01T00:00:00'), 1],
        [sh('2024-02-01T00:00:00'), 1],
        [sh('2024-03-01T00:00:00'), 1],
      ],
      sh('2024-04-01T00:00:00'),
    ]);
  });

  it('has no buckets when nothing is timed', () => {
    expect(timeHistogram([edge('h', 'P', 'C1')])).toEqual({ from: 0, to: 0, step: '1d', buckets: [], untimed: 1 });
  });
});

describe('filterByTime', () => {
  const els = [
    node('C1'),
    node('C2'),
    node('D'),
    node('K'),
    node('P'),
    node('V'),
    node('W'),
    edge('h', 'P', 'C1'),
    edge('t1', 'V', 'C1', '2024-08-21T10:05:00'),
    edge('t2', 'V', 'C2', '2024-08-21T10:21:00'),
    edge('t3', 'C2', 'D', '2024-08-21T10:40:00'),
    edge('v', 'W', 'K'),
    edge('h2', 'P', 'D'),
  ];

  it('keeps links in the window, the nodes they join, nodes that are never timed and untimed links between kept nodes', () => {
    expect(filterByTime(els, { from: sh('2024-08-21T10:00:00'), to: sh('2024-08-21T10:10:00') })).toEqual({
      visible: ['C1', 'K', 'P', 'V', 'W', 'h', 't1', 'v'],
      hidden: ['C2', 'D', 't2', 't3', 'h2'],
    });
  });

  it('keeps everything when the window is open at both ends, and the bounds are inclusive', () => {
    expect(filterByTime(els, {}).hidden).toEqual([]);
    expect(filterByTime(els, { from: sh('2024-08-21T10:40:00') }).hidden).toEqual(['C1', 'V', 'h', 't1', 't2']);
  });
});
