import { join } from 'node:path';
import { allLinkProps, LINK_TYPES, type LinkType } from '../../domain/model';
import type { Props } from '../../domain/types';
import { linkIdentity, type CheckedLink } from '../batch-check';
import { sourcesColumn } from './cited';
import { timeColumn } from './split-time';
import type { KuzuSession } from './kuzu-runner';
import { exportColumn, exportedValue, exportRecords, JOIN_LIMIT } from './table-export';

/** A stored link as the bulk writer merges it: its owners string (grants included), sources and set properties. */
export interface StoredLink {
  owners: string;
  sources: string[];
  props: Props;
}

const LINK_PROPS = allLinkProps();

/**
 * The stored state of those of `links` that are stored, by link identity, read from the link
 * tables themselves: the tables are the truth, so no bookkeeping row has to be written beside
 * every link (that cost a third of a first import), kept in step with grants, or read back.
 * Few links of a type are joined, many found in an export (table-export.ts) in `dir`.
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
    `RETURN a.id AS from, b.id AS to, l.key AS key, l.owners AS owners, ${sourcesColumn('l')} AS sources${props.map((p) => `, ${column(p)} AS ${p}`).join('')}`;
  for (const r of await s.query(text, { rows: links.map((l) => ({ f: l.from, t: l.to, k: l.key })) })) {
    const state: StoredLink = { owners: String(r.owners ?? ''), sources: (r.sources as string[] | undefined) ?? [], props: {} };
    for (const p of props) if (r[p] !== undefined && r[p] !== null) state.props[p] = r[p] as Props[string];
    into.set(linkIdentity({ type, from: r.from as string, to: r.to as string, key: r.key as string }), state);
  }
}

/** Exports the whole table (table-export.ts) and keeps the rows whose identity is `wanted`. */
async function exported(s: KuzuSession, type: LinkType, wanted: Set<string>, file: string, into: Map<string, StoredLink>): Promise<void> {
  const props = Object.keys(LINK_TYPES[type].props);
  const defs = props.map((p) => LINK_PROPS[p]);
  const query = `MATCH (a:Entity)-[l:${type}]->(b:Entity) RETURN a.id, b.id, l.key, l.owners, ${exportColumn('l', 'sources', LINK_PROPS.sources)}${props.map((p) => `, ${column(p)}`).join('')}`;
  const prefix = `${type}|`;
  await exportRecords(s, query, file, (fields) => {
    const identity = `${prefix}${fields[0]}|${fields[1]}|${fields[2] ?? ''}`;
    if (!wanted.has(identity)) return;
    const sources = exportedValue(LINK_PROPS.sources, fields[4]!) as string[] | null;
    const state: StoredLink = { owners: fields[3] ?? '', sources: sources ?? [], props: {} };
    props.forEach((p, i) => {
      const v = exportedValue(defs[i], fields[5 + i]!);
      if (v !== null) state.props[p] = v;
    });
    into.set(identity, state);
  });
}

/** A link property's column; its time as text from whichever column holds it (split-time.ts). */
const column = (p: string) => (p === 'at' ? timeColumn('l') : `l.${p}`);
