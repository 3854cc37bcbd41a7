/**
 * The command line's fast path: gangs of partition 0 are generated on this thread, those of
 * partition 1 in a worker thread, and their lines are written in gang order, so the output is
 * byte for byte what generateBundle yields. The worker runs at most a few gangs ahead (bounded
 * memory): it waits on a shared counter of the gangs this thread has written.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { addTotals, emptyTotals, gangRecords, PARTITIONS, prelude, runPlan, sellerTruth, type GenerateOptions, type Totals } from './generate';
import type { MemoryLines, NdjsonWriter } from './ndjson-writer';
import { toLine } from './serialize';
import type { TruthRecord } from './truth';
import { World } from './world';

/** How many gangs the worker may finish before this thread has written them. */
export const MAX_AHEAD = 4;

export interface WorkerInput {
  opts: Pick<GenerateOptions, 'scale' | 'seed' | 'fraction'>;
  port: MessagePort;
  /** [0]: messages the worker has posted, [1]: gangs this thread has written. */
  ctrl: Int32Array;
  truth: boolean;
}

export type WorkerMessage =
  | { kind: 'gang'; index: number; data: Uint8Array; truth?: Uint8Array; truthLines: number; totals: Totals }
  | { kind: 'done'; sellers: string[]; totals: Totals }
  | { kind: 'error'; message: string };

interface Sink {
  writeLine(s: string): void;
}

export function truthWriter(sink: Sink | undefined): ((t: TruthRecord) => void) | undefined {
  return sink ? (t) => sink.writeLine(JSON.stringify(t)) : undefined;
}

/**
 * Generates the whole run into `out` (and `truthOut`) using a second thread. Returns the totals.
 * Waiting for the worker is asynchronous: a worker's module loader may need this thread's event
 * loop, so this thread must never block on it.
 */
export async function writeParallel(
  opts: GenerateOptions,
  out: NdjsonWriter,
  truthOut?: NdjsonWriter,
  onProgress?: (done: number, total: number) => void,
): Promise<Totals> {
  const totals = emptyTotals();
  const onTruth = truthWriter(truthOut);
  for (const r of prelude({ ...opts, onTruth }, totals)) out.writeLine(toLine(r));
  const { specs, params } = runPlan(opts);
  const world = new World(opts.seed, opts.scale, 0, PARTITIONS);

  const ctrl = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const input: WorkerInput = { opts: { scale: opts.scale, seed: opts.seed, fraction: opts.fraction }, port: port2, ctrl, truth: !!truthOut };
  // Run from TypeScript source (tsx, vitest) the worker needs a loader; compiled, it needs none.
  const entry = import.meta.url.endsWith('.ts') ? './partition-worker-boot.mjs' : './partition-worker.js';
  const worker = new Worker(new URL(entry, import.meta.url), { workerData: input, transferList: [port2] });
  const queue: WorkerMessage[] = [];
  let waiting: ((m: WorkerMessage) => void) | undefined;
  let failed: Error | undefined;
  let fail: ((e: Error) => void) | undefined;
  const deliver = (m: WorkerMessage): void => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(m);
    } else queue.push(m);
  };
  port1.on('message', deliver);
  worker.on('error', (e: Error) => {
    failed = e;
    fail?.(e);
  });
  worker.on('exit', (code) => {
    if (code === 0) return;
    failed ??= new Error(`seed worker exited with code ${code}`);
    fail?.(failed);
  });
  const receive = async (): Promise<WorkerMessage> => {
    const m =
      queue.shift() ??
      (await new Promise<WorkerMessage>((resolve, reject) => {
        if (failed) return reject(failed);
        waiting = resolve;
        fail = reject;
      }));
    if (m.kind === 'error') throw new Error(`seed worker: ${m.message}`);
    return m;
  };
  try {
    let written = 0;
    for (let i = 0; i < specs.length; i++) {
      if (i % PARTITIONS === 0) {
        for (const r of gangRecords(world, specs[i]!, params, onTruth, totals)) out.writeLine(toLine(r));
      } else {
        const m = await receive();
        if (m.kind !== 'gang' || m.index !== i) throw new Error(`seed worker sent ${m.kind} ${m.kind === 'gang' ? m.index : ''} for gang ${i}`);
        out.writeBytes(m.data, m.totals.records);
        if (m.truth) truthOut?.writeBytes(m.truth, m.truthLines);
        addTotals(totals, m.totals);
        Atomics.store(ctrl, 1, ++written);
        Atomics.notify(ctrl, 1);
      }
      onProgress?.(i + 1, specs.length);
    }
    const sellers0 = sellerTruth(world, totals);
    const end = await receive();
    if (end.kind !== 'done') throw new Error(`seed worker sent ${end.kind} instead of its end`);
    addTotals(totals, end.totals);
    if (onTruth) {
      for (const s of sellers0) onTruth(s);
      for (const line of end.sellers) truthOut!.writeLine(line);
      onTruth({ kind: 'summary', ...totals });
    }
    return totals;
  } finally {
    port1.close();
    await worker.terminate();
  }
}

export type { MemoryLines };
