import type { SheetMapping, SheetField } from './mappings';
import { mappedRows, type SheetSummary } from './mapped-rows';
import { cardId, phoneId, rowRelations, type RowRelation } from './row-relations';
import { readRow, type RowError, type SkipReason } from './rows';
import type { SheetFile } from './sheet-file';

/** One row as the graph would get it, before anything is written. */
export interface PreviewRow {
  sheet: string;
  row: number;
  /** The link it would make; null for a row skipped or in error. */
  link: { type: 'TRANSFERRED' | 'CALLED'; from: string; to: string; key: string; amount: number | null; at: string; seconds: number | null } | null;
  /** The holder and device links it would add (each once an import: on the first row that shows it). */
  related: RowRelation[];
  skipped: SkipReason | null;
  error: RowError | null;
}

export interface SheetPreview {
  sheets: SheetSummary[];
  /** Which column each field was read from, per sheet read. */
  columns: { sheet: string; mapping: string; field: SheetField; header: string }[];
  rows: PreviewRow[];
  /** Header problems (a required column missing). */
  errors: RowError[];
}

/**
 * The first `limit` data rows of a file read through the mappings, as the graph would get them:
 * which column gave each field, and each row's link, holder and device links, skip reason or
 * error. Writes nothing.
 */
export async function previewSheet(file: SheetFile, mappings: readonly SheetMapping[], limit: number): Promise<SheetPreview> {
  const preview: SheetPreview = { sheets: [], columns: [], rows: [], errors: [] };
  const seen = new Set<string>();
  const related = new Set<string>();
  const firstShown = (r: RowRelation) => !related.has(`${r.type}|${r.from}|${r.to}`) && !!related.add(`${r.type}|${r.from}|${r.to}`);
  for await (const { ctx, rows } of mappedRows(file, mappings, { onSheet: (s) => preview.sheets.push(s), onError: (e) => preview.errors.push(e) })) {
    if (!seen.has(ctx.sheet)) {
      seen.add(ctx.sheet);
      for (const [field, at] of Object.entries(ctx.columns)) {
        preview.columns.push({ sheet: ctx.sheet, mapping: ctx.mapping.name, field: field as SheetField, header: ctx.header[at!] ?? '' });
      }
    }
    for (const r of rows) {
      if (preview.rows.length >= limit) return preview;
      const result = readRow(ctx, r.cells, r.n);
      const row: PreviewRow = { sheet: ctx.sheet, row: r.n, link: null, related: [], skipped: null, error: null };
      const read = result.kind === 'skip' ? result.own : result.kind === 'error' ? undefined : result;
      if (read) row.related = rowRelations(read).links.filter(firstShown);
      if (result.kind === 'error') row.error = result.error;
      else if (result.kind === 'skip') row.skipped = result.reason;
      else if (result.kind === 'transfer') {
        const [own, other] = [cardId(result.own), cardId(result.counter!)];
        const [from, to] = result.way === 'out' ? [own, other] : [other, own];
        row.link = { type: 'TRANSFERRED', from, to, key: result.txId || `~${result.at}~${result.fen}`, amount: result.fen, at: result.at, seconds: null };
      } else {
        const [own, other] = [phoneId(result.own), phoneId(result.other)];
        const [from, to] = result.way === 'out' ? [own, other] : [other, own];
        row.link = { type: 'CALLED', from, to, key: result.at, amount: null, at: result.at, seconds: result.seconds };
      }
      preview.rows.push(row);
    }
  }
  return preview;
}
