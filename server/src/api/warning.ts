import { rankWarnings, type WarningEntry } from '../domain/early-warning';
import type { GraphNode } from '../domain/types';
import type { GraphStore } from '../store/graph-store';
import { apiError } from './errors';
import { API_LIMITS, clamp } from './limits';
import type { ApiViewer } from './viewer';

export interface RankedWarning extends WarningEntry {
  rank: number;
  node: GraphNode;
}

/** Early warning (预警劝阻): the call-first list of one gang's, or every gang's, reached non-victims. */
export function createWarningServices(store: GraphStore) {
  return {
    earlyWarnings: async (viewer: ApiViewer, a: { gangId?: string | null; limit?: number | null }): Promise<RankedWarning[]> => {
      const gangId = a.gangId ?? null;
      if (gangId) {
        const [gang] = await store.getNodes(viewer, [gangId]);
        if (!gang || gang.label !== 'Gang') throw apiError('NOT_FOUND', 'No Gang with this id.');
      }
      const limit = clamp(a.limit, API_LIMITS.warnings.max, API_LIMITS.warnings.fallback);
      const ranked = rankWarnings(await store.gangContacts(viewer, gangId)).slice(0, limit);
      const nodes = new Map((await store.getNodes(viewer, ranked.map((e) => e.id))).map((n) => [n.id, n]));
      return ranked.flatMap((e, i) => {
        const node = nodes.get(e.id);
        return node ? [{ ...e, rank: i + 1, node }] : [];
      });
    },
  };
}
