import { describe, expect, it } from 'vitest';
import { GraphCache } from './graph-cache';
import { idOrder, sortById } from './id-order';

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
});
