/**
 * The load generator of `npm run bench:api`, in a process of its own so that the server under
 * test keeps its own core: autocannon against one URL, cycling through the request bodies given
 * on stdin as JSON `{ url, headers, bodies, connections, seconds }`; prints autocannon's figures
 * as one JSON line, with the p95 of every response's latency (autocannon's histogram has none). A response that is not 200 or carries GraphQL `errors` counts as a failure.
 */
import autocannon from 'autocannon';

const input = JSON.parse(await new Promise<string>((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(text));
})) as { url: string; headers: Record<string, string>; bodies: string[]; connections: number; seconds: number };

let badBodies = 0;
// Every response's latency, for the percentiles autocannon's histogram does not give (p95).
const latencies: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const options = {
    url: input.url,
    connections: input.connections,
    duration: input.seconds,
    requests: input.bodies.map((body) => ({ method: 'POST' as const, headers: input.headers, body })),
    verifyBody: (body: string | Buffer | undefined) => {
      const ok = !String(body ?? '').includes('"errors"');
      if (!ok) badBodies++;
      return ok;
    },
  };
  const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
  instance.on('response', (_client, _status, _bytes, ms: number) => latencies.push(ms));
});
const l = result.latency;
latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: l.p50,
    p90: l.p90,
    p95: Math.round(percentile(95) * 10) / 10,
    p97_5: l.p97_5,
    p99: l.p99,
    failures: result.errors + result.timeouts + result.non2xx + badBodies,
  }),
);
