import type { Batch, UpsertResult } from '../domain/types';
import type { GraphStore } from '../store/graph-store';
import { badRowsCsv, type BadRow } from './bad-rows';
import { expectedHeader, REQUIRED, type SheetMapping } from './mappings';
import { mappedRows, type SheetSummary } from './mapped-rows';
import { readRow, type ReadRow, type RowError, type SkipReason } from './rows';
import { sha256Of, type SheetFile } from './sheet-file';
import { SheetBatch, sheetSourceId } from './to-batch';

export type OnRowError = 'stop' | 'skip';

export interface SheetImportOptions {
  /** One mapping to use, or several for each sheet to pick the best fitting. */
  mappings: readonly SheetMapping[];
  /** The agency that owns what is imported. */
  agency: string;
  /** Who imports: the Source's collectedBy and every new link's createdBy. */
  by: string;
  /** On a bad row: 'stop' writes nothing at all; 'skip' imports the good rows and returns the bad ones. */
  onError: OnRowError;
  /** Rows per transaction. */
  batchRows?: number;
  /**
   * With onError 'stop': how many rows may be held staged while the rest of the file is checked
   * (default: one batch); the rows past them are read again once the file was found good.
   */
  holdRows?: number;
  onProgress?: (progress: SheetProgress) => void;
}

export interface SheetProgress {
  /**
   * 'read' reads the file and stages its rows (with onError 'stop' nothing is written before the
   * whole file was found good); 'write' reads it again, for the rows of a file too large to hold
   * staged ('stop' only); 'commit' waits for the store to write what is staged.
   */
  phase: 'read' | 'write' | 'commit';
  bytes: number;
  totalBytes: number;
  rows: number;
}

export interface SheetImportReport extends UpsertResult {
  file: string;
  sha256: string;
  /** The Source the file became. */
  source: string;
  sheets: SheetSummary[];
  /** Data rows read. */
  rows: number;
  /** Rows that became a link. */
  imported: number;
  /** Readable rows that rightly make no link, by reason. */
  skipped: Partial<Record<SkipReason, number>>;
  /** Bad rows (the first MAX_REPORTED of them). */
  errors: RowError[];
  errorCount: number;
  /** True when bad rows stopped the import and nothing was written. */
  stopped: boolean;
  /** The bad rows as a CSV file (UTF-8 with BOM), with the reason beside each; null when there were none. */
  badRows: string | null;
  batches: number;
}

/** Large for the same reason as the bundle importer's batches (importer.ts DEFAULT_BATCH_SIZE). */
export const DEFAULT_BATCH_ROWS = 1_000_000;
const MAX_REPORTED = 1000;

/**
 * Imports a bank statement or call-record file: every readable row becomes a TRANSFERRED or
 * CALLED link citing the file's Source with its sheet and row. The file is read once: its rows
 * are staged as they are checked. With onError 'stop' the staged rows are held, unwritten, until
 * the whole file was found good, so a stopped import writes nothing; a file of more than
 * `holdRows` rows holds only its first rows and has the rest read again once it was found good.
 * With 'skip' the bad rows are left out and returned, and batches are written as they fill.
 * Importing a file again changes nothing: its Source, nodes and links all have the same identities.
 */
export async function importSheet(store: GraphStore, file: SheetFile, options: SheetImportOptions): Promise<SheetImportReport> {
  const sha256 = await sha256Of(file);
  const report: SheetImportReport = {
    file: file.name,
    sha256,
    source: sheetSourceId(sha256),
    sheets: [],
    rows: 0,
    imported: 0,
    skipped: {},
    errors: [],
    errorCount: 0,
    stopped: false,
    badRows: null,
    batches: 0,
    nodesCreated: 0,
    nodesUpdated: 0,
    linksCreated: 0,
    linksUpdated: 0,
    sourcesCreated: 0,
  };
  const bad: BadRow[] = [];
  const onError = (error: RowError, cells: string[] = [], header?: string[]) => {
    report.errorCount++;
    if (report.errors.length < MAX_REPORTED) report.errors.push(error);
    bad.push({ error, cells, header });
  };
  const hold = options.onError === 'stop';
  /** Whether staged batches are held rather than written: while a 'stop' import is still being checked. */
  let holding = hold;
  const size = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const holdRows = options.holdRows ?? size;

  const batch = new SheetBatch(options.agency, sha256);
  batch.addSource({
    id: report.source,
    type: options.mappings.every((m) => m.kind === 'CALL_RECORDS') ? 'CALL_RECORDS' : 'BANK_STATEMENT',
    reference: file.name,
    sha256,
    collectedAt: new Date().toISOString(),
    collectedBy: options.by,
    owner: options.agency,
  });
  // The store writes one batch while the next is read: batches still commit in file order.
  let writing: Promise<void> = Promise.resolve();
  const write = async (taken: Batch) => {
    await writing;
    writing = store.upsert(taken, options.by).then((result) => {
      for (const key of Object.keys(result) as (keyof UpsertResult)[]) report[key] += result[key];
      report.batches++;
    });
    writing.catch(() => undefined);
  };
  const held: Batch[] = [];
  let heldRows = 0;
  /** With 'stop': the ordinal of the first row not staged (the file was too large to hold), or -1. */
  let unheldFrom = -1;
  const stage = async (result: ReadRow | { kind: 'skip'; own?: ReadRow }, sheet: string, n: number) => {
    if (result.kind === 'skip') {
      if (result.own) batch.addOwn(result.own, sheet, n);
    } else batch.add(result, sheet, n);
    if (batch.size < size) return;
    if (!holding) return write(batch.take());
    held.push(batch.take());
    heldRows += size;
  };

  let ordinal = 0;
  await pass(file, options, 'read', {
    onError,
    onSheet: (s) => report.sheets.push(s),
    onRow: (result, sheet, n) => {
      const at = ordinal++;
      report.rows++;
      if (result.kind === 'skip') report.skipped[result.reason] = (report.skipped[result.reason] ?? 0) + 1;
      else if (result.kind !== 'error') report.imported++;
      // A stopped import writes nothing, so once a row is bad nothing more is staged.
      if (result.kind === 'error' || (hold && (report.errorCount > 0 || unheldFrom !== -1))) return;
      if (hold && heldRows + batch.size >= holdRows) {
        unheldFrom = at;
        return;
      }
      return stage(result, sheet, n);
    },
  });
  if (hold && report.errorCount > 0) {
    report.stopped = true;
    report.badRows = badRowsCsv(bad);
    return report;
  }
  holding = false;
  for (const taken of held.splice(0)) await write(taken);
  if (unheldFrom !== -1) {
    ordinal = 0;
    await pass(file, options, 'write', {
      onError: () => undefined,
      onSheet: () => undefined,
      onRow: (result, sheet, n) => (ordinal++ < unheldFrom || result.kind === 'error' ? undefined : stage(result, sheet, n)),
    });
  }
  options.onProgress?.({ phase: 'commit', bytes: file.size, totalBytes: file.size, rows: report.rows });
  // The last batch, unless the file ended as one filled (the Source went with the first).
  if (!batch.empty) await write(batch.take());
  await writing;
  if (bad.length > 0) report.badRows = badRowsCsv(bad);
  return report;
}

interface PassHandlers {
  onError: (error: RowError, cells?: string[], header?: string[]) => void;
  onSheet: (summary: SheetSummary) => void;
  onRow: (result: ReturnType<typeof readRow>, sheet: string, n: number) => void | Promise<void>;
}

async function pass(file: SheetFile, options: SheetImportOptions, phase: SheetProgress['phase'], on: PassHandlers): Promise<void> {
  let bytes = 0;
  let rows = 0;
  const sheets: SheetSummary[] = [];
  const onSheet = (s: SheetSummary) => {
    sheets.push(s);
    on.onSheet(s);
  };
  const chunks = mappedRows(file, options.mappings, { onBytes: (b) => (bytes = b), onSheet, onError: (e) => on.onError(e) });
  for await (const { ctx, rows: chunk } of chunks) {
    for (const row of chunk) {
      const result = readRow(ctx, row.cells, row.n);
      if (result.kind === 'error') on.onError(result.error, row.cells, ctx.header);
      const pending = on.onRow(result, ctx.sheet, row.n);
      if (pending) await pending;
    }
    rows += chunk.length;
    options.onProgress?.({ phase, bytes, totalBytes: file.size, rows });
  }
  // A file none of whose sheets has a header the mappings know is an error, not an empty import.
  if (!sheets.some((s) => s.mapping !== null)) {
    const column = options.mappings.length === 1 ? expectedColumns(options.mappings[0]!) : 'a header row a mapping knows';
    on.onError({ sheet: sheets[0]?.sheet ?? file.name, row: 1, column, value: '', reason: 'no header row found in the first rows' });
  }
}

function expectedColumns(mapping: SheetMapping): string {
  return REQUIRED[mapping.kind].map((group) => expectedHeader(mapping, group)).join(', ');
}
