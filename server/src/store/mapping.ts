import { LABELS, LINK_TYPES, type Label, type LinkType, type PropDef } from '../domain/model';
import type { GraphLink, GraphNode, PropValue, Props, SourceRecord } from '../domain/types';
import { decodeGrants, decodeOwners } from './visibility';

/** `{ grants }` when the stored owners string has any, else nothing (most records). */
export function grantsOf(encoded: unknown): { grants?: string[] } {
  const grants = decodeGrants(encoded);
  return grants.length > 0 ? { grants } : {};
}

/** Plain node or relationship values as runners return them (runner.ts). */
type Plain = Record<string, unknown>;

function pick(values: Plain, defs: Readonly<Record<string, PropDef>>): Props {
  const props: Props = {};
  for (const name of Object.keys(defs)) {
    const value = values[name];
    if (value !== null && value !== undefined) props[name] = value as PropValue;
  }
  return props;
}

export function toNode(value: unknown): GraphNode {
  const v = value as Plain;
  const label = v.label as Label;
  return {
    id: v.id as string,
    label,
    owners: decodeOwners(v.owners),
    ...grantsOf(v.owners),
    props: pick(v, LABELS[label].props),
    createdAt: (v.createdAt as string) ?? '',
    updatedAt: (v.updatedAt as string) ?? '',
  };
}

export function toLink(value: unknown, from: string, to: string): GraphLink {
  const v = value as Plain;
  const type = v._type as LinkType;
  return {
    type,
    from,
    to,
    key: (v.key as string) ?? '',
    owner: (v.owner as string) ?? '',
    owners: decodeOwners(v.owners),
    ...grantsOf(v.owners),
    sources: (v.sources as string[]) ?? [],
    props: pick(v, LINK_TYPES[type].props),
    createdAt: (v.createdAt as string) ?? '',
    createdBy: (v.createdBy as string) ?? '',
  };
}

/** A path's links, whose ends runners give as engine-internal ids, resolved through its nodes. */
export function toPathLinks(pathNodes: unknown[], pathRels: unknown[]): GraphLink[] {
  const idOf = new Map<unknown, string>();
  for (const n of pathNodes as Plain[]) idOf.set(n._iid, n.id as string);
  return (pathRels as Plain[]).map((r) => toLink(r, idOf.get(r._src)!, idOf.get(r._dst)!));
}

export function toSource(value: unknown): SourceRecord {
  const v = value as Plain;
  return {
    id: v.id as string,
    type: v.type as SourceRecord['type'],
    reference: v.reference as string,
    sha256: (v.sha256 as string) ?? null,
    collectedAt: (v.collectedAt as string) ?? null,
    collectedBy: (v.collectedBy as string) ?? null,
    owner: v.owner as string,
  };
}

/** Integer columns may arrive as bigint from either engine; the domain counts in numbers. */
export function num(value: unknown): number {
  return typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : 0;
}
