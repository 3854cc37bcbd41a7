import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_TYPE_NAMES, type Label, type LinkType } from '../../server/src/domain/model';
import type { GraphLink, Neighborhood, Viewer } from '../../server/src/domain/types';
import { rankWarnings } from '../../server/src/domain/early-warning';
import { loadDemo } from '../../server/src/import/demo';
import { linkIdentity } from '../../server/src/store/batch-check';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { demoBundle } from '../../seed/src/generate';
import { rng } from '../bench/synthetic';

/**
 * The embedded store answers traversals from its in-memory graph once loaded. On the demo data,
 * every answer must be the one Kuzu itself gives: the same store read with the cache off, then
 * reopened with it on.
 */

const sorted = (links: GraphLink[]) => links.map(linkIdentity).sort();
const shape = (n: Neighborhood) => ({
  nodes: n.nodes.map((x) => x.id),
  links: sorted(n.links),
  truncated: n.truncated,
  beyond: n.beyond,
});

interface Query {
  viewer: Viewer;
  ids: string[];
  hops: number;
  limit: number;
  labels?: Label[];
  linkTypes?: LinkType[];
  from?: string;
  to?: string;
}

describe('the embedded store’s in-memory graph', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cache-agrees-'));
  const queries: Query[] = [];
  const pairs: [string, string, Viewer][] = [];
  const expected: { neighborhoods: unknown[]; paths: unknown[]; subgraphs: unknown[]; nodes: unknown[]; linked: unknown[]; trails: unknown[]; warnings: unknown[]; searches: unknown[]; victims: string[][] } = { neighborhoods: [], paths: [], subgraphs: [], nodes: [], linked: [], trails: [], warnings: [], searches: [], victims: [] };
  /** As masking asked before the store had `victims`: VICTIM_IN links out of the persons, one hop (cut: everyone). */
  const byNeighbourhood: string[][] = [];
  let persons: string[] = [];
  const searches: { viewer: Viewer; text: string; labels?: Label[]; limit: number }[] = [];
  let gangs: (string | null)[] = [];
  let cases: string[] = [];
  let cards: string[] = [];
  let viewerList: Viewer[] = [];
  let store: GraphStore;

  beforeAll(async () => {
    const plain = await openKuzuStore(dir, { cache: false });
    await loadDemo(plain);
    const agencies = new Set<string>();
    for (const record of demoBundle()) if ('owner' in record && typeof record.owner === 'string') agencies.add(record.owner);
    const all: Viewer = { agencies: [...agencies].sort(), userId: 't' };
    const r = rng(11);
    const ids = (await plain.search(all, '13', { limit: 200 })).map((h) => h.node.id);
    const more = (await plain.search(all, '6212', { limit: 200 })).map((h) => h.node.id);
    const seeds = [...ids, ...more, 'phone:+8617093073001', 'case:A310115000000202410901015', 'card:6212261001730821007'];
    const viewers: Viewer[] = [all, { agencies: ['sh-psb'], userId: 't' }, { agencies: all.agencies.slice(2), userId: 't' }];
    for (let i = 0; i < 60; i++) {
      const viewer = viewers[i % viewers.length]!;
      const q: Query = { viewer, ids: [seeds[Math.floor(r() * seeds.length)]!], hops: 1 + (i % 3), limit: [5, 50, 500][i % 3]! };
      if (i % 4 === 1) q.linkTypes = ['CALLED', 'TRANSFERRED', 'INVOLVES', 'HOLDS', 'USES'];
      if (i % 5 === 2) q.labels = ['Phone', 'Person'];
      if (i % 7 === 3) [q.from, q.to] = ['2024-08-01T00:00:00+08:00', '2024-10-31T23:59:59+08:00'];
      if (i % 9 === 4) q.ids.push(seeds[Math.floor(r() * seeds.length)]!);
      queries.push(q);
      expected.neighborhoods.push(shape(await plain.neighborhood(q.viewer, q.ids, q)));
    }
    for (let i = 0; i < 60; i++) {
      const viewer = viewers[i % 2]!;
      const a = seeds[Math.floor(r() * seeds.length)]!;
      const { nodes } = await plain.neighborhood(viewer, [a], { hops: 3, limit: 500 });
      const b = nodes[Math.floor(r() * nodes.length)]?.id ?? seeds[0]!;
      pairs.push([a, b, viewer]);
      const result = await plain.shortestPaths(viewer, a, b, { maxHops: 6, k: 3 });
      expected.paths.push(result.paths.map((p) => p.nodes.length));
    }
    const some = seeds.slice(0, 40);
    for (const viewer of viewers) {
      const sub = await plain.subgraph(viewer, some);
      expected.subgraphs.push({ nodes: sub.nodes.map((n) => n.id), links: sorted(sub.links) });
      expected.nodes.push(await plain.getNodes(viewer, some));
    }
    cases = (await plain.search(all, 'A3', { limit: 60, labels: ['Case'] })).map((h) => h.node.id);
    // Ms Wu's card and the cards her money and the gang's reached.
    cards = (await plain.neighborhood(all, ['card:6212261001730821007', 'card:6212261002730821001'], { hops: 4, linkTypes: ['TRANSFERRED'], limit: 80 })).nodes.map((n) => n.id);
    viewerList = viewers;
    for (const [i, id] of cases.entries()) expected.linked.push(await plain.linkedCases(viewers[i % 3]!, id));
    for (const [i, id] of cards.entries()) {
      expected.trails.push(sorted(await plain.transfersFrom(viewers[i % 3]!, [id], { depth: 4, ...(i % 2 ? { after: '2024-06-01T00:00:00+08:00' } : {}) })));
    }
    persons = (await plain.neighborhood(all, cases, { hops: 1, labels: ['Person'], limit: 500 })).nodes.filter((n) => n.label === 'Person').map((n) => n.id);
    for (const viewer of viewers) {
      expected.victims.push(await plain.victims(viewer, persons));
      const n = await plain.neighborhood(viewer, persons, { hops: 1, linkTypes: ['VICTIM_IN'], limit: 5000 });
      const from = new Set(n.links.filter((l) => l.type === 'VICTIM_IN').map((l) => l.from));
      byNeighbourhood.push(persons.filter((p) => n.truncated || from.has(p)));
    }
    gangs = [null, ...(await plain.search(all, '团伙', { limit: 5, labels: ['Gang'] })).map((h) => h.node.id)];
    for (const viewer of viewers) for (const gang of gangs) expected.warnings.push(rankWarnings(await plain.gangContacts(viewer, gang)));
    // Every way search matches: ids, case numbers whole and in part, phones as typed, cards whole
    // and by their last digits, handles, names, aliases; labels, limits that cut, and viewers.
    const person = (await plain.search(all, '吴', { limit: 5, labels: ['Person'] }))[0]!.node;
    const account = (await plain.search(all, 'wxid', { limit: 1, labels: ['OnlineAccount'] }))[0]!.node;
    const aCase = (await plain.search(all, 'A3', { limit: 1, labels: ['Case'] }))[0]!.node;
    const [card] = await plain.getNodes(all, ['card:6212261001730821007']);
    const texts = [
      '13', '6212', '0821', '3001', '8617093073001', '+86 170 9307 3001', '170-9307-3001', '6212261001730821007', 'A3', 'A310115000000202410901015',
      'case:A310115000000202410901015', 'phone:+8617093073001', '吴', '团伙', '峰哥', 'wxid', '2024', '1', 'zzz-nothing', String(person.props.name),
      ...((person.props.aliases as string[] | undefined) ?? []), String(account.props.handle), String(aCase.props.caseNo), String(card!.props.number).slice(-6), '１３', ' 6212 ',
    ];
    for (const [i, text] of texts.entries()) {
      for (const [j, viewer] of viewers.entries()) {
        const q = { viewer, text, limit: [3, 20, 500][(i + j) % 3]!, ...(j === 1 && i % 2 === 1 ? { labels: ['BankCard', 'Phone'] as Label[] } : {}) };
        searches.push(q);
        expected.searches.push((await plain.search(viewer, text, q)).map((h) => [h.node.id, h.matchedBy]));
      }
    }
    await plain.close();
    store = await openKuzuStore(dir);
    await store.ready();
  }, 300_000);

  afterAll(async () => {
    await store?.close();
  });

  it('gives the neighbourhoods Kuzu gives, filters, limits and truncation counts included', async () => {
    const got = [];
    for (const q of queries) got.push(shape(await store.neighborhood(q.viewer, q.ids, q)));
    expect(got).toEqual(expected.neighborhoods);
    expect(expected.neighborhoods.some((n) => (n as { truncated: boolean }).truncated)).toBe(true);
  });

  it('gives the nodes and subgraphs Kuzu gives', async () => {
    const viewers = [...new Set(queries.map((q) => q.viewer))];
    expect(viewers.length).toBe(3);
    const subgraphs = [];
    const nodes = [];
    const seeds = (expected.subgraphs[0] as { nodes: string[] }).nodes;
    expect(seeds.length).toBeGreaterThan(10);
    for (const viewer of viewers) {
      const sub = await store.subgraph(viewer, seeds);
      subgraphs.push({ nodes: sub.nodes.map((n) => n.id), links: sorted(sub.links) });
      nodes.push(await store.getNodes(viewer, seeds));
    }
    expect(subgraphs).toEqual(expected.subgraphs);
    expect(nodes).toEqual(expected.nodes);
  });

  it('names the victims Kuzu names, the ones a VICTIM_IN neighbourhood of the persons names', async () => {
    expect(persons.length).toBeGreaterThan(20);
    expect(expected.victims[0]!.length).toBeGreaterThan(5);
    expect(expected.victims[0]!.length).toBeLessThan(persons.length);
    const got = [];
    for (const viewer of viewerList) got.push(await store.victims(viewer, persons));
    expect(got).toEqual(expected.victims);
    expect(got.map((v) => [...v].sort())).toEqual(byNeighbourhood.map((v) => [...v].sort()));
  });

  it('links the cases Kuzu links, naming the same shared identifiers', async () => {
    expect(cases.length).toBeGreaterThan(30);
    expect(expected.linked.filter((l) => (l as unknown[]).length > 0).length).toBeGreaterThan(5);
    const got = [];
    for (const [i, id] of cases.entries()) got.push(await store.linkedCases(viewerList[i % 3]!, id));
    expect(got).toEqual(expected.linked);
  });

  it('ranks the early warnings Kuzu’s queries rank, for every gang and each one', async () => {
    expect(gangs.length).toBeGreaterThan(1);
    expect((expected.warnings[0] as unknown[]).length).toBeGreaterThan(50);
    const got = [];
    for (const viewer of viewerList) for (const gang of gangs) got.push(rankWarnings(await store.gangContacts(viewer, gang)));
    expect(got).toEqual(expected.warnings);
  });

  it('finds what Kuzu’s search finds, matched the same way, in the same order', async () => {
    const got = [];
    for (const q of searches) got.push((await store.search(q.viewer, q.text, q)).map((h) => [h.node.id, h.matchedBy]));
    expect(got).toEqual(expected.searches);
    const ways = new Set((expected.searches as [string, string][][]).flat().map(([, how]) => how));
    expect([...ways].sort()).toEqual(['card', 'card-suffix', 'caseNo', 'handle', 'id', 'name', 'partial', 'phone', 'phone-suffix']);
    expect(expected.searches.filter((s) => (s as unknown[]).length >= 3).length).toBeGreaterThan(12);
  });

  it('follows the money trails Kuzu follows', async () => {
    expect(expected.trails.filter((t) => (t as unknown[]).length > 3).length).toBeGreaterThan(10);
    const got = [];
    for (const [i, id] of cards.entries()) {
      got.push(sorted(await store.transfersFrom(viewerList[i % 3]!, [id], { depth: 4, ...(i % 2 ? { after: '2024-06-01T00:00:00+08:00' } : {}) })));
    }
    expect(got).toEqual(expected.trails);
  });

  it('finds shortest paths of the lengths Kuzu finds, each a real route of visible links', async () => {
    const got = [];
    for (const [a, b, viewer] of pairs) {
      const result = await store.shortestPaths(viewer, a, b, { maxHops: 6, k: 3 });
      got.push(result.paths.map((p) => p.nodes.length));
      const ids = new Set(result.nodes.map((n) => n.id));
      for (const path of result.paths) {
        expect(path.nodes[0]).toBe(a);
        expect(path.nodes.at(-1)).toBe(b);
        path.links.forEach((l, i) => {
          expect([l.from, l.to].sort()).toEqual([path.nodes[i], path.nodes[i + 1]].sort());
          expect(l.owners.some((o) => viewer.agencies.includes(o))).toBe(true);
          expect(LINK_TYPE_NAMES).toContain(l.type);
        });
        path.nodes.forEach((id) => expect(ids.has(id)).toBe(true));
      }
    }
    expect(got).toEqual(expected.paths);
    expect(got.filter((p) => p.length > 0).length).toBeGreaterThan(20);
  });

  it('searches what a write changed at once', async () => {
    const all = viewerList[0]!;
    const [before] = await store.search(all, '吴', { limit: 1, labels: ['Person'] });
    const person = before!.node;
    await store.upsert({ nodes: [{ id: person.id, label: 'Person', owner: person.owners[0]!, props: { name: '欧阳改名', aliases: ['新外号'] } }], links: [], sources: [] }, 't');
    await store.upsert({ nodes: [{ id: 'phone:+8613900001234', label: 'Phone', owner: 'sh-psb', props: { number: '+8613900001234' } }], links: [], sources: [] }, 't');
    expect((await store.search(all, '欧阳改', { limit: 5 })).map((h) => [h.node.id, h.matchedBy])).toEqual([[person.id, 'name']]);
    expect((await store.search(all, '新外号', { limit: 5 })).map((h) => [h.node.id, h.matchedBy])).toEqual([[person.id, 'name']]);
    expect((await store.search(all, String(person.props.name), { limit: 500 })).map((h) => h.node.id)).not.toContain(person.id);
    expect((await store.search(all, '139 0000 1234', { limit: 5 })).map((h) => [h.node.id, h.matchedBy])).toEqual([['phone:+8613900001234', 'phone']]);
    expect((await store.search({ agencies: ['fj-longyan-psb'], userId: 't' }, '139 0000 1234', { limit: 5 }))).toEqual([]);
  });
});
