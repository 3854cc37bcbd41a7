import type { RowError } from './rows';

export interface BadRow {
  error: RowError;
  /** The row's cells as the file holds them. */
  cells: string[];
}

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The bad rows of an import as a CSV file an investigator can open in Excel (UTF-8 with a BOM):
 * where each was, what was wrong, then the row as it was, so it can be corrected and imported.
 */
export function badRowsCsv(rows: BadRow[]): string {
  const lines = ['sheet,row,column,value,reason,cells...'];
  for (const { error, cells } of rows) {
    lines.push([error.sheet, String(error.row), error.column, error.value, error.reason, ...cells].map(quote).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
