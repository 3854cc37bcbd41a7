import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createApp, type App } from '../../server/src/http/app';
import type { JsonPost } from '../../server/src/http/json-post';
import { serve } from '../../server/src/http/serve';
import type { GraphStore } from '../../server/src/store/graph-store';
import { ids } from '../contract/fixture';
import { fixtureApp, sessionFor } from './harness';

type Headers = Record<string, string>;

/** What a client sees of an answer: status, headers (but the request id) and body. */
const seen = (status: number, headers: Iterable<[string, string]> | Headers, body: string) => ({
  status,
  headers: Object.fromEntries([...(Symbol.iterator in headers ? headers : Object.entries(headers))].map(([k, v]) => [k.toLowerCase(), v]).filter(([k]) => k !== 'x-request-id').sort()),
  body,
});

const post = (app: App, headers: Headers, body: string): JsonPost => ({ url: '/graphql', header: (name) => headers[name] ?? null, body });

/** The request through app.fetch (yoga for a document it has not executed), then through app.answer. */
async function bothWays(app: App, headers: Headers, body: string) {
  expect(await app.answer(post(app, headers, body))).toBeNull();
  const response = await app.fetch(new Request('http://test/graphql', { method: 'POST', headers, body }));
  const yoga = seen(response.status, response.headers, await response.text());
  const answer = await app.answer(post(app, headers, body));
  expect(answer).not.toBeNull();
  const fast = seen(answer!.status, { ...answer!.headers, 'content-length': String(Buffer.byteLength(answer!.body)) }, answer!.body);
  return { yoga, fast };
}

describe('plain JSON queries answered without yoga (json-post.ts)', () => {
  let app: App;
  let store: GraphStore;
  let auth: Headers;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp());
    auth = { 'content-type': 'application/json', authorization: `Bearer ${sessionFor(app, {})}` };
  });
  afterAll(() => store.close());

  it('answers a query yoga has executed exactly as yoga did: status, content type, CORS headers, body', async () => {
    const requests: [Headers, object][] = [
      [{}, { query: `{ node(id: "${ids.sh1}") { id label caption owners } }` }],
      [{ accept: 'application/graphql-response+json, application/json' }, { query: '{ node(id: "nope") { id } }' }],
      [{ accept: 'application/json' }, { query: `query($id: ID!) { neighborhood(ids: [$id], hops: 2) { truncated nodes { id } links { id from to } } }`, variables: { id: ids.collect } }],
      [{ accept: 'application/graphql-response+json' }, { query: 'query One { stats { sources } } query Two { node(id: "x") { id } }', operationName: 'Two', variables: null }],
      [{ accept: 'APPLICATION/JSON , application/graphql-response+json' }, { query: '{ a: node(id: "y") { id } }' }],
      [{ origin: 'http://elsewhere.example' }, { query: '{ b: node(id: "z") { id } }' }],
      // An expected error, with its code and location.
      [{}, { query: '{ neighborhood(ids: []) { nodes { id } } }' }],
    ];
    for (const [headers, body] of requests) {
      const { yoga, fast } = await bothWays(app, { ...auth, ...headers }, JSON.stringify(body));
      expect(fast).toEqual(yoga);
    }
  });

  it('masks an unexpected error as yoga does', async () => {
    const broken = createApp({ store: { ...store, getNodes: () => Promise.reject(new Error('Binder exception: Cypher secret')) } as GraphStore, config: loadConfig({}) });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${sessionFor(broken, {})}` };
    const { yoga, fast } = await bothWays(broken, headers, JSON.stringify({ query: '{ node(id: "x") { id } }' }));
    expect(fast).toEqual(yoga);
    expect(JSON.parse(fast.body)).toEqual({ data: { node: null }, errors: [{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['node'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  it('leaves to yoga what it does not know or must not answer', async () => {
    const query = (q: string, extra: object = {}) => JSON.stringify({ query: q, ...extra });
    const known = query('{ c: node(id: "x") { id } }');
    await app.fetch(new Request('http://test/graphql', { method: 'POST', headers: auth, body: known }));
    const mutation = query(`mutation { upsertNode(id: "phone:+8613700000077", label: Phone, props: { number: "+8613700000077" }) { id } }`);
    await app.fetch(new Request('http://test/graphql', { method: 'POST', headers: auth, body: mutation }));
    const invalid = query('{ node(id: "x") { nope } }');
    await app.fetch(new Request('http://test/graphql', { method: 'POST', headers: auth, body: invalid }));
    const typed = query('query($id: ID!) { d: node(id: $id) { id } }', { variables: { id: 'x' } });
    await app.fetch(new Request('http://test/graphql', { method: 'POST', headers: auth, body: typed }));
    expect(await app.answer(post(app, auth, known))).not.toBeNull();
    expect(await app.answer(post(app, auth, typed))).not.toBeNull();

    const refused: [Headers, string][] = [
      [auth, query('{ e: node(id: "never sent") { id } }')],
      [auth, mutation],
      [auth, invalid],
      [auth, query('query($id: ID!) { d: node(id: $id) { id } }', { variables: { id: { not: 'an id' } } })],
      [auth, query('{ c: node(id: "x") { id } }', { extensions: { persistedQuery: {} } })],
      [auth, '{ "query": "{ c: node(id: \\"x\\") { id } }", "query": 1 }'],
      [auth, `[${known}]`],
      [auth, 'not json'],
      [{ ...auth, accept: 'text/event-stream' }, known],
      [{ ...auth, accept: 'application/json; charset=latin1' }, known],
      [{ ...auth, 'content-type': 'application/graphql+json' }, known],
      [{ ...auth, 'access-control-request-method': 'POST' }, known],
      [{ 'content-type': 'application/json' }, known],
      [{ 'content-type': 'application/json', authorization: 'Bearer forged' }, known],
    ];
    for (const [headers, body] of refused) expect(await app.answer(post(app, headers, body))).toBeNull();
    expect(await app.answer({ url: '/graphql?x=1', header: (name) => auth[name] ?? null, body: known })).toBeNull();
  });

  it('gives no CORS headers unless origins are configured; then the listed origin is answered by yoga, with credentials', async () => {
    const body = JSON.stringify({ query: `{ g: node(id: "${ids.sh1}") { id } }` });
    const cors = async (target: App, headers: Headers) => {
      const response = await target.fetch(new Request('http://test/graphql', { method: 'POST', headers, body }));
      expect(response.status).toBe(200);
      return [response.headers.get('access-control-allow-origin'), response.headers.get('access-control-allow-credentials')];
    };
    const fromElsewhere = { ...auth, origin: 'https://elsewhere.example' };
    expect(await cors(app, fromElsewhere)).toEqual([null, null]);
    expect(await cors(app, fromElsewhere)).toEqual([null, null]);
    const open = createApp({ store, config: loadConfig({ CORS_ORIGINS: 'https://partner.example, https://other.example' }) });
    const signed = { ...auth, authorization: `Bearer ${sessionFor(open, {})}` };
    for (let i = 0; i < 2; i++) {
      // The second time the document is known: a request naming its origin still goes to yoga.
      expect(await cors(open, { ...signed, origin: 'https://partner.example' })).toEqual(['https://partner.example', 'true']);
      expect(await cors(open, { ...signed, origin: 'https://elsewhere.example' })).toEqual(['null', 'true']);
    }
    expect(await open.answer(post(open, { ...signed, origin: 'https://partner.example' }, body))).toBeNull();
    expect(await open.answer(post(open, signed, body))).not.toBeNull();
  });

  it('serves the same answer over HTTP, with its length and a request id', async () => {
    const server: Server = await serve(app, 0);
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const body = JSON.stringify({ query: `{ f: node(id: "${ids.sh1}") { id caption } }` });
      const answers = [];
      for (let i = 0; i < 2; i++) {
        const response = await fetch(url, { method: 'POST', headers: auth, body });
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        answers.push(seen(response.status, [...response.headers].filter(([k]) => k === 'content-type' || k === 'content-length'), await response.text()));
      }
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[0]).toEqual({ status: 200, headers: { 'content-length': '48', 'content-type': 'application/json; charset=utf-8' }, body: `{"data":{"f":{"id":"${ids.sh1}","caption":"SH1"}}}` });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
