import { LABELS, type Label, type LinkType, type PropDef } from '../domain/model';
import type { GraphLink, GraphNode, PropValue } from '../domain/types';
import { maskValue, maySee, type ApiViewer } from '../api/viewer';
import { STORE_LIMITS, type GraphStore } from '../store/graph-store';
import type { EvidenceGraph, EvidenceLink, EvidenceNode, EvidenceSource } from './evidence';

/** What the export reads of a canvas document (web/src/workspace/doc.ts): the elements, where they stand, what is hidden. */
export interface CanvasContent {
  nodeIds: string[];
  /** null: the document names no links, so every link among the nodes is shown. */
  linkIds: Set<string> | null;
  positions: Map<string, { x: number; y: number }>;
}

/** A document the export cannot read; `field` names the part at fault. */
export class CanvasFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanvasFormatError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a canvas document as saved (`{format: 'case-linkage-canvas', version: 1, doc}`) or the
 * bare `doc`: the nodes on the canvas and not hidden, the links it shows, the positions.
 */
export function readCanvas(raw: unknown): CanvasContent {
  const doc = isRecord(raw) && raw.format === 'case-linkage-canvas' ? raw.doc : raw;
  if (!isRecord(doc) || !isRecord(doc.graph)) throw new CanvasFormatError('document: not a canvas document (no graph)');
  const nodes = isRecord(doc.graph.nodes) ? doc.graph.nodes : {};
  const links = isRecord(doc.graph.links) ? doc.graph.links : {};
  const hidden = new Set(Array.isArray(doc.hidden) ? doc.hidden.filter((h): h is string => typeof h === 'string') : []);
  const positions = new Map<string, { x: number; y: number }>();
  if (isRecord(doc.positions)) {
    for (const [id, p] of Object.entries(doc.positions)) {
      if (isRecord(p) && Number.isFinite(p.x) && Number.isFinite(p.y)) positions.set(id, { x: p.x as number, y: p.y as number });
    }
  }
  const nodeIds = Object.keys(nodes).filter((id) => !hidden.has(id)).sort();
  const linkIds = Object.keys(links);
  return { nodeIds, linkIds: linkIds.length > 0 ? new Set(linkIds) : null, positions };
}

export const linkId = (l: { type: string; from: string; to: string; key: string }) => `${l.type}:${l.from}:${l.to}:${l.key}`;

/** A sensitive value shown unmasked to a role that may see it: what the audit trail records. */
export interface Reveal {
  nodeId: string;
  prop: string;
}

export interface CollectOptions {
  /** Records created after this instant are left out (ISO). */
  asOf: string;
  investigation: { id: string | null; name: string };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Nodes without a position on the canvas go on a grid below the laid-out ones, in id order. */
function place(nodes: GraphNode[], positions: CanvasContent['positions']): Map<string, { x: number; y: number }> {
  const placed = new Map<string, { x: number; y: number }>();
  let bottom = 0;
  let left = 0;
  for (const n of nodes) {
    const p = positions.get(n.id);
    if (p) {
      placed.set(n.id, p);
      bottom = Math.max(bottom, p.y);
      left = Math.min(left, p.x);
    }
  }
  const missing = nodes.filter((n) => !placed.has(n.id));
  const columns = Math.max(1, Math.ceil(Math.sqrt(missing.length)));
  missing.forEach((n, i) => placed.set(n.id, { x: left + (i % columns) * 120, y: bottom + 150 + Math.floor(i / columns) * 120 }));
  return placed;
}

/**
 * The evidence graph of a canvas as the viewer may see it as of `asOf`: the canvas's visible
 * nodes and links read back from the store (the store, not the document, is the record), the
 * sources they cite, sensitive properties masked unless the viewer's role may see them. What
 * was shown unmasked is returned in `reveals` for the audit trail.
 *
 * "As of" leaves out nodes and links created after `asOf`. The store keeps no history of
 * property values, so a property changed after `asOf` (a card frozen later) shows its value now,
 * and the node's `updatedAt`, written in every file, says so.
 */
export async function collectEvidence(
  store: GraphStore,
  viewer: ApiViewer,
  canvas: CanvasContent,
  options: CollectOptions,
): Promise<{ graph: EvidenceGraph; reveals: Reveal[] }> {
  const asOf = new Date(options.asOf).toISOString();
  const sub = await store.subgraph(viewer, canvas.nodeIds);
  const nodes = sub.nodes.filter((n) => n.createdAt <= asOf).sort(byId);
  const present = new Set(nodes.map((n) => n.id));
  const links = sub.links
    .filter((l) => l.createdAt <= asOf && present.has(l.from) && present.has(l.to))
    .filter((l) => canvas.linkIds === null || canvas.linkIds.has(linkId(l)));
  const cited = [...new Set(links.flatMap((l) => l.sources))].sort();
  const sourceList = cited.length > 0 ? await store.getSources(viewer, cited) : [];
  const sources = new Map<string, EvidenceSource>(sourceList.sort(byId).map((s) => [s.id, { ...s }]));
  const victims = await victimsAmong(store, viewer, nodes);
  const positions = place(nodes, canvas.positions);
  const reveals: Reveal[] = [];

  const evNodes: EvidenceNode[] = nodes.map((n) => {
    const defs = LABELS[n.label].props as Record<string, PropDef>;
    const props: Record<string, PropValue> = {};
    const masked: string[] = [];
    for (const name of Object.keys(defs)) {
      const value = n.props[name];
      if (value === undefined || value === null) continue;
      const def = defs[name]!;
      const sensitive = def.sensitive === 'always' || (def.sensitive === 'victim' && victims.has(n.id));
      if (!sensitive) props[name] = value;
      else if (maySee(viewer, def.sensitive!)) {
        props[name] = value;
        reveals.push({ nodeId: n.id, prop: name });
      } else {
        props[name] = typeof value === 'string' ? maskValue(value) : null;
        masked.push(name);
      }
    }
    const captionValue = props[LABELS[n.label].caption];
    const at = positions.get(n.id)!;
    return {
      id: n.id,
      label: n.label,
      caption: captionValue === undefined || captionValue === null ? n.id : String(captionValue),
      owners: [...n.owners].sort(),
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      props,
      masked,
      x: Math.round(at.x * 100) / 100,
      y: Math.round(at.y * 100) / 100,
    };
  });

  const evLinks: EvidenceLink[] = links
    .map((l: GraphLink) => ({
      id: linkId(l),
      type: l.type,
      from: l.from,
      to: l.to,
      key: l.key,
      owner: l.owner,
      owners: [...l.owners].sort(),
      createdAt: l.createdAt,
      createdBy: l.createdBy,
      props: Object.fromEntries(Object.entries(l.props).filter(([, v]) => v !== null && v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))),
      sources: [...new Set(l.sources)].filter((s) => sources.has(s)).sort(),
    }))
    .sort(byId);

  return {
    graph: {
      investigation: options.investigation,
      asOf,
      nodes: evNodes,
      links: evLinks,
      sources,
      labels: [...new Set(evNodes.map((n) => n.label))].sort() as Label[],
      linkTypes: [...new Set(evLinks.map((l) => l.type))].sort() as LinkType[],
    },
    reveals,
  };
}

/**
 * The people among `nodes` who are victims in some visible case, as the API's masking decides
 * it (schema/context.ts): when the store had to cut, everyone counts as a victim.
 */
async function victimsAmong(store: GraphStore, viewer: ApiViewer, nodes: GraphNode[]): Promise<Set<string>> {
  const people = nodes.filter((n) => n.label === 'Person').map((n) => n.id);
  const out = new Set<string>();
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    const n = await store.neighborhood(viewer, chunk, { hops: 1, linkTypes: ['VICTIM_IN'], limit: STORE_LIMITS.maxLimit });
    const victims = new Set(n.links.filter((l) => l.type === 'VICTIM_IN').map((l) => l.from));
    for (const id of chunk) if (n.truncated || victims.has(id)) out.add(id);
  }
  return out;
}

export type { Label };
