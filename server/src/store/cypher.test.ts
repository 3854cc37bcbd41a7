import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, loadQueries, withBounds } from './cypher';

/** Every query name the adapters ask for, read from their source. */
function namesUsed(): string[] {
  const dir = join(CYPHER_DIR, '..', 'server', 'src', 'store');
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const names = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/(?:read|named)\('([a-z-]+)'/g)) names.add(m[1]!);
  }
  return [...names].sort();
}

describe('cypher/', () => {
  it('has every query the store runs, for both engines', () => {
    const used = namesUsed();
    expect(used.length).toBeGreaterThan(15);
    const kuzu = loadQueries('kuzu');
    const neo4j = loadQueries('neo4j');
    // Writes the embedded engine does in code instead (kuzu/bulk-write.ts, kuzu/grant-write.ts).
    const kuzuWrites = ['upsert-nodes', 'upsert-links', 'upsert-sources', 'grant-nodes', 'grant-links'];
    expect(used.filter((n) => !kuzu.has(n) && !kuzuWrites.includes(n))).toEqual([]);
    expect(used.filter((n) => !neo4j.has(n))).toEqual([]);
  });

  it('prefers an engine sibling to the shared file', () => {
    expect(loadQueries('kuzu').get('reach')).toContain('SHORTEST');
    expect(loadQueries('neo4j').get('reach')).not.toContain('SHORTEST');
    expect(loadQueries('kuzu').has('upsert-links')).toBe(false);
  });
});

describe('withBounds', () => {
  it('fills marked path-length literals and refuses silly ones', () => {
    expect(withBounds('MATCH (a)-[*1..4 /*hops*/]-(b)', { hops: 2 })).toBe('MATCH (a)-[*1..2]-(b)');
    expect(withBounds('MATCH (a)-[*1..4 /*hops*/]-(b)', {})).toBe('MATCH (a)-[*1..4 /*hops*/]-(b)');
    expect(() => withBounds('[*1..4 /*hops*/]', { hops: 0 })).toThrow('bad bound hops=0');
  });
});
