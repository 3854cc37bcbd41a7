/**
 * The `city` scale data the analysis scores and latency rows run on: the seed generator's city
 * bundle (seed 1) with its ground truth, imported through the importer into an embedded store.
 * Built once into a folder and reused (the import takes minutes); `ready.json` marks a finished
 * build, so an interrupted one is rebuilt from scratch.
 *
 *   npx tsx test/bench/analysis/city-fixture.ts DIR [--seed N] [--fraction F]
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBundle } from '../../../seed/src/generate';
import { NdjsonWriter } from '../../../seed/src/ndjson-writer';
import { toLine } from '../../../seed/src/serialize';
import { collectTruth, type Truth, type TruthRecord } from '../../../seed/src/truth';
import { importBundle } from '../../../server/src/import/importer';
import { readLines } from '../../../server/src/import/read-lines';
import type { Viewer } from '../../../server/src/domain/types';

export interface CityFixture {
  dir: string;
  bundle: string;
  truthFile: string;
  /** The embedded store's folder: open it with openKuzuStore (one process at a time). */
  store: string;
  /** Every agency that owns a record: the viewer who sees the whole bundle. */
  viewer: Viewer;
  seed: number;
  fraction?: number;
}

/** The store folder to open: the fixture's own, or a fresh copy of it made under `copyTo`. */
export function storeFolder(fixture: CityFixture, copyTo?: string): string {
  if (!copyTo) return fixture.store;
  rmSync(copyTo, { recursive: true, force: true });
  mkdirSync(copyTo, { recursive: true });
  cpSync(fixture.store, join(copyTo, 'store'), { recursive: true });
  return join(copyTo, 'store');
}

/** Reads the fixture's ground truth (all of it in memory: fine at city scale). */
export function readTruth(fixture: CityFixture): Truth {
  const records = readFileSync(fixture.truthFile, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as TruthRecord);
  return collectTruth(records);
}

/** The fixture in `dir`, built there first when missing or unfinished. */
export async function cityFixture(dir: string, options: { seed?: number; fraction?: number } = {}): Promise<CityFixture> {
  const marker = join(dir, 'ready.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as CityFixture;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seed = options.seed ?? 1;
  const fixture: CityFixture = {
    dir,
    bundle: join(dir, 'city.ndjson'),
    truthFile: join(dir, 'truth.ndjson'),
    store: join(dir, 'store'),
    viewer: { agencies: [], userId: 'bench' },
    seed,
    ...(options.fraction ? { fraction: options.fraction } : {}),
  };
  const agencies = new Set<string>();
  const out = new NdjsonWriter(fixture.bundle);
  const truth = new NdjsonWriter(fixture.truthFile);
  for (const r of generateBundle({ scale: 'city', seed, fraction: options.fraction, onTruth: (t) => truth.writeLine(JSON.stringify(t)) })) {
    if (r.kind === 'meta') agencies.add(r.agency);
    else if (r.owner) agencies.add(r.owner);
    out.writeLine(toLine(r));
  }
  out.close();
  truth.close();
  fixture.viewer = { agencies: [...agencies].sort(), userId: 'bench' };
  const { openKuzuStore } = await import('../../../server/src/store/kuzu/kuzu-store');
  const store = await openKuzuStore(fixture.store);
  try {
    const start = performance.now();
    const summary = await importBundle(store, readLines(fixture.bundle), { by: 'bench' });
    console.log(`city fixture: imported ${summary.records} records in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
  }
  writeFileSync(marker, JSON.stringify(fixture, null, 2) + '\n');
  return fixture;
}

if (process.argv[1]?.endsWith('city-fixture.ts')) {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: tsx test/bench/analysis/city-fixture.ts DIR [--seed N] [--fraction F]');
    process.exit(2);
  }
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : undefined;
  };
  cityFixture(dir, { seed: flag('--seed'), fraction: flag('--fraction') }).then(
    (f) => console.log(JSON.stringify(f)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
