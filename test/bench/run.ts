/**
 * `npm run bench`: the benchmark rows every issue's targets are measured by. Each row is
 * measured against a floor in the same run (the raw engine) where one exists, and the table
 * is printed and written to test/bench/results.json.
 *
 *   npm run bench -- [--nodes 1000000] [--links 5000000] [--import-nodes 100000] [--import-links 500000] [--samples 300]
 *
 * Part `store` measures the import rows and then the query rows; part `import` the import rows alone.
 *
 * Import is measured on its own, smaller graph: batch writes into Kuzu slow down as the tables
 * grow (see README), so importing the full query graph through the importer does not finish in a
 * bench's time. The query graph is loaded with the raw COPY the import row uses as its floor:
 * the same tables and the same encoded values the importer writes.
 */
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { importBundle } from '../../server/src/import/importer';
import { readLines } from '../../server/src/import/read-lines';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { AGENCIES, synthetic, type SyntheticShape } from './synthetic';
import { rawKuzuCopy, rawKuzuParquetCopy } from './raw-kuzu';
import { measureQueries } from './queries';
import { writeReadmeTable } from './readme-table';
import { benchCity } from './city';

export interface Row {
  name: string;
  value: number;
  unit: string;
  target?: string;
  floor?: { name: string; value: number };
  note?: string;
}

const program = new Command()
  .option('--nodes <n>', 'nodes in the synthetic graph', Number, 1_000_000)
  .option('--links <n>', 'links in the synthetic graph', Number, 5_000_000)
  .option('--import-nodes <n>', 'nodes in the graph imported through the importer', Number, 100_000)
  .option('--import-links <n>', 'links in the graph imported through the importer', Number, 500_000)
  .option('--samples <n>', 'queries per latency row', Number, 300)
  .option('--sheet-rows <n>', 'rows in the sheet-import row\'s statement', Number, 1_000_000)
  .option('--seed-scale <scale>', "the seed generator's row: demo, city, national, or none", 'national')
  .option('--seed <n>', 'generator seed', Number, 7)
  .option('--parts <list>', 'which groups of rows to measure: store (import and queries), import, seed,city,api,web,warning,roles,export,sheets,linkage', 'store,seed,city,api,web,warning,roles,export,sheets,linkage')
  .option('--city-fixture <dir>', 'the analysis rows\' city fixture (test/bench/analysis/city-fixture.ts), built there when missing', '')
  .option('--out <file>', 'results file', 'test/bench/results.json')
  .parse();
const opts = program.opts<{ nodes: number; links: number; sheetRows: number; importNodes: number; importLinks: number; samples: number; seed: number; seedScale: string; out: string; parts: string; cityFixture: string }>();
const parts = new Set(opts.parts.split(','));

const work = join('test', 'bench', 'tmp');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

async function writeBundle(shape: SyntheticShape, file: string): Promise<number> {
  const out = createWriteStream(file);
  let lines = 0;
  let buffer: string[] = [];
  const flush = () => new Promise<void>((res) => (out.write(buffer.join('\n') + '\n') ? res() : out.once('drain', res)));
  for (const item of synthetic(shape)) {
    buffer.push(JSON.stringify('node' in item ? { kind: 'node', ...item.node } : { kind: 'link', ...item.link }));
    lines++;
    if (buffer.length === 10_000) {
      await flush();
      buffer = [];
    }
  }
  if (buffer.length) await flush();
  await new Promise((res) => out.end(res));
  return lines;
}

const seconds = (start: number) => (performance.now() - start) / 1000;

/** The seed generator's speed and peak memory, in a process of its own so that its RSS is its own. */
function seedRow(scale: string): Row {
  console.log(`seed: generating ${scale} ...`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'seed/src/bench.ts', scale, '1'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`seed bench failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as { records: number; seconds: number; recordsPerSecond: number; peakRssMiB: number };
  return {
    name: `seed generator, ${scale} scale (one thread)`,
    value: r.recordsPerSecond,
    unit: 'records/s',
    target: '≥ 200000, peak RSS ≤ 1024 MiB',
    note: `${r.records} records in ${r.seconds} s, peak RSS ${r.peakRssMiB} MiB`,
  };
}

type GraphStoreCounts = () => Promise<{ nodes: number; links: number; sources: number }>;

/**
 * Rows a benchmark script prints as its last line of JSON, run in a process of its own (its own
 * heap, its own RSS), with `nodeFlags` before the script.
 */
function childRows(what: string, args: string[], nodeFlags: string[] = []): Row[] {
  console.log(`${what}: running ${args.join(' ')} ...`);
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${what} bench failed (exit ${run.status})`);
  const text = run.stdout.trim();
  const rows = JSON.parse(text.slice(text.startsWith('[') ? 0 : text.lastIndexOf('\n[') + 1)) as (Row & { met?: boolean })[];
  return rows.map(({ met: _met, ...row }) => row);
}

async function main() {
  const shape: SyntheticShape = { nodes: opts.nodes, links: opts.links, seed: opts.seed };
  const importShape: SyntheticShape = { nodes: opts.importNodes, links: opts.importLinks, seed: opts.seed };
  const rows: Row[] = [];

  let counts: Awaited<ReturnType<GraphStoreCounts>> | undefined;
  if (parts.has('store') || parts.has('import')) {
    const bundle = join(work, 'import.ndjson');
    console.log(`import: generating ${importShape.nodes} nodes and ${importShape.links} links ...`);
    const records = await writeBundle(importShape, bundle);
    console.log('import: raw Kuzu COPY of the same data (the floor) ...');
    const floor = await rawKuzuCopy(importShape, join(work, 'raw-import'));
    console.log('import: raw Kuzu COPY of the same tables from Parquet (the lower floor) ...');
    mkdirSync(join(work, 'raw-parquet'), { recursive: true });
    const parquet = await rawKuzuParquetCopy(join(work, 'raw-import'), join(work, 'raw-parquet'), records);
    rmSync(join(work, 'raw-import'), { recursive: true, force: true });
    console.log('import: through the importer ...');
    const imported = await openKuzuStore(join(work, 'imported'));
    const loadBefore = loadavg()[0]!;
    let start = performance.now();
    const summary = await importBundle(imported, readLines(bundle), { by: 'bench' });
    const rate = records / seconds(start);
    rows.push({
      name: `import into the embedded engine (${records} records, validated)`,
      value: Math.round(rate),
      unit: 'records/s',
      target: '≥ 200000',
      floor: { name: 'raw Kuzu COPY from CSV of the same graph (one COPY per table into empty tables, nothing checked)', value: Math.round(floor.recordsPerSecond) },
      note:
        `${summary.batches} batch(es) of up to ${summary.records / summary.batches} records; ` +
        `raw COPY of the same tables from Parquet ${Math.round(parquet.recordsPerSecond)} records/s (${(rate / parquet.recordsPerSecond).toFixed(2)}x of it; the importer stages CSV); ` +
        `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${cpus().length} cores`,
    });
    start = performance.now();
    const again = await importBundle(imported, readLines(bundle), { by: 'bench' });
    rows.push({
      name: `re-import of the same file (${records} records, no change)`,
      value: Math.round(records / seconds(start)),
      unit: 'records/s',
      note: `${again.nodesCreated + again.linksCreated} created, ${again.nodesUpdated + again.linksUpdated} changed`,
    });
    await imported.close();
    rmSync(join(work, 'imported'), { recursive: true, force: true });
  }
  if (parts.has('store')) {
    let start: number;
    console.log(`queries: loading ${shape.nodes} nodes and ${shape.links} links with raw COPY ...`);
    const load = await rawKuzuCopy(shape, join(work, 'graph'));
    rows.push({
      name: `raw Kuzu COPY (${shape.nodes + shape.links} records into empty tables)`,
      value: Math.round(load.recordsPerSecond),
      unit: 'records/s',
      note: `${load.seconds.toFixed(1)} s`,
    });
    const store = await openKuzuStore(join(work, 'graph'));
    counts = await store.counts();
    console.log(`queries: store holds ${counts.nodes} nodes, ${counts.links} links; loading it into memory ...`);
    start = performance.now();
    await store.ready();
    rows.push({
      name: `embedded store: graph loaded into memory (${counts.nodes + counts.links} records)`,
      value: Math.round(seconds(start) * 10) / 10,
      unit: 's',
      note: `in the background after start; reads go to Kuzu until it is done. RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB after`,
    });
    rows.push(...(await measureQueries(store, shape, { agencies: AGENCIES, userId: 'bench' }, opts.samples)));
    await store.close();
  }
  if (parts.has('seed') && opts.seedScale !== 'none') rows.push(seedRow(opts.seedScale));
  // The API rows run on the city store the city rows imported (the import takes minutes).
  const cityStore = join(work, 'city-store');
  if (parts.has('city')) rows.push(...(await benchCity(work, { keepStore: cityStore })));
  // The server's young generation as `npm start` sizes it (package.json; main.ts says why).
  if (parts.has('api')) rows.push(...childRows('API', ['scripts/bench-api.ts', '--scale', 'city', '--dir', cityStore], ['--max-semi-space-size=64']));
  if (parts.has('web')) rows.push(...childRows('web', ['test/bench/web/bench.ts']));
  if (parts.has('sheets')) rows.push(...childRows('sheets', ['test/bench/sheets.ts', '--rows', String(opts.sheetRows), '--dir', join(work, 'sheets')]));
  // Analysis scores run on the city fixture (bundle, ground truth and store), built once under tmp unless given.
  const cityFixtureDir = opts.cityFixture || join(work, 'city-fixture');
  if (parts.has('roles')) rows.push(...childRows('roles', ['test/bench/analysis/score-roles.ts', '--dir', cityFixtureDir]));
  if (parts.has('warning')) rows.push(...childRows('warning', ['test/bench/analysis/score-warning.ts', '--dir', cityFixtureDir]));
  if (parts.has('export')) rows.push(...childRows('export', ['test/bench/export.ts', '--dir', join(work, 'export')]));
  if (parts.has('linkage')) rows.push(...childRows('linkage', ['test/bench/analysis/score-linkage.ts', '--fixture', cityFixtureDir]));

  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(opts.out, 'utf8')) as { rows?: Row[] };
    } catch {
      return {};
    }
  })();
  const merged = [...(previous.rows ?? []).filter((r) => !rows.some((x) => x.name === r.name)), ...rows];
  const results = { machine, at: new Date().toISOString(), graph: { ...shape, ...(counts ? { stored: counts } : {}) }, rows: merged };
  writeFileSync(opts.out, JSON.stringify(results, null, 2) + '\n');
  if (opts.out === 'test/bench/results.json') writeReadmeTable(results);
  console.table(rows.map((r) => ({ row: r.name, value: `${r.value} ${r.unit}`, target: r.target ?? '', floor: r.floor ? `${r.floor.value} (${r.floor.name})` : '', note: r.note ?? '' })));
  console.log(`machine: ${machine}; written to ${opts.out}`);
  rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
