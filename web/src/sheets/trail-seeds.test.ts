import { describe, expect, it } from 'vitest';
import { trailSeeds } from './trail-seeds';

describe('trailSeeds', () => {
  it('opens the statement card first, then its counterparties, each once', () => {
    const link = (from: string, to: string) => ({ link: { from, to } });
    expect(trailSeeds([link('card:A', 'card:B'), { link: null }, link('card:C', 'card:A'), link('card:A', 'card:B')])).toEqual(['card:A', 'card:B', 'card:C']);
    expect(trailSeeds([link('card:A', 'card:B'), link('card:A', 'card:C')], 2)).toEqual(['card:A', 'card:B']);
  });
});
