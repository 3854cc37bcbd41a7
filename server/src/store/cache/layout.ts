import { allLinkProps, allNodeProps, LINK_TYPE_NAMES, type LinkType, type PropDef } from '../../domain/model';
import type { GraphLink, GraphNode } from '../../domain/types';
import { toLink, toNode } from '../mapping';
import { parseRecord } from './csv';

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

function typed(def: PropDef | undefined, value: string | null): unknown {
  if (value === null || !def) return value;
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

function plain(fields: (string | null)[], columns: string[], defs: Record<string, PropDef>, from: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = from; i < columns.length; i++) {
    const name = columns[i]!;
    // owners is stored encoded (`|a|b|`), a string in the file as in the engine.
    out[name] = name === 'owners' ? fields[i] : typed(defs[name], fields[i] ?? null);
  }
  return out;
}

export function decodeNode(buf: Uint8Array, start: number, end: number): GraphNode {
  return toNode(plain(parseRecord(buf, start, end), NODE_COLUMNS, nodeProps, 1));
}

export function decodeLink(buf: Uint8Array, start: number, end: number, type: LinkType, from: string, to: string): GraphLink {
  return toLink({ ...plain(parseRecord(buf, start, end), LINK_COLUMNS, linkProps, 2), _type: type }, from, to);
}

export const LINK_TYPE_CODE = new Map<LinkType, number>(LINK_TYPE_NAMES.map((t, i) => [t, i]));
