import { detectMapping, expectedHeader, findHeader, HEADER_SEARCH_ROWS, type SheetMapping } from './mappings';
import { readRows, type SheetRow } from './read-rows';
import type { RowError, SheetContext } from './rows';
import type { SheetFile } from './sheet-file';

/** How one sheet of a file was read. */
export interface SheetSummary {
  sheet: string;
  /** The mapping used; null for a sheet with no header any mapping knows (a notes sheet), which is left out. */
  mapping: string | null;
  headerRow: number | null;
  /** Data rows below the header. */
  rows: number;
  /**
   * The header row's cells; when no mapping fits, those of the likely header (the first of the
   * top rows with the most cells filled), for an investigator to map them.
   */
  header: string[];
}

/** The first of a sheet's top rows with the most non-empty cells: where a header most likely is. */
export function likelyHeader(rows: readonly SheetRow[]): string[] {
  let best: string[] = [];
  let filled = 0;
  for (const r of rows) {
    const n = r.cells.filter((c) => c.trim() !== '').length;
    if (n > filled) [best, filled] = [r.cells, n];
  }
  return best;
}

export interface MappedChunk {
  ctx: SheetContext;
  rows: SheetRow[];
}

export interface MappedRowsOptions {
  onBytes?: (bytes: number) => void;
  /** Hears each sheet once its header is found (or not). */
  onSheet?: (summary: SheetSummary) => void;
  /** Hears a required column missing from a sheet's header. */
  onError?: (error: RowError) => void;
}

/**
 * The data rows of every sheet, each sheet with the mapping and columns its header gives: one
 * mapping when the caller chose one, else the candidate that fits the sheet best. Rows above
 * the header (titles) are left out.
 */
export async function* mappedRows(file: SheetFile, mappings: readonly SheetMapping[], options: MappedRowsOptions = {}): AsyncGenerator<MappedChunk> {
  let sheet: string | null = null;
  let head: SheetRow[] = [];
  let ctx: SheetContext | null = null;
  let summary: SheetSummary | null = null;

  const settle = (): MappedChunk | null => {
    // The header is searched for among the first rows; what follows it in them is data.
    const mapping = mappings.length === 1 ? mappings[0]! : detectMapping(mappings, head);
    const match = mapping ? findHeader(mapping, head) : null;
    summary = { sheet: sheet!, mapping: match ? mapping!.name : null, headerRow: match?.row ?? null, rows: 0, header: match ? match.header : likelyHeader(head) };
    if (!mapping || !match) {
      ctx = null;
      options.onSheet?.(summary);
      return null;
    }
    for (const group of match.missing) {
      options.onError?.({ sheet: sheet!, row: match.row, column: expectedHeader(mapping, group), value: '', reason: 'missing required column' });
    }
    options.onSheet?.(summary);
    if (match.missing.length > 0) {
      ctx = null;
      return null;
    }
    ctx = { sheet: sheet!, mapping, columns: match.columns, header: match.header };
    const rows = head.filter((r) => r.n > match.row);
    summary.rows += rows.length;
    return { ctx, rows };
  };

  for await (const chunk of readRows(file, { onBytes: options.onBytes })) {
    let rows = chunk.rows;
    if (chunk.sheet !== sheet) {
      if (sheet !== null && summary === null) {
        const out = settle();
        if (out) yield out;
      }
      sheet = chunk.sheet;
      head = [];
      ctx = null;
      summary = null;
    }
    if (summary === null) {
      const need = HEADER_SEARCH_ROWS - head.length;
      head.push(...rows.slice(0, need));
      rows = rows.slice(need);
      if (head.length < HEADER_SEARCH_ROWS) continue;
      const out = settle();
      if (out) yield out;
    }
    if (ctx && rows.length > 0) {
      summary!.rows += rows.length;
      yield { ctx, rows };
    }
  }
  if (sheet !== null && summary === null) {
    const out = settle();
    if (out) yield out;
  }
}
