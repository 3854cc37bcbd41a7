import type { Label, LinkType } from '../domain/model';
import { LABEL_STYLE, LINK_STYLE, NAMES, NODE_RADIUS, shapePath, type Chart } from './chart';
import type { EvidenceGraph } from './evidence';
import { xml } from './xml';

/** The font the chart's text asks for: the CJK font embedded in the PDF and given to resvg for the PNG. */
export const CHART_FONT = 'Noto Sans S Chinese';

const LEGEND_ROW = 22;
const LEGEND_COLUMN = 190;

/** Where the legend goes below the chart: rows of entries, as many columns as fit. */
export function legendLayout(chart: Chart, graph: EvidenceGraph) {
  const entries: ({ kind: 'label'; key: Label } | { kind: 'link'; key: LinkType } | { kind: 'unsupported' })[] = [
    ...graph.labels.map((key) => ({ kind: 'label' as const, key })),
    ...graph.linkTypes.map((key) => ({ kind: 'link' as const, key })),
    ...(graph.links.some((l) => l.sources.length === 0) ? [{ kind: 'unsupported' as const }] : []),
  ];
  const columns = Math.max(1, Math.floor((Math.max(chart.width, 600) - 40) / LEGEND_COLUMN));
  const rows = Math.ceil(entries.length / columns);
  return { entries, columns, rows, top: chart.height + 10, height: rows * LEGEND_ROW + 40 };
}

/**
 * map.svg: the chart as laid out on the canvas, nodes drawn in their label's shape and colour
 * with their caption, links in their type's colour with an arrow, unsupported links (no source)
 * dashed red, and the legend below. Rendered once per export: the PNG is this SVG rasterised.
 */
/** Writes one line of text at (x, y) in a size and anchor: an SVG <text> by default. */
export type TextWriter = (text: string, x: number, y: number, size: number, anchor: 'start' | 'middle') => string;

const svgText: TextWriter = (text, x, y, size, anchor) =>
  `<text x="${x}" y="${y}" font-size="${size}"${anchor === 'middle' ? ' text-anchor="middle"' : ''}>${xml(text)}</text>`;

export function toSvg(chart: Chart, graph: EvidenceGraph, options: { text?: TextWriter; defs?: () => string } = {}): string {
  const write = options.text ?? svgText;
  const legend = legendLayout(chart, graph);
  const width = Math.max(chart.width, 600);
  const height = legend.top + legend.height;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT}, sans-serif">`,
    `<title>${xml(graph.investigation.name)}</title>`,
    '<defs>',
    ...Object.entries(LINK_STYLE).map(([type, s]) => `<marker id="a-${type}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0L10 5L0 10Z" fill="${s.color}"/></marker>`),
    '</defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    '<g fill="none" stroke-width="1.4">',
  ];
  for (const l of chart.links) {
    const s = LINK_STYLE[l.type];
    const d = l.cx === null ? `M${l.x1} ${l.y1}L${l.x2} ${l.y2}` : `M${l.x1} ${l.y1}Q${l.cx} ${l.cy} ${l.x2} ${l.y2}`;
    const dash = l.unsupported ? ' stroke-dasharray="4 3"' : s.dash.length ? ` stroke-dasharray="${s.dash.join(' ')}"` : '';
    out.push(`<path d="${d}" stroke="${l.unsupported ? '#dc2626' : s.color}"${dash} marker-end="url(#a-${l.type})"/>`);
  }
  out.push('</g>', '<g stroke-width="1.5">');
  for (const n of chart.nodes) {
    const s = LABEL_STYLE[n.label];
    out.push(`<path d="${shapePath(s.shape, n.x, n.y)}" fill="${s.fill}" stroke="${s.stroke}"/>`);
  }
  out.push('</g>', '<g fill="#111827">');
  for (const n of chart.nodes) out.push(write(n.caption, n.x, n.y + NODE_RADIUS + 12, 10, 'middle'));
  out.push('</g>', `<g fill="#111827">${write('图例 Legend', 20, legend.top + 16, 13, 'start')}`);
  legend.entries.forEach((e, i) => {
    const x = 20 + (i % legend.columns) * LEGEND_COLUMN;
    const y = legend.top + 30 + Math.floor(i / legend.columns) * LEGEND_ROW;
    if (e.kind === 'label') {
      const s = LABEL_STYLE[e.key];
      out.push(`<path d="${shapePath(s.shape, x + 8, y + 6, 7)}" fill="${s.fill}" stroke="${s.stroke}"/>${write(NAMES[e.key], x + 22, y + 10, 11, 'start')}`);
    } else {
      const color = e.kind === 'link' ? LINK_STYLE[e.key].color : '#dc2626';
      const dash = e.kind === 'link' ? LINK_STYLE[e.key].dash : [4, 3];
      const name = e.kind === 'link' ? NAMES[e.key] : '无来源 Unsupported (no source)';
      out.push(`<path d="M${x} ${y + 6}L${x + 16} ${y + 6}" stroke="${color}" stroke-width="2"${dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : ''}/>${write(name, x + 22, y + 10, 11, 'start')}`);
    }
  });
  out.push('</g>', options.defs ? `<defs>${options.defs()}</defs>` : '', '</svg>', '');
  return out.join('\n');
}
