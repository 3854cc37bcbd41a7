/**
 * The seed generator's benchmark row: generate a scale to /dev/null and report records per second
 * and the process's peak RSS (worker thread included). `tsx seed/src/bench.ts [scale] [threads]`
 * prints it as JSON; test/bench can import `benchSeed`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { generateBundle, type GenerateOptions } from './generate';
import { NdjsonWriter } from './ndjson-writer';
import { writeParallel } from './parallel';
import { toLine } from './serialize';
import type { Scale } from './types';

export interface SeedBenchRow {
  scale: Scale;
  seed: number;
  threads: 1 | 2;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  peakRssMiB: number;
}

/**
 * This process's peak RSS: VmHWM from /proc (Linux), which starts afresh at exec. getrusage's
 * maxRSS does not: a child spawned by a large parent (the bench, with a graph in memory)
 * reports the parent's peak.
 */
function peakRssMiB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export async function benchSeed(o: { scale: Scale; seed?: number; threads?: 1 | 2; fraction?: number }): Promise<SeedBenchRow> {
  const opts: GenerateOptions = { scale: o.scale, seed: o.seed ?? 1, fraction: o.fraction };
  const threads = o.threads ?? 2;
  const out = new NdjsonWriter('/dev/null');
  const t0 = process.hrtime.bigint();
  if (threads === 2) await writeParallel(opts, out);
  else for (const r of generateBundle(opts)) out.writeLine(toLine(r));
  out.close();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    scale: o.scale,
    seed: opts.seed,
    threads,
    records: out.lines,
    seconds: Math.round(seconds * 10) / 10,
    recordsPerSecond: Math.round(out.lines / seconds),
    peakRssMiB: peakRssMiB(),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const scale = (process.argv[2] ?? 'national') as Scale;
  const threads = process.argv[3] === '1' ? 1 : 2;
  console.log(JSON.stringify(await benchSeed({ scale, threads })));
}
