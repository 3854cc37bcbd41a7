import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded engine under ./data on port 4000 with the demo', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, graphStore: 'embedded', demo: true, logLevel: 'info' });
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
  });

  it('reads the Neo4j settings', () => {
    expect(loadConfig({ GRAPH_STORE: 'neo4j', NEO4J_URI: 'bolt://localhost:7687', NEO4J_PASSWORD: 'pw', DEMO: '0' })).toMatchObject({
      graphStore: 'neo4j',
      demo: false,
      neo4j: { uri: 'bolt://localhost:7687', user: 'neo4j', password: 'pw', database: 'neo4j' },
    });
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT: must be a port number from 1 to 65535 (got "eighty")');
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT: must be a port number');
    expect(() => loadConfig({ GRAPH_STORE: 'postgres' })).toThrow('GRAPH_STORE: must be one of embedded, neo4j (got "postgres")');
    expect(() => loadConfig({ GRAPH_STORE: 'neo4j' })).toThrow('NEO4J_URI: must be a bolt:// or neo4j:// address when GRAPH_STORE=neo4j (got "")');
    expect(() => loadConfig({ DEMO: 'yes' })).toThrow('DEMO: must be one of 0, 1 (got "yes")');
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example/path' })).toThrow('CORS_ORIGINS: must be origins like https://example.org, comma-separated (got "https://b.example/path")');
  });

  it('allows no other origin by default, and the origins listed', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8080,' }).corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
  });
});
