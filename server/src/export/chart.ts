import type { Label, LinkType } from '../domain/model';
import type { EvidenceGraph } from './evidence';

/**
 * The chart's geometry, computed once per export and drawn by both the SVG (and so the PNG)
 * and the PDF writers, so every picture of the map is the same picture. Colours and shapes
 * follow the canvas (web/src/graph/style.ts) in a form that prints: fills, outlines, dashes.
 */

export const LABEL_STYLE: Record<Label, { fill: string; stroke: string; shape: 'circle' | 'square' | 'diamond' | 'hexagon' }> = {
  Case: { fill: '#fff4c2', stroke: '#8a5a00', shape: 'square' },
  Person: { fill: '#fde0c8', stroke: '#6b4a2e', shape: 'circle' },
  BankCard: { fill: '#bfe8c9', stroke: '#1f6b3a', shape: 'square' },
  Phone: { fill: '#b3d3f7', stroke: '#1e3a8a', shape: 'diamond' },
  OnlineAccount: { fill: '#c9bdf2', stroke: '#5b21b6', shape: 'hexagon' },
  Device: { fill: '#a3a8b0', stroke: '#374151', shape: 'square' },
  Agency: { fill: '#74c3cf', stroke: '#155e75', shape: 'hexagon' },
  Gang: { fill: '#d9766f', stroke: '#6b1010', shape: 'circle' },
};

export const LINK_STYLE: Record<LinkType, { color: string; dash: number[] }> = {
  SUSPECT_IN: { color: '#9f1239', dash: [] },
  VICTIM_IN: { color: '#1d4ed8', dash: [6, 3] },
  HOLDS: { color: '#6b7280', dash: [] },
  USES: { color: '#6b7280', dash: [] },
  OWNS: { color: '#6b7280', dash: [] },
  INVOLVES: { color: '#9ca3af', dash: [] },
  TRANSFERRED: { color: '#b45309', dash: [] },
  CALLED: { color: '#1e40af', dash: [6, 3] },
  CONTACTED: { color: '#6d28d9', dash: [2, 2] },
  MEMBER_OF: { color: '#9ca3af', dash: [] },
  REPORTS_TO: { color: '#111827', dash: [] },
  KNOWS: { color: '#9ca3af', dash: [6, 3] },
};

/** The English and Chinese name of each label and link type, for the legend. */
export const NAMES: Record<Label | LinkType, string> = {
  Case: '案件 Case',
  Person: '人员 Person',
  BankCard: '银行卡 Bank card',
  Phone: '电话 Phone',
  OnlineAccount: '网络账号 Online account',
  Device: '设备 Device',
  Gang: '团伙 Gang',
  Agency: '单位 Agency',
  SUSPECT_IN: '嫌疑人 Suspect in',
  VICTIM_IN: '受害人 Victim in',
  HOLDS: '持有 Holds',
  USES: '使用 Uses',
  OWNS: '拥有 Owns',
  INVOLVES: '涉及 Involves',
  TRANSFERRED: '转账 Transferred',
  CALLED: '通话 Called',
  CONTACTED: '联系 Contacted',
  MEMBER_OF: '成员 Member of',
  REPORTS_TO: '上级 Reports to',
  KNOWS: '认识 Knows',
};

export const NODE_RADIUS = 14;
const MARGIN = 60;
/** Captions longer than this are cut with an ellipsis on the chart; the tables carry them whole. */
const CAPTION_CHARS = 18;

export interface ChartNode {
  id: string;
  x: number;
  y: number;
  label: Label;
  caption: string;
}

export interface ChartLink {
  id: string;
  type: LinkType;
  /** From the edge of the start node to the edge of the end node; a curve through (cx, cy) when parallel links share the pair. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  cx: number | null;
  cy: number | null;
  unsupported: boolean;
}

export interface Chart {
  width: number;
  height: number;
  nodes: ChartNode[];
  links: ChartLink[];
}

const short = (s: string) => (Array.from(s).length > CAPTION_CHARS ? `${Array.from(s).slice(0, CAPTION_CHARS - 1).join('')}…` : s);
const r2 = (n: number) => Math.round(n * 100) / 100;

export function chartOf(graph: EvidenceGraph): Chart {
  const xs = graph.nodes.map((n) => n.x);
  const ys = graph.nodes.map((n) => n.y);
  const minX = xs.length ? Math.min(...xs) : 0;
  const minY = ys.length ? Math.min(...ys) : 0;
  const maxX = xs.length ? Math.max(...xs) : 0;
  const maxY = ys.length ? Math.max(...ys) : 0;
  const at = new Map<string, ChartNode>();
  const nodes = graph.nodes.map((n) => {
    const c: ChartNode = { id: n.id, x: r2(n.x - minX + MARGIN), y: r2(n.y - minY + MARGIN), label: n.label, caption: short(n.caption) };
    at.set(n.id, c);
    return c;
  });
  // Parallel links between one pair (either direction) fan out as curves, in id order.
  const pairs = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const l of graph.links) pairs.set(pairKey(l.from, l.to), (pairs.get(pairKey(l.from, l.to)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const links = graph.links.map((l) => {
    const a = at.get(l.from)!;
    const b = at.get(l.to)!;
    const k = pairKey(l.from, l.to);
    const count = pairs.get(k)!;
    const index = seen.get(k) ?? 0;
    seen.set(k, index + 1);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    // Perpendicular offset, same sign for both directions of a pair.
    const sign = l.from < l.to ? 1 : -1;
    const bend = count > 1 ? (index - (count - 1) / 2) * 18 * sign : 0;
    const curved = bend !== 0;
    const cx = curved ? (a.x + b.x) / 2 - uy * bend * 2 : null;
    const cy = curved ? (a.y + b.y) / 2 + ux * bend * 2 : null;
    return {
      id: l.id,
      type: l.type,
      x1: r2(a.x + ux * NODE_RADIUS),
      y1: r2(a.y + uy * NODE_RADIUS),
      x2: r2(b.x - ux * (NODE_RADIUS + 2)),
      y2: r2(b.y - uy * (NODE_RADIUS + 2)),
      cx: cx === null ? null : r2(cx),
      cy: cy === null ? null : r2(cy),
      unsupported: l.sources.length === 0,
    };
  });
  return { width: r2(maxX - minX + 2 * MARGIN), height: r2(maxY - minY + 2 * MARGIN + 20), nodes, links };
}

/** The outline of a node's shape as SVG path data (and PDF path data: pdfkit reads the same syntax). */
export function shapePath(shape: (typeof LABEL_STYLE)[Label]['shape'], x: number, y: number, r = NODE_RADIUS): string {
  const p = (px: number, py: number) => `${r2(px)} ${r2(py)}`;
  switch (shape) {
    case 'square':
      return `M${p(x - r, y - r)}L${p(x + r, y - r)}L${p(x + r, y + r)}L${p(x - r, y + r)}Z`;
    case 'diamond':
      return `M${p(x, y - r)}L${p(x + r, y)}L${p(x, y + r)}L${p(x - r, y)}Z`;
    case 'hexagon': {
      const h = r * 0.866;
      return `M${p(x - r, y)}L${p(x - r / 2, y - h)}L${p(x + r / 2, y - h)}L${p(x + r, y)}L${p(x + r / 2, y + h)}L${p(x - r / 2, y + h)}Z`;
    }
    default:
      return `M${p(x - r, y)}A${r} ${r} 0 1 0 ${p(x + r, y)}A${r} ${r} 0 1 0 ${p(x - r, y)}Z`;
  }
}
