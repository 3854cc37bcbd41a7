/**
 * Case linkage on the `city` seed data: case series scored pairwise against the generator's
 * ground truth (truth.ndjson `series` records), and the latency of linked cases for one case and
 * of the series of all cases on the embedded engine. Prints the rows as its last line of JSON
 * (test/bench/run.ts `--parts linkage` collects them).
 *
 *   npx tsx test/bench/analysis/score-linkage.ts [--fixture DIR] [--samples N]
 *
 * The fixture is built in DIR when missing (default test/bench/tmp/city-fixture; minutes); its
 * store is copied to a temporary folder first, since Kuzu locks a store folder per process.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createLinkageServices } from '../../../server/src/api/linkage';
import type { ApiViewer } from '../../../server/src/api/viewer';
import { caseSeries, type CaseSeries } from '../../../server/src/domain/case-series';
import { LINKAGE_DEFAULTS } from '../../../server/src/domain/linkage';
import { openKuzuStore } from '../../../server/src/store/kuzu/kuzu-store';
import type { Row } from '../run';
import { cityFixture, readTruth } from './city-fixture';

const opts = new Command()
  .option('--fixture <dir>', 'the city fixture folder (built there when missing)', join('test', 'bench', 'tmp', 'city-fixture'))
  .option('--samples <n>', 'cases to time linked cases for', Number, 200)
  .parse()
  .opts<{ fixture: string; samples: number }>();

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise precision and recall of predicted series against true ones: pairs of cases put together. */
export function pairwise(predicted: readonly { cases: readonly string[] }[], truth: readonly { cases: readonly string[] }[]) {
  const trueSeries = new Map<string, number>();
  truth.forEach((s, i) => s.cases.forEach((c) => trueSeries.set(c, i)));
  let together = 0;
  let right = 0;
  for (const s of predicted) {
    together += pairs(s.cases.length);
    const byTrue = new Map<number, number>();
    for (const c of s.cases) {
      const t = trueSeries.get(c);
      if (t !== undefined) byTrue.set(t, (byTrue.get(t) ?? 0) + 1);
    }
    for (const k of byTrue.values()) right += pairs(k);
  }
  const truePairs = truth.reduce((sum, s) => sum + pairs(s.cases.length), 0);
  return { precision: together === 0 ? 1 : right / together, recall: truePairs === 0 ? 1 : right / truePairs, predictedPairs: together, truePairs, right };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => Math.round(x * 100) / 100;

async function main(): Promise<Row[]> {
  const fixture = await cityFixture(opts.fixture);
  const truth = readTruth(fixture);
  const copy = mkdtempSync(join(tmpdir(), 'linkage-bench-'));
  console.error(`linkage: copying the fixture's store to ${copy} ...`);
  cpSync(fixture.store, join(copy, 'store'), { recursive: true });
  const store = await openKuzuStore(join(copy, 'store'));
  try {
    const start = performance.now();
    await store.ready();
    console.error(`linkage: graph in memory in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    const viewer: ApiViewer = { ...fixture.viewer, role: 'INVESTIGATOR' };
    const services = createLinkageServices(store);

    // Series of all cases: the port's incidence of every case, then the clustering, as the API does.
    const seriesTimes: number[] = [];
    const seriesCpu: number[] = [];
    let series: CaseSeries[] = [];
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const incidence = await store.caseIncidence(viewer, { casesPerIdentifier: LINKAGE_DEFAULTS.hubCases, sharedOnly: true });
      series = caseSeries(incidence, await store.caseLinkJudgements(viewer, {}));
      seriesTimes.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      seriesCpu.push((used.user + used.system) / 1000);
    }
    const t = performance.now();
    const page = await services.series(viewer, { limit: 50 });
    const pageTime = performance.now() - t;
    const score = pairwise(series, truth.series);
    const cases = truth.gangs.flatMap((g) => g.cases).length;

    // Linked cases for one case: every k-th case, in id order.
    const all = (await store.caseIncidence(viewer, { casesPerIdentifier: 0 })).cases.map((c) => c.id);
    const step = Math.max(1, Math.floor(all.length / opts.samples));
    const sample = all.filter((_, i) => i % step === 0).slice(0, opts.samples);
    for (const id of sample.slice(0, 5)) await services.forCase(viewer, id); // warm-up
    const times: number[] = [];
    let linked = 0;
    for (const id of sample) {
      const s = performance.now();
      const r = await services.forCase(viewer, id);
      times.push(performance.now() - s);
      linked += r.linked.filter((l) => l.linked).length;
    }
    times.sort((a, b) => a - b);
    const best = Math.min(...seriesTimes);
    const note = `${all.length} cases; ${series.length} series vs ${truth.series.length} true; ${score.right} of ${score.predictedPairs} pairs put together are true, of ${score.truePairs} true pairs`;
    return [
      { name: 'case series pairwise precision (city seed)', value: Math.round(score.precision * 10000) / 10000, unit: '', target: '≥ 0.95', note },
      { name: 'case series pairwise recall (city seed)', value: Math.round(score.recall * 10000) / 10000, unit: '', target: '≥ 0.90', note },
      { name: 'linked cases for one case p50 (city, embedded)', value: ms(percentile(times, 50)), unit: 'ms', target: '≤ 20', note: `p99 ${ms(percentile(times, 99))} ms over ${sample.length} cases; mean ${(linked / sample.length).toFixed(1)} linked cases` },
      {
        name: 'case series for all cases (city, embedded)',
        value: ms(best),
        unit: 'ms',
        target: '≤ 5000',
        // The machine is shared: CPU time says how much of the wall time was this process's own work.
        note: `best of ${seriesTimes.length} (${seriesTimes.map((x) => Math.round(x)).join(', ')} ms wall, ${seriesCpu.map((x) => Math.round(x)).join(', ')} ms CPU) over ${all.length} cases (${cases} in the truth); the API's first page took ${Math.round(pageTime)} ms, ${page.total} series`,
      },
    ];
  } finally {
    await store.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('score-linkage.ts')) {
  main().then(
    (rows) => {
      console.error(rows.map((r) => `${r.name}: ${r.value} ${r.unit} (target ${r.target}) — ${r.note}`).join('\n'));
      console.log(JSON.stringify(rows));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
