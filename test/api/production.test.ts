import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { loadConfig } from '../../server/src/config';
import type { App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { client, fixtureApp, sessionFor, type Gql } from './harness';

describe('the API in production (NODE_ENV=production)', () => {
  let app: App;
  let store: GraphStore;
  let gql: Gql;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp({ NODE_ENV: 'production' }));
    gql = client(app);
  });
  afterAll(() => store.close());

  it('refuses introspection', async () => {
    const { body } = await gql('{ __schema { types { name } } }');
    expect(body.data).toBeUndefined();
    expect(body.errors[0].message).toContain('introspection');
  });

  it('suggests no field names', async () => {
    const { body } = await gql('{ serch(text: "x") { matchedBy } }');
    expect(body.errors[0].message).not.toContain('Did you mean');
  });

  it('serves no GraphiQL', async () => {
    const response = await app.fetch(new Request('http://test/graphql', { headers: { accept: 'text/html' } }));
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('answers nothing but login and health without a live session, the same way whatever is wrong', async () => {
    const ask = (headers: Record<string, string>) =>
      app.fetch(new Request('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: 'mutation { recordReturn(caseId: "x", amount: 1) { id } }' }) }));
    const token = sessionFor(app, {});
    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    const expired = app.sessions.issue({ sub: 'user:x', name: 'x', agency: 'sh-psb', agencies: ['sh-psb'], role: 'INVESTIGATOR' }, -1);
    const answers = [];
    const cases: Record<string, string>[] = [{}, { 'x-agencies': 'sh-psb', 'x-role': 'INVESTIGATOR' }, { authorization: `Bearer ${forged}` }, { authorization: `Bearer ${expired}` }, { cookie: 'clg_session=nonsense' }];
    for (const headers of cases) {
      const response = await ask(headers);
      answers.push({ status: response.status, body: await response.text() });
    }
    expect(answers).toEqual(Array(5).fill({ status: 401, body: '{"errors":[{"message":"Log in first.","extensions":{"code":"UNAUTHENTICATED"}}]}' }));
    expect((await app.fetch(new Request('http://test/healthz'))).status).toBe(200);
    const login = await app.fetch(new Request('http://test/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"nobody","password":"wrong password"}' }));
    expect(login.status).toBe(401);
    expect((await gql('{ me { name } }')).body.data).toEqual({ me: { name: 'officer-7' } });
  });
});

describe('the API in development', () => {
  it('serves GraphiQL and suggests field names', async () => {
    const { app, store } = await fixtureApp();
    try {
      const page = await app.fetch(new Request('http://test/graphql', { headers: { accept: 'text/html', authorization: `Bearer ${sessionFor(app, {})}` } }));
      expect(page.headers.get('content-type')).toContain('text/html');
      const { body } = await client(app)('{ serch(text: "x") { matchedBy } }');
      expect(body.errors[0].message).toContain('Did you mean "search"?');
      // GraphiQL's own introspection query stays within the depth, token and cost limits.
      const schema = await client(app)(getIntrospectionQuery());
      expect(schema.body.errors).toBeUndefined();
      expect(schema.body.data.__schema.queryType).toMatchObject({ name: 'Query' });
    } finally {
      await store.close();
    }
  });

  it('reads NODE_ENV, naming a bad value', () => {
    expect(loadConfig({})).toMatchObject({ production: false });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true });
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow('NODE_ENV: must be one of production, development, test (got "prod")');
  });
});
