import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiViewer } from '../../server/src/api/viewer';
import { readCanvas } from '../../server/src/export/collect';
import { exportKeyOf } from '../../server/src/export/keys';
import { importBundle } from '../../server/src/import/importer';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { FJ, SH, fujianBundle, ids, shanghaiBundle, toLines } from '../contract/fixture';

export const key = exportKeyOf(generateKeyPairSync('ed25519').privateKey);
export const investigator: ApiViewer = { agencies: [SH, FJ], userId: 'officer-7', role: 'INVESTIGATOR', agency: SH, name: 'officer-7', sessionId: 'test' };
/** Who receives the evidence map unmasked (auth/roles.ts): the package tests export as a prosecutor. */
export const prosecutor: ApiViewer = { agencies: [SH, FJ], userId: 'officer-7', role: 'PROSECUTOR', agency: SH, name: 'officer-7', sessionId: 'test' };
export const restricted: ApiViewer = { agencies: [SH, FJ], userId: 'clerk-2', role: 'ANALYST', agency: SH, name: 'clerk-2', sessionId: 'test' };

/** The contract fixture of both agencies, and one link no source supports. */
export async function fixtureStore(dir = mkdtempSync(join(tmpdir(), 'export-'))): Promise<GraphStore> {
  const store = await openKuzuStore(dir);
  await importBundle(store, (async function* () { yield toLines(shanghaiBundle); })(), { by: 'sh-officer' });
  await importBundle(store, (async function* () { yield toLines(fujianBundle); })(), { by: 'fj-officer' });
  await store.upsert({ nodes: [], links: [{ type: 'KNOWS', from: ids.caller, to: ids.victim, key: '', owner: SH, sources: [], props: { how: '同乡' } }], sources: [] }, 'sh-analyst');
  return store;
}

/** A saved canvas document holding every fixture node, each placed on a grid, and every link among them. */
export function fixtureDocument() {
  const all = Object.values(ids);
  const positions = Object.fromEntries(all.map((id, i) => [id, { x: (i % 5) * 140, y: Math.floor(i / 5) * 120 }]));
  return {
    format: 'case-linkage-canvas',
    version: 1,
    doc: { graph: { nodes: Object.fromEntries(all.map((id) => [id, { id }])), links: {}, placeholders: {}, memberLayers: {} }, positions, hidden: [], pinned: [], locked: [], groupByLabel: false, layout: 'force', bands: [], timeWindow: null },
  };
}

export const fixtureCanvas = () => readCanvas(fixtureDocument());
