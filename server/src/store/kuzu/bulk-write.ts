import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allLinkProps, allNodeProps, LINK_TYPE_NAMES, type LinkType } from '../../domain/model';
import type { Props, UpsertResult } from '../../domain/types';
import { linkIdentity, type CheckedBatch, type CheckedLink, type CheckedNode } from '../batch-check';
import { encodeOwners, mergeOwners } from '../visibility';
import { splitSources } from './cited';
import { splitTime } from './split-time';
import { kuzuType } from './ddl';
import type { KuzuSession } from './kuzu-runner';
import { copyRows, tableColumns, type TableColumns } from './staging';
import { storedLinks, type StoredLink } from './stored-links';
import { storedNodes } from './stored-nodes';

/**
 * Writes a checked batch inside the caller's transaction. New records go in through COPY from
 * staging files (staging.ts), one COPY per table per batch: Kuzu's bulk path (about 250,000
 * rows/s here, against under 1,000/s for MERGE in a loop). A COPY into a link table that already
 * holds links costs time in proportion to what it holds, so few large batches import faster than
 * many small ones (importer.ts, import-sheet.ts);
 * records already stored are read back in one join (links from their own tables, stored-links.ts),
 * merged in memory, and written one by one only when something changed, so re-importing a file
 * writes nothing.
 */
export async function writeBatch(s: KuzuSession, batch: CheckedBatch, by: string, now: string, columns: ColumnCache): Promise<UpsertResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kuzu-batch-'));
  try {
    const copy = bulkCopier(s, dir, columns);
    const sourcesCreated = await writeSources(s, copy, batch, now);
    const nodes = await writeNodes(s, copy, batch.nodes.filter((n) => !batch.existing.has(n.id)), batch.nodes.filter((n) => batch.existing.has(n.id)), now, dir);
    const links = await writeLinks(s, copy, batch.links, batch.existing, by, now, dir);
    return { ...nodes, ...links, sourcesCreated };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** COPYs the rows of `items` into `table`, each row made by `toRow` as it is staged. */
type Copier = <T>(table: string, items: readonly T[], toRow: (item: T) => Record<string, unknown>, propsOf?: (item: T) => Record<string, unknown>) => Promise<void>;

/** Each table's columns, read from the catalog once per database. */
export type ColumnCache = Map<string, TableColumns>;

const REL_TABLES = new Set<string>(LINK_TYPE_NAMES);

function bulkCopier(s: KuzuSession, dir: string, cache: ColumnCache): Copier {
  let n = 0;
  return async (table, items, toRow, propsOf) => {
    if (items.length === 0) return;
    let columns = cache.get(table);
    if (!columns) cache.set(table, (columns = await tableColumns(s, table, REL_TABLES.has(table))));
    await copyRows(s, dir, table, columns, items, n++, toRow, propsOf);
  };
}

async function writeSources(s: KuzuSession, copy: Copier, batch: CheckedBatch, now: string): Promise<number> {
  if (batch.sources.length === 0) return 0;
  const rows = await s.query('UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id', { ids: batch.sources.map((x) => x.id) });
  const known = new Set(rows.map((r) => r.id));
  const fresh = batch.sources.filter((x) => !known.has(x.id));
  await copy('Source', fresh, (x) => ({ ...x, createdAt: now }));
  return fresh.length;
}

async function writeNodes(s: KuzuSession, copy: Copier, fresh: CheckedNode[], known: CheckedNode[], now: string, dir: string) {
  await copy('Entity', fresh, (n) => ({ id: n.id, label: n.label, owners: encodeOwners(n.owners), createdAt: now, updatedAt: now }), (n) => n.props);
  const changed: Record<string, unknown>[] = [];
  if (known.length > 0) {
    const stored = await storedNodes(s, known.map((n) => n.id), dir);
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

/**
 * A link can be stored already only when both its ends were stored before this batch, so only
 * those are looked up (a first import of a large bundle looks up none), in the link tables
 * themselves (stored-links.ts).
 */
async function writeLinks(s: KuzuSession, copy: Copier, links: CheckedLink[], existing: Set<string>, by: string, now: string, dir: string) {
  if (links.length === 0) return { linksCreated: 0, linksUpdated: 0 };
  const candidates = links.filter((l) => existing.has(l.from) && existing.has(l.to));
  const stored = candidates.length === 0 ? new Map<string, StoredLink>() : await storedLinks(s, candidates, dir);
  const byType = new Map<LinkType, CheckedLink[]>();
  const known: [CheckedLink, StoredLink][] = [];
  for (const l of links) {
    const before = stored.size === 0 ? undefined : stored.get(linkIdentity(l));
    if (before) {
      known.push([l, before]);
      continue;
    }
    let fresh = byType.get(l.type);
    if (!fresh) byType.set(l.type, (fresh = []));
    fresh.push(l);
  }
  // Nearly every link of a batch has one owner: each one's owners string made once, not once a link.
  const sole = new Map<string, string>();
  const ownersOf = (owners: string[]) => {
    if (owners.length !== 1) return encodeOwners(owners);
    let text = sole.get(owners[0]!);
    if (text === undefined) sole.set(owners[0]!, (text = encodeOwners(owners)));
    return text;
  };
  const row = (l: CheckedLink) => {
    const cited = splitSources(l.sources);
    const time = splitTime(l.props.at);
    // The row's at and atMs take the place of the link's own at (staging.ts: the row wins).
    return { from: l.from, to: l.to, key: l.key, owner: l.owner, owners: ownersOf(l.owners), citedIn: cited.citedIn, citedRow: cited.citedRow, sources: cited.sources, at: time.at, atMs: time.atMs, createdAt: now, createdBy: by };
  };
  for (const [type, fresh] of byType) await copy(type, fresh, row, (l) => l.props);

  let linksUpdated = 0;
  for (const [link, before] of known) {
    // Grants (`~tf:…`, visibility.ts) stay: mergeOwners keeps every stored token.
    const owners = mergeOwners(before.owners, link.owners);
    const sources = union(before.sources, link.sources);
    const differs = Object.entries(link.props).some(([k, v]) => !same(before.props[k], v));
    if (!differs && owners === before.owners && sources.length === before.sources.length) continue;
    const props = { ...before.props, ...link.props };
    await s.query(updateLinkStatement(link.type, Object.keys(props)), { ...props, ...('at' in props ? splitTime(props.at) : {}), from: link.from, to: link.to, key: link.key, owners, ...splitSources(sources) });
    linksUpdated++;
  }
  return { linksCreated: links.length - known.length, linksUpdated };
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
  // A time is set in both its columns (split-time.ts), so an older text time gives way to the number.
  const sets = props.flatMap((p) => [`r.${p} = CAST($${p} AS ${kuzuType(p, LINK_PROPS[p]!)})`, ...(p === 'at' ? ['r.atMs = CAST($atMs AS INT64)'] : [])]);
  return (
    `MATCH (a:Entity {id: $from})-[r:${type}]->(b:Entity {id: $to}) WHERE r.key = $key ` +
    `SET ${['r.owners = $owners', 'r.sources = CAST($sources AS STRING[])', 'r.citedIn = CAST($citedIn AS STRING)', 'r.citedRow = CAST($citedRow AS INT64)', ...sets].join(', ')}`
  );
}

function union(a: string[], b: string[]): string[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
