import type { Viewer } from '../../server/src/domain/types';
import type { GraphStore } from '../../server/src/store/graph-store';
import type { Row } from './run';
import { ranges, rng, type SyntheticShape } from './synthetic';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(samples: number, run: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await run(i);
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Latency rows of the read methods, on seeds drawn uniformly from the graph. */
export async function measureQueries(store: GraphStore, shape: SyntheticShape, viewer: Viewer, samples: number): Promise<Row[]> {
  const r = rng(shape.seed + 1);
  const rs = ranges(shape);
  const phones = rs.Phone!;
  const phoneId = (i: number) => `phone:+86139${String(i).padStart(8, '0')}`;
  const seeds = Array.from({ length: samples }, () => phoneId(phones.start + Math.floor(r() * phones.count)));

  // Warm the engine's caches and the prepared statements, as a running server would be.
  for (const id of seeds.slice(0, 20)) await store.neighborhood(viewer, [id], { hops: 2, limit: 500 });

  const rows: Row[] = [];
  let sizes = 0;
  for (const hops of [1, 2]) {
    sizes = 0;
    const t = await time(samples, async (i) => {
      sizes += (await store.neighborhood(viewer, [seeds[i]!], { hops, limit: 500 })).nodes.length;
    });
    const target = hops === 2 ? { p50: '≤ 5', p99: '≤ 30' } : { p50: undefined, p99: undefined };
    const note = `mean ${Math.round(sizes / samples)} nodes returned`;
    rows.push({ name: `neighborhood ${hops} hop${hops > 1 ? 's' : ''} p50`, value: round(t.p50), unit: 'ms', target: target.p50, note });
    rows.push({ name: `neighborhood ${hops} hop${hops > 1 ? 's' : ''} p99`, value: round(t.p99), unit: 'ms', target: target.p99, note });
  }

  // Path ends a random walk of 2 to 5 steps apart, as an investigator's pair would be.
  const pairs: [string, string, number][] = [];
  for (const seed of seeds) {
    let at = seed;
    const steps = 2 + Math.floor(r() * 4);
    for (let s = 0; s < steps; s++) {
      const { nodes } = await store.neighborhood(viewer, [at], { hops: 1, limit: 50 });
      const next = nodes.filter((n) => n.id !== at);
      if (next.length === 0) break;
      at = next[Math.floor(r() * next.length)]!.id;
    }
    if (at !== seed) pairs.push([seed, at, steps]);
  }
  let found = 0;
  let hopsTotal = 0;
  const t = await time(pairs.length, async (i) => {
    const [a, b] = pairs[i]!;
    const { paths } = await store.shortestPaths(viewer, a, b, { maxHops: 6, k: 3 });
    if (paths.length > 0) {
      found++;
      hopsTotal += paths[0]!.nodes.length - 1;
    }
  });
  const note = `${pairs.length} pairs, ${found} joined, mean ${round(hopsTotal / Math.max(found, 1))} hops`;
  rows.push({ name: 'shortestPaths (≤ 6 hops, k 3) p50', value: round(t.p50), unit: 'ms', target: '≤ 10', note });
  rows.push({ name: 'shortestPaths (≤ 6 hops, k 3) p99', value: round(t.p99), unit: 'ms', note });
  return rows;
}
