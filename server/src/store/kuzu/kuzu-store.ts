import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CacheKeeper } from '../cache/cache-keeper';
import { CypherGraphStore } from '../cypher-store';
import { cacheSource } from './cache-source';
import { KuzuRunner } from './kuzu-runner';

export interface KuzuStoreOptions {
  /** Keep the graph in memory for traversals (default true; false reads everything from Kuzu). */
  cache?: boolean;
  /**
   * Compress what this process writes (default true). A bulk import writes faster without: a
   * compressed string column looks every value up in a dictionary of the column's values to
   * store repeats once, and the million unique keys, times and transaction ids of a statement's
   * links made that the largest part of its COPY (raw COPY of 1,000,000 statement links: 42 µs
   * of CPU a link compressed, 29 uncompressed). The store stays one store: Kuzu records each
   * chunk's compression with it, so a process that compresses reads it, and compresses what it
   * rewrites.
   */
  compression?: boolean;
}

/** The embedded store: a Kuzu database under `dataDir`, schema applied, its graph cached in memory. */
export async function openKuzuStore(dataDir: string, options: KuzuStoreOptions = {}): Promise<CypherGraphStore> {
  const runner = await KuzuRunner.open(dataDir, { compression: options.compression });
  // Exports a crashed process left behind (the database lock says no other process runs here).
  for (const entry of readdirSync(dataDir)) if (entry.startsWith('cache-export-')) rmSync(join(dataDir, entry), { recursive: true, force: true });
  const keeper = options.cache === false ? undefined : new CacheKeeper(cacheSource(runner, join(dataDir, `cache-export-${process.pid}`)));
  const store = new CypherGraphStore(runner, keeper);
  await store.applySchema();
  return store;
}
