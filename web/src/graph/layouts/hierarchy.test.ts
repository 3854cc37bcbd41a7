import { describe, expect, it } from 'vitest';
import type { GangLayer } from '../../../../server/src/domain/model';
import { hierarchyInputFromElements, hierarchyLayout, place } from './hierarchy';
import { emptyGraph, mergeGraph, toElements, type ApiLink } from '../elements';

describe('hierarchyLayout', () => {
  const reports = (pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }));
  const layers: Record<string, GangLayer> = {
    boss: 'MANAGEMENT',
    deputy: 'MANAGEMENT',
    tech1: 'TECH',
    tech2: 'TECH',
    lead1: 'CALLER',
    lead2: 'CALLER',
    c1: 'CALLER',
    c2: 'CALLER',
    head: 'MONEY',
    m1: 'MONEY',
    m2: 'MONEY',
    m3: 'MONEY',
    m4: 'MONEY',
  };
  const people = [...Object.keys(layers), 'c3', 'stray'];
  const input = {
    people,
    reportsTo: reports([
      ['deputy', 'boss'],
      ['tech1', 'boss'],
      ['tech2', 'boss'],
      ['lead1', 'deputy'],
      ['lead2', 'deputy'],
      ['c1', 'lead1'],
      ['c2', 'lead1'],
      ['c3', 'lead2'],
      ['head', 'boss'],
      ['m1', 'head'],
      ['m2', 'head'],
      ['m3', 'head'],
      ['m4', 'head'],
    ]),
    // c3's layer was inferred by the server.
    layers: { ...layers, c3: 'CALLER' as GangLayer },
    inferred: ['c3'],
    gang: 'gang:730',
    others: ['phone:2', 'phone:1'],
    spacing: { x: 100, y: 100, bandGap: 50, columns: 3, width: 1000 },
  };

  it('stacks the layers in bands, puts each team under its boss and packs subordinates in rows of `columns`', () => {
    const h = hierarchyLayout(input);
    expect(h.positions).toEqual({
      boss: { x: 0, y: 0 },
      deputy: { x: 0, y: 100 },
      tech1: { x: -50, y: 250 },
      tech2: { x: 50, y: 250 },
      lead1: { x: -75, y: 400 },
      c1: { x: -125, y: 500 },
      c2: { x: -25, y: 500 },
      lead2: { x: 75, y: 400 },
      c3: { x: 75, y: 500 },
      head: { x: 0, y: 650 },
      m1: { x: -100, y: 750 },
      m2: { x: 0, y: 750 },
      m3: { x: 100, y: 750 },
      m4: { x: 0, y: 850 },
      stray: { x: -12.5, y: 1000 },
      'gang:730': { x: 0, y: -100 },
      'phone:1': { x: 400, y: 0 },
      'phone:2': { x: 500, y: 0 },
    });
    expect(h.inferred).toEqual(['c3']);
  });

  it('wraps a band wider than `width` into tiers', () => {
    const h = hierarchyLayout({ ...input, spacing: { ...input.spacing, width: 150 } });
    expect(['lead1', 'c1', 'c2', 'lead2', 'c3', 'head', 'stray'].map((p) => [p, h.positions[p]])).toEqual([
      ['lead1', { x: 0, y: 400 }],
      ['c1', { x: -50, y: 500 }],
      ['c2', { x: 50, y: 500 }],
      ['lead2', { x: 0, y: 600 }],
      ['c3', { x: 0, y: 700 }],
      ['head', { x: 0, y: 850 }],
      ['stray', { x: 0, y: 1200 }],
    ]);
    expect(h.bands.find((b) => b.layer === 'CALLER')).toMatchObject({ top: 350, bottom: 750 });
  });

  it('names and counts each band and says where to draw it', () => {
    const band = (layer: string, name: string, count: number, inferred: number, top: number, bottom: number) => ({ layer, name, count, inferred, top, bottom, left: -225, right: 200, label: { x: -225, y: (top + bottom) / 2 } });
    expect(hierarchyLayout(input).bands).toEqual([
      band('MANAGEMENT', '管理层 · 2', 2, 0, -50, 150),
      band('TECH', '技术层 · 2', 2, 0, 200, 300),
      band('CALLER', '话务层 · 5', 5, 1, 350, 550),
      band('MONEY', '资金层 · 5', 5, 0, 600, 900),
      band('UNPLACED', '层级不明 · 1', 1, 0, 950, 1050),
    ]);
    expect(hierarchyLayout({ ...input, locale: 'en' }).bands.map((b) => b.name)).toEqual(['Management · 2', 'Technical · 2', 'Callers · 5', 'Money · 5', 'Layer unknown · 1']);
  });

  it('keeps blocks in order and apart, each as near as it can be to where it wants to be', () => {
    expect(place([{ width: 0, desired: 0, weight: 1 }, { width: 0, desired: 0, weight: 1 }], 100)).toEqual([-50, 50]);
    expect(place([{ width: 100, desired: 0, weight: 1 }, { width: 0, desired: 500, weight: 1 }, { width: 0, desired: 505, weight: 3 }], 10)).toEqual([0, 496.25, 506.25]);
  });

  it('survives a cycle in the chain of command and a person reporting to two bosses', () => {
    const h = hierarchyLayout({
      people: ['a', 'b', 'c'],
      reportsTo: reports([
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'a'],
        ['c', 'b'],
      ]),
      layers: { a: 'MANAGEMENT', b: 'MANAGEMENT', c: 'MONEY' },
      spacing: { x: 100, y: 100, bandGap: 50 },
    });
    expect(h.positions).toEqual({ a: { x: 0, y: 0 }, b: { x: 0, y: 100 }, c: { x: 0, y: 250 } });
  });

  it('lays out a 1,000-member gang about as wide as tall, every manager above every caller, no two people on one spot', () => {
    const gang = syntheticGang(1000);
    const h = hierarchyLayout(gang);
    const spots = new Set(Object.values(h.positions).map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(1000);
    const ys = (layer: GangLayer) => gang.people.filter((p) => gang.layers[p] === layer).map((p) => h.positions[p]!.y);
    expect(Math.max(...ys('MANAGEMENT')) < Math.min(...ys('CALLER'))).toBe(true);
    expect(Math.max(...ys('CALLER')) < Math.min(...ys('MONEY'))).toBe(true);
    const [first, last] = [h.bands[0]!, h.bands[h.bands.length - 1]!];
    expect([first.right - first.left, last.bottom - first.top]).toEqual([3990, 4470]);
    expect(h.bands.map((b) => [b.layer, b.count])).toEqual([
      ['MANAGEMENT', 30],
      ['TECH', 50],
      ['LOGISTICS', 70],
      ['CALLER', 330],
      ['MONEY', 520],
    ]);
  });

  it('reads its input from the canvas elements, taking only recorded layers', () => {
    const link = (type: ApiLink['type'], from: string, to: string, extra: Partial<ApiLink> = {}): ApiLink => ({ id: `${type}:${from}:${to}:`, type, from, to, ...extra });
    const g = mergeGraph(emptyGraph(), {
      nodes: [
        { id: 'p:boss', label: 'Person' },
        { id: 'p:caller', label: 'Person' },
        { id: 'gang:1', label: 'Gang' },
        { id: 'phone:1', label: 'Phone' },
      ],
      links: [link('MEMBER_OF', 'p:boss', 'gang:1', { layer: 'MANAGEMENT' }), link('REPORTS_TO', 'p:caller', 'p:boss')],
    });
    const input = hierarchyInputFromElements(toElements(g));
    expect(input).toEqual({ people: ['p:boss', 'p:caller'], reportsTo: [{ from: 'p:caller', to: 'p:boss' }], layers: new Map([['p:boss', 'MANAGEMENT']]), inferred: [], gang: 'gang:1', others: ['phone:1'] });
  });
});

/** A gang shaped like the seed's: managers, technicians and logistics under them, caller teams of eight, card heads with their mules. */
export function syntheticGang(size: number) {
  const people: string[] = [];
  const layers: Record<string, GangLayer> = {};
  const reportsTo: { from: string; to: string }[] = [];
  const add = (layer: GangLayer, boss?: string) => {
    const id = `p${people.length}`;
    people.push(id);
    layers[id] = layer;
    if (boss) reportsTo.push({ from: id, to: boss });
    return id;
  };
  const managers = [add('MANAGEMENT')];
  for (let i = 1; i < Math.round(size * 0.03); i++) managers.push(add('MANAGEMENT', managers[0]));
  const manager = (i: number) => managers[i % managers.length]!;
  for (let i = 0; i < Math.round(size * 0.05); i++) add('TECH', manager(i));
  for (let i = 0; i < Math.round(size * 0.07); i++) add('LOGISTICS', manager(i));
  let lead = '';
  for (let i = 0; i < Math.round(size * 0.33); i++) lead = i % 9 === 0 ? add('CALLER', manager(i)) : (add('CALLER', lead), lead);
  const money = size - people.length;
  const heads: string[] = [];
  for (let i = 0; i < money; i++) i < Math.round(money / 10) ? heads.push(add('MONEY', manager(i))) : add('MONEY', heads[i % heads.length]);
  return { people, layers, reportsTo };
}
