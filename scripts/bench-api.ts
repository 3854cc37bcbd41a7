/**
 * `npm run bench:api`: the GraphQL API's targets (issue 4) on the embedded engine at `city` scale.
 *   1. neighborhood, 2 hops: p50 through the API (in-process app.fetch) against the same call on the port;
 *   2. requests/s for a 20-neighbour query at 20 concurrent clients over loopback HTTP;
 *   3. p95 and failures under 50 concurrent clients running a mixed investigation workload.
 * Clients run in this process, on the same 2 cores as the server, so loopback figures are a floor.
 * The server runs with the young generation `npm start` gives it (`--max-semi-space-size=64`,
 * from package.json's bench:api and from test/bench/run.ts).
 *
 *   npm run bench:api -- [--scale city|demo] [--seconds 10] [--samples 200] [--dir D]
 *
 * `--dir` keeps the imported database in D and reuses it on the next run (the `city` import takes
 * minutes); the generator still runs, for the agencies and the sample ids.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { generateBundle } from '../seed/src/generate';
import type { Viewer } from '../server/src/domain/types';
import { loadConfig } from '../server/src/config';
import { createApp } from '../server/src/http/app';
import { serve } from '../server/src/http/serve';
import { importBundle } from '../server/src/import/importer';
import { openKuzuStore } from '../server/src/store/kuzu/kuzu-store';

const opts = new Command()
  .option('--scale <s>', 'seed scale', 'city')
  .option('--seconds <n>', 'seconds per load row', Number, 10)
  .option('--samples <n>', 'calls per latency row', Number, 200)
  .option('--dir <d>', 'database folder to keep and reuse')
  .parse()
  .opts<{ scale: 'city' | 'demo'; seconds: number; samples: number; dir?: string }>();

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'bench-api-'));
const reuse = opts.dir !== undefined && existsSync(join(dir, 'graph.kuzu'));
const store = await openKuzuStore(dir);
const agencies = new Set<string>();
const candidates: { id: string; label: string }[] = [];
let n = 0;
const t0 = performance.now();
function* records() {
  for (const r of generateBundle({ scale: opts.scale, seed: 1 })) {
    const rec = r as { kind: string; agency?: string; owner?: string; id?: string; label?: string };
    if (rec.kind === 'meta' && rec.agency) agencies.add(rec.agency);
    if (rec.owner) agencies.add(rec.owner);
    if (rec.kind === 'node' && n++ % 97 === 0) candidates.push({ id: rec.id!, label: rec.label! });
    yield JSON.stringify(r);
  }
}
if (reuse) for (const _ of records());
else await importBundle(store, records() as unknown as AsyncIterable<string>, { by: 'bench' });
console.error(`${reuse ? 'reused' : 'imported'} ${opts.scale} in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${JSON.stringify(await store.counts())}`);
const tReady = performance.now();
await store.ready();
console.error(`graph loaded into memory in ${((performance.now() - tReady) / 1000).toFixed(1)} s`);

const viewer: Viewer = { agencies: [...agencies], userId: 'bench' };
// A reused database may predate a generator change: keep only the sampled ids it holds. Each
// node once: the bundle states a node once per agency that holds it, and every agency holds the
// bank hotlines its call records reach (phone:96110, 75,477 links, was 14 of 2,000 seeds).
const held = new Set<string>();
for (let i = 0; i < candidates.length; i += 500) for (const node of await store.getNodes(viewer, candidates.slice(i, i + 500).map((c) => c.id))) held.add(node.id);
// (Set.delete is true for the first of each id only.)
candidates.splice(0, candidates.length, ...candidates.filter((c) => held.delete(c.id)));
const app = createApp({ store, config: loadConfig({}) });
// A session the app signs itself, seeing every agency of the data (a benchmark, not a user).
const token = app.sessions.issue({ sub: 'user:bench', name: 'bench', agency: viewer.agencies[0] ?? 'bench', agencies: viewer.agencies, role: 'INVESTIGATOR' });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
const body = (query: string, variables: object) => JSON.stringify({ query, variables });
const NEIGHBORHOOD = 'query($id: ID!, $hops: Int, $limit: Int) { neighborhood(ids: [$id], hops: $hops, limit: $limit) { truncated nodes { id label caption } links { id type from to } } }';

// Seeds with a 20-node one-hop neighbourhood, and seeds in general. A 20-neighbour seed has at
// most 200 nodes within one hop: a hotline's or a shared device's thousand links cut to 20 is
// another query (the first 300 seeds hold five such hubs, of 997 to 75,477 links).
const seeds = candidates.slice(0, 2000).map((c) => c.id);
const twenty: string[] = [];
for (const id of seeds.slice(0, 300)) {
  const nb = await store.neighborhood(viewer, [id], { hops: 1, limit: 20 });
  const within = nb.nodes.length + Object.values(nb.beyond).reduce((a, b) => a + (b ?? 0), 0);
  if (nb.nodes.length >= 18 && nb.nodes.length <= 21 && within <= 200) twenty.push(id);
  if (twenty.length >= 50) break;
}
if (twenty.length === 0) twenty.push(...seeds.slice(0, 20));
console.error(`${twenty.length} seeds with about 20 neighbours (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

// 1. Port against API, 2 hops, alternating so both see the same cache state.
const port: number[] = [];
const api: number[] = [];
for (let i = 0; i < opts.samples; i++) {
  const id = seeds[i % seeds.length]!;
  let s = performance.now();
  await store.neighborhood(viewer, [id], { hops: 2, limit: 200 });
  port.push(performance.now() - s);
  s = performance.now();
  const r = await app.fetch(new Request('http://bench/graphql', { method: 'POST', headers, body: body(NEIGHBORHOOD, { id, hops: 2, limit: 200 }) }));
  await r.text();
  api.push(performance.now() - s);
}

// The floor of 2: the same 20-neighbour query on the port, one call after another, for as long.
let portCalls = 0;
const portStart = performance.now();
while (performance.now() - portStart < 1000 * Math.min(opts.seconds, 3)) {
  await store.neighborhood(viewer, [twenty[portCalls % twenty.length]!], { hops: 1, limit: 20 });
  portCalls++;
}
const portRate = portCalls / ((performance.now() - portStart) / 1000);

// 2 and 3 over loopback HTTP; the server's CPU time per request served is noted (the machine is shared).
console.error('port against API done');
const server = await serve(app, 0);
let served = 0;
server.on('request', () => served++);
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
const load1 = () => loadavg()[0]!.toFixed(1);
async function measured<T>(run: () => Promise<T>): Promise<T & { cpuPerRequest: number; load: string }> {
  const cpu = process.cpuUsage();
  const before = served;
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { ...result, cpuPerRequest: (used.user + used.system) / 1000 / Math.max(1, served - before), load: load1() };
}
/** Runs autocannon in a child process (scripts/load-client.ts) over `bodies`, which it cycles through; the server here keeps serving. */
function load(clients: number, next: (i: number) => string, kindOf?: (i: number) => string) {
  const bodies = Array.from({ length: 2000 }, (_, i) => next(i));
  const kinds = kindOf && Array.from({ length: 2000 }, (_, i) => kindOf(i));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/load-client.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify({ url, headers, bodies, kinds, connections: clients, seconds: opts.seconds }));
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  type Latencies = { n: number; p50: number; p95: number; p99: number; max: number };
  return new Promise<{ rps: number; total: number; p50: number; p90: number; p95: number; p97_5: number; p99: number; failures: number; byKind?: Record<string, Latencies> }>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load client exited ${code}`)))),
  );
}
const rps20 = await measured(() => load(20, (i) => body(NEIGHBORHOOD, { id: twenty[i % twenty.length], hops: 1, limit: 20 })));
const cases = candidates.filter((c) => c.label === 'Case').map((c) => c.id);
const cards = candidates.filter((c) => c.label === 'BankCard').map((c) => c.id);
const MIXED = ['search', 'neighborhood 2 hops', 'linkedCases', 'moneyTrail depth 4', 'node'];
const mixed = await measured(() => load(50, (i) => {
  switch (i % 5) {
    case 0:
      return body('query($t: String!) { search(text: $t, limit: 20) { matchedBy node { id label caption } } }', { t: String(1000 + (i % 9000)) });
    case 1:
      return body(NEIGHBORHOOD, { id: seeds[i % seeds.length], hops: 2, limit: 200 });
    case 2:
      return body('query($id: ID!) { linkedCases(caseId: $id) { linked { caseId shared { id label } } nodes { id } links { id } } }', { id: cases[i % cases.length] });
    case 3:
      return body('query($id: ID!) { moneyTrail(cardIds: [$id], depth: 4) { nodes { id caption } links { id from to } } }', { id: cards[i % cards.length] });
    default:
      return body('query($id: ID!) { node(id: $id) { id label caption owners } }', { id: seeds[i % seeds.length] });
  }
}, (i) => MIXED[i % 5]!));
await new Promise((r) => server.close(r));
await store.close();
if (opts.dir === undefined) rmSync(dir, { recursive: true, force: true });

const latencyLoad = load1();
const rows = [
  { name: 'neighborhood 2 hops, port p50', value: pct(port, 50), unit: 'ms', note: `load average ${latencyLoad}` },
  {
    name: 'neighborhood 2 hops, API in-process p50',
    value: pct(api, 50),
    unit: 'ms',
    target: `≤ port + 1 ms (${(pct(api, 50) - pct(port, 50)).toFixed(2)} ms over)`,
    floor: { name: 'port p50, same calls, alternating', value: Math.round(pct(port, 50) * 100) / 100 },
    note: `load average ${latencyLoad}`,
  },
  {
    name: `20-neighbour query, 20 clients, loopback (${twenty.length} seeds)`,
    value: rps20.rps,
    unit: 'req/s',
    target: '≥ 2,000',
    floor: { name: 'the port, calls one after another', value: Math.round(portRate) },
    note: `p50 ${rps20.p50.toFixed(1)} ms, failures ${rps20.failures}/${rps20.total}; server CPU ${rps20.cpuPerRequest.toFixed(2)} ms a request; 2 cores shared with the load generator; load average ${rps20.load}`,
  },
  {
    name: 'mixed workload, 50 clients, p95',
    value: mixed.p95,
    unit: 'ms',
    target: '≤ 300',
    note: `of every response's latency; ${mixed.rps.toFixed(0)} req/s, p50 ${mixed.p50.toFixed(1)} ms, p90 ${mixed.p90.toFixed(1)} ms, p97.5 ${mixed.p97_5.toFixed(1)} ms, p99 ${mixed.p99.toFixed(1)} ms; p50/p95/p99 by query: ${Object.entries(mixed.byKind ?? {}).map(([k, l]) => `${k} ${l.p50}/${l.p95}/${l.p99} ms`).join(', ')}; server CPU ${mixed.cpuPerRequest.toFixed(2)} ms a request; 2 cores shared with the load generator; load average ${mixed.load}`,
  },
  { name: 'mixed workload, 50 clients, failures', value: (100 * mixed.failures) / Math.max(1, mixed.total), unit: '%', target: '< 0.1', note: `${mixed.failures}/${mixed.total}` },
];
// The last line is the rows as JSON, for npm run bench to merge into test/bench/results.json.
for (const r of rows) console.error(`${r.name.padEnd(64)} ${r.value.toFixed(2).padStart(10)} ${r.unit.padEnd(6)} ${r.target ?? ''} ${r.floor ? `floor ${r.floor.value}` : ''} ${r.note ?? ''}`);
console.log(JSON.stringify(rows.map((r) => ({ ...r, name: `API (${opts.scale}): ${r.name}`, value: Math.round(r.value * 100) / 100 }))));
