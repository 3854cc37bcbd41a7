import type { CacheSource } from '../cache/cache-keeper';
import { toLink, toNode } from '../mapping';
import { loadGraphCache } from './cache-loader';
import type { KuzuRunner } from './kuzu-runner';

/** The embedded engine as the source of the store's in-memory graph. */
export function cacheSource(runner: KuzuRunner, exportDir: string): CacheSource {
  return {
    load: () => runner.exclusive((session) => loadGraphCache(session, exportDir)),
    async readNode(id) {
      const [row] = await runner.read('node-by-id', { id });
      return row ? toNode(row.n) : null;
    },
    async readLink(link) {
      const [row] = await runner.read('link-by-identity', { fromId: link.from, toId: link.to, type: link.type, key: link.key });
      return row ? toLink(row.r, row.from as string, row.to as string) : null;
    },
  };
}
