import { describe, expect, it } from 'vitest';
import { inferLayers } from './layers';

const people = ['boss', 'lead', 'caller', 'head', 'mule', 'stray', 'deputy', 'top'];

describe('inferLayers', () => {
  it('keeps recorded layers and infers a caller from the caller team leader above', () => {
    const out = inferLayers({
      people,
      reportsTo: [
        { from: 'lead', to: 'boss' },
        { from: 'caller', to: 'lead' },
      ],
      known: { boss: 'MANAGEMENT', lead: 'CALLER' },
    });
    expect(out.get('boss')).toEqual({ layer: 'MANAGEMENT', inferred: false });
    expect(out.get('lead')).toEqual({ layer: 'CALLER', inferred: false });
    expect(out.get('caller')).toEqual({ layer: 'CALLER', inferred: true });
    expect(out.has('stray')).toBe(false);
  });

  it('infers a team leader from the team under them when the boss above is management', () => {
    const out = inferLayers({
      people,
      reportsTo: [
        { from: 'head', to: 'boss' },
        { from: 'mule', to: 'head' },
      ],
      known: { boss: 'MANAGEMENT', mule: 'MONEY' },
    });
    expect(out.get('head')).toEqual({ layer: 'MONEY', inferred: true });
  });

  it('leaves unplaced someone who only reports to a manager', () => {
    const out = inferLayers({ people, reportsTo: [{ from: 'stray', to: 'boss' }], known: { boss: 'MANAGEMENT' } });
    expect(out.has('stray')).toBe(false);
  });

  it('makes management of whoever managers report to, through unknown links of the chain', () => {
    const out = inferLayers({
      people,
      reportsTo: [
        { from: 'boss', to: 'deputy' },
        { from: 'deputy', to: 'top' },
      ],
      known: { boss: 'MANAGEMENT' },
    });
    expect(out.get('deputy')).toEqual({ layer: 'MANAGEMENT', inferred: true });
    expect(out.get('top')).toEqual({ layer: 'MANAGEMENT', inferred: true });
  });

  it('takes the most common layer of the nearest level, the higher layer on a tie, and survives cycles', () => {
    const out = inferLayers({
      people: ['x', 'a', 'b', 'c', 'd'],
      reportsTo: [
        { from: 'a', to: 'x' },
        { from: 'b', to: 'x' },
        { from: 'x', to: 'c' },
        { from: 'c', to: 'x' },
        { from: 'd', to: 'd' },
      ],
      known: { a: 'MONEY', b: 'TECH' },
    });
    expect(out.get('x')).toEqual({ layer: 'TECH', inferred: true });
    expect(out.get('c')).toEqual({ layer: 'TECH', inferred: true });
    expect(out.has('d')).toBe(false);
  });
});
