/**
 * Scores early warning (预警劝阻) on the city fixture against its ground truth: of the people and
 * numbers the gangs' phones called who are not victims (truth's `warning` records), how many
 * are in the top-ranked 2× as many entries, across every gang and gang by gang; and how long
 * the read and the ranking take. Prints the rows as the last line of JSON (run.ts's childRows).
 *
 *   npx tsx test/bench/analysis/score-warning.ts [--dir test/bench/tmp/city-fixture] [--copy-to DIR] [--fraction F] [--no-cache]
 *
 * `--copy-to` opens a copy of the fixture's store (a fixture another process holds, or must not
 * change). The embedded store answers from its in-memory graph, as the app does; `--no-cache`
 * measures Kuzu running the portable queries (the path Neo4j takes) instead.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { rankWarnings, type WarningEntry } from '../../../server/src/domain/early-warning';
import { openKuzuStore } from '../../../server/src/store/kuzu/kuzu-store';
import type { TruthWarning } from '../../../seed/src/truth';
import type { Row } from '../run';
import { cityFixture, readTruth, storeFolder } from './city-fixture';

const opts = new Command()
  .option('--dir <dir>', 'the city fixture (built there when missing)', join('test', 'bench', 'tmp', 'city-fixture'))
  .option('--copy-to <dir>', 'open a copy of the fixture store made in this folder')
  .option('--fraction <f>', 'a fraction of the city scale, for a quick trial', Number)
  .option('--no-cache', "read with Kuzu's queries rather than the in-memory graph")
  .parse()
  .opts<{ dir: string; copyTo?: string; fraction?: number; cache: boolean }>();
const log = (text: string) => console.error(`warning: ${text}`);

/** How many of `targets` the top 2× entries of `ranked` name, by person or by phone. */
function recallAt2x(ranked: WarningEntry[], targets: TruthWarning[]): { found: number; of: number; listed: number } {
  const top = ranked.slice(0, 2 * targets.length);
  const named = new Set(top.flatMap((e) => [e.id, ...e.identifiers]));
  const found = targets.filter((t) => named.has(t.phone) || (t.person !== undefined && named.has(t.person))).length;
  return { found, of: targets.length, listed: top.length };
}

const ms = (start: number) => Math.round(performance.now() - start);
const round4 = (x: number) => Math.round(x * 10000) / 10000;

async function main() {
  const fixture = await cityFixture(opts.dir, { fraction: opts.fraction });
  const storeDir = storeFolder(fixture, opts.copyTo);
  const truth = readTruth(fixture);
  const store = await openKuzuStore(storeDir, { cache: opts.cache });
  try {
    log('loading the graph into memory ...');
    await store.ready();
    log('every gang ...');
    let start = performance.now();
    const records = await store.gangContacts(fixture.viewer, null);
    const readMs = ms(start);
    start = performance.now();
    const ranked = rankWarnings(records);
    const rankMs = ms(start);
    const all = recallAt2x(ranked, truth.warnings);
    const at1x = recallAt2x(ranked.slice(0, truth.warnings.length), truth.warnings);
    const reachable = new Set(records.contacts.map((c) => c.from));
    const reachableTargets = truth.warnings.filter((t) => t.calledBy.some((p) => reachable.has(p)));

    // Gang by gang, for the gangs police know (a Gang node to ask about).
    const known = truth.gangs.filter((g) => g.known);
    log(`${known.length} known gangs one by one ...`);
    let found = 0;
    let of = 0;
    const latencies: number[] = [];
    for (const g of known) {
      const targets = truth.warnings.filter((t) => t.gang === g.id);
      start = performance.now();
      const r = recallAt2x(rankWarnings(await store.gangContacts(fixture.viewer, g.id)), targets);
      latencies.push(performance.now() - start);
      found += r.found;
      of += r.of;
    }
    latencies.sort((a, b) => a - b);
    const median = latencies.length ? Math.round(latencies[Math.floor(latencies.length / 2)]!) : 0;

    const rows: Row[] = [
      {
        name: 'early warning: recall of the targets in the top-ranked 2× (every gang, city)',
        value: round4(all.found / Math.max(1, all.of)),
        unit: 'recall',
        target: '≥ 0.90',
        note: `${all.found} of ${all.of} targets in the top ${all.listed} of ${ranked.length} entries (${at1x.found} in the top 1×); ${reachableTargets.length} targets were called by a phone the graph ties to a gang, a case or no one`,
      },
      {
        name: 'early warning: recall in the top-ranked 2×, gang by gang (known gangs, city)',
        value: round4(found / Math.max(1, of)),
        unit: 'recall',
        target: '≥ 0.90',
        note: `${found} of ${of} targets of ${known.length} known gangs`,
      },
      {
        name: `early warning: every gang’s list (read + rank, city, ${opts.cache ? 'in-memory graph' : 'Kuzu queries'})`,
        value: readMs + rankMs,
        unit: 'ms',
        note: `read ${readMs} ms (${records.contacts.length} contacts of ${new Set(records.contacts.map((c) => c.from)).size} gang identifiers), rank ${rankMs} ms`,
      },
      { name: `early warning: one gang’s list (median over known gangs, city, ${opts.cache ? 'in-memory graph' : 'Kuzu queries'})`, value: median, unit: 'ms', note: `${latencies.length} gangs` },
    ];
    console.log(JSON.stringify(rows));
  } finally {
    await store.close();
    if (opts.copyTo) rmSync(opts.copyTo, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
