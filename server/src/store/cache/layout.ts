import { allLinkProps, allNodeProps, LABEL_NAMES, LABELS, LINK_TYPE_NAMES, LINK_TYPES, type Label, type LinkType, type PropDef } from '../../domain/model';
import type { GraphLink, GraphNode, PropValue, Props } from '../../domain/types';
import { decodeOwners } from '../visibility';
import { grantsOf } from '../mapping';
import { fieldEnd, fieldValue } from './csv';

/**
 * The columns of the cache's row files, one file for the nodes and one per link type. The
 * first columns are the topology the cache keeps in typed arrays; the rest are decoded only
 * for the rows a read returns.
 */
const nodeProps = allNodeProps();
const linkProps = allLinkProps();

/** Node rows: the engine's row number, then id, label, owners, then every other property. */
export const NODE_COLUMNS = ['_row', 'id', 'label', 'owners', ...Object.keys(nodeProps).filter((p) => !['id', 'label', 'owners'].includes(p)).sort()];
/** Link rows: the engine's row numbers of both ends, owners, time, then every other property. */
export const LINK_COLUMNS = ['_from', '_to', 'owners', 'at', ...Object.keys(linkProps).filter((p) => !['owners', 'at'].includes(p)).sort()];

/** Separates list items inside one field (Kuzu writes a list with `list_to_string`). */
export const LIST_SEPARATOR = '\u001f';

/** A field Kuzu wrote (COPY TO) as the value of its property's type. */
export function typed(def: PropDef, value: string): PropValue {
  switch (def.type) {
    case 'int':
    case 'money':
      return Number(value);
    case 'boolean':
      return value === 'True' || value === 'true';
    case 'stringList':
      return value === '' ? [] : value.split(LIST_SEPARATOR);
    default:
      return value;
  }
}

/**
 * Byte ranges of every field of a record: [start0, end0, start1, end1, …], in one array reused
 * by every call (decoding is synchronous): a fresh typed array per row was most of a read's garbage.
 */
const scratch = new Int32Array(2 * Math.max(NODE_COLUMNS.length, LINK_COLUMNS.length));
function fieldRanges(buf: Uint8Array, start: number, end: number, count: number): Int32Array {
  const ranges = scratch;
  let pos = start;
  for (let f = 0; f < count; f++) {
    const stop = pos > end ? pos : fieldEnd(buf, pos, end);
    ranges[2 * f] = pos;
    ranges[2 * f + 1] = stop;
    pos = stop + 1;
  }
  return ranges;
}

const value = (buf: Uint8Array, r: Int32Array, column: number) => fieldValue(buf, r[2 * column]!, r[2 * column + 1]!);
const column = (columns: string[], name: string) => columns.indexOf(name);

/** For each label, the columns of its own properties: a row is decoded only as far as its label needs. */
const NODE_PLAN = new Map(
  LABEL_NAMES.map((label) => [label, Object.entries(LABELS[label].props).map(([name, def]) => ({ name, def, at: column(NODE_COLUMNS, name) }))]),
);
const LINK_PLAN = new Map(
  LINK_TYPE_NAMES.map((type) => [type, Object.entries(LINK_TYPES[type].props).map(([name, def]) => ({ name, def, at: column(LINK_COLUMNS, name) }))]),
);
const N = { id: column(NODE_COLUMNS, 'id'), label: column(NODE_COLUMNS, 'label'), owners: column(NODE_COLUMNS, 'owners'), createdAt: column(NODE_COLUMNS, 'createdAt'), updatedAt: column(NODE_COLUMNS, 'updatedAt') };
const L = { key: column(LINK_COLUMNS, 'key'), owner: column(LINK_COLUMNS, 'owner'), owners: column(LINK_COLUMNS, 'owners'), sources: column(LINK_COLUMNS, 'sources'), createdAt: column(LINK_COLUMNS, 'createdAt'), createdBy: column(LINK_COLUMNS, 'createdBy') };

function props(buf: Uint8Array, r: Int32Array, plan: { name: string; def: PropDef; at: number }[]): Props {
  const out: Props = {};
  for (const p of plan) {
    const v = value(buf, r, p.at);
    if (v !== null) out[p.name] = typed(p.def, v);
  }
  return out;
}

/** The node whose row is `buf[start, end)`, as mapping.ts's toNode gives it. */
export function decodeNode(buf: Uint8Array, start: number, end: number): GraphNode {
  const r = fieldRanges(buf, start, end, NODE_COLUMNS.length);
  const label = value(buf, r, N.label) as Label;
  return {
    id: value(buf, r, N.id)!,
    label,
    owners: decodeOwners(value(buf, r, N.owners)),
    ...grantsOf(value(buf, r, N.owners)),
    props: props(buf, r, NODE_PLAN.get(label)!),
    createdAt: value(buf, r, N.createdAt) ?? '',
    updatedAt: value(buf, r, N.updatedAt) ?? '',
  };
}

/**
 * Only the named properties of the node whose row is `buf[start, end)`, as strings (absent when
 * empty): what a scan over many rows needs without building every node.
 */
export function decodeNodeText(buf: Uint8Array, start: number, end: number, names: readonly string[]): Record<string, string> {
  const r = fieldRanges(buf, start, end, NODE_COLUMNS.length);
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = value(buf, r, column(NODE_COLUMNS, name));
    if (v !== null) out[name] = v;
  }
  return out;
}

/** The link whose row is `buf[start, end)`, as mapping.ts's toLink gives it. */
export function decodeLink(buf: Uint8Array, start: number, end: number, type: LinkType, from: string, to: string): GraphLink {
  const r = fieldRanges(buf, start, end, LINK_COLUMNS.length);
  const sources = value(buf, r, L.sources);
  return {
    type,
    from,
    to,
    key: value(buf, r, L.key) ?? '',
    owner: value(buf, r, L.owner) ?? '',
    owners: decodeOwners(value(buf, r, L.owners)),
    ...grantsOf(value(buf, r, L.owners)),
    sources: sources ? sources.split(LIST_SEPARATOR) : [],
    props: props(buf, r, LINK_PLAN.get(type)!),
    createdAt: value(buf, r, L.createdAt) ?? '',
    createdBy: value(buf, r, L.createdBy) ?? '',
  };
}

