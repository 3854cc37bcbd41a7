import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { loadConfig } from '../../server/src/config';
import type { App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { client, fixtureApp, type Gql } from './harness';

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

  it('ignores the development viewer headers: nobody sees anything until users exist', async () => {
    const { body } = await gql('{ search(text: "SH") { node { id } } }');
    expect(body.data).toEqual({ search: [] });
  });
});

describe('the API in development', () => {
  it('serves GraphiQL and suggests field names', async () => {
    const { app, store } = await fixtureApp();
    try {
      const page = await app.fetch(new Request('http://test/graphql', { headers: { accept: 'text/html' } }));
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

  it('reads NODE_ENV and VIEWER_HEADERS, naming a bad value', () => {
    expect(loadConfig({})).toMatchObject({ production: false, viewerHeaders: true });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, viewerHeaders: false });
    expect(loadConfig({ NODE_ENV: 'production', VIEWER_HEADERS: '1' })).toMatchObject({ viewerHeaders: true });
    expect(() => loadConfig({ NODE_ENV: 'prod' })).toThrow('NODE_ENV: must be one of production, development, test (got "prod")');
  });
});
