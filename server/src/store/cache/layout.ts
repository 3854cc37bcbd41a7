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

/**
 * A row returned whole is decoded to text in one call and its fields are cut from that text:
 * decoding each field on its own crossed into the engine's string code once a field, most of
 * a row's cost. Commas and quotes are ASCII, and UTF-8 never has an ASCII byte inside a longer
 * character, so the text's fields lie where the bytes' do (the same rules as csv.ts).
 */
class RowText {
  readonly ranges = new Int32Array(2 * Math.max(NODE_COLUMNS.length, LINK_COLUMNS.length));
  text = '';

  /** Decodes `buf[start, end)` and finds its first `count` fields (reused by every call: decoding is synchronous). */
  read(buf: Uint8Array, start: number, end: number, count: number): this {
    const text = (this.text = (buf as Buffer).toString('utf8', start, end));
    const length = text.length;
    let pos = 0;
    for (let f = 0; f < count; f++) {
      let stop = pos;
      if (pos <= length) {
        if (text.charCodeAt(pos) !== QUOTE) {
          stop = text.indexOf(',', pos);
          if (stop < 0) stop = length;
        } else {
          stop = length;
          for (let i = pos + 1; ; ) {
            const q = text.indexOf('"', i);
            if (q < 0) break;
            if (text.charCodeAt(q + 1) === QUOTE) i = q + 2;
            else {
              stop = q + 1;
              break;
            }
          }
        }
      }
      this.ranges[2 * f] = pos;
      this.ranges[2 * f + 1] = stop;
      pos = stop + 1;
    }
    return this;
  }

  /** A field's value: null when unquoted and empty (csv.ts fieldValue). */
  value(column: number): string | null {
    const start = this.ranges[2 * column]!;
    const stop = this.ranges[2 * column + 1]!;
    if (start === stop) return null;
    if (this.text.charCodeAt(start) !== QUOTE) return this.text.slice(start, stop);
    const inner = this.text.slice(start + 1, stop - 1);
    return inner.includes('"') ? inner.replaceAll('""', '"') : inner;
  }
}
const row = new RowText();
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

function props(r: RowText, plan: { name: string; def: PropDef; at: number }[]): Props {
  const out: Props = {};
  for (const p of plan) {
    const v = r.value(p.at);
    if (v !== null) out[p.name] = typed(p.def, v);
  }
  return out;
}

/** An owners field's owning agencies and grants, split once (most records have no grant). */
function ownership(encoded: string | null): { owners: string[]; grants: string[] } {
  return { owners: decodeOwners(encoded), grants: encoded !== null && encoded.includes(GRANT_MARK) ? decodeGrants(encoded) : [] };
}

/** The node whose row is `buf[start, end)`, as mapping.ts's toNode gives it (keys in its order). */
export function decodeNode(buf: Uint8Array, start: number, end: number): GraphNode {
  const r = row.read(buf, start, end, NODE_COLUMNS.length);
  const id = r.value(N.id)!;
  const label = r.value(N.label) as Label;
  const { owners, grants } = ownership(r.value(N.owners));
  const props_ = props(r, NODE_PLAN.get(label)!);
  const createdAt = r.value(N.createdAt) ?? '';
  const updatedAt = r.value(N.updatedAt) ?? '';
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
  const r = row.read(buf, start, end, LINK_COLUMNS.length);
  const key = r.value(L.key) ?? '';
  const owner = r.value(L.owner) ?? '';
  const { owners, grants } = ownership(r.value(L.owners));
  const cited = r.value(L.sources);
  const sources = cited ? cited.split(LIST_SEPARATOR) : [];
  const props_ = props(r, LINK_PLAN.get(type)!);
  const createdAt = r.value(L.createdAt) ?? '';
  const createdBy = r.value(L.createdBy) ?? '';
  return grants.length > 0
    ? { type, from, to, key, owner, owners, grants, sources, props: props_, createdAt, createdBy }
    : { type, from, to, key, owner, owners, sources, props: props_, createdAt, createdBy };
}
