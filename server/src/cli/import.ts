import { statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { DEFAULT_BATCH_SIZE, ImportError, importBundle, type ImportSummary } from '../import/importer';
import { readLines } from '../import/read-lines';
import { StoreLockedError } from '../store/graph-store';
import { openStore } from '../store/open-store';
import { assertAgencyId } from '../store/visibility';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new InvalidArgumentError('must be a whole number from 1 to 1000000');
  return n;
}

function agencyId(value: string): string {
  try {
    assertAgencyId(value);
  } catch {
    throw new InvalidArgumentError('must be 1-64 letters, digits, or _ . : -');
  }
  return value;
}

const program = new Command()
  .name('npm run import --')
  .description('Import case-bundle NDJSON files into the store that DATA_DIR / GRAPH_STORE configure.')
  .argument('<files...>', 'case bundle files (NDJSON, one record a line)')
  .option('--agency <id>', 'owner of records that name none, until a meta record names one', agencyId)
  .option('--by <name>', 'who is importing, recorded on every link', process.env.USER ?? 'importer')
  .option('--batch-size <n>', 'records per transaction', positive, DEFAULT_BATCH_SIZE)
  .option('--json', 'print a machine-readable summary')
  .action(async (files: string[], opts: { agency?: string; by: string; batchSize: number; json?: boolean }) => {
    for (const file of files) {
      try {
        statSync(file);
      } catch {
        program.error(`${file}: no such file`, { exitCode: 2 });
      }
    }
    const config = loadConfig();
    const store = await openStore(config);
    const totals: Record<string, ImportSummary> = {};
    let counts;
    try {
      for (const file of files) {
        const size = statSync(file).size;
        const bar = process.stderr.isTTY && !opts.json ? new SingleBar({ format: `${file} [{bar}] {percentage}% | {value}/{total} bytes | {eta}s` }) : null;
        bar?.start(size, 0);
        try {
          totals[file] = await importBundle(store, readLines(file, (b) => bar?.update(Math.min(b, size))), {
            agency: opts.agency,
            by: opts.by,
            batchSize: opts.batchSize,
          });
        } finally {
          bar?.update(size);
          bar?.stop();
        }
      }
      counts = await store.counts();
    } catch (error) {
      if (error instanceof ImportError) {
        const file = files[Object.keys(totals).length]!;
        console.error(`${file}: line ${error.line}: ${error.reason}`);
        console.error(`Nothing of the failed batch was written; ${error.committed.records} records before it were.`);
        process.exitCode = 1;
        return;
      }
      throw error;
    } finally {
      await store.close();
    }
    if (opts.json) {
      console.log(JSON.stringify({ files: totals, counts }));
    } else {
      for (const [file, s] of Object.entries(totals)) {
        console.log(
          `${file}: ${s.records} records in ${s.batches} batches — nodes ${s.nodesCreated} new, ${s.nodesUpdated} changed; ` +
            `links ${s.linksCreated} new, ${s.linksUpdated} changed; sources ${s.sourcesCreated} new`,
        );
      }
    }
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StoreLockedError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
