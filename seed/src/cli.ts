/**
 * npm run seed -- --scale demo|city|national --seed N --out FILE [--truth FILE]
 *
 * Writes a case bundle v1 (NDJSON, one record a line), byte-identical for the same seed and scale,
 * and optionally the ground truth beside it.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { emptyTotals, generateBundle, type Totals } from './generate';
import { truthWriter, writeParallel } from './parallel';
import { NdjsonWriter } from './ndjson-writer';
import { toLine } from './serialize';
import type { Scale } from './types';

function parseSeed(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new InvalidArgumentError('must be a non-negative whole number (up to 15 digits).');
  return Number(value);
}

function parseFraction(value: string): number {
  const f = Number(value);
  if (!(f > 0 && f <= 1)) throw new InvalidArgumentError('must be a number in (0, 1].');
  return f;
}

const program = new Command()
  .name('seed')
  .description('Generate a synthetic case bundle (NDJSON) calibrated on the Shanghai anti-fraud report, with ground truth.')
  .addOption(new Option('--scale <scale>', 'how much to generate').choices(['demo', 'city', 'national']).default('demo'))
  .option('--seed <n>', 'random seed; the same seed and scale give the same bytes', parseSeed, 1)
  .requiredOption('--out <file>', "bundle file to write ('-' for standard output)")
  .option('--truth <file>', 'also write the ground truth (NDJSON) to this file')
  .option('--fraction <f>', 'generate a smaller sample of the same shape (0 < f ≤ 1)', parseFraction)
  .addOption(
    new Option('--threads <n>', 'generate on one thread or two; auto uses two when a core is idle (same output either way)')
      .choices(['auto', '1', '2'])
      .default('auto'),
  )
  .option('--no-progress', 'no progress bar even on a terminal')
  .showHelpAfterError();

program.parse();
const opts = program.opts<{ scale: Scale; seed: number; out: string; truth?: string; fraction?: number; threads: 'auto' | '1' | '2'; progress: boolean }>();
if (opts.truth !== undefined && opts.truth === opts.out && opts.out !== '/dev/null') program.error('error: --truth and --out must be different files');

const out = new NdjsonWriter(opts.out);
const truth = opts.truth ? new NdjsonWriter(opts.truth) : undefined;
const showBar = opts.progress && process.stderr.isTTY === true && process.stdout.isTTY === true && opts.out !== '-';
const bar = showBar
  ? new cliProgress.SingleBar(
      { format: 'seed {scale} |{bar}| {value}/{total} gangs · {records} records · {rate} rec/s', hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    )
  : undefined;

const started = process.hrtime.bigint();
const elapsed = (): number => Number(process.hrtime.bigint() - started) / 1e9;
try {
  bar?.start(1, 0, { scale: opts.scale, records: 0, rate: 0 });
  const onProgress = bar
    ? (done: number, total: number): void => {
        bar.setTotal(total);
        bar.update(done, { records: out.lines.toLocaleString('en'), rate: Math.round(out.lines / elapsed()).toLocaleString('en') });
      }
    : undefined;
  const gen = { scale: opts.scale, seed: opts.seed, fraction: opts.fraction };
  let totals: Totals;
  // A second thread only pays when a core is free: on a busy machine the two threads wait on each other.
  const idleCores = availableParallelism() - loadavg()[0]!;
  const twoThreads = opts.threads === '2' || (opts.threads === 'auto' && opts.scale !== 'demo' && idleCores >= 1.5);
  if (twoThreads) {
    totals = await writeParallel(gen, out, truth, onProgress);
  } else {
    totals = emptyTotals();
    let nodes = 0;
    let links = 0;
    for (const r of generateBundle({ ...gen, onTruth: truthWriter(truth), onProgress })) {
      out.writeLine(toLine(r));
      if (r.kind === 'link') links++;
      else if (r.kind === 'node') nodes++;
    }
    Object.assign(totals, { nodes, links, records: out.lines });
  }
  bar?.stop();
  out.close();
  truth?.close();
  const s = elapsed();
  const records = out.lines;
  process.stderr.write(
    `seed: ${records.toLocaleString('en')} records (${totals.nodes.toLocaleString('en')} node and ${totals.links.toLocaleString('en')} link records, ${(out.bytes / 1048576).toFixed(1)} MiB) → ${opts.out}` +
      (opts.truth ? `, ${truth!.lines.toLocaleString('en')} truth records → ${opts.truth}` : '') +
      ` in ${s.toFixed(1)} s (${Math.round(records / s).toLocaleString('en')} records/s, ${twoThreads ? 'two threads' : 'one thread'})\n`,
  );
} catch (e) {
  bar?.stop();
  process.stderr.write(`seed: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
