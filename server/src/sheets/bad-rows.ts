import type { RowError } from './rows';

export interface BadRow {
  error: RowError;
  /** The row's cells as the file holds them. */
  cells: string[];
  /** The header of the row's sheet as the file holds it (none for an error about the header itself). */
  header?: string[];
}

const PLACE = ['sheet', 'row', 'column', 'value', 'reason'];

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The bad rows of an import as a CSV file an investigator can open in Excel (UTF-8 with a BOM):
 * where each was and what was wrong, then the row as it was under its sheet's own header, so the
 * file can be corrected and imported again with the same mapping (the five columns before the
 * header are no column a mapping reads). A header row is written again where the sheet's header
 * changes (a workbook whose sheets differ).
 */
export function badRowsCsv(rows: BadRow[]): string {
  const lines: string[] = [];
  let header: string | null = null;
  for (const { error, cells, header: own = [] } of rows) {
    const line = [...PLACE, ...own].map(quote).join(',');
    if (line !== header) lines.push((header = line));
    lines.push([error.sheet, String(error.row), error.column, error.value, error.reason, ...cells].map(quote).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
