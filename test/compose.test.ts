import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test?: string[] | string };
  depends_on?: Record<string, { condition?: string }>;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const { neo4j, app } = compose.services;

describe('docker-compose.yml', () => {
  it('runs Neo4j and the app', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'neo4j']);
  });

  it('pins a Neo4j 5.26 Community patch release, never a moving tag', () => {
    expect(neo4j?.image).toMatch(/^neo4j:5\.26\.\d+-community$/);
  });

  it('takes the Neo4j password from the environment, with a development default', () => {
    expect(neo4j?.environment?.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:-.{8,}\}$/);
    expect(app?.environment?.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:-.{8,}\}$/);
  });

  it('keeps the data in a named volume', () => {
    const [volume] = neo4j?.volumes ?? [];
    expect(volume).toMatch(/^[\w-]+:\/data$/);
    expect(Object.keys(compose.volumes ?? {})).toContain(volume?.split(':')[0]);
  });

  it('declares a health check that asks the database, so the app waits for it', () => {
    expect([neo4j?.healthcheck?.test].flat().join(' ')).toMatch(/cypher-shell .*RETURN 1/);
    expect(app?.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('publishes ports on the loopback interface only', () => {
    expect(neo4j?.ports).toEqual(['127.0.0.1:7474:7474', '127.0.0.1:7687:7687']);
    expect(app?.ports).toEqual(['127.0.0.1:4000:4000']);
  });

  it('points the app at the neo4j service', () => {
    expect(app?.build).toBe('.');
    expect(app?.environment).toMatchObject({
      GRAPH_STORE: 'neo4j',
      NEO4J_URI: 'bolt://neo4j:7687',
      NEO4J_USER: 'neo4j',
      NEO4J_DATABASE: 'neo4j',
      PORT: '4000',
    });
  });
});

describe('Dockerfile', () => {
  const path = join(ROOT, 'Dockerfile');
  const instructions = () =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.trim().startsWith('#'));

  it('builds the app on Node 20 with a clean install from the lock file, and starts it', () => {
    expect(existsSync(path)).toBe(true);
    expect(instructions()[0]).toMatch(/^FROM node:20(\.\d+)*-bookworm-slim$/);
    expect(instructions()).toContain('COPY package.json package-lock.json ./');
    expect(instructions().some((line) => /^RUN npm ci\b/.test(line))).toBe(true);
    expect(instructions().at(-1)).toBe('CMD ["npm", "start"]');
  });

  it('leaves local state and dependencies out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'data', '.git', '.env']));
  });
});
