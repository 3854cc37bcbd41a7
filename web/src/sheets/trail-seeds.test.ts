import { describe, expect, it } from 'vitest';
import { trailCard, trailSeeds } from './trail-seeds';

describe('trailSeeds', () => {
  it('opens the statement card first, then its counterparties, each once', () => {
    const link = (from: string, to: string) => ({ link: { from, to } });
    expect(trailSeeds([link('card:A', 'card:B'), { link: null }, link('card:C', 'card:A'), link('card:A', 'card:B')])).toEqual(['card:A', 'card:B', 'card:C']);
    expect(trailSeeds([link('card:A', 'card:B'), link('card:A', 'card:C')], 2)).toEqual(['card:A', 'card:B']);
  });

  it('opens the money trail of the card most transfers touch; none for call records', () => {
    const link = (type: string, from: string, to: string) => ({ link: { type, from, to } });
    expect(trailCard([link('TRANSFERRED', 'card:A', 'card:B'), { link: null }, link('TRANSFERRED', 'card:C', 'card:A')])).toBe('card:A');
    expect(trailCard([link('CALLED', 'phone:+861', 'phone:+862'), link('CALLED', 'phone:+861', 'phone:+863')])).toBeNull();
    expect(trailCard([])).toBeNull();
  });
});
