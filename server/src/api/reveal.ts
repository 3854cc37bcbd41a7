import { mayReveal, revealReason } from '../auth/roles';
import { LABELS, type PropDef } from '../domain/model';
import type { GraphStore } from '../store/graph-store';
import { apiError } from './errors';
import type { ApiViewer } from './viewer';

export interface Revealed {
  nodeId: string;
  property: string;
  value: string | null;
}

/**
 * One sensitive value unmasked, for a role that may, with a stated reason (BAD_INPUT without):
 * the schema's audit wrapper records who revealed what and why. An invisible node is answered
 * exactly as one that does not exist.
 */
export function createRevealServices(store: GraphStore) {
  return {
    reveal: async (viewer: ApiViewer, a: { nodeId: string; property: string; reason: string }): Promise<Revealed> => {
      if (!revealReason(a.reason)) throw apiError('BAD_INPUT', 'reason: say why you need to see this value (at least 4 characters).', { field: 'reason' });
      const [node] = await store.getNodes(viewer, [a.nodeId]);
      if (!node) throw apiError('NOT_FOUND', 'No node with this id.');
      const def = (LABELS[node.label].props as Record<string, PropDef>)[a.property];
      if (!def?.sensitive) throw apiError('BAD_INPUT', `property: ${node.label} has no sensitive property ${JSON.stringify(a.property)}.`, { field: 'property' });
      if (!mayReveal(viewer.role)) throw apiError('FORBIDDEN', 'Your role may not reveal sensitive values.');
      const value = node.props[a.property];
      return { nodeId: node.id, property: a.property, value: value === null || value === undefined ? null : String(value) };
    },
  };
}
