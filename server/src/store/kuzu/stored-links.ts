import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { allLinkProps, LINK_TYPES, type LinkType } from '../../domain/model';
import type { Props } from '../../domain/types';
import { linkIdentity, type CheckedLink } from '../batch-check';
import { fieldEnd, fieldValue, scanRecords } from '../cache/csv';
import { LIST_SEPARATOR } from '../cache/layout';
import { kuzuType } from './ddl';
import type { KuzuSession } from './kuzu-runner';

/** A stored link as the bulk writer merges it: its owners string (grants included), sources and set properties. */
export interface StoredLink {
  owners: string;
  sources: string[];
  props: Props;
}

/**
 * Up to this many links of a type are looked up one join each (about a millisecond a link);
 * more are found in one export of the type's table (a second or so a million links), which
 * costs in proportion to the table whatever the batch.
 */
const JOIN_LIMIT = 1_000;

const LINK_PROPS = allLinkProps();

/**
 * The stored state of those of `links` that are stored, by link identity, read from the link
 * tables themselves: the tables are the truth, so no bookkeeping row has to be written beside
 * every link (that cost a third of a first import), kept in step with grants, or read back.
 * `dir` is a folder for the export.
 */
export async function storedLinks(s: KuzuSession, links: readonly CheckedLink[], dir: string): Promise<Map<string, StoredLink>> {
  const byType = new Map<LinkType, CheckedLink[]>();
  for (const l of links) {
    let list = byType.get(l.type);
    if (!list) byType.set(l.type, (list = []));
    list.push(l);
  }
  const stored = new Map<string, StoredLink>();
  for (const [type, list] of byType) {
    if (list.length <= JOIN_LIMIT) await joined(s, type, list, stored);
    else await exported(s, type, new Set(list.map(linkIdentity)), join(dir, `stored-${type}.csv`), stored);
  }
  return stored;
}

async function joined(s: KuzuSession, type: LinkType, links: CheckedLink[], into: Map<string, StoredLink>): Promise<void> {
  const props = Object.keys(LINK_TYPES[type].props);
  const text =
    `UNWIND $rows AS r MATCH (a:Entity {id: r.f})-[l:${type}]->(b:Entity {id: r.t}) WHERE l.key = r.k ` +
    `RETURN a.id AS from, b.id AS to, l.key AS key, l.owners AS owners, l.sources AS sources${props.map((p) => `, l.${p} AS ${p}`).join('')}`;
  for (const r of await s.query(text, { rows: links.map((l) => ({ f: l.from, t: l.to, k: l.key })) })) {
    const state: StoredLink = { owners: String(r.owners ?? ''), sources: (r.sources as string[] | undefined) ?? [], props: {} };
    for (const p of props) if (r[p] !== undefined && r[p] !== null) state.props[p] = r[p] as Props[string];
    into.set(linkIdentity({ type, from: r.from as string, to: r.to as string, key: r.key as string }), state);
  }
}

/** Exports the whole table with Kuzu's parallel COPY TO and keeps the rows whose identity is `wanted`. */
async function exported(s: KuzuSession, type: LinkType, wanted: Set<string>, file: string, into: Map<string, StoredLink>): Promise<void> {
  const props = Object.keys(LINK_TYPES[type].props);
  const ints = props.map((p) => kuzuType(p, LINK_PROPS[p]!) === 'INT64');
  await s.query(
    `COPY (MATCH (a:Entity)-[l:${type}]->(b:Entity) RETURN a.id, b.id, l.key, l.owners, list_to_string('${LIST_SEPARATOR}', l.sources)` +
      `${props.map((p) => `, l.${p}`).join('')}) TO '${file}'`,
  );
  const buf = readFileSync(file);
  rmSync(file, { force: true });
  const prefix = `${type}|`;
  const fields: (string | null)[] = [];
  scanRecords(buf, (start, end) => {
    fields.length = 0;
    for (let pos = start; pos <= end; ) {
      const stop = fieldEnd(buf, pos, end);
      fields.push(fieldValue(buf, pos, stop));
      pos = stop + 1;
    }
    const identity = `${prefix}${fields[0]}|${fields[1]}|${fields[2] ?? ''}`;
    if (!wanted.has(identity)) return;
    const sources = fields[4];
    const state: StoredLink = { owners: fields[3] ?? '', sources: sources ? sources.split(LIST_SEPARATOR) : [], props: {} };
    props.forEach((p, i) => {
      const v = fields[5 + i];
      if (v !== null && v !== undefined) state.props[p] = ints[i] ? Number(v) : v;
    });
    into.set(identity, state);
  });
}
