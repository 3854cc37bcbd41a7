/**
 * The load generator of `npm run bench:api`, in a process of its own so that the server under
 * test keeps its own core: autocannon against one URL, cycling through the request bodies given
 * on stdin as JSON `{ url, headers, bodies, connections, seconds }`; prints autocannon's figures
 * as one JSON line. A response that is not 200 or carries GraphQL `errors` counts as a failure.
 */
import autocannon from 'autocannon';

const input = JSON.parse(await new Promise<string>((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(text));
})) as { url: string; headers: Record<string, string>; bodies: string[]; connections: number; seconds: number };

let badBodies = 0;
const result = await autocannon({
  url: input.url,
  connections: input.connections,
  duration: input.seconds,
  requests: input.bodies.map((body) => ({ method: 'POST', headers: input.headers, body })),
  verifyBody: (body: string | Buffer | undefined) => {
    const ok = !String(body ?? '').includes('"errors"');
    if (!ok) badBodies++;
    return ok;
  },
});
const l = result.latency;
console.log(
  JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: l.p50,
    p90: l.p90,
    p97_5: l.p97_5,
    p99: l.p99,
    failures: result.errors + result.timeouts + result.non2xx + badBodies,
  }),
);
