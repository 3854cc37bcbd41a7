import { describe, expect, it } from 'vitest';
import { GraphCache } from './graph-cache';
import { firstById, idOrder, sortById } from './id-order';

describe('id order', () => {
  it('sorts nodes as their ids sort, nodes added after the order was made included', () => {
    const cache = new GraphCache();
    const ids = ['phone:+8613900000002', 'case:B2', 'person:王五', 'case:A10', 'card:6212', 'case:A9', 'person:李四'];
    ids.forEach((id) => cache.addNode(id, 'Case', 0, 0, 0));
    const order = idOrder(cache);
    expect(order.ranked).toBe(ids.length);
    const expected = (nodes: number[]) => [...nodes].sort((a, b) => (cache.nodeId(a) < cache.nodeId(b) ? -1 : 1));
    const all = ids.map((_, v) => v);
    expect(sortById(cache, [...all])).toEqual(expected(all));
    expect(sortById(cache, [...all]).map((v) => cache.nodeId(v))).toEqual(['card:6212', 'case:A10', 'case:A9', 'case:B2', 'person:李四', 'person:王五', 'phone:+8613900000002']);
    cache.addNode('case:A95', 'Case', 0, 0, 0);
    cache.addNode('a:first', 'Case', 0, 0, 0);
    const more = [...all, 7, 8].reverse();
    expect(sortById(cache, [...more])).toEqual(expected(more));
    expect(sortById(cache, [5, 3, 1])).toEqual(expected([5, 3, 1]));
    expect(sortById(cache, [])).toEqual([]);
  });

  it('gives the first k nodes in id order as a full sort would, however many there are to choose from', () => {
    const cache = new GraphCache();
    // Ids in no order (a multiplicative scramble of 0..2999), the order made, then ten more nodes without a place.
    for (let i = 0; i < 3000; i++) cache.addNode(`phone:${String((i * 7919) % 3001).padStart(5, '0')}`, 'Phone', 0, 0, 0);
    idOrder(cache);
    for (let i = 0; i < 10; i++) cache.addNode(`phone:0${i}`, 'Phone', 0, 0, 0);
    const some = Array.from({ length: 1500 }, (_, i) => (i * 13) % 3000);
    for (const k of [1, 2, 7, 200, 749, 750, 751, 1499, 1500, 2000]) expect(firstById(cache, some, k)).toEqual(sortById(cache, [...some]).slice(0, k));
    const withUnplaced = [...some, 3000, 3005, 3009];
    expect(firstById(cache, withUnplaced, 5)).toEqual(sortById(cache, [...withUnplaced]).slice(0, 5));
    expect(firstById(cache, withUnplaced, 5).map((v) => cache.nodeId(v))).toEqual(['phone:00', 'phone:00000', 'phone:00001', 'phone:00003', 'phone:00004']);
    expect(firstById(cache, [], 3)).toEqual([]);
  });
});
