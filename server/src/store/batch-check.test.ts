import { describe, expect, it } from 'vitest';
import type { LinkInput, NodeInput } from '../domain/types';
import { checkBatch } from './batch-check';

const card = (n: number): NodeInput => ({ id: `card:${n}`, label: 'BankCard', owner: 'sh', props: {} });
const person = (n: number): NodeInput => ({ id: `person:${n}`, label: 'Person', owner: 'sh', props: {} });
const transfer = (from: number, to: number, key: string, owner: string, source: string, amount: number): LinkInput => ({
  type: 'TRANSFERRED',
  from: `card:${from}`,
  to: `card:${to}`,
  key,
  owner,
  sources: [source],
  props: { amount },
});
const holds = (p: number, c: number, source: string): LinkInput => ({ type: 'HOLDS', from: `person:${p}`, to: `card:${c}`, key: '', owner: 'sh', sources: [source], props: {} });
const noneStored = async () => new Map();

describe('checkBatch merges a batch’s links by identity', () => {
  it('merges repeats of a link, later properties winning, owners and sources joined', async () => {
    const checked = await checkBatch(
      { nodes: [card(1), card(2)], links: [transfer(1, 2, 'T1', 'sh', 's1', 100), transfer(1, 2, 'T1', 'fj', 's2', 100), transfer(1, 2, 'T1', 'sh', 's1', 200)], sources: [] },
      noneStored,
    );
    expect(checked.links).toEqual([{ type: 'TRANSFERRED', from: 'card:1', to: 'card:2', key: 'T1', owner: 'sh', owners: ['sh', 'fj'], sources: ['s1', 's2'], props: { amount: 200 } }]);
  });

  it('keeps links that share a key but not their ends or type apart, in the order first seen, each merging its own repeats', async () => {
    const checked = await checkBatch(
      {
        nodes: [card(1), card(2), card(3), person(1), person(2)],
        links: [
          transfer(1, 2, 'T1', 'sh', 'r1', 100),
          transfer(2, 1, 'T1', 'sh', 'r2', 200),
          holds(1, 1, 'r3'),
          transfer(1, 3, 'T1', 'sh', 'r4', 300),
          holds(2, 1, 'r5'),
          transfer(2, 1, 'T1', 'sh', 'r6', 250),
          holds(1, 1, 'r7'),
          transfer(1, 2, 'T1', 'sh', 'r8', 150),
        ],
        sources: [],
      },
      noneStored,
    );
    expect(checked.links.map((l) => [l.type, l.from, l.to, l.key, l.sources, l.props])).toEqual([
      ['TRANSFERRED', 'card:1', 'card:2', 'T1', ['r1', 'r8'], { amount: 150 }],
      ['TRANSFERRED', 'card:2', 'card:1', 'T1', ['r2', 'r6'], { amount: 250 }],
      ['HOLDS', 'person:1', 'card:1', '', ['r3', 'r7'], {}],
      ['TRANSFERRED', 'card:1', 'card:3', 'T1', ['r4'], { amount: 300 }],
      ['HOLDS', 'person:2', 'card:1', '', ['r5'], {}],
    ]);
  });

  it('does not change the links it was given', async () => {
    const first = transfer(1, 2, 'T1', 'sh', 's1', 100);
    await checkBatch({ nodes: [card(1), card(2)], links: [first, transfer(1, 2, 'T1', 'fj', 's2', 200)], sources: [] }, noneStored);
    expect(first).toEqual(transfer(1, 2, 'T1', 'sh', 's1', 100));
  });
});
