/**
 * The gang hierarchy: horizontal bands from management at the top through technical, logistics
 * and callers to the money layer at the bottom (and, last, members whose layer is unknown), each
 * person under the boss they REPORTS_TO.
 *
 * Within the bands the chain of command is laid out as a tidy tree whose rows are global (a row
 * is a band's row), so a manager's technical staff and the card heads' teams far below can share
 * the same x without overlapping: each subtree is pushed left against its elder siblings only as
 * far as the rows they both use allow (Reingold–Tilford contours). Every subtree keeps its own
 * interval in each row, so tree links do not cross. People without subordinates under one boss
 * are packed in a grid of at most `columns` per row (a caller team of eight is one row; forty
 * technicians under a manager are five rows, not one row forty wide).
 *
 * O(people × rows): a 1,000-member gang lays out in a few milliseconds.
 */
import { GANG_LAYERS, type GangLayer } from '../../../../server/src/domain/model';
import type { ElementDefinition } from 'cytoscape';
import { LAYER_NAMES, UNPLACED_NAME, type Locale } from '../format';

export type Position = { x: number; y: number };

export interface ReportsToEdge {
  /** The subordinate. */
  from: string;
  /** The boss. */
  to: string;
}
export type BandKey = GangLayer | 'UNPLACED';

export interface HierarchyInput {
  /** Person node ids to place. */
  people: readonly string[];
  reportsTo: readonly ReportsToEdge[];
  /** Each person's layer, recorded or as the server inferred it (gang-roles.ts); people without one go to the last band. */
  layers: ReadonlyMap<string, GangLayer> | Readonly<Record<string, GangLayer>>;
  /** People whose layer the server inferred rather than found recorded. */
  inferred?: Iterable<string>;
  /** The gang's node, placed above management. */
  gang?: string | null;
  /** Other nodes on the canvas, placed in a grid to the right of the bands. */
  others?: readonly string[];
  /**
   * x, y: between neighbours and rows; bandGap: between bands; columns: subordinates without
   * subordinates per row; width: a band wraps its teams into tiers past this (default grows with
   * the square root of the head count, so a big gang stays about as wide as tall).
   */
  spacing?: { x?: number; y?: number; bandGap?: number; columns?: number; width?: number };
  locale?: Locale;
}

export interface Band {
  layer: BandKey;
  /** "话务层 · 120" — the band's name and head count, as the canvas draws it. */
  name: string;
  count: number;
  /** How many of `count` were placed by inference. */
  inferred: number;
  /** The band's extent, for drawing it: y from top to bottom, x from left to right. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Where to draw the band's name: left of the band, halfway down. */
  label: Position;
}

export interface HierarchyLayout {
  positions: Record<string, Position>;
  bands: Band[];
  /** People whose layer was inferred, sorted. */
  inferred: string[];
}

const BAND_ORDER: readonly BandKey[] = [...GANG_LAYERS, 'UNPLACED'];

export function hierarchyLayout(input: HierarchyInput): HierarchyLayout {
  const dx = input.spacing?.x ?? 70;
  const dy = input.spacing?.y ?? 90;
  const bandGap = input.spacing?.bandGap ?? 60;
  const columns = Math.max(1, input.spacing?.columns ?? 8);
  const locale = input.locale ?? 'zh-CN';

  const people = [...new Set(input.people)].sort();
  const isPerson = new Set(people);
  const edges = input.reportsTo.filter((e) => isPerson.has(e.from) && isPerson.has(e.to) && e.from !== e.to);
  const layerOf = input.layers instanceof Map ? input.layers : new Map(Object.entries(input.layers));
  const wasInferred = new Set(input.inferred ?? []);
  const placement = new Map(people.flatMap((p) => (layerOf.has(p) ? [[p, { layer: layerOf.get(p)!, inferred: wasInferred.has(p) }] as const] : [])));
  const band = new Map<string, number>();
  for (const p of people) band.set(p, BAND_ORDER.indexOf(placement.get(p)?.layer ?? 'UNPLACED'));
  const bandOf = (p: string) => band.get(p)!;
  const width = input.spacing?.width ?? Math.round(Math.sqrt(2.5 * people.length)) * dx;

  // One boss each: the highest-placed of those they report to (then by id); cycles cut.
  const parent = new Map<string, string>();
  const bosses = new Map<string, string[]>();
  for (const e of edges) (bosses.get(e.from) ?? bosses.set(e.from, []).get(e.from)!).push(e.to);
  for (const [p, bs] of bosses) parent.set(p, bs.sort((a, b) => bandOf(a) - bandOf(b) || cmp(a, b))[0]!);
  for (const p of people) {
    const path = new Set<string>();
    let q: string | undefined = p;
    while (q !== undefined && !path.has(q)) (path.add(q), (q = parent.get(q)));
    if (q !== undefined) parent.delete(q); // q closes a cycle: it becomes a root
  }

  // Trees within each band: a boss in the same band is the local parent; a boss in a higher
  // band is the tree's anchor, which the tree is placed under.
  const localChildren = new Map<string, string[]>();
  const localRoots: string[][] = BAND_ORDER.map(() => []);
  for (const p of people) {
    const b = parent.get(p);
    if (b !== undefined && bandOf(b) === bandOf(p)) (localChildren.get(b) ?? localChildren.set(b, []).get(b)!).push(p);
    else localRoots[bandOf(p)]!.push(p);
  }

  const positions: Record<string, Position> = {};
  const bandRows: number[] = [];
  const bandTops: number[] = [];
  let y = 0;
  let center = 0;
  for (let b = 0; b < BAND_ORDER.length; b++) {
    bandTops.push(y);
    const roots = localRoots[b]!;
    if (!roots.length) {
      bandRows.push(0);
      continue;
    }
    const trees = roots.map((r) => {
      const t = localTree(r, localChildren, columns, dx);
      const boss = parent.get(r);
      const anchor = boss !== undefined && bandOf(boss) < b ? positions[boss]!.x : undefined;
      return { root: r, ...t, anchor };
    });
    trees.sort((a, c) => (a.anchor ?? Infinity) - (c.anchor ?? Infinity) || cmp(a.root, c.root));
    // Wrap into tiers no wider than `width`, dealt in turn so that each tier spans the anchors.
    const total = trees.reduce((s, t) => s + t.right - t.left + dx, -dx);
    const tiers = Math.max(1, Math.min(trees.length, Math.ceil(total / Math.max(width, ...trees.map((t) => t.right - t.left)))));
    let row = 0;
    for (let k = 0; k < tiers; k++) {
      const tier = trees.filter((_, i) => i % tiers === k);
      const lefts = place(
        tier.map((t) => ({ width: t.right - t.left, desired: (t.anchor ?? center) + t.left, weight: t.anchor === undefined ? 1e-6 : 1 })),
        dx,
      );
      tier.forEach((t, i) => {
        for (const [id, at] of t.nodes) positions[id] = { x: lefts[i]! - t.left + at.x, y: y + (row + at.row) * dy };
      });
      row += Math.max(...tier.map((t) => t.rows));
    }
    bandRows.push(row);
    const xs = people.filter((p) => bandOf(p) <= b).map((p) => positions[p]!.x);
    center = (Math.min(...xs) + Math.max(...xs)) / 2;
    y += row * dy + bandGap;
  }

  let left = Infinity;
  let right = -Infinity;
  for (const p of people) (left = Math.min(left, positions[p]!.x)), (right = Math.max(right, positions[p]!.x));
  if (!people.length) (left = 0), (right = 0);
  const bands: Band[] = [];
  const inferred = people.filter((p) => placement.get(p)?.inferred);
  for (let b = 0; b < BAND_ORDER.length; b++) {
    if (!bandRows[b]) continue;
    const layer = BAND_ORDER[b]!;
    const members = people.filter((p) => bandOf(p) === b);
    const top = bandTops[b]! - dy / 2;
    const bottom = bandTops[b]! + (bandRows[b]! - 1) * dy + dy / 2;
    const name = layer === 'UNPLACED' ? UNPLACED_NAME[locale] : LAYER_NAMES[locale][layer];
    bands.push({
      layer,
      name: `${name} · ${members.length}`,
      count: members.length,
      inferred: members.filter((p) => placement.get(p)?.inferred).length,
      top,
      bottom,
      left: left - dx,
      right: right + dx,
      label: { x: left - dx, y: (top + bottom) / 2 },
    });
  }
  const minY = bands[0]?.top ?? 0;
  const firstRoots = localRoots.find((r) => r.length) ?? [];
  if (input.gang) positions[input.gang] = { x: firstRoots.length ? mean(firstRoots.map((r) => positions[r]!.x)) : 0, y: minY - dy / 2 };
  const others = [...new Set(input.others ?? [])].filter((o) => !isPerson.has(o) && o !== input.gang).sort();
  const perRow = Math.max(1, Math.ceil(Math.sqrt(others.length)));
  others.forEach((o, i) => (positions[o] = { x: right + 3 * dx + (i % perRow) * dx, y: minY + dy / 2 + Math.floor(i / perRow) * dy }));
  return { positions, bands, inferred };
}

interface LocalTree {
  /** Each node's x relative to the root and row below the root's. */
  nodes: Map<string, { x: number; row: number }>;
  left: number;
  right: number;
  rows: number;
}

/**
 * A tidy tree of one band's people under a local root. Subordinates without subordinates of
 * their own in the band are packed `columns` to a row; the others' subtrees are pushed left
 * against their elder siblings as far as their contours allow (Reingold–Tilford).
 */
function localTree(root: string, children: ReadonlyMap<string, string[]>, columns: number, dx: number): LocalTree {
  // Post-order without recursion: a chain of command can be deep.
  const post: string[] = [];
  const visit = [root];
  while (visit.length) {
    const p = visit.pop()!;
    post.push(p);
    for (const c of children.get(p) ?? []) if (children.has(c)) visit.push(c);
  }
  const rel = new Map<string, { x: number; row: number }>(); // relative to the parent
  const contour = new Map<string, { lo: number[]; hi: number[] }>();
  for (let i = post.length - 1; i >= 0; i--) {
    const p = post[i]!;
    const kids = [...(children.get(p) ?? [])].sort(cmp);
    const units: { lo: number[]; hi: number[]; place: (x: number) => void }[] = [];
    for (const c of kids.filter((k) => children.has(k))) {
      const u = contour.get(c)!;
      contour.delete(c);
      units.push({ lo: [NaN, ...u.lo], hi: [NaN, ...u.hi], place: (x) => rel.set(c, { x, row: 1 }) });
    }
    const leaves = kids.filter((k) => !children.has(k));
    if (leaves.length) {
      const lo: number[] = [NaN];
      const hi: number[] = [NaN];
      const at: [string, number, number][] = [];
      for (let start = 0; start < leaves.length; start += columns) {
        const line = leaves.slice(start, start + columns);
        const l = (-(line.length - 1) * dx) / 2;
        line.forEach((leaf, j) => at.push([leaf, l + j * dx, 1 + start / columns]));
        lo.push(l);
        hi.push(-l);
      }
      units.push({ lo, hi, place: (x) => at.forEach(([leaf, lx, row]) => rel.set(leaf, { x: x + lx, row })) });
    }
    const acc = { lo: [0], hi: [0] };
    if (units.length) {
      const offsets: number[] = [];
      const packed = { lo: [] as number[], hi: [] as number[] };
      for (const u of units) {
        let off = offsets.length ? offsets[offsets.length - 1]! + dx : 0;
        for (let r = 1; r < u.lo.length; r++) if (packed.hi[r] !== undefined && !Number.isNaN(u.lo[r]!)) off = Math.max(off, packed.hi[r]! - u.lo[r]! + dx);
        for (let r = 1; r < u.lo.length; r++) {
          if (Number.isNaN(u.lo[r]!)) continue;
          packed.lo[r] = Math.min(packed.lo[r] ?? Infinity, u.lo[r]! + off);
          packed.hi[r] = Math.max(packed.hi[r] ?? -Infinity, u.hi[r]! + off);
        }
        offsets.push(off);
      }
      const mid = (offsets[0]! + offsets[offsets.length - 1]!) / 2;
      units.forEach((u, k) => u.place(offsets[k]! - mid));
      for (let r = 1; r < packed.lo.length; r++) (acc.lo[r] = packed.lo[r]! - mid), (acc.hi[r] = packed.hi[r]! - mid);
    }
    contour.set(p, acc);
  }
  const top = contour.get(root)!;
  const nodes = new Map<string, { x: number; row: number }>([[root, { x: 0, row: 0 }]]);
  const down = [root];
  while (down.length) {
    const p = down.pop()!;
    const at = nodes.get(p)!;
    for (const c of children.get(p) ?? []) {
      const r = rel.get(c)!;
      nodes.set(c, { x: at.x + r.x, row: at.row + r.row });
      down.push(c);
    }
  }
  return { nodes, left: Math.min(...top.lo), right: Math.max(...top.hi), rows: top.lo.length };
}

/**
 * Left edges for blocks kept in order and `gap` apart, as near as they can be to where they want
 * to be (least squares, weighted): isotonic regression by pool-adjacent-violators on the
 * lefts less the room the blocks before need.
 */
export function place(blocks: readonly { width: number; desired: number; weight: number }[], gap: number): number[] {
  const shift: number[] = [];
  let s = 0;
  for (const b of blocks) (shift.push(s), (s += b.width + gap));
  const pools: { value: number; weight: number; count: number }[] = [];
  blocks.forEach((b, i) => {
    pools.push({ value: b.desired - shift[i]!, weight: b.weight, count: 1 });
    while (pools.length > 1 && pools[pools.length - 2]!.value > pools[pools.length - 1]!.value) {
      const a = pools.pop()!;
      const c = pools.pop()!;
      const weight = a.weight + c.weight;
      pools.push({ value: (a.value * a.weight + c.value * c.weight) / weight, weight, count: a.count + c.count });
    }
  });
  const out: number[] = [];
  for (const p of pools) for (let k = 0; k < p.count; k++) out.push(p.value + shift[out.length]!);
  return out;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * The hierarchy's input from the canvas's elements (`toElements`): people, REPORTS_TO links,
 * layers (and which of them were inferred), the gang, and every other node.
 */
export function hierarchyInputFromElements(els: readonly ElementDefinition[]): Omit<HierarchyInput, 'spacing' | 'locale'> {
  const people: string[] = [];
  const reportsTo: ReportsToEdge[] = [];
  const layers = new Map<string, GangLayer>();
  const inferred: string[] = [];
  const others: string[] = [];
  let gang: string | null = null;
  for (const e of els) {
    const d = e.data as Record<string, unknown> & { id: string };
    if (d.source !== undefined) {
      if (d.type === 'REPORTS_TO') reportsTo.push({ from: d.source as string, to: d.target as string });
    } else if (d.label === 'Person' && !d.placeholder) {
      people.push(d.id);
      if (d.layer) layers.set(d.id, d.layer as GangLayer);
      if (d.layer && d.layerInferred) inferred.push(d.id);
    } else if (d.label === 'Gang' && !d.placeholder && gang === null) gang = d.id;
    else others.push(d.id);
  }
  return { people, reportsTo, layers, inferred, gang, others };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
