/** Worker thread of the command line's fast path (see parallel.ts): generates one partition. */
import { workerData } from 'node:worker_threads';
import { emptyTotals, gangRecords, PARTITIONS, runPlan, sellerTruth } from './generate';
import { MemoryLines } from './ndjson-writer';
import { MAX_AHEAD, truthWriter, type WorkerInput, type WorkerMessage } from './parallel';
import { toLine } from './serialize';
import { World } from './world';

const { opts, partition, port, ctrl, truth } = workerData as WorkerInput;

function post(m: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(m, transfer);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}

try {
  const { specs, params } = runPlan(opts);
  const world = new World(opts.seed, opts.scale, partition, PARTITIONS);
  let produced = 0;
  for (let i = partition; i < specs.length; i += PARTITIONS) {
    for (;;) {
      const written = Atomics.load(ctrl, 1);
      if (produced - written < MAX_AHEAD) break;
      Atomics.wait(ctrl, 1, written, 1000);
    }
    const lines = new MemoryLines();
    const truthLines = truth ? new MemoryLines() : undefined;
    const totals = emptyTotals();
    for (const r of gangRecords(world, specs[i]!, params, truthWriter(truthLines), totals)) lines.writeLine(toLine(r));
    const truthCount = truthLines?.lines ?? 0;
    const data = lines.take();
    const t = truthLines?.take();
    post({ kind: 'gang', index: i, data, truth: t, truthLines: truthCount, totals }, t ? [data.buffer as ArrayBuffer, t.buffer as ArrayBuffer] : [data.buffer as ArrayBuffer]);
    produced++;
  }
  const totals = emptyTotals();
  const sellers = sellerTruth(world, totals).map((s) => JSON.stringify(s));
  post({ kind: 'done', sellers, totals });
} catch (e) {
  post({ kind: 'error', message: (e as Error).stack ?? String(e) });
}
