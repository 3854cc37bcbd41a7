/**
 * `npm run import-sheet`. package.json starts it with `--max-semi-space-size=32`, a young
 * generation larger than V8 sizes it by default: an import holds a million rows' links while it
 * makes several short-lived objects a row, and with the default each scavenge copied much of
 * what was just staged. The import's JavaScript (a 1,000,000-row statement read, checked and
 * staged with the engine left out) took 19-21 s of CPU with it against 26-27 s without.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { DEFAULT_BATCH_ROWS, importSheet, type OnRowError, type SheetImportReport } from '../sheets/import-sheet';
import { resolveMappings, UnknownMappingError } from '../sheets/resolve-mapping';
import { fileOnDisk } from '../sheets/sheet-file';
import { StoreLockedError } from '../store/graph-store';
import { openKuzuStore } from '../store/kuzu/kuzu-store';
import { openStore } from '../store/open-store';
import { assertAgencyId } from '../store/visibility';

function agencyId(value: string): string {
  try {
    assertAgencyId(value);
  } catch {
    throw new InvalidArgumentError('must be 1-64 letters, digits, or _ . : -');
  }
  return value;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 2_000_000) throw new InvalidArgumentError('must be a whole number from 1 to 2000000');
  return n;
}

interface Options {
  mapping?: string;
  agency: string;
  by: string;
  onError: OnRowError;
  errors?: string;
  batchRows: number;
  json?: boolean;
}

const program = new Command()
  .name('npm run import-sheet --')
  .description('Import a bank statement or call-record file (CSV or XLSX; UTF-8 or GBK) into the store that DATA_DIR / GRAPH_STORE configure.')
  .argument('<file>', 'the statement or call-record file')
  .option('--mapping <name>', 'a built-in mapping (bank-statement, call-records) or a saved one; default: the one that fits each sheet')
  .requiredOption('--agency <id>', 'the agency that owns the imported records', agencyId)
  .option('--by <name>', 'who is importing, recorded on the Source and every link', process.env.USER ?? 'importer')
  .addOption(new Option('--on-error <what>', 'on a bad row: stop (write nothing) or skip (import the good rows)').choices(['stop', 'skip']).default('stop'))
  .option('--errors <file>', 'where to write the bad rows as CSV (default: FILE.errors.csv)')
  .option('--batch-rows <n>', 'rows per transaction', positive, DEFAULT_BATCH_ROWS)
  .option('--json', 'print the report as JSON')
  .action(async (path: string, opts: Options) => {
    if (!existsSync(path)) program.error(`${path}: no such file`, { exitCode: 2 });
    const file = fileOnDisk(path);
    const config = loadConfig();
    // An import reads nothing back: the embedded store's in-memory graph would only be kept up to
    // date for nobody; and it writes its links a third faster uncompressed (kuzu-store.ts).
    const store = config.graphStore === 'embedded' ? await openKuzuStore(config.dataDir, { cache: false, compression: false }) : await openStore(config);
    let report: SheetImportReport;
    // On stderr, so also beside --json (which prints to stdout).
    const bar = process.stderr.isTTY ? new SingleBar({ format: `{phase} ${file.name} [{bar}] {percentage}% | {rows} rows | {eta}s` }) : null;
    let phase = '';
    try {
      const mappings = resolveMappings(opts.mapping, await store.listSheetMappings(opts.agency));
      report = await importSheet(store, file, {
        mappings,
        agency: opts.agency,
        by: opts.by,
        onError: opts.onError,
        batchRows: opts.batchRows,
        onProgress: (p) => {
          if (p.phase !== phase) {
            bar?.stop();
            bar?.start(p.totalBytes, 0, { phase: p.phase, rows: 0 });
            phase = p.phase;
          }
          bar?.update(p.bytes, { rows: p.rows });
        },
      });
    } finally {
      bar?.stop();
      await store.close();
    }
    if (report.badRows !== null) writeFileSync(opts.errors ?? `${path}.errors.csv`, report.badRows);
    if (opts.json) {
      const { badRows: _, ...rest } = report;
      console.log(JSON.stringify(rest));
    } else {
      printReport(report, opts.errors ?? `${path}.errors.csv`);
    }
    if (report.stopped) process.exitCode = 1;
  });

function printReport(r: SheetImportReport, errorsFile: string): void {
  for (const s of r.sheets) {
    console.log(s.mapping ? `${s.sheet}: mapping ${s.mapping}, header on row ${s.headerRow}, ${s.rows} rows` : `${s.sheet}: no header any mapping knows; left out`);
  }
  for (const e of r.errors.slice(0, 20)) console.error(`${e.sheet}!${e.row} ${e.column}: ${e.reason} (${JSON.stringify(e.value)})`);
  if (r.errorCount > 20) console.error(`… and ${r.errorCount - 20} more bad rows`);
  if (r.badRows !== null) console.error(`Bad rows written to ${errorsFile}.`);
  if (r.stopped) {
    console.error(`Stopped: ${r.errorCount} bad rows; nothing was written. Fix them, or run with --on-error skip to import the good rows.`);
    return;
  }
  const skipped = Object.entries(r.skipped).map(([why, n]) => `${n} ${why}`).join(', ');
  console.log(
    `${r.file}: ${r.rows} rows, ${r.imported} imported${skipped ? `, skipped ${skipped}` : ''}${r.errorCount ? `, ${r.errorCount} bad` : ''} — ` +
      `nodes ${r.nodesCreated} new, ${r.nodesUpdated} changed; links ${r.linksCreated} new, ${r.linksUpdated} changed; source ${r.source}`,
  );
}

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreLockedError || error instanceof UnknownMappingError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
