import type { GraphLink, GraphNode } from '../../domain/types';
import { searchIndex } from './cached-search';
import { idOrder } from './id-order';
import type { GraphCache } from './graph-cache';

/** Where a cache comes from: the engine that holds the graph. */
export interface CacheSource {
  /** The whole graph, as one consistent snapshot. */
  load(): Promise<GraphCache>;
  /** One stored node or link as it is now, whoever owns it. */
  readNode(id: string): Promise<GraphNode | null>;
  readLink(link: Pick<GraphLink, 'type' | 'from' | 'to' | 'key'>): Promise<GraphLink | null>;
}

/** Writes up to this many records are applied to the cache; larger ones reload it. */
const PATCH_LIMIT = 2_000;

/**
 * Keeps a GraphCache equal to what the engine holds. `current()` gives it only while it
 * reflects every committed write; otherwise it gives null (the store reads from the engine) and
 * a reload starts in the background. Small writes are applied in place, large ones (an import's
 * batches) mark the cache stale until the next read reloads it.
 */
export class CacheKeeper {
  private cache: GraphCache | null = null;
  private fresh = false;
  private loading: Promise<void> | null = null;
  /** Counts writes: a snapshot or a patch is kept only if no write came during it. */
  private writes = 0;
  private failure: unknown = null;

  constructor(private readonly source: CacheSource) {}

  current(): GraphCache | null {
    if (this.cache && this.fresh) return this.cache;
    this.reload();
    return null;
  }

  /** Resolves once the cache is current (benchmarks and tests wait for it). */
  async ready(): Promise<void> {
    while (!this.current()) {
      await this.loading;
      if (this.failure) throw this.failure;
    }
  }

  /** After a committed write of these records (a checked batch, or the records a share granted). */
  async afterWrite(batch: { nodes: readonly { id: string }[]; links: readonly Pick<GraphLink, 'type' | 'from' | 'to' | 'key'>[] }): Promise<void> {
    const write = ++this.writes;
    const cache = this.cache;
    if (!cache || !this.fresh || this.loading || batch.nodes.length + batch.links.length > PATCH_LIMIT) {
      this.fresh = false;
      return;
    }
    this.fresh = false;
    try {
      for (const n of batch.nodes) {
        const row = await this.source.readNode(n.id);
        if (row) cache.putNode(row);
      }
      for (const l of batch.links) {
        const row = await this.source.readLink(l);
        if (!row) continue;
        const from = cache.indexOf(row.from);
        const to = cache.indexOf(row.to);
        if (from === undefined || to === undefined) return; // stays stale: reload
        const known = cache.findLink(from, to, row.type, row.key);
        if (known === undefined) {
          cache.appendLink(from, to, row);
        } else {
          cache.putLinkRow(known, row);
        }
      }
      if (write === this.writes) this.fresh = true;
    } catch {
      // Stays stale: the next read reloads.
    }
  }

  private reload(): void {
    if (this.loading) return;
    const write = this.writes;
    this.failure = null;
    // The stale cache goes first: two copies of a large graph need not fit in memory at once.
    this.cache = null;
    this.loading = this.source
      .load()
      .then((cache) => {
        // Built here, off any request's path: the first search or neighbourhood would otherwise wait for them.
        searchIndex(cache);
        idOrder(cache);
        this.cache = cache;
        this.fresh = write === this.writes;
      })
      .catch((error: unknown) => {
        this.failure = error;
      })
      .finally(() => {
        this.loading = null;
      });
  }
}
