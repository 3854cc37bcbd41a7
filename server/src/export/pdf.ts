import PDFDocument from 'pdfkit';
import { LABELS, type PropDef } from '../domain/model';
import { LABEL_STYLE, LINK_STYLE, NAMES, NODE_RADIUS, shapePath, type Chart } from './chart';
import { linkAmount, linkTime, shanghaiLocal, unsupportedLinks, yuan, type EvidenceGraph, type EvidenceLink } from './evidence';
import { cjkFont } from './font';
import { ems, fit, textRuns, wrap } from './pdf-text';
import { legendLayout } from './svg';

export type PageSize = 'A4' | 'A3';

export interface PdfOptions {
  pageSize: PageSize;
  /** Who exports, printed on the first page. */
  exportedBy: string;
}

const M = 28;
const FONT = 6.5;
const LINE = 8.2;

interface Column {
  title: string;
  width: number;
}

/**
 * map.pdf, landscape A3 (or A4): the chart drawn in vectors with pdfkit (no raster, no SVG
 * parsing) and its legend; a table of every link shown with its sources; a table of every node
 * with its key properties (masked as the exporter's role requires); then the unsupported links,
 * those no visible source supports. Chinese text is set in the embedded CJK font, subset by
 * pdfkit to the glyphs used. Dates are the as-of time, so the same export gives the same bytes.
 */
export function toPdf(graph: EvidenceGraph, chart: Chart, options: PdfOptions): Promise<Buffer> {
  const asOf = new Date(graph.asOf);
  const doc = new PDFDocument({
    size: options.pageSize,
    layout: 'landscape',
    margin: M,
    bufferPages: true,
    autoFirstPage: true,
    info: { Title: `Evidence map: ${graph.investigation.name}`, Subject: graph.investigation.id ?? 'canvas', Creator: 'case-linkage-graph', CreationDate: asOf, ModDate: asOf },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  const W = doc.page.width;
  const H = doc.page.height;
  const text = (s: string, x: number, y: number, size = FONT, color = '#111827') => {
    doc.fontSize(size).fillColor(color).text(s, x, y, { lineBreak: false });
  };

  // Page 1: title, the chart, the legend.
  text(`证据图 Evidence map — ${graph.investigation.name}`, M, M, 14);
  text(
    `Investigation ${graph.investigation.id ?? '(current canvas)'} · as of ${shanghaiLocal(graph.asOf)} Asia/Shanghai (${graph.asOf}) · ${graph.nodes.length} nodes, ${graph.links.length} links, ${unsupportedLinks(graph).length} unsupported · exported by ${options.exportedBy}`,
    M,
    M + 19,
    8,
    '#374151',
  );
  const legend = legendLayout(chart, graph);
  const legendRows = Math.ceil(legend.entries.length / 6);
  const top = M + 36;
  const boxH = H - top - M - legendRows * 12 - 18;
  const boxW = W - 2 * M;
  const scale = Math.min(boxW / Math.max(chart.width, 1), boxH / Math.max(chart.height, 1), 1.5);
  const ox = M + (boxW - chart.width * scale) / 2;
  const oy = top;
  doc.save();
  doc.translate(ox, oy).scale(scale);
  doc.lineWidth(1.2);
  for (const l of chart.links) {
    const s = LINK_STYLE[l.type];
    const color = l.unsupported ? '#dc2626' : s.color;
    doc.moveTo(l.x1, l.y1);
    if (l.cx === null) doc.lineTo(l.x2, l.y2);
    else doc.quadraticCurveTo(l.cx, l.cy!, l.x2, l.y2);
    const dash = l.unsupported ? [4, 3] : s.dash;
    if (dash.length) doc.dash(dash[0]!, { space: dash[1]! });
    else doc.undash();
    doc.strokeColor(color).stroke();
    // The arrowhead along the last segment's direction.
    const fx = l.cx ?? l.x1;
    const fy = l.cy ?? l.y1;
    const a = Math.atan2(l.y2 - fy, l.x2 - fx);
    const h = 6;
    doc.undash()
      .moveTo(l.x2, l.y2)
      .lineTo(l.x2 - h * Math.cos(a - 0.4), l.y2 - h * Math.sin(a - 0.4))
      .lineTo(l.x2 - h * Math.cos(a + 0.4), l.y2 - h * Math.sin(a + 0.4))
      .closePath()
      .fillColor(color)
      .fill();
  }
  doc.lineWidth(1.5);
  for (const n of chart.nodes) {
    const s = LABEL_STYLE[n.label];
    doc.path(shapePath(s.shape, n.x, n.y)).fillColor(s.fill).strokeColor(s.stroke).fillAndStroke();
  }
  doc.restore();
  doc.fillColor('#111827');
  textRuns(
    doc,
    10 * scale,
    chart.nodes.map((n) => ({ text: n.caption, x: ox + (n.x - (ems(n.caption) * 10) / 2) * scale, y: oy + (n.y + NODE_RADIUS + 2) * scale })),
  );
  const ly = H - M - legendRows * 12 - 6;
  text('图例 Legend', M, ly - 12, 8);
  legend.entries.forEach((e, i) => {
    const x = M + (i % 6) * ((W - 2 * M) / 6);
    const y = ly + Math.floor(i / 6) * 12;
    if (e.kind === 'label') {
      const s = LABEL_STYLE[e.key];
      doc.lineWidth(1).path(shapePath(s.shape, x + 5, y + 4, 4.5)).fillColor(s.fill).strokeColor(s.stroke).fillAndStroke();
      text(NAMES[e.key], x + 14, y, 7);
    } else {
      const color = e.kind === 'link' ? LINK_STYLE[e.key].color : '#dc2626';
      const dash = e.kind === 'link' ? LINK_STYLE[e.key].dash : [4, 3];
      if (dash.length) doc.dash(dash[0]!, { space: dash[1]! });
      doc.lineWidth(1.5).moveTo(x, y + 4).lineTo(x + 11, y + 4).strokeColor(color).stroke().undash();
      text(e.kind === 'link' ? NAMES[e.key] : '无来源 Unsupported (no source)', x + 14, y, 7);
    }
  });

  // The links table.
  const linkColumns: Column[] = [
    { title: '类型 Type', width: 62 },
    { title: '起点 From', width: 0.15 },
    { title: '终点 To', width: 0.15 },
    { title: '时间 Time', width: 80 },
    { title: '金额 Amount (元)', width: 62 },
    { title: '所属单位 Agency', width: 58 },
    { title: '添加人 Added by', width: 52 },
    { title: '添加时间 Added at', width: 80 },
    { title: '来源 Sources (type, reference, SHA-256)', width: 0.4 },
  ];
  const caption = new Map(graph.nodes.map((n) => [n.id, n.caption]));
  const nodeName = (id: string) => `${caption.get(id) ?? id} (${id})`;
  const linkRow = (l: EvidenceLink, widths: number[]): string[][] => {
    const amount = linkAmount(l);
    const at = linkTime(l);
    const sources = l.sources.flatMap((id) => {
      const s = graph.sources.get(id)!;
      return [...wrap(`${s.type} ${s.reference}`, widths[8]! - 4, FONT), ...wrap(`  SHA-256 ${s.sha256 ?? '(none recorded)'}  [${s.id}]`, widths[8]! - 4, FONT)];
    });
    return [
      [l.type],
      wrap(nodeName(l.from), widths[1]! - 4, FONT).slice(0, 3),
      wrap(nodeName(l.to), widths[2]! - 4, FONT).slice(0, 3),
      [at ? shanghaiLocal(at).replace('T', ' ') : ''],
      [amount === null ? '' : yuan(amount)],
      [l.owner],
      [l.createdBy],
      [shanghaiLocal(l.createdAt).replace('T', ' ')],
      sources.length > 0 ? sources : ['无来源 UNSUPPORTED: no source'],
    ];
  };
  table(doc, `连接 Links (${graph.links.length})`, linkColumns, graph.links, linkRow, W, H);

  // The nodes table.
  const nodeColumns: Column[] = [
    { title: '标识 Id', width: 0.22 },
    { title: '类型 Label', width: 62 },
    { title: '名称 Caption', width: 0.16 },
    { title: '属性 Properties (masked: ***)', width: 0.5 },
    { title: '所属单位 Agencies', width: 80 },
  ];
  table(
    doc,
    `节点 Nodes (${graph.nodes.length})`,
    nodeColumns,
    graph.nodes,
    (n, widths) => {
      const defs = LABELS[n.label].props as Record<string, PropDef>;
      const props = Object.keys(n.props)
        .map((p) => {
          const v = n.props[p];
          const shown = v === null ? '***' : defs[p]?.type === 'money' && typeof v === 'number' ? `${yuan(v)} 元` : Array.isArray(v) ? v.join('; ') : defs[p]?.type === 'time' ? shanghaiLocal(String(v)).replace('T', ' ') : String(v);
          return `${p}: ${shown}`;
        })
        .join(' · ');
      return [wrap(n.id, widths[0]! - 4, FONT), [n.label], wrap(n.caption, widths[2]! - 4, FONT), wrap(props, widths[3]! - 4, FONT), [n.owners.join(', ')]];
    },
    W,
    H,
  );

  // Unsupported links, on a page of their own.
  const unsupported = unsupportedLinks(graph);
  table(doc, `无来源的连接 Unsupported links — no source supports them (${unsupported.length})`, linkColumns, unsupported, linkRow, W, H, true);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.fontSize(7).fillColor('#6b7280').text(`${graph.investigation.name} · as of ${graph.asOf} · ${i + 1} / ${range.count}`, M, H - M + 10, { lineBreak: false });
  }
  doc.end();
  return done;
}

function table<T>(
  doc: PDFKit.PDFDocument,
  title: string,
  columns: Column[],
  rows: T[],
  cells: (row: T, widths: number[]) => string[][],
  W: number,
  H: number,
  alwaysPage = false,
): void {
  if (rows.length === 0 && !alwaysPage) return;
  const fixed = columns.reduce((s, c) => s + (c.width > 1 ? c.width : 0), 0);
  const share = columns.reduce((s, c) => s + (c.width <= 1 ? c.width : 0), 0);
  const free = W - 2 * M - fixed;
  const widths = columns.map((c) => (c.width > 1 ? c.width : (free * c.width) / share));
  const xs = widths.map((_, i) => M + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const bottom = H - M - 4;
  let y = 0;
  const header = (continued: boolean) => {
    doc.addPage();
    doc.fontSize(11).fillColor('#111827').text(continued ? `${title} (continued)` : title, M, M, { lineBreak: false });
    y = M + 18;
    doc.rect(M, y - 1, W - 2 * M, LINE + 2).fillColor('#e5e7eb').fill();
    columns.forEach((c, i) => doc.fontSize(FONT).fillColor('#111827').text(fit(c.title, widths[i]! - 4, FONT), xs[i]! + 2, y, { lineBreak: false }));
    y += LINE + 3;
  };
  header(false);
  if (rows.length === 0) {
    doc.fontSize(8).fillColor('#374151').text('None. 无。', M, y + 4, { lineBreak: false });
    return;
  }
  rows.forEach((row, r) => {
    const content = cells(row, widths);
    const lines = Math.max(...content.map((c) => c.length));
    const height = lines * LINE + 2;
    if (y + height > bottom) header(true);
    if (r % 2 === 1) doc.rect(M, y - 1, W - 2 * M, height).fillColor('#f3f4f6').fill();
    doc.fontSize(FONT).fillColor('#111827');
    textRuns(
      doc,
      FONT,
      content.flatMap((cellLines, i) => cellLines.map((line, k) => ({ text: fit(line, widths[i]! - 4, FONT), x: xs[i]! + 2, y: y + k * LINE }))),
    );
    y += height;
  });
}
