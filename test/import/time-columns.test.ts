import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINK_TYPE_NAMES } from '../../server/src/domain/model';
import type { Batch, GraphLink } from '../../server/src/domain/types';
import { KuzuRunner } from '../../server/src/store/kuzu/kuzu-runner';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { timeColumn } from '../../server/src/store/kuzu/split-time';

const viewer = { agencies: ['sh-psb'], userId: 'test' };
const card = (n: number) => ({ id: `card:${n}`, label: 'BankCard' as const, owner: 'sh-psb', props: { number: String(n) } });
const phone = (n: number) => ({ id: `phone:+86138000000${n}`, label: 'Phone' as const, owner: 'sh-psb', props: { number: `+86138000000${n}` } });
const transfer = (from: number, to: number, txId: string, at: string): Batch['links'][number] => ({
  type: 'TRANSFERRED',
  from: `card:${from}`,
  to: `card:${to}`,
  key: txId,
  owner: 'sh-psb',
  sources: [`src:sheet:${'a'.repeat(64)}#Sheet1!${from}${to}`],
  props: { txId, amount: 100 * from, at },
});

/** Cards 1 -> 2 -> 3 -> 4, one transfer a day of February 2026, and a call. */
const first: Batch = {
  sources: [],
  nodes: [card(1), card(2), card(3), card(4), phone(1), phone(2)],
  links: [
    transfer(1, 2, 'T1', '2026-02-01T00:00:00.000Z'),
    transfer(2, 3, 'T2', '2026-02-02T12:30:00.250Z'),
    // Not canonical: kept as the text it is, whichever version wrote it.
    transfer(3, 4, 'T3', '2026-02-03T00:00:00Z'),
    { type: 'CALLED', from: 'phone:+861380000001', to: 'phone:+861380000002', key: '2026-02-04T08:00:00.000Z', owner: 'sh-psb', sources: [], props: { at: '2026-02-04T08:00:00.000Z', seconds: 30 } },
  ],
};

const times = (links: GraphLink[]) => links.map((l) => `${l.key}@${String(l.props.at)}`).sort();
const ALL = ['2026-02-04T08:00:00.000Z@2026-02-04T08:00:00.000Z', 'T1@2026-02-01T00:00:00.000Z', 'T2@2026-02-02T12:30:00.250Z', 'T3@2026-02-03T00:00:00Z'];

/**
 * Makes the store in `dir` what a version before the `atMs` column made: every link time as text
 * and no such column (opening it again gives the column back, empty, as it would an old store).
 */
async function asBeforeTimeColumn(dir: string): Promise<void> {
  const runner = await KuzuRunner.open(dir);
  try {
    for (const type of LINK_TYPE_NAMES) {
      await runner.session.query(
        `MATCH ()-[r:${type}]->() WHERE r.atMs IS NOT NULL SET r.at = ${timeColumn('r')}`,
      );
      await runner.session.query(`ALTER TABLE ${type} DROP atMs`);
    }
    const [row] = await runner.session.query(`MATCH ()-[r:TRANSFERRED]->() WHERE r.key = 'T2' RETURN r.at AS at`);
    expect(row!.at).toBe('2026-02-02T12:30:00.250Z');
  } finally {
    await runner.close();
  }
}

describe('link times stored as text by older versions and as milliseconds now', () => {
  for (const cache of [false, true]) {
    it(`reads, filters and re-imports both alike (${cache ? 'with' : 'without'} the in-memory graph)`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'time-columns-'));
      let store = await openKuzuStore(dir, { cache: false });
      expect(await store.upsert(first, 'a')).toMatchObject({ linksCreated: 4 });
      await store.close();
      await asBeforeTimeColumn(dir);

      store = await openKuzuStore(dir, { cache });
      try {
        // Links written now beside the old ones: a later transfer, and the old T2 at a corrected time.
        const later: Batch = { sources: [], nodes: [], links: [transfer(4, 1, 'T4', '2026-02-05T00:00:00.000Z'), transfer(2, 3, 'T2', '2026-02-02T12:30:00.500Z')] };
        expect(await store.upsert(later, 'b')).toEqual({ nodesCreated: 0, nodesUpdated: 0, linksCreated: 1, linksUpdated: 1, sourcesCreated: 0 });
        const now = ALL.map((t) => (t.startsWith('T2@') ? 'T2@2026-02-02T12:30:00.500Z' : t)).concat('T4@2026-02-05T00:00:00.000Z').sort();

        const ids = [...first.nodes.map((n) => n.id)];
        expect(times((await store.subgraph(viewer, ids)).links)).toEqual(now);
        const around = (from?: string, to?: string) => store.neighborhood(viewer, ['card:2', 'card:3'], { hops: 1, limit: 100, from, to });
        // One hop from cards 2 and 3, and every visible link among what was reached, in the window.
        expect(times((await around()).links)).toEqual(['T1@2026-02-01T00:00:00.000Z', 'T2@2026-02-02T12:30:00.500Z', 'T3@2026-02-03T00:00:00Z', 'T4@2026-02-05T00:00:00.000Z']);
        expect(times((await around('2026-02-02T12:30:00.500Z', '2026-02-04T00:00:00.000Z')).links)).toEqual(['T2@2026-02-02T12:30:00.500Z', 'T3@2026-02-03T00:00:00Z']);
        expect(times((await around('2026-02-02T12:30:00.501Z')).links)).toEqual(['T3@2026-02-03T00:00:00Z']);
        expect(times((await around(undefined, '2026-02-01T00:00:00.000Z')).links)).toEqual(['T1@2026-02-01T00:00:00.000Z']);

        expect(times(await store.transfersAt(viewer, ['card:1', 'card:3'], { after: '2026-02-02T12:30:00.500Z' }))).toEqual([
          'T2@2026-02-02T12:30:00.500Z',
          'T3@2026-02-03T00:00:00Z',
          'T4@2026-02-05T00:00:00.000Z',
        ]);
        expect(times(await store.transfersFrom(viewer, ['card:1'], { depth: 4, after: '2026-02-01T00:00:00.001Z' }))).toEqual([]);
        expect(times(await store.transfersFrom(viewer, ['card:1'], { depth: 4 }))).toEqual(['T1@2026-02-01T00:00:00.000Z', 'T2@2026-02-02T12:30:00.500Z', 'T3@2026-02-03T00:00:00Z', 'T4@2026-02-05T00:00:00.000Z']);

        // Importing either batch again changes nothing, old rows and new alike.
        const nothing = { nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 };
        expect(await store.upsert(later, 'b')).toEqual(nothing);
        expect(await store.upsert({ ...first, links: first.links.filter((l) => l.key !== 'T2') }, 'a')).toEqual(nothing);
      } finally {
        await store.close();
      }
      // Both kinds are stored side by side: the old rows' text, the new and the rewritten rows' milliseconds.
      const runner = await KuzuRunner.open(dir);
      try {
        const rows = await runner.session.query('MATCH ()-[r:TRANSFERRED|CALLED]->() RETURN r.key AS key, r.at AS at, r.atMs AS atMs ORDER BY key');
        expect(rows).toEqual([
          { key: '2026-02-04T08:00:00.000Z', at: '2026-02-04T08:00:00.000Z', atMs: null },
          { key: 'T1', at: '2026-02-01T00:00:00.000Z', atMs: null },
          { key: 'T2', at: null, atMs: Date.parse('2026-02-02T12:30:00.500Z') },
          { key: 'T3', at: '2026-02-03T00:00:00Z', atMs: null },
          { key: 'T4', at: null, atMs: Date.parse('2026-02-05T00:00:00.000Z') },
        ]);
      } finally {
        await runner.close();
      }
    });
  }
});
