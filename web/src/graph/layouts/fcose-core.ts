/**
 * fcose in a headless Cytoscape: the force layout's pure core, run by the Web Worker
 * (force.worker.ts) and, where there are no workers (node, tests), in the caller's thread.
 *
 * Randomness is seeded (Math.random is swapped for a seeded generator while fcose runs, which is
 * safe because the run is synchronous), so the same graph always gets the same picture: a
 * reopened investigation looks as it did, and tests can compare runs exactly.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

export type Position = { x: number; y: number };

export interface ForceInput {
  nodes: { id: string; w: number; h: number }[];
  edges: { id: string; source: string; target: string }[];
  /** Nodes held where they are (pinned, locked, or already placed before an expansion). */
  fixed?: Record<string, Position>;
  seed?: number;
  quality?: 'draft' | 'default' | 'proof';
  idealEdgeLength?: number;
  nodeRepulsion?: number;
}

let registered = false;

export function fcosePositions(input: ForceInput): Record<string, Position> {
  if (!registered) (cytoscape.use(fcose), (registered = true));
  const fixed = input.fixed ?? {};
  const ids = new Set(input.nodes.map((n) => n.id));
  const held = Object.keys(fixed).filter((id) => ids.has(id));
  const rand = sfc32(input.seed ?? 1);
  const start = initialPositions(input, fixed, rand);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...input.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h }, position: start[n.id] })),
      ...input.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
  });
  const random = Math.random;
  Math.random = rand;
  try {
    if (held.length < input.nodes.length && input.nodes.length > 1) {
      cy.layout({
        name: 'fcose',
        animate: false,
        fit: false,
        randomize: held.length === 0,
        quality: held.length === 0 ? (input.quality ?? 'default') : 'proof',
        nodeDimensionsIncludeLabels: false,
        uniformNodeDimensions: false,
        packComponents: false,
        idealEdgeLength: () => input.idealEdgeLength ?? 90,
        nodeRepulsion: () => input.nodeRepulsion ?? 6500,
        numIter: 2500,
        fixedNodeConstraint: held.length ? held.map((id) => ({ nodeId: id, position: { ...fixed[id]! } })) : undefined,
      } as cytoscape.LayoutOptions).run();
    }
    const out: Record<string, Position> = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      out[n.id()] = fixed[n.id()] ? { ...fixed[n.id()]! } : { x: p.x, y: p.y };
    });
    return out;
  } finally {
    Math.random = random;
    cy.destroy();
  }
}

/**
 * Held nodes where they are; the others near the held nodes they link to (with a little seeded
 * jitter), or near the middle of the held ones when they link to none.
 */
function initialPositions(input: ForceInput, fixed: Record<string, Position>, rand: () => number): Record<string, Position> {
  const start: Record<string, Position> = {};
  const held = input.nodes.filter((n) => fixed[n.id]);
  if (!held.length) {
    for (const n of input.nodes) start[n.id] = { x: rand() * 1000, y: rand() * 1000 };
    return start;
  }
  const cx = held.reduce((s, n) => s + fixed[n.id]!.x, 0) / held.length;
  const cyy = held.reduce((s, n) => s + fixed[n.id]!.y, 0) / held.length;
  const near = new Map<string, Position[]>();
  for (const e of input.edges) {
    if (fixed[e.source] && !fixed[e.target]) (near.get(e.target) ?? near.set(e.target, []).get(e.target)!).push(fixed[e.source]!);
    if (fixed[e.target] && !fixed[e.source]) (near.get(e.source) ?? near.set(e.source, []).get(e.source)!).push(fixed[e.target]!);
  }
  for (const n of input.nodes) {
    if (fixed[n.id]) {
      start[n.id] = { ...fixed[n.id]! };
      continue;
    }
    const ps = near.get(n.id);
    const base = ps?.length ? { x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length } : { x: cx, y: cyy };
    const angle = rand() * 2 * Math.PI;
    const r = 40 + rand() * 80;
    start[n.id] = { x: base.x + r * Math.cos(angle), y: base.y + r * Math.sin(angle) };
  }
  return start;
}

/** A small seeded PRNG (sfc32), as the seed generator uses. */
export function sfc32(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}
