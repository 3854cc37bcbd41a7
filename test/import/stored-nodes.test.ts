import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../../server/src/domain/types';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';

const AWKWARD = ['张三，又名"三哥"', 'a,b', 'line one\nline two', 'back\\slash', "it's", '', ' padded '];
const viewer = { agencies: ['sh-psb', 'fj-psb'], userId: 'test' };

/** 1,200 people and 1,200 cards (more than the bulk writer looks up one by one), values awkward, lists, numbers and booleans. */
function batch(owner: string): Batch {
  const n = 1_200;
  return {
    sources: [],
    links: [],
    nodes: [
      ...Array.from({ length: n }, (_, i) => ({
        id: `person:${i}`,
        label: 'Person' as const,
        owner,
        props: { name: AWKWARD[i % AWKWARD.length]!, birthYear: 1980 + (i % 20), ...(i % 2 === 0 ? { aliases: [AWKWARD[(i + 1) % AWKWARD.length]!, 'x'] } : {}), ...(i % 5 === 0 ? { aliases: [] } : {}) },
      })),
      ...Array.from({ length: n }, (_, i) => ({
        id: `card:${i}`,
        label: 'BankCard' as const,
        owner,
        props: { number: String(6222000 + i), ...(i % 3 === 0 ? { frozen: i % 2 === 0, frozenAmount: i * 100 } : {}) },
      })),
    ],
  };
}

describe('nodes already stored, found in a large batch', () => {
  it('are read back exactly (re-import writes nothing) and merged when another agency or a new value comes', async () => {
    const store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'stored-nodes-')), { cache: false });
    try {
      expect(await store.upsert(batch('sh-psb'), 'a')).toEqual({ nodesCreated: 2400, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });
      expect(await store.upsert(batch('sh-psb'), 'a')).toEqual({ nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });

      const changed = batch('sh-psb');
      changed.nodes[4] = { ...changed.nodes[4]!, owner: 'fj-psb' };
      changed.nodes[1203] = { ...changed.nodes[1203]!, props: { number: '6222001203', frozen: false } };
      expect(await store.upsert(changed, 'b')).toEqual({ nodesCreated: 0, nodesUpdated: 2, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });
      const [person, card] = await store.getNodes(viewer, ['person:4', 'card:3']);
      expect([person!.owners, person!.props.name, person!.props.aliases, person!.props.birthYear]).toEqual([['sh-psb', 'fj-psb'], AWKWARD[4], [AWKWARD[5], 'x'], 1984]);
      expect([card!.props.frozen, card!.props.frozenAmount]).toEqual([false, 300]);
      expect(await store.upsert(changed, 'b')).toEqual({ nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });
    } finally {
      await store.close();
    }
  });
});
