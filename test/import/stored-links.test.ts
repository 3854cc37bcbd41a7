import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../../server/src/domain/types';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';

/** Values the export of a link table must give back exactly (the bulk writer parses its CSV). */
const AWKWARD = ['张三，又名"三哥"', 'a,b', 'line one\nline two', 'back\\slash', "it's", '', ' padded ', '|a|'];
const viewer = { agencies: ['sh-psb', 'fj-psb'], userId: 'test' };

/** 1,500 KNOWS links from person:0 (more than the bulk writer looks up one by one), keys and props awkward. */
function batch(owner: string, extra: (i: number) => Partial<Batch['links'][number]> = () => ({})): Batch {
  const people = 1_500;
  return {
    sources: [],
    nodes: Array.from({ length: people + 1 }, (_, i) => ({ id: `person:${i}`, label: 'Person' as const, owner, props: { name: `P${i}` } })),
    links: Array.from({ length: people }, (_, i) => ({
      type: 'KNOWS' as const,
      from: 'person:0',
      to: `person:${i + 1}`,
      key: AWKWARD[i % AWKWARD.length]!,
      owner,
      sources: i % 3 === 0 ? [`src:${AWKWARD[i % AWKWARD.length]}`] : [],
      props: i % 2 === 0 ? { how: AWKWARD[(i + 1) % AWKWARD.length]! } : {},
      ...extra(i),
    })),
  };
}

describe('links already stored, found in a large batch', () => {
  it('are recognised by type, ends and key (re-import writes nothing), merged when they change, and keep grants', async () => {
    const store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'stored-links-')), { cache: false });
    try {
      expect(await store.upsert(batch('sh-psb'), 'a')).toEqual({ nodesCreated: 1501, nodesUpdated: 0, linksCreated: 1500, linksUpdated: 0, sourcesCreated: 0 });
      expect(await store.upsert(batch('sh-psb'), 'a')).toEqual({ nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });

      // A grant on one link stays when a later batch merges into it.
      await store.grantRecords('~tf:1', { nodes: [], links: [{ type: 'KNOWS', from: 'person:0', to: 'person:3', key: AWKWARD[2]! }] });
      const changed = batch('sh-psb', (i) => (i === 2 ? { owner: 'fj-psb', sources: ['src:new'], props: { how: 'lives with' } } : i === 5 ? { key: 'another' } : {}));
      expect(await store.upsert(changed, 'b')).toEqual({ nodesCreated: 0, nodesUpdated: 0, linksCreated: 1, linksUpdated: 1, sourcesCreated: 0 });

      const { links } = await store.subgraph(viewer, ['person:0', 'person:3', 'person:6']);
      const to3 = links.filter((l) => l.to === 'person:3');
      expect(to3.map((l) => [l.key, l.owners, l.sources, l.props.how])).toEqual([[AWKWARD[2], ['sh-psb', 'fj-psb'], ['src:new'], 'lives with']]);
      const to6 = links.filter((l) => l.to === 'person:6').map((l) => l.key).sort();
      expect(to6).toEqual([AWKWARD[5], 'another'].sort());
      expect(await store.counts()).toEqual({ nodes: 1501, links: 1501, sources: 0 });
      expect(await store.upsert(changed, 'b')).toEqual({ nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });
    } finally {
      await store.close();
    }
  });

  it('keep a sole row citation through an update, in every read, so the same batch again writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stored-links-'));
    const cited = (amount: number, extra: string[] = []): Batch => ({
      sources: [],
      nodes: [1, 2].map((n) => ({ id: `card:${n}`, label: 'BankCard' as const, owner: 'sh-psb', props: { number: String(n) } })),
      links: [{ type: 'TRANSFERRED', from: 'card:1', to: 'card:2', key: 'T1', owner: 'sh-psb', sources: [`src:sheet:${'b'.repeat(64)}#Sheet1!7`, ...extra], props: { txId: 'T1', amount, at: '2026-02-01T00:00:00.000Z' } }],
    });
    const nothing = { nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 };
    let store = await openKuzuStore(dir, { cache: false });
    try {
      await store.upsert(cited(100), 'a');
      expect(await store.upsert(cited(250), 'a')).toEqual({ ...nothing, linksUpdated: 1 });
      expect(await store.upsert(cited(250), 'a')).toEqual(nothing);
    } finally {
      await store.close();
    }
    // The in-memory graph is loaded from an export of the link tables.
    store = await openKuzuStore(dir);
    try {
      const { links } = await store.subgraph(viewer, ['card:1', 'card:2']);
      expect(links.map((l) => [l.sources, l.props.amount, l.props.at])).toEqual([[[`src:sheet:${'b'.repeat(64)}#Sheet1!7`], 250, '2026-02-01T00:00:00.000Z']]);
      expect(await store.upsert(cited(250, ['src:more']), 'a')).toEqual({ ...nothing, linksUpdated: 1 });
      expect(await store.upsert(cited(250, ['src:more']), 'a')).toEqual(nothing);
    } finally {
      await store.close();
    }
  });
});
