import { emptyGraph, type GraphData } from '../graph/elements';
import type { Band } from '../graph/layouts/hierarchy';

/**
 * The canvas document: what an investigation saves and what undo steps through. The graph
 * (GraphData, web/src/graph/elements.ts) plus the analyst's view of it. Plain JSON, immutable.
 */
export const LAYOUTS = ['force', 'hierarchy', 'money', 'grid'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export interface Position {
  x: number;
  y: number;
}

/** A window of time brushed on the timeline strip, epoch milliseconds, both ends included. */
export interface TimeWindow {
  from: number;
  to: number;
}

export interface CanvasDoc {
  graph: GraphData;
  /** Every node on the canvas has one; the canvas mirrors them. */
  positions: Readonly<Record<string, Position>>;
  /** Nodes taken off the canvas view but kept in the document (sorted ids). */
  hidden: readonly string[];
  /** Nodes force layouts keep in place and collapsing keeps on the canvas. */
  pinned: readonly string[];
  /** Nodes neither the user nor any layout can move. */
  locked: readonly string[];
  groupByLabel: boolean;
  layout: LayoutName;
  /** The gang hierarchy's bands (named and counted), drawn while that layout is on. */
  bands: readonly Band[];
  timeWindow: TimeWindow | null;
}

export function emptyDoc(): CanvasDoc {
  return { graph: emptyGraph(), positions: {}, hidden: [], pinned: [], locked: [], groupByLabel: false, layout: 'force', bands: [], timeWindow: null };
}

/** How many elements a document holds (nodes and links), as the saved investigation reports it. */
export const elementCount = (doc: CanvasDoc) => Object.keys(doc.graph.nodes).length + Object.keys(doc.graph.links).length;

const FORMAT = 'case-linkage-canvas';
const VERSION = 1;

export interface SavedDoc {
  format: typeof FORMAT;
  version: typeof VERSION;
  doc: CanvasDoc;
}

/** The document as saved on the server (the investigation's JSON `document`), with its format and version. */
export function serializeDoc(doc: CanvasDoc): SavedDoc {
  return { format: FORMAT, version: VERSION, doc };
}

export class DocFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocFormatError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** Reads a saved document; what it lacks takes the empty document's value. Throws DocFormatError when it is not one. */
export function parseDoc(raw: unknown): CanvasDoc {
  if (!isRecord(raw) || raw.format !== FORMAT) throw new DocFormatError('not a canvas document');
  if (raw.version !== VERSION) throw new DocFormatError(`version ${String(raw.version)} is not supported`);
  const d = isRecord(raw.doc) ? raw.doc : {};
  const base = emptyDoc();
  const g = isRecord(d.graph) ? d.graph : {};
  const positions: Record<string, Position> = {};
  if (isRecord(d.positions)) {
    for (const [id, p] of Object.entries(d.positions)) {
      if (isRecord(p) && Number.isFinite(p.x) && Number.isFinite(p.y)) positions[id] = { x: p.x as number, y: p.y as number };
    }
  }
  const tw = isRecord(d.timeWindow) && Number.isFinite(d.timeWindow.from) && Number.isFinite(d.timeWindow.to) ? { from: d.timeWindow.from as number, to: d.timeWindow.to as number } : null;
  return {
    graph: {
      nodes: (isRecord(g.nodes) ? g.nodes : {}) as GraphData['nodes'],
      links: (isRecord(g.links) ? g.links : {}) as GraphData['links'],
      placeholders: (isRecord(g.placeholders) ? g.placeholders : {}) as GraphData['placeholders'],
      memberLayers: (isRecord(g.memberLayers) ? g.memberLayers : {}) as GraphData['memberLayers'],
    },
    positions,
    hidden: strings(d.hidden),
    pinned: strings(d.pinned),
    locked: strings(d.locked),
    groupByLabel: d.groupByLabel === true,
    layout: (LAYOUTS as readonly unknown[]).includes(d.layout) ? (d.layout as LayoutName) : base.layout,
    bands: Array.isArray(d.bands) ? (d.bands.filter(isRecord) as unknown as Band[]) : [],
    timeWindow: tw,
  };
}
