/**
 * The force-directed layout (fcose) without freezing the page: it runs in a Web Worker on a
 * headless Cytoscape and only the positions come back. The canvas applies them with
 * `presetLayout`. Where there are no workers (node, tests) it runs in the caller's thread.
 */
import type { ElementDefinition, LayoutOptions } from 'cytoscape';
import type { Label } from '../../../../server/src/domain/model';
import { LABEL_LOOKS } from '../style';
import { fcosePositions, type ForceInput, type Position } from './fcose-core';

export type { Position };

export interface ForceOptions {
  /** Nodes held where they are: pinned, locked, or on the canvas before an expansion. */
  fixed?: Record<string, Position>;
  signal?: AbortSignal;
  seed?: number;
  quality?: ForceInput['quality'];
  idealEdgeLength?: number;
  nodeRepulsion?: number;
}

/** What the worker needs of the canvas's elements: ids, sizes by label, and the edges. */
export function forceInput(els: readonly ElementDefinition[], opts: ForceOptions = {}): ForceInput {
  const nodes: ForceInput['nodes'] = [];
  const edges: ForceInput['edges'] = [];
  for (const e of els) {
    const d = e.data as { id: string; source?: string; target?: string; label?: Label; placeholder?: boolean };
    if (d.source !== undefined) edges.push({ id: d.id, source: d.source, target: d.target! });
    else {
      const look = d.label ? LABEL_LOOKS[d.label] : undefined;
      nodes.push(d.placeholder ? { id: d.id, w: 130, h: 30 } : { id: d.id, w: look?.width ?? 40, h: look?.height ?? 40 });
    }
  }
  const input: ForceInput = { nodes, edges, seed: opts.seed ?? 1 };
  if (opts.fixed) input.fixed = opts.fixed;
  if (opts.quality) input.quality = opts.quality;
  if (opts.idealEdgeLength) input.idealEdgeLength = opts.idealEdgeLength;
  if (opts.nodeRepulsion) input.nodeRepulsion = opts.nodeRepulsion;
  return input;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (p: Record<string, Position>) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (!worker) {
    try {
      worker = new Worker(new URL('./force.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return null;
    }
    worker.onmessage = (e: MessageEvent<{ id: number; positions?: Record<string, Position>; error?: string }>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.positions) p.resolve(e.data.positions);
      else p.reject(new Error(e.data.error ?? 'force layout failed'));
    };
    worker.onerror = (e) => {
      const error = new Error(e.message || 'force layout worker failed');
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/**
 * Positions for every node of `els` from fcose, computed off the main thread. Aborting (the
 * `signal`) stops the worker at once and rejects with an AbortError.
 */
export function forceLayout(els: readonly ElementDefinition[], opts: ForceOptions = {}): Promise<Record<string, Position>> {
  const input = forceInput(els, opts);
  if (opts.signal?.aborted) return Promise.reject(abortError());
  const w = getWorker();
  if (!w) return Promise.resolve().then(() => fcosePositions(input));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    opts.signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(id)) return;
        // fcose cannot be interrupted inside the worker: end the worker, and with it any other
        // run it held, which then fail too.
        w.terminate();
        if (worker === w) worker = null;
        for (const p of pending.values()) p.reject(new Error('force layout cancelled'));
        pending.clear();
        reject(abortError());
      },
      { once: true },
    );
    w.postMessage({ id, input });
  });
}

function abortError(): Error {
  const e = new Error('The force layout was cancelled.');
  e.name = 'AbortError';
  return e;
}

/**
 * Layout options that move the canvas's nodes to `positions` (Cytoscape's preset layout).
 * Animation is worth it only for a few hundred nodes: every frame moves every node.
 */
export function presetLayout(positions: Record<string, Position>, opts: { animate?: boolean; duration?: number; fit?: boolean } = {}): LayoutOptions {
  const count = Object.keys(positions).length;
  return {
    name: 'preset',
    positions: (node: { id(): string }) => positions[node.id()] ?? null,
    animate: opts.animate ?? count <= 300,
    animationDuration: opts.duration ?? 400,
    fit: opts.fit ?? false,
  } as unknown as LayoutOptions;
}
