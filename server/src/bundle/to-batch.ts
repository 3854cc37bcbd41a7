import { labelProp, LINK_TYPES, linkProp, type LinkDef, type PropDef } from '../domain/model';
import { normalizeTime } from '../domain/normalize';
import type { LinkInput, NodeInput, PropValue, Props, SourceRecord } from '../domain/types';
import type { BundleRecord } from './validate';

/** Times to one UTC spelling; everything else as given (the schema has checked the types). */
function props(given: Record<string, unknown> | undefined, def: (name: string) => PropDef | undefined): Props {
  const out: Props = {};
  for (const [name, value] of Object.entries(given ?? {})) {
    out[name] = def(name)?.type === 'time' ? normalizeTime(value as string) : (value as PropValue);
  }
  return out;
}

export function toNodeInput(record: Extract<BundleRecord, { kind: 'node' }>, owner: string): NodeInput {
  return { id: record.id, label: record.label, owner, props: props(record.props, (p) => labelProp(record.label, p)) };
}

/** The sources of a link that cites none: one list for all (a list each was a million objects in a large bundle). */
const NO_SOURCES: string[] = Object.freeze([]) as unknown as string[];

export function toLinkInput(record: Extract<BundleRecord, { kind: 'link' }>, owner: string): LinkInput {
  const p = props(record.props, (name) => linkProp(record.type, name));
  return {
    type: record.type,
    from: record.from,
    to: record.to,
    // A time key is normalised like the time it repeats, so `+08:00` and `Z` spellings are one link.
    key: record.key !== undefined && isTimeKey(record) ? normalizeTime(record.key) : (record.key ?? ''),
    owner,
    sources: record.sources ?? NO_SOURCES,
    props: p,
  };
}

function isTimeKey(record: Extract<BundleRecord, { kind: 'link' }>): boolean {
  const keyProp = (LINK_TYPES[record.type] as LinkDef).keyProp;
  return keyProp !== undefined && linkProp(record.type, keyProp)?.type === 'time';
}

export function toSource(record: Extract<BundleRecord, { kind: 'source' }>, owner: string): SourceRecord {
  return {
    id: record.id,
    type: record.type as SourceRecord['type'],
    reference: record.reference,
    sha256: record.sha256 ?? null,
    collectedAt: record.collectedAt ? normalizeTime(record.collectedAt) : null,
    collectedBy: record.collectedBy ?? null,
    owner,
  };
}
