import { describe, expect, it } from 'vitest';
import { LINK_TYPE_NAMES } from '../../domain/model';
import type { GraphLink } from '../../domain/types';
import { GraphCache } from './graph-cache';
import { linkFilter, linksAmong } from './traverse';

const SH = 'sh-psb';
const viewer = { agencies: [SH], userId: 'officer' };
const link = (from: string, to: string, key: string, owner = SH): GraphLink => ({ type: 'CALLED', from, to, key, owner, owners: [owner], sources: [], props: {}, createdAt: '', createdBy: '' });

describe('links among nodes over the cache', () => {
  it('finds every visible link among the nodes once, a hub’s and a node’s links to itself included', () => {
    const cache = new GraphCache();
    const phone = (n: number) => cache.putNode({ id: `phone:+86138000000${String(n).padStart(2, '0')}`, label: 'Phone', owners: [SH], props: {}, createdAt: '', updatedAt: '' });
    const hub = phone(0);
    const others = Array.from({ length: 40 }, (_, i) => phone(i + 1));
    const id = (v: number) => cache.nodeId(v);
    others.forEach((v, i) => cache.appendLink(hub, v, link(id(hub), id(v), `h${i}`)));
    cache.appendLink(others[0]!, hub, link(id(others[0]!), id(hub), 'back'));
    cache.appendLink(hub, hub, link(id(hub), id(hub), 'self'));
    cache.appendLink(others[1]!, others[1]!, link(id(others[1]!), id(others[1]!), 'self'));
    cache.appendLink(others[1]!, others[2]!, link(id(others[1]!), id(others[2]!), 'a'));
    cache.appendLink(others[2]!, others[1]!, link(id(others[2]!), id(others[1]!), 'b'));
    cache.appendLink(others[1]!, others[3]!, link(id(others[1]!), id(others[3]!), 'hidden', 'fj-psb'));
    const among = [others[3]!, hub, others[1]!, others[0]!, others[2]!];
    const found = linksAmong(cache, among, linkFilter(cache, viewer, LINK_TYPE_NAMES, null)).map((l) => `${l.from}>${l.to}:${l.key}`);
    const [h, p1, p2, p3, p4] = [hub, ...others.slice(0, 4)].map(id);
    // In identity order, which cache-agrees.test.ts holds to the Cypher's; here, which links.
    expect([...found].sort()).toEqual([`${h}>${p1}:h0`, `${h}>${p2}:h1`, `${h}>${p3}:h2`, `${h}>${p4}:h3`, `${p1}>${h}:back`, `${h}>${h}:self`, `${p2}>${p2}:self`, `${p2}>${p3}:a`, `${p3}>${p2}:b`].sort());
    expect(found).toHaveLength(9);
  });
});
