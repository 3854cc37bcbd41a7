import DataLoader from 'dataloader';
import type { PropDef } from '../domain/model';
import type { GraphNode, PropValue, SourceRecord } from '../domain/types';
import { STORE_LIMITS, type GraphStore } from '../store/graph-store';
import type { Services } from '../api/services';
import { maskValue, maySee, type ApiViewer } from '../api/viewer';
import type { AuditLog } from '../auth/audit-log';

export interface Context {
  viewer: ApiViewer;
  services: Services;
  /** The request's id, in its audit records and the x-request-id response header. */
  requestId: string;
  /** The audit trail every mutation is recorded in (schema/audited.ts). */
  audit: AuditLog;
  loaders: {
    node: DataLoader<string, GraphNode | null>;
    source: DataLoader<string, SourceRecord | null>;
    /** Whether a person is a victim in some visible case; asked only for viewers who may not see victims' details. */
    victim: DataLoader<string, boolean>;
  };
  /** The masking hook: a property's value (of `owner`, a node or link) as this viewer may see it. */
  mask: (def: PropDef | undefined, value: PropValue | undefined, owner?: { id?: string; label?: string }) => PropValue | Promise<PropValue>;
}

const byId = <T extends { id: string }>(keys: readonly string[], found: T[]) => {
  const map = new Map(found.map((x) => [x.id, x]));
  return keys.map((k) => map.get(k) ?? null);
};

/** One context per request: its viewer, and dataloaders so that N references cost one store call. */
export function createContext({ viewer, services, store, requestId, audit }: { viewer: ApiViewer; services: Services; store: GraphStore; requestId: string; audit: AuditLog }): Context {
  const loaders: Context['loaders'] = {
    node: new DataLoader(async (keys) => byId(keys, await store.getNodes(viewer, [...keys])), { maxBatchSize: 500 }),
    source: new DataLoader(async (keys) => byId(keys, await store.getSources(viewer, [...keys])), { maxBatchSize: 500 }),
    victim: new DataLoader(
      async (keys) => {
        const n = await store.neighborhood(viewer, [...keys], { hops: 1, linkTypes: ['VICTIM_IN'], limit: STORE_LIMITS.maxLimit });
        const victims = new Set(n.links.filter((l) => l.type === 'VICTIM_IN').map((l) => l.from));
        // When the store had to cut, treat everyone as a victim: masking too much is the safe side.
        return keys.map((k) => n.truncated || victims.has(k));
      },
      { maxBatchSize: 500 },
    ),
  };
  return {
    viewer,
    services,
    requestId,
    audit,
    loaders,
    mask(def, value, owner) {
      if (value === undefined || value === null) return null;
      if (!def?.sensitive || maySee(viewer, def.sensitive)) return value;
      const masked = typeof value === 'string' ? maskValue(value) : null;
      // 'victim' properties are masked on victims only: a suspect's name is what investigators search for.
      if (def.sensitive === 'victim' && owner?.label === 'Person' && owner.id) {
        return loaders.victim.load(owner.id).then((isVictim) => (isVictim ? masked : value));
      }
      return masked;
    },
  };
}
