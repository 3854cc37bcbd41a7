/**
 * The sheet-import row: a 工商银行-style GBK statement of `--rows` transfers (default 1,000,000)
 * imported with `npm run import-sheet` into a fresh embedded store, in a process of its own, and
 * the floor measured in the same run: reading and mapping the same file with nothing written.
 * Prints its rows as one line of JSON (test/bench/run.ts, part `sheets`).
 *
 *   npx tsx test/bench/sheets.ts [--rows 1000000] [--dir test/bench/tmp/sheets]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { BUILT_IN_BANK } from '../../server/src/sheets/mappings';
import { mappedRows } from '../../server/src/sheets/mapped-rows';
import { readRow } from '../../server/src/sheets/rows';
import { fileOnDisk } from '../../server/src/sheets/sheet-file';
import { writeLargeStatement } from '../sheets/samples';

const opts = new Command()
  .option('--rows <n>', 'transfers in the statement', Number, 1_000_000)
  .option('--dir <dir>', 'work folder (emptied)', join('test', 'bench', 'tmp', 'sheets'))
  .parse()
  .opts<{ rows: number; dir: string }>();

/** What `npm run <name>` runs after `node` (its flags, then the script), without npm's own start-up in the timing. */
function npmScriptArgs(name: string): string[] {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts[name]!;
  const [node, ...args] = script.split(' ');
  if (node !== 'node') throw new Error(`npm run ${name} does not start with node: ${script}`);
  return args;
}

rmSync(opts.dir, { recursive: true, force: true });
mkdirSync(opts.dir, { recursive: true });
const file = join(opts.dir, 'statement.csv');
console.error(`sheets: writing a ${opts.rows}-row GBK statement ...`);
await writeLargeStatement(file, opts.rows, { gbk: true });

console.error('sheets: reading and mapping it, nothing written (the floor) ...');
let start = performance.now();
let read = 0;
for await (const { ctx, rows } of mappedRows(fileOnDisk(file), [BUILT_IN_BANK])) {
  for (const row of rows) if (readRow(ctx, row.cells, row.n).kind !== 'error') read++;
}
const parseRate = read / ((performance.now() - start) / 1000);

console.error('sheets: npm run import-sheet into a fresh embedded store ...');
const loadBefore = loadavg()[0]!;
start = performance.now();
const run = spawnSync(process.execPath, [...npmScriptArgs('import-sheet'), file, '--agency', 'bench', '--by', 'bench', '--json'], {
  encoding: 'utf8',
  env: { ...process.env, DATA_DIR: join(opts.dir, 'data'), GRAPH_STORE: 'embedded' },
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 1 << 26,
});
const secs = (performance.now() - start) / 1000;
if (run.status !== 0) throw new Error(`import-sheet failed (exit ${run.status})`);
const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as { rows: number; imported: number; linksCreated: number; nodesCreated: number; batches: number };
rmSync(opts.dir, { recursive: true, force: true });

console.log(
  JSON.stringify([
    {
      name: `sheet import: ${opts.rows}-row GBK bank statement into the embedded engine (npm run import-sheet, checked then written)`,
      value: Math.round(report.rows / secs),
      unit: 'rows/s',
      target: '≥ 50000',
      floor: { name: 'reading and mapping the same file, nothing written', value: Math.round(parseRate) },
      note:
        `${secs.toFixed(1)} s for the whole command (the file hashed, then read once: rows checked and staged, written once all were good), store opened and closed; ` +
        `${report.imported} transfers, ${report.linksCreated} links and ${report.nodesCreated} cards created in ${report.batches} batches; ` +
        `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores`,
    },
  ]),
);
