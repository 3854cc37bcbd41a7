import DataLoader from 'dataloader';
import type { PropDef } from '../domain/model';
import type { GraphNode, PropValue, SourceRecord } from '../domain/types';
import type { GraphStore } from '../store/graph-store';
import type { Services } from '../api/services';
import { maskValue, maySee, type ApiViewer } from '../api/viewer';

export interface Context {
  viewer: ApiViewer;
  services: Services;
  loaders: { node: DataLoader<string, GraphNode | null>; source: DataLoader<string, SourceRecord | null> };
  /** The masking hook: a property's value as this viewer may see it. */
  mask: (def: PropDef | undefined, value: PropValue | undefined) => PropValue;
}

const byId = <T extends { id: string }>(keys: readonly string[], found: T[]) => {
  const map = new Map(found.map((x) => [x.id, x]));
  return keys.map((k) => map.get(k) ?? null);
};

/** One context per request: its viewer, and dataloaders so that N references cost one store call. */
export function createContext({ viewer, services, store }: { viewer: ApiViewer; services: Services; store: GraphStore }): Context {
  return {
    viewer,
    services,
    loaders: {
      node: new DataLoader(async (keys) => byId(keys, await store.getNodes(viewer, [...keys])), { maxBatchSize: 500 }),
      source: new DataLoader(async (keys) => byId(keys, await store.getSources(viewer, [...keys])), { maxBatchSize: 500 }),
    },
    mask: (def, value) => {
      if (value === undefined || value === null) return null;
      if (!def?.sensitive || maySee(viewer, def.sensitive)) return value;
      return typeof value === 'string' ? maskValue(value) : null;
    },
  };
}
