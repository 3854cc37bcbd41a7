/**
 * The command line's fast path: each partition's gangs are generated in a worker thread of its
 * own and this thread writes their lines in gang order, so the output is byte for byte what
 * generateBundle yields. The worker runs at most a few gangs ahead (bounded
 * memory): it waits on a shared counter of the gangs this thread has written.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { addTotals, emptyTotals, PARTITIONS, prelude, runPlan, type GenerateOptions, type Totals } from './generate';
import type { MemoryLines, NdjsonWriter } from './ndjson-writer';
import { toLine } from './serialize';
import type { TruthRecord } from './truth';

/** How many batches a worker may send before this thread has written them. */
export const MAX_AHEAD = 4;
/** A worker sends its gangs in batches of about this many bytes (many crews are a few kB each). */
export const BATCH_BYTES = 4 << 20;

/** Consecutive gangs of one partition: their lines, and where each gang's lines end. */
export interface GangBatch {
  kind: 'batch';
  /** Index of the first gang; the others follow every PARTITIONS. */
  first: number;
  ends: number[];
  lineCounts: number[];
  truthEnds: number[];
  truthCounts: number[];
  data: Uint8Array;
  truth?: Uint8Array;
  totals: Totals;
}

export interface WorkerInput {
  opts: Pick<GenerateOptions, 'scale' | 'seed' | 'fraction'>;
  partition: number;
  port: MessagePort;
  /** [0]: messages the worker has posted, [1]: gangs this thread has written. */
  ctrl: Int32Array;
  truth: boolean;
}

export type WorkerMessage =
  | GangBatch
  | { kind: 'done'; sellers: string[]; totals: Totals }
  | { kind: 'error'; message: string };

interface Sink {
  writeLine(s: string): void;
}

export function truthWriter(sink: Sink | undefined): ((t: TruthRecord) => void) | undefined {
  return sink ? (t) => sink.writeLine(JSON.stringify(t)) : undefined;
}

/** One worker thread per partition, and the queue of what it has sent. */
class PartitionWorker {
  readonly ctrl = new Int32Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private readonly queue: WorkerMessage[] = [];
  private waiting: { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void } | undefined;
  private failed: Error | undefined;
  private written = 0;

  constructor(opts: GenerateOptions, partition: number, truth: boolean) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const input: WorkerInput = { opts: { scale: opts.scale, seed: opts.seed, fraction: opts.fraction }, partition, port: port2, ctrl: this.ctrl, truth };
    // Run from TypeScript source (tsx, vitest) the worker needs a loader; compiled, it needs none.
    const entry = import.meta.url.endsWith('.ts') ? './partition-worker-boot.mjs' : './partition-worker.js';
    this.worker = new Worker(new URL(entry, import.meta.url), { workerData: input, transferList: [port2] });
    port1.on('message', (m: WorkerMessage) => {
      const w = this.waiting;
      this.waiting = undefined;
      if (w) w.resolve(m);
      else this.queue.push(m);
    });
    const fail = (e: Error): void => {
      this.failed ??= e;
      this.waiting?.reject(this.failed);
      this.waiting = undefined;
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`seed worker exited with code ${code}`));
    });
  }

  async receive(): Promise<WorkerMessage> {
    const m =
      this.queue.shift() ??
      (await new Promise<WorkerMessage>((resolve, reject) => {
        if (this.failed) reject(this.failed);
        else this.waiting = { resolve, reject };
      }));
    if (m.kind === 'error') throw new Error(`seed worker: ${m.message}`);
    return m;
  }

  /** Tells the worker one more of its gangs is written, so it may run further ahead. */
  ack(): void {
    Atomics.store(this.ctrl, 1, ++this.written);
    Atomics.notify(this.ctrl, 1);
  }

  private batch: GangBatch | undefined;
  private cursor = 0;

  /** Writes gang `index` (the next of this partition) from the current batch, fetching batches as needed. */
  async writeGang(index: number, out: NdjsonWriter, truthOut: NdjsonWriter | undefined, totals: Totals): Promise<void> {
    if (!this.batch || this.cursor >= this.batch.ends.length) {
      if (this.batch) this.ack();
      const m = await this.receive();
      if (m.kind !== 'batch') throw new Error(`seed worker sent ${m.kind} before gang ${index}`);
      this.batch = m;
      this.cursor = 0;
      addTotals(totals, m.totals);
    }
    const b = this.batch;
    const c = this.cursor++;
    if (b.first + c * PARTITIONS !== index) throw new Error(`seed worker sent gang ${b.first + c * PARTITIONS} for gang ${index}`);
    out.writeBytes(b.data.subarray(c === 0 ? 0 : b.ends[c - 1]!, b.ends[c]!), b.lineCounts[c]!);
    if (b.truth && truthOut) truthOut.writeBytes(b.truth.subarray(c === 0 ? 0 : b.truthEnds[c - 1]!, b.truthEnds[c]!), b.truthCounts[c]!);
  }

  /** After the last gang: the worker's sellers and totals. */
  async finish(): Promise<Extract<WorkerMessage, { kind: 'done' }>> {
    if (this.batch) this.ack();
    const end = await this.receive();
    if (end.kind !== 'done') throw new Error(`seed worker sent ${end.kind} instead of its end`);
    return end;
  }

  async close(): Promise<void> {
    this.port.close();
    await this.worker.terminate();
  }
}

/**
 * Generates the whole run into `out` (and `truthOut`): each partition in a worker thread, this
 * thread writing their gangs in order. Returns the totals. This thread never blocks on a worker
 * (a worker's module loader may need this thread's event loop); workers block on a shared counter
 * when they are MAX_AHEAD gangs ahead.
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
  const { specs } = runPlan(opts);
  const workers = Array.from({ length: PARTITIONS }, (_, p) => new PartitionWorker(opts, p, !!truthOut));
  try {
    for (let i = 0; i < specs.length; i++) {
      await workers[i % PARTITIONS]!.writeGang(i, out, truthOut, totals);
      onProgress?.(i + 1, specs.length);
    }
    for (const w of workers) {
      const end = await w.finish();
      addTotals(totals, end.totals);
      for (const line of end.sellers) truthOut?.writeLine(line);
    }
    onTruth?.({ kind: 'summary', ...totals });
    return totals;
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}

export type { MemoryLines };
