import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Engine = 'neo4j' | 'kuzu';

export const CYPHER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'cypher');

/**
 * Every named query for one engine, read once at start-up: `name.cypher`, overridden by
 * `name.kuzu.cypher` for the embedded engine (or `name.neo4j.cypher` for Neo4j) where the
 * dialects differ.
 */
export function loadQueries(engine: Engine, dir = CYPHER_DIR): Map<string, string> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher'));
  const queries = new Map<string, string>();
  const other: Engine = engine === 'kuzu' ? 'neo4j' : 'kuzu';
  for (const file of files.sort()) {
    const parts = file.slice(0, -'.cypher'.length).split('.');
    const name = parts[0]!;
    const dialect = parts[1];
    if (dialect === other) continue;
    if (dialect === undefined && queries.has(name)) continue;
    queries.set(name, readFileSync(join(dir, file), 'utf8').trim());
  }
  return queries;
}

/** Splits a DDL file into statements (`;` at the end of a line), dropping comments. */
export function statements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}

/**
 * Variable-length bounds cannot be parameters in either dialect. A query marks the literal it
 * wants replaced, `*1..4 /*hops*\/`, and gets the clamped integer in its place.
 */
export function withBounds(query: string, bounds: Record<string, number>): string {
  return query.replace(/(\d+)\s*\/\*(\w+)\*\//g, (whole, _literal: string, name: string) => {
    const value = bounds[name];
    if (value === undefined) return whole;
    if (!Number.isInteger(value) || value < 1 || value > 16) throw new Error(`bad bound ${name}=${value}`);
    return String(value);
  });
}
