import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allLinkProps, allNodeProps, LINK_TYPE_NAMES, type LinkType } from '../../domain/model';
import type { Props, UpsertResult } from '../../domain/types';
import { linkIdentity, type CheckedBatch, type CheckedLink, type CheckedNode } from '../batch-check';
import { encodeOwners, mergeOwners } from '../visibility';
import { kuzuType } from './ddl';
import type { KuzuSession } from './kuzu-runner';
import { copyRows, tableColumns, type TableColumns } from './staging';

/**
 * Writes a checked batch inside the caller's transaction. New records go in through COPY from
 * staging files (staging.ts), one COPY per table per batch: Kuzu's bulk path (about 250,000
 * rows/s here, against under 1,000/s for MERGE in a loop). A COPY into a link table that already
 * holds links costs time in proportion to what it holds, so few large batches import faster than
 * many small ones (importer.ts, import-sheet.ts);
 * records already stored are read back in one join, merged in memory, and written one by one
 * only when something changed, so re-importing a file writes nothing.
 */
export async function writeBatch(s: KuzuSession, batch: CheckedBatch, by: string, now: string, columns: ColumnCache): Promise<UpsertResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kuzu-batch-'));
  try {
    const copy = bulkCopier(s, dir, columns);
    const sourcesCreated = await writeSources(s, copy, batch, now);
    const nodes = await writeNodes(s, copy, batch.nodes.filter((n) => !batch.existing.has(n.id)), batch.nodes.filter((n) => batch.existing.has(n.id)), now);
    const links = await writeLinks(s, copy, batch.links, batch.existing, by, now);
    return { ...nodes, ...links, sourcesCreated };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Copier = (table: string, rows: Record<string, unknown>[]) => Promise<void>;

/** Each table's columns, read from the catalog once per database. */
export type ColumnCache = Map<string, TableColumns>;

const REL_TABLES = new Set<string>(LINK_TYPE_NAMES);

function bulkCopier(s: KuzuSession, dir: string, cache: ColumnCache): Copier {
  let n = 0;
  return async (table, rows) => {
    if (rows.length === 0) return;
    let columns = cache.get(table);
    if (!columns) cache.set(table, (columns = await tableColumns(s, table, REL_TABLES.has(table))));
    await copyRows(s, dir, table, columns, rows, n++);
  };
}

async function writeSources(s: KuzuSession, copy: Copier, batch: CheckedBatch, now: string): Promise<number> {
  if (batch.sources.length === 0) return 0;
  const rows = await s.query('UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id', { ids: batch.sources.map((x) => x.id) });
  const known = new Set(rows.map((r) => r.id));
  const fresh = batch.sources.filter((x) => !known.has(x.id));
  await copy('Source', fresh.map((x) => ({ ...x, createdAt: now })));
  return fresh.length;
}

async function writeNodes(s: KuzuSession, copy: Copier, fresh: CheckedNode[], known: CheckedNode[], now: string) {
  await copy(
    'Entity',
    fresh.map((n) => ({ ...n.props, id: n.id, label: n.label, owners: encodeOwners(n.owners), createdAt: now, updatedAt: now })),
  );
  const changed: Record<string, unknown>[] = [];
  if (known.length > 0) {
    const rows = await s.query('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n', { ids: known.map((n) => n.id) });
    const stored = new Map(rows.map((r) => [(r.n as Props).id as string, r.n as Props]));
    for (const node of known) {
      const current = stored.get(node.id)!;
      // Grants (`~tf:…`, visibility.ts) stay: mergeOwners keeps every stored token.
      const owners = mergeOwners(current.owners, node.owners);
      const differs = Object.entries(node.props).some(([k, v]) => !same(current[k], v));
      if (!differs && owners === current.owners) continue;
      const merged: Record<string, unknown> = { id: node.id, owners };
      for (const p of UPDATABLE_NODE_PROPS) merged[p] = node.props[p] ?? current[p] ?? null;
      changed.push(merged);
    }
  }
  if (changed.length > 0) await updateNodes(s, changed, now);
  const nodesUpdated = changed.length;
  return { nodesCreated: fresh.length, nodesUpdated };
}

interface LinkState {
  /** Every token of the stored owners string, grants included (the grant writer keeps them here too: kuzu/grant-write.ts). */
  owners: string[];
  sources: string[];
  props: Props;
}

const stateOf = (x: LinkState) => JSON.stringify({ owners: x.owners, sources: x.sources, props: sortKeys(x.props) });

/**
 * A link can be stored already only when both its ends were stored before this batch, so only
 * those are looked up (a first import of a large bundle looks up none).
 */
async function writeLinks(s: KuzuSession, copy: Copier, links: CheckedLink[], existing: Set<string>, by: string, now: string) {
  if (links.length === 0) return { linksCreated: 0, linksUpdated: 0 };
  const ids = links.map(linkIdentity);
  const maybeStored = ids.filter((_, i) => existing.has(links[i]!.from) && existing.has(links[i]!.to));
  const rows = maybeStored.length === 0 ? [] : await s.query('UNWIND $ids AS id MATCH (k:LinkKey {id: id}) RETURN k.id AS id, k.state AS state', { ids: maybeStored });
  const stored = new Map(rows.map((r) => [r.id as string, JSON.parse(r.state as string) as LinkState]));
  const fresh = links.filter((_, i) => !stored.has(ids[i]!));
  const byType = new Map<LinkType, Record<string, unknown>[]>();
  for (const l of fresh) {
    const rows = byType.get(l.type) ?? [];
    rows.push({ ...l.props, from: l.from, to: l.to, key: l.key, owner: l.owner, owners: encodeOwners(l.owners), sources: l.sources, createdAt: now, createdBy: by });
    byType.set(l.type, rows);
  }
  for (const [type, rows] of byType) await copy(type, rows);
  const keys: Record<string, unknown>[] = [];
  for (const [i, l] of links.entries()) if (!stored.has(ids[i]!)) keys.push({ id: ids[i]!, state: stateOf(l) });
  await copy('LinkKey', keys);

  let linksUpdated = 0;
  for (const [i, link] of links.entries()) {
    const before = stored.get(ids[i]!);
    if (!before) continue;
    const after: LinkState = {
      owners: union(before.owners, link.owners),
      sources: union(before.sources, link.sources),
      props: { ...before.props, ...link.props },
    };
    if (stateOf(after) === stateOf(before)) continue;
    await s.query(updateLinkStatement(link.type, Object.keys(after.props)), {
      ...after.props,
      from: link.from,
      to: link.to,
      key: link.key,
      owners: encodeOwners(after.owners),
      sources: after.sources,
    });
    await s.query('MATCH (k:LinkKey {id: $id}) SET k.state = $state', { id: ids[i]!, state: stateOf(after) });
    linksUpdated++;
  }
  return { linksCreated: fresh.length, linksUpdated };
}

const NODE_PROPS = allNodeProps();
const LINK_PROPS = allLinkProps();

/** Node properties a later record may set: all but the identity and the bookkeeping. */
const UPDATABLE_NODE_PROPS = Object.keys(NODE_PROPS).filter((p) => !['id', 'label', 'owners', 'createdAt', 'updatedAt'].includes(p));

/**
 * Writes merged node rows in one statement (one join over the node table), not one statement
 * each. Kuzu types a list parameter's struct fields from its first element and fails on a null
 * there, so the list starts with a row of typed placeholder values whose id matches no node.
 */
async function updateNodes(s: KuzuSession, rows: Record<string, unknown>[], now: string): Promise<void> {
  const placeholder: Record<string, unknown> = { id: '', owners: '' };
  for (const p of UPDATABLE_NODE_PROPS) placeholder[p] = PLACEHOLDER[kuzuType(p, NODE_PROPS[p]!)];
  await s.query(UPDATE_NODES, { rows: [placeholder, ...rows], now });
}

const PLACEHOLDER: Record<string, unknown> = { STRING: '', INT64: 0, BOOLEAN: false, 'STRING[]': [''] };

const UPDATE_NODES =
  'UNWIND $rows AS r MATCH (n:Entity {id: r.id}) SET ' +
  ['n.owners = r.owners', 'n.updatedAt = $now', ...UPDATABLE_NODE_PROPS.map((p) => `n.${p} = CAST(r.${p} AS ${kuzuType(p, NODE_PROPS[p]!)})`)].join(', ');

function updateLinkStatement(type: LinkType, props: string[]): string {
  const sets = props.map((p) => `r.${p} = CAST($${p} AS ${kuzuType(p, LINK_PROPS[p]!)})`);
  return (
    `MATCH (a:Entity {id: $from})-[r:${type}]->(b:Entity {id: $to}) WHERE r.key = $key ` +
    `SET ${['r.owners = $owners', 'r.sources = CAST($sources AS STRING[])', ...sets].join(', ')}`
  );
}

function union(a: string[], b: string[]): string[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Code-point order, not localeCompare (a tenth of the cost per link); the model's property names sort alike in both. */
function sortKeys(props: Props): Props {
  const keys = Object.keys(props);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  if (sorted) return props;
  return Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
