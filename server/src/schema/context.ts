import DataLoader from 'dataloader';
import type { PropDef } from '../domain/model';
import type { GraphNode, PropValue, SourceRecord } from '../domain/types';
import type { GraphStore } from '../store/graph-store';
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
  /**
   * The masking hook: a property's value (of `owner`, a node or link) as this viewer may see it;
   * a promise only while whether a person is a victim is still to be asked.
   */
  mask: (def: PropDef | undefined, value: PropValue | undefined, owner?: { id?: string; label?: string }) => PropValue | Promise<PropValue>;
  /**
   * `nodes`, once masking knows which persons among them are victims (one store call for the
   * list): their captions and names then mask without a promise each, which the executor waits
   * on one by one. The nodes themselves, at once, when nothing is left to ask.
   */
  maskable: <T extends GraphNode>(nodes: T[]) => T[] | Promise<T[]>;
}

const byId = <T extends { id: string }>(keys: readonly string[], found: T[]) => {
  const map = new Map(found.map((x) => [x.id, x]));
  return keys.map((k) => map.get(k) ?? null);
};

/** One context per request: its viewer, and dataloaders so that N references cost one store call. */
export function createContext({ viewer, services, store, requestId, audit }: { viewer: ApiViewer; services: Services; store: GraphStore; requestId: string; audit: AuditLog }): Context {
  /** Whether a person is a victim, for those the victim loader has answered: masking them needs no promise. */
  const known = new Map<string, boolean>();
  const checks = !maySee(viewer, 'victim');
  const loaders: Context['loaders'] = {
    node: new DataLoader(async (keys) => byId(keys, await store.getNodes(viewer, [...keys])), { maxBatchSize: 500 }),
    source: new DataLoader(async (keys) => byId(keys, await store.getSources(viewer, [...keys])), { maxBatchSize: 500 }),
    victim: new DataLoader(
      async (keys) => {
        const victims = new Set(await store.victims(viewer, [...keys]));
        return keys.map((k) => {
          known.set(k, victims.has(k));
          return victims.has(k);
        });
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
        const isVictim = known.get(owner.id);
        if (isVictim !== undefined) return isVictim ? masked : value;
        return loaders.victim.load(owner.id).then((victim) => (victim ? masked : value));
      }
      return masked;
    },
    maskable(nodes) {
      if (!checks) return nodes;
      let ask: string[] | undefined;
      for (const n of nodes) if (n.label === 'Person' && !known.has(n.id)) (ask ??= []).push(n.id);
      // A failed check leaves the persons unknown: each of their masked fields then fails as before.
      return ask ? loaders.victim.loadMany(ask).then(() => nodes) : nodes;
    },
  };
}
