import { LABELS, LINK_TYPES, type PropDef } from '../domain/model';
import type { PropValue } from '../domain/types';
import { linkAmount, linkTime, yuan, type EvidenceGraph } from './evidence';

/**
 * links.csv and nodes.csv: RFC 4180, UTF-8 with a byte-order mark (Excel on a Chinese Windows
 * reads a CSV without one as GBK), every property a column; amounts in fen and in yuan.
 */

const BOM = '\uFEFF';

function cell(value: PropValue | undefined): string {
  if (value === undefined || value === null) return '';
  const s = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (cells: (PropValue | undefined)[]) => cells.map(cell).join(',');

export function linksCsv(graph: EvidenceGraph): string {
  const props = [...new Set(graph.linkTypes.flatMap((t) => Object.keys(LINK_TYPES[t].props as Record<string, PropDef>)))].sort();
  const header = ['id', 'type', 'from', 'to', 'key', 'time', 'amountYuan', 'owner', 'owners', 'createdBy', 'createdAt', ...props, 'sourceIds', 'sourceTypes', 'sourceReferences', 'sourceHashes'];
  const lines = [row(header)];
  for (const l of graph.links) {
    const cited = l.sources.map((s) => graph.sources.get(s)!);
    const amount = linkAmount(l);
    lines.push(
      row([
        l.id, l.type, l.from, l.to, l.key, linkTime(l), amount === null ? null : yuan(amount), l.owner, l.owners, l.createdBy, l.createdAt,
        ...props.map((p) => l.props[p]),
        l.sources, cited.map((s) => s.type), cited.map((s) => s.reference), cited.map((s) => s.sha256 ?? ''),
      ]),
    );
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function nodesCsv(graph: EvidenceGraph): string {
  const props = [...new Set(graph.labels.flatMap((l) => Object.keys(LABELS[l].props as Record<string, PropDef>)))].sort();
  const lines = [row(['id', 'label', 'caption', 'owners', 'createdAt', 'updatedAt', 'masked', 'x', 'y', ...props])];
  for (const n of graph.nodes) {
    lines.push(row([n.id, n.label, n.caption, n.owners, n.createdAt, n.updatedAt, n.masked, n.x, n.y, ...props.map((p) => n.props[p])]));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
