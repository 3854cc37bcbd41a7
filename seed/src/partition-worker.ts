/** Worker thread of the command line's fast path (see parallel.ts): generates one partition. */
import { workerData } from 'node:worker_threads';
import { emptyTotals, gangRecords, PARTITIONS, runPlan, sellerTruth } from './generate';
import { MemoryLines } from './ndjson-writer';
import { BATCH_BYTES, MAX_AHEAD, truthWriter, type GangBatch, type WorkerInput, type WorkerMessage } from './parallel';
import { toLine } from './serialize';
import { World } from './world';

const { opts, partition, port, ctrl, truth } = workerData as WorkerInput;
const EMPTY = new Uint8Array(0);

function post(m: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(m, transfer);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}

try {
  const { specs, params } = runPlan(opts);
  const world = new World(opts.seed, opts.scale, partition, PARTITIONS);
  let produced = 0;
  let lines = new MemoryLines(BATCH_BYTES * 2);
  let truthLines = truth ? new MemoryLines(BATCH_BYTES) : undefined;
  let batch: GangBatch = { kind: 'batch', first: partition, ends: [], lineCounts: [], truthEnds: [], truthCounts: [], data: EMPTY, truth: undefined, totals: emptyTotals() };
  const send = (): void => {
    for (;;) {
      const written = Atomics.load(ctrl, 1);
      if (produced - written < MAX_AHEAD) break;
      Atomics.wait(ctrl, 1, written, 1000);
    }
    batch.data = lines.take();
    batch.truth = truthLines?.take();
    post(batch, batch.truth ? [batch.data.buffer as ArrayBuffer, batch.truth.buffer as ArrayBuffer] : [batch.data.buffer as ArrayBuffer]);
    produced++;
    lines = new MemoryLines(BATCH_BYTES * 2);
    truthLines = truth ? new MemoryLines(BATCH_BYTES) : undefined;
  };
  for (let i = partition; i < specs.length; i += PARTITIONS) {
    if (batch.ends.length === 0) batch = { kind: 'batch', first: i, ends: [], lineCounts: [], truthEnds: [], truthCounts: [], data: EMPTY, truth: undefined, totals: emptyTotals() };
    const before = lines.lines;
    const truthBefore = truthLines?.lines ?? 0;
    for (const r of gangRecords(world, specs[i]!, params, truthWriter(truthLines), batch.totals)) lines.writeLine(toLine(r));
    batch.ends.push(lines.size);
    batch.lineCounts.push(lines.lines - before);
    batch.truthEnds.push(truthLines?.size ?? 0);
    batch.truthCounts.push((truthLines?.lines ?? 0) - truthBefore);
    if (lines.size >= BATCH_BYTES) {
      send();
      batch = { ...batch, ends: [] };
    }
  }
  if (batch.ends.length > 0) send();
  const totals = emptyTotals();
  const sellers = sellerTruth(world, totals).map((s) => JSON.stringify(s));
  post({ kind: 'done', sellers, totals });
} catch (e) {
  post({ kind: 'error', message: (e as Error).stack ?? String(e) });
}
