import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../server/src/http/serve';
import type { GraphStore } from '../../server/src/store/graph-store';
import type { App } from '../../server/src/http/app';
import { fixtureApp, sessionFor } from './harness';

/** The GraphQL-over-HTTP spec's audits, run against the live server on loopback. */
describe('GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  let server: Server;
  let store: GraphStore;
  let url = '';
  let app: App;
  beforeAll(async () => {
    const fixture = await fixtureApp();
    store = fixture.store;
    app = fixture.app;
    server = await serve(fixture.app, 0);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  it('passes every MUST audit', async () => {
    const token = sessionFor(app, {});
    const withSession = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      request.headers.set('authorization', `Bearer ${token}`);
      return fetch(request);
    };
    const audits = serverAudits({ url: () => url, fetchFn: withSession });
    const musts = audits.filter((a) => a.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    const failed: string[] = [];
    for (const audit of musts) {
      const result = await audit.fn();
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
  });
});

describe('the HTTP server', () => {
  it('refuses a body larger than a bundle upload with 413, before reading it all', async () => {
    const fixture = await fixtureApp();
    const server = await serve(fixture.app, 0);
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(22 * 1024 * 1024) });
      expect(response.status).toBe(413);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await fixture.store.close();
    }
  });
});
