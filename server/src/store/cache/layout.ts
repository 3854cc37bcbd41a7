import { allLinkProps, allNodeProps, LABEL_NAMES, LABELS, LINK_TYPE_NAMES, LINK_TYPES, type Label, type LinkType, type PropDef } from '../../domain/model';
import type { GraphLink, GraphNode, PropValue, Props } from '../../domain/types';
import { decodeGrants, decodeOwners, GRANT_MARK } from '../visibility';
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

const QUOTE = 0x22;
const COMMA = 0x2c;

/*
 * A row returned whole is decoded to text in one call and its fields are cut from that text:
 * decoding each field on its own crossed into the engine's string code once a field, most of
 * a row's cost. Commas and quotes are ASCII, and UTF-8 never has an ASCII byte inside a longer
 * character, so the text's fields lie where the bytes' do (the same rules as csv.ts).
 *
 * The fields are walked once, left to right, and only those the record's label (or link type)
 * has are cut out: a node row has a column for every label's properties, most of them empty
 * for any one node, and an empty field is passed over at the cost of one comparison.
 */

/** The end of the field of `text` that starts at `pos`: the comma after it, or the text's end; `pos` itself when the field is empty. */
function fieldStop(text: string, pos: number): number {
  if (pos >= text.length) return pos;
  const c = text.charCodeAt(pos);
  if (c === COMMA) return pos;
  if (c !== QUOTE) {
    const stop = text.indexOf(',', pos);
    return stop < 0 ? text.length : stop;
  }
  for (let i = pos + 1; ; ) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length;
    if (text.charCodeAt(q + 1) === QUOTE) i = q + 2;
    else return q + 1;
  }
}

/** A field's value: null when unquoted and empty (csv.ts fieldValue). */
function fieldText(text: string, start: number, stop: number): string | null {
  if (start === stop) return null;
  if (text.charCodeAt(start) !== QUOTE) return text.slice(start, stop);
  const inner = text.slice(start + 1, stop - 1);
  return inner.includes('"') ? inner.replaceAll('""', '"') : inner;
}

const column = (columns: string[], name: string) => columns.indexOf(name);

/** What a column holds for one label or link type: one of its properties (its place in the model's order), or a field every record has. */
const SKIP = -1;
const CREATED_AT = -2;
const UPDATED_AT = -3;
const CREATED_BY = -4;
const KEY = -5;
const OWNER = -6;
const SOURCES = -7;

interface Plan {
  /** The label's or type's properties, in the model's order (the order of a decoded record's keys). */
  props: { name: string; def: PropDef }[];
  /** Per column: the property's index in `props`, or a field every record has, or SKIP. */
  roles: Int8Array;
  /** Values found by the walk, by property (reused by every call: decoding is synchronous). */
  found: (string | null)[];
}

function plan(columns: string[], props: Record<string, PropDef>, common: Record<string, number>): Plan {
  const entries = Object.entries(props).map(([name, def]) => ({ name, def }));
  const roles = new Int8Array(columns.length).fill(SKIP);
  for (const [name, role] of Object.entries(common)) roles[column(columns, name)] = role;
  entries.forEach((p, i) => (roles[column(columns, p.name)] = i));
  return { props: entries, roles, found: entries.map(() => null) };
}

/** For each label, which columns its nodes use: a row is decoded only as far as its label needs. */
const NODE_PLAN = new Map(LABEL_NAMES.map((label) => [label, plan(NODE_COLUMNS, LABELS[label].props, { createdAt: CREATED_AT, updatedAt: UPDATED_AT })]));
const LINK_PLAN = new Map(
  LINK_TYPE_NAMES.map((type) => [type, plan(LINK_COLUMNS, LINK_TYPES[type].props, { createdAt: CREATED_AT, createdBy: CREATED_BY, key: KEY, owner: OWNER, sources: SOURCES })]),
);
const NODE_FIRST = column(NODE_COLUMNS, 'owners') + 1;
const LINK_FIRST = column(LINK_COLUMNS, 'owners') + 1;

/** The plan's properties the walk found, typed, in the model's order; `found` is cleared for the next row. */
function collect(p: Plan): Props {
  const out: Props = {};
  for (let i = 0; i < p.found.length; i++) {
    const v = p.found[i]!;
    if (v === null) continue;
    out[p.props[i]!.name] = typed(p.props[i]!.def, v);
    p.found[i] = null;
  }
  return out;
}

/** An owners field's owning agencies and grants, split once (most records have no grant). */
function ownership(encoded: string | null): { owners: string[]; grants: string[] } {
  return { owners: decodeOwners(encoded), grants: encoded !== null && encoded.includes(GRANT_MARK) ? decodeGrants(encoded) : [] };
}

/** The node whose row is `buf[start, end)`, as mapping.ts's toNode gives it (keys in its order). */
export function decodeNode(buf: Uint8Array, start: number, end: number): GraphNode {
  const text = (buf as Buffer).toString('utf8', start, end);
  // _row, id, label, owners: the columns every row starts with (NODE_COLUMNS).
  let pos = fieldStop(text, 0) + 1;
  let stop = fieldStop(text, pos);
  const id = fieldText(text, pos, stop)!;
  pos = stop + 1;
  stop = fieldStop(text, pos);
  const label = fieldText(text, pos, stop) as Label;
  pos = stop + 1;
  stop = fieldStop(text, pos);
  const { owners, grants } = ownership(fieldText(text, pos, stop));
  const p = NODE_PLAN.get(label)!;
  let createdAt = '';
  let updatedAt = '';
  for (let c = NODE_FIRST; c < NODE_COLUMNS.length; c++) {
    pos = stop + 1;
    stop = fieldStop(text, pos);
    if (stop === pos) continue;
    const role = p.roles[c]!;
    if (role >= 0) p.found[role] = fieldText(text, pos, stop);
    else if (role === CREATED_AT) createdAt = fieldText(text, pos, stop)!;
    else if (role === UPDATED_AT) updatedAt = fieldText(text, pos, stop)!;
  }
  const props_ = collect(p);
  return grants.length > 0 ? { id, label, owners, grants, props: props_, createdAt, updatedAt } : { id, label, owners, props: props_, createdAt, updatedAt };
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

/** The link whose row is `buf[start, end)`, as mapping.ts's toLink gives it (keys in its order). */
export function decodeLink(buf: Uint8Array, start: number, end: number, type: LinkType, from: string, to: string): GraphLink {
  const text = (buf as Buffer).toString('utf8', start, end);
  // _from, _to, owners: the columns every row starts with (LINK_COLUMNS); the ends are known already.
  let pos = fieldStop(text, fieldStop(text, 0) + 1) + 1;
  let stop = fieldStop(text, pos);
  const { owners, grants } = ownership(fieldText(text, pos, stop));
  const p = LINK_PLAN.get(type)!;
  let key = '';
  let owner = '';
  let cited: string | null = null;
  let createdAt = '';
  let createdBy = '';
  for (let c = LINK_FIRST; c < LINK_COLUMNS.length; c++) {
    pos = stop + 1;
    stop = fieldStop(text, pos);
    if (stop === pos) continue;
    const role = p.roles[c]!;
    if (role >= 0) p.found[role] = fieldText(text, pos, stop);
    else if (role === KEY) key = fieldText(text, pos, stop)!;
    else if (role === OWNER) owner = fieldText(text, pos, stop)!;
    else if (role === SOURCES) cited = fieldText(text, pos, stop);
    else if (role === CREATED_AT) createdAt = fieldText(text, pos, stop)!;
    else if (role === CREATED_BY) createdBy = fieldText(text, pos, stop)!;
  }
  const sources = cited ? cited.split(LIST_SEPARATOR) : [];
  const props_ = collect(p);
  return grants.length > 0
    ? { type, from, to, key, owner, owners, grants, sources, props: props_, createdAt, createdBy }
    : { type, from, to, key, owner, owners, sources, props: props_, createdAt, createdBy };
}
