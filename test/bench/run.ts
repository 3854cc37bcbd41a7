/**
 * `npm run bench`: the benchmark rows every issue's targets are measured by. Each row is
 * measured against a floor in the same run (the raw engine) where one exists, and the table
 * is printed and written to test/bench/results.json.
 *
 *   npm run bench -- [--nodes 1000000] [--links 5000000] [--samples 300] [--only import,queries]
 */
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { importBundle } from '../../server/src/import/importer';
import { readLines } from '../../server/src/import/read-lines';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { AGENCIES, synthetic, type SyntheticShape } from './synthetic';
import { rawKuzuCopy } from './raw-kuzu';
import { measureQueries } from './queries';

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
  .option('--samples <n>', 'queries per latency row', Number, 300)
  .option('--seed <n>', 'generator seed', Number, 7)
  .option('--out <file>', 'results file', 'test/bench/results.json')
  .parse();
const opts = program.opts<{ nodes: number; links: number; samples: number; seed: number; out: string }>();

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

async function main() {
  const shape: SyntheticShape = { nodes: opts.nodes, links: opts.links, seed: opts.seed };
  const rows: Row[] = [];
  const bundle = join(work, 'graph.ndjson');
  console.log(`generating ${shape.nodes} nodes and ${shape.links} links ...`);
  const records = await writeBundle(shape, bundle);

  console.log('raw Kuzu COPY (the floor) ...');
  const floor = await rawKuzuCopy(shape, join(work, 'raw'));
  rmSync(join(work, 'raw'), { recursive: true, force: true });

  console.log('importing through the importer ...');
  const store = await openKuzuStore(join(work, 'store'));
  let start = performance.now();
  const summary = await importBundle(store, readLines(bundle), { by: 'bench' });
  const importRate = records / seconds(start);
  rows.push({
    name: 'import into the embedded engine (bundle NDJSON, validated)',
    value: Math.round(importRate),
    unit: 'records/s',
    target: '≥ 200000',
    floor: { name: 'raw Kuzu COPY of the same data', value: Math.round(floor.recordsPerSecond) },
    note: `${records} records, ${summary.batches} batches`,
  });

  start = performance.now();
  const again = await importBundle(store, readLines(bundle), { by: 'bench' });
  rows.push({
    name: 're-import of the same file (no change)',
    value: Math.round(records / seconds(start)),
    unit: 'records/s',
    note: `${again.nodesCreated + again.linksCreated} created, ${again.nodesUpdated + again.linksUpdated} changed`,
  });

  const counts = await store.counts();
  console.log(`store holds ${counts.nodes} nodes, ${counts.links} links; measuring queries ...`);
  rows.push(...(await measureQueries(store, shape, { agencies: AGENCIES, userId: 'bench' }, opts.samples)));
  await store.close();

  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(opts.out, 'utf8')) as { rows?: Row[] };
    } catch {
      return {};
    }
  })();
  const merged = [...(previous.rows ?? []).filter((r) => !rows.some((x) => x.name === r.name)), ...rows];
  writeFileSync(opts.out, JSON.stringify({ machine, at: new Date().toISOString(), graph: { ...shape, stored: counts }, rows: merged }, null, 2) + '\n');
  console.table(rows.map((r) => ({ row: r.name, value: `${r.value} ${r.unit}`, target: r.target ?? '', floor: r.floor ? `${r.floor.value} (${r.floor.name})` : '', note: r.note ?? '' })));
  console.log(`machine: ${machine}; written to ${opts.out}`);
  rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
