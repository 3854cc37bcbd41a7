/**
 * The `city` rows of the benchmark: the seed generator's full `city` bundle written to a file,
 * imported through the importer (every line validated) into a fresh embedded store, and the
 * report's proportions measured on the store's `stats`, the full-size twin of
 * test/import/city-sample.test.ts.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importBundle } from '../../server/src/import/importer';
import { readLines } from '../../server/src/import/read-lines';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { generateBundle, type GenerateOptions } from '../../seed/src/generate';
import { NdjsonWriter } from '../../seed/src/ndjson-writer';
import { describeProportion, largestDeviation, reportProportions, TOLERANCE_POINTS } from '../../seed/src/proportions';
import { toLine } from '../../seed/src/serialize';
import type { TruthSummary } from '../../seed/src/truth';
import type { Row } from './run';

const seconds = (start: number): number => (performance.now() - start) / 1000;

/**
 * Generates `city` (seed 1, the README's scale table; `fraction` for a quick trial), imports it
 * and returns the import speed and the proportion check. Works in `workDir/city` and removes it
 * (the store too, unless `keepStore` names a folder for it).
 */
export async function benchCity(workDir: string, options: { seed?: number; fraction?: number; keepStore?: string } = {}): Promise<Row[]> {
  const opts: GenerateOptions = { scale: 'city', seed: options.seed ?? 1, fraction: options.fraction };
  const dir = join(workDir, 'city');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    const file = join(dir, 'city.ndjson');
    console.log(`city: generating seed ${opts.seed}${opts.fraction ? `, fraction ${opts.fraction}` : ''} ...`);
    let start = performance.now();
    let summary: TruthSummary | undefined;
    /** Everyone who owns a record: the viewer who may see the whole bundle. */
    const agencies = new Set<string>();
    const nodeIds = new Set<string>();
    const out = new NdjsonWriter(file);
    for (const r of generateBundle({ ...opts, onTruth: (t) => t.kind === 'summary' && (summary = t) })) {
      if (r.kind === 'meta') agencies.add(r.agency);
      else if (r.owner) agencies.add(r.owner);
      if (r.kind === 'node') nodeIds.add(r.id);
      out.writeLine(toLine(r));
    }
    out.close();
    if (!summary) throw new Error('the generator wrote no summary');
    const generated = seconds(start);

    console.log(`city: importing ${out.lines} records ...`);
    // `keepStore`: import into that folder and leave it, for the API rows to reuse.
    const store = await openKuzuStore(options.keepStore ?? join(dir, 'store'));
    try {
      start = performance.now();
      const imported = await importBundle(store, readLines(file), { by: 'bench' });
      const took = seconds(start);
      const counts = await store.counts();
      const stats = await store.stats({ agencies: [...agencies], userId: 'bench' }, {});
      const proportions = reportProportions(stats);
      const worst = largestDeviation(proportions);
      // Node records repeat an identifier once per agency that saw it; the store merges them.
      const countsMatch = counts.nodes === nodeIds.size && counts.links === summary.links && stats.cases.cases === summary.cases && stats.cases.loss === summary.loss;
      const size = opts.fraction ? `city × ${opts.fraction}` : 'city';
      return [
        {
          name: `import of the seed generator's ${size} bundle into the embedded engine (${imported.records} records, validated)`,
          value: Math.round(imported.records / took),
          unit: 'records/s',
          target: '≥ 200000',
          note:
            `${took.toFixed(1)} s in ${imported.batches} batches; generated in ${generated.toFixed(1)} s; ` +
            `stored ${counts.nodes} nodes (${summary.nodes} node records), ${counts.links} links, ${counts.sources} sources` +
            (countsMatch ? ', as the bundle says' : `; MISMATCH: bundle has ${nodeIds.size} distinct nodes, ${summary.links} links, ${summary.cases} cases, loss ${summary.loss}`),
        },
        {
          name: `${size} bundle: the report's proportions in the store's stats (largest deviation)`,
          value: Math.abs(worst.deviation),
          unit: 'points',
          target: `≤ ${TOLERANCE_POINTS}`,
          note: `${stats.cases.cases} cases; ` + proportions.map(describeProportion).join('; '),
        },
      ];
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
