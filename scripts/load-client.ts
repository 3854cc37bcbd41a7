/**
 * The load generator of `npm run bench:api`, in a process of its own so that the server under
 * test keeps its own core: autocannon against one URL, cycling through the request bodies given
 * on stdin as JSON `{ url, headers, bodies, connections, seconds }`; prints autocannon's request
 * rate and failures as one JSON line, with percentiles of every response's latency taken here
 * (autocannon's histogram has no p95, and times first requests from before they can be sent).
 * A response that is not 200 or carries GraphQL `errors` counts as a failure.
 * With `kinds` (one name a body), the latencies of each kind's responses too (`byKind`), so that
 * a mixed workload's tail can be put down to the query that makes it.
 */
import autocannon from 'autocannon';

const input = JSON.parse(await new Promise<string>((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(text));
})) as { url: string; headers: Record<string, string>; bodies: string[]; kinds?: string[]; connections: number; seconds: number };

let badBodies = 0;
// Every response's latency.
const latencies: number[] = [];
const byKind = new Map<string, number[]>();
/**
 * When autocannon had made every connection. It times each connection's first request from
 * when that connection is made, but nothing is sent before all are made (the event loop has
 * not turned), so a first request is timed from here instead: the connections made one after
 * another (0.8 s for 50 on the loaded shared cores) are the load generator's time, not the
 * server's.
 */
let madeAt = Infinity;
/** The kind of the response being recorded: a request's onResponse runs just before autocannon's 'response' event, in the same call. */
let answered: string | undefined;
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const options = {
    url: input.url,
    connections: input.connections,
    duration: input.seconds,
    requests: input.bodies.map((body, i) => {
      const kind = input.kinds?.[i];
      // setupRequest makes autocannon build each request as it is sent, not every body's
      // request for every connection up front (4 s for 50 connections on the shared cores).
      return { method: 'POST' as const, headers: input.headers, body, setupRequest: (request: object) => request, ...(kind === undefined ? {} : { onResponse: () => void (answered = kind) }) };
    }),
    verifyBody: (body: string | Buffer | undefined) => {
      const ok = !String(body ?? '').includes('"errors"');
      if (!ok) badBodies++;
      return ok;
    },
  };
  const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
  madeAt = performance.now();
  instance.on('response', (_client, _status, _bytes, took: number) => {
    const now = performance.now();
    const ms = Math.min(took, now - madeAt);
    latencies.push(ms);
    if (answered === undefined) return;
    const kind = byKind.get(answered) ?? [];
    if (kind.length === 0) byKind.set(answered, kind);
    kind.push(ms);
    answered = undefined;
  });
});
const percentile = (p: number, xs = latencies) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const round = (ms: number) => Math.round(ms * 10) / 10;
latencies.sort((a, b) => a - b);
const kinds = Object.fromEntries(
  [...byKind].map(([kind, xs]) => {
    xs.sort((a, b) => a - b);
    return [kind, { n: xs.length, p50: round(percentile(50, xs)), p95: round(percentile(95, xs)), p99: round(percentile(99, xs)), max: round(xs[xs.length - 1]!) }];
  }),
);
console.log(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: round(percentile(50)),
    p90: round(percentile(90)),
    p95: round(percentile(95)),
    p97_5: round(percentile(97.5)),
    p99: round(percentile(99)),
    failures: result.errors + result.timeouts + result.non2xx + badBodies,
    ...(byKind.size > 0 ? { byKind: kinds } : {}),
  }),
);
