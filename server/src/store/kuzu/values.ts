import type { Row } from '../runner';
import { joinSources } from './cited';
import { joinTime } from './split-time';

interface KuzuInternalId {
  table: number;
  offset: number;
}

const iid = (id: KuzuInternalId) => `${id.table}:${id.offset}`;

/** Kuzu values to the plain shapes runner.ts promises: driver types stop here. */
export function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if ('_src' in v && '_dst' in v) {
    out._type = v._label;
    out._src = iid(v._src as KuzuInternalId);
    out._dst = iid(v._dst as KuzuInternalId);
  } else if ('_label' in v && '_id' in v) {
    out._iid = iid(v._id as KuzuInternalId);
  }
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('_') || x === null || x === undefined) continue;
    out[k] = plain(x);
  }
  // A link's citation split off into two columns (cited.ts) goes back in front of its sources.
  if ('citedIn' in v) {
    if (out.citedIn !== undefined) out.sources = joinSources(out.citedIn as string, out.citedRow, out.sources as string[] | undefined);
    delete out.citedIn;
    delete out.citedRow;
  }
  // A link's time stored as a number (split-time.ts) goes back as its text.
  if ('atMs' in v) {
    const at = joinTime(out.at, out.atMs);
    if (at !== undefined) out.at = at;
    delete out.atMs;
  }
  return out;
}

export function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = plain(v);
  return out;
}
