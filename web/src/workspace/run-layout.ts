import type { ElementDefinition } from 'cytoscape';
import type { Locale } from '../graph/format';
import { forceLayout } from '../graph/layouts/force';
import type { CanvasDoc, LayoutName, Position } from './doc';
import { gangHierarchy, gridLayout, moneyFlow, type LayoutOutcome } from './layouts';

/**
 * Runs a layout over the canvas's visible graph elements. Force-directed runs off the main
 * thread (a Web Worker, web/src/graph/layouts/force.ts) with pinned and locked nodes held where
 * they are, and `keep` too (the nodes that were there before an expansion, so that only the new
 * ones find their place).
 */
export async function runLayout({
  name,
  doc,
  elements,
  locale,
  keep = [],
  signal,
}: {
  name: LayoutName;
  doc: CanvasDoc;
  elements: readonly ElementDefinition[];
  locale: Locale;
  keep?: readonly string[];
  signal?: AbortSignal;
}): Promise<LayoutOutcome> {
  switch (name) {
    case 'hierarchy':
      return gangHierarchy(elements, locale);
    case 'money':
      return moneyFlow(elements);
    case 'grid':
      return { positions: gridLayout(elements), bands: [] };
    case 'force': {
      const fixed: Record<string, Position> = {};
      for (const id of [...doc.pinned, ...doc.locked, ...keep]) {
        const p = doc.positions[id];
        if (p) fixed[id] = p;
      }
      const nodes = elements.filter((e) => e.data.source === undefined);
      if (nodes.length > 0 && nodes.every((e) => fixed[e.data.id!])) return { positions: {}, bands: [] };
      const positions = await forceLayout(elements as ElementDefinition[], { fixed, signal });
      return { positions: roundAll(positions), bands: [] };
    }
  }
}

function roundAll(positions: Record<string, Position>): Record<string, Position> {
  const out: Record<string, Position> = {};
  for (const [id, p] of Object.entries(positions)) out[id] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  return out;
}
