import type { ElementDefinition } from 'cytoscape';
import { LABEL_NAMES, type Label } from '../../../server/src/domain/model';
import type { Locale } from '../graph/format';
import { hierarchyInputFromElements, hierarchyLayout, type Band } from '../graph/layouts/hierarchy';
import { moneyFlowLayout, type Transfer } from '../graph/layouts/money-flow';
import type { Position } from './doc';

/**
 * The synchronous layouts, from the canvas's visible elements (no decorations) to positions:
 * the gang hierarchy and the money flow (web/src/graph/layouts) and a grid by label. What they
 * do not place goes in a grid beside them, so nothing is left where the last layout put it.
 */
export type LayoutOutcome = { positions: Record<string, Position>; bands: Band[] } | { problem: 'layout.noGang' | 'layout.noMoney' };

type Data = { id: string; label?: Label; source?: string; target?: string; type?: string; t?: number; amount?: string; victim?: boolean; placeholder?: boolean; layer?: string };
const dataOf = (e: ElementDefinition) => e.data as Data;

/** Nodes in rows of `columns`, label by label, starting at `origin`. */
export function gridLayout(els: readonly ElementDefinition[], origin: Position = { x: 0, y: 0 }, spacing = 110, columnCount?: number): Record<string, Position> {
  const nodes = els.map(dataOf).filter((d) => d.source === undefined);
  const order = (d: Data) => (d.label ? LABEL_NAMES.indexOf(d.label) : LABEL_NAMES.length);
  nodes.sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const columns = columnCount ?? Math.max(4, Math.ceil(Math.sqrt(nodes.length * 1.6)));
  const positions: Record<string, Position> = {};
  nodes.forEach((d, i) => (positions[d.id] = { x: origin.x + (i % columns) * spacing, y: origin.y + Math.floor(i / columns) * Math.round(spacing * 0.8) }));
  return positions;
}

const extent = (positions: Record<string, Position>) => {
  const ps = Object.values(positions);
  return ps.length ? { bottom: Math.max(...ps.map((p) => p.y)) } : { bottom: 0 };
};

/** The gang hierarchy: management at the top down to the money layer, bosses above their people, the rest to the right. */
export function gangHierarchy(els: readonly ElementDefinition[], locale: Locale): LayoutOutcome {
  const input = hierarchyInputFromElements(els);
  const known = input.layers instanceof Map ? input.layers.size : Object.keys(input.layers).length;
  if (!known && !input.reportsTo.length) return { problem: 'layout.noGang' };
  const layout = hierarchyLayout({ ...input, locale });
  return { positions: layout.positions, bands: layout.bands };
}

/** The money flow: cards left to right by hops and time from the victims' cards. */
export function moneyFlow(els: readonly ElementDefinition[]): LayoutOutcome {
  const data = els.map(dataOf);
  const transfers: Transfer[] = data.filter((d) => d.type === 'TRANSFERRED').map((d) => ({ id: d.id, from: d.source!, to: d.target!, at: d.t ?? null, amount: d.amount ?? null }));
  if (!transfers.length) return { problem: 'layout.noMoney' };
  const victims = new Set(data.filter((d) => d.victim).map((d) => d.id));
  const seeds = data.filter((d) => d.type === 'HOLDS' && victims.has(d.source!)).map((d) => d.target!);
  const cards = data.filter((d) => d.source === undefined && d.label === 'BankCard' && !d.placeholder).map((d) => d.id);
  const layout = moneyFlowLayout({ nodes: cards, transfers, seeds });
  const rest = els.filter((e) => dataOf(e).source === undefined && !layout.positions[dataOf(e).id]);
  const box = extent(layout.positions);
  return { positions: { ...layout.positions, ...gridLayout(rest, { x: 0, y: box.bottom + 160 }) }, bands: [] };
}

/**
 * One block per label, side by side in the model's order of labels, each a square-ish grid: what
 * grouping by label starts from, so that the groups' boxes do not overlap.
 */
export function groupedLayout(els: readonly ElementDefinition[], spacing = 150, gap = 200): Record<string, Position> {
  const byLabel = new Map<string, ElementDefinition[]>();
  for (const e of els) {
    const d = dataOf(e);
    if (d.source !== undefined || d.placeholder) continue;
    const key = d.label ?? '';
    byLabel.set(key, [...(byLabel.get(key) ?? []), e]);
  }
  const order = (l: string) => (LABEL_NAMES.includes(l as Label) ? LABEL_NAMES.indexOf(l as Label) : LABEL_NAMES.length);
  const positions: Record<string, Position> = {};
  let x = 0;
  for (const label of [...byLabel.keys()].sort((a, b) => order(a) - order(b))) {
    const members = byLabel.get(label)!;
    const columns = Math.max(1, Math.ceil(Math.sqrt(members.length)));
    Object.assign(positions, gridLayout(members, { x, y: 0 }, spacing, columns));
    x += (columns - 1) * spacing + gap;
  }
  return positions;
}
