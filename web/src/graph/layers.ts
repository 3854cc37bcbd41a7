/**
 * Which gang layer each person is in. `MEMBER_OF.layer` says it when the police recorded it;
 * otherwise the layer is inferred from the chain of command, the way a gang is built: a team's
 * members share their leader's layer (callers under a caller team leader, card holders under a
 * card head), and only management directs several layers at once. So:
 *
 * 1. Up the REPORTS_TO chain, nearest boss first: the first level that has a known layer other
 *    than MANAGEMENT gives it (the most common one there; ties go to the higher layer).
 * 2. Otherwise down the chain, nearest subordinates first: the first level with a known layer
 *    gives it (someone whom managers report to is management).
 * 3. Otherwise the person stays unplaced: reporting to a manager alone does not tell the layer.
 */
import { GANG_LAYERS, type GangLayer } from '../../../server/src/domain/model';

export interface Placement {
  layer: GangLayer;
  /** True when no MEMBER_OF layer was recorded and the layer comes from the REPORTS_TO chain. */
  inferred: boolean;
}

export interface ReportsToEdge {
  /** The subordinate. */
  from: string;
  /** The boss. */
  to: string;
}

export function inferLayers(input: {
  people: Iterable<string>;
  reportsTo: Iterable<ReportsToEdge>;
  known: ReadonlyMap<string, GangLayer> | Readonly<Record<string, GangLayer>>;
}): Map<string, Placement> {
  const known = input.known instanceof Map ? input.known : new Map(Object.entries(input.known));
  const people = [...input.people];
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const { from, to } of input.reportsTo) {
    if (from === to) continue;
    (up.get(from) ?? up.set(from, []).get(from)!).push(to);
    (down.get(to) ?? down.set(to, []).get(to)!).push(from);
  }
  const out = new Map<string, Placement>();
  for (const p of people) {
    const layer = known.get(p);
    if (layer) out.set(p, { layer, inferred: false });
  }
  for (const p of people) {
    if (out.has(p)) continue;
    const fromAbove = nearestLevel(p, up, known, (layers) => layers.filter((l) => l !== 'MANAGEMENT'));
    const layer = fromAbove ?? nearestLevel(p, down, known, (layers) => layers);
    if (layer) out.set(p, { layer, inferred: true });
  }
  return out;
}

/** Breadth-first along `next`; the most common usable layer of the first level that has a known one. */
function nearestLevel(
  start: string,
  next: ReadonlyMap<string, string[]>,
  known: ReadonlyMap<string, GangLayer>,
  usable: (layers: GangLayer[]) => GangLayer[],
): GangLayer | undefined {
  const seen = new Set([start]);
  let level = [start];
  while (level.length) {
    const following: string[] = [];
    for (const id of level) for (const n of next.get(id) ?? []) if (!seen.has(n)) (seen.add(n), following.push(n));
    const layers = following.map((id) => known.get(id)).filter((l): l is GangLayer => l !== undefined);
    if (layers.length) {
      const candidates = usable(layers);
      return candidates.length ? mostCommon(candidates) : undefined;
    }
    level = following;
  }
  return undefined;
}

function mostCommon(layers: GangLayer[]): GangLayer {
  const counts = new Map<GangLayer, number>();
  for (const l of layers) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: GangLayer = layers[0]!;
  let bestCount = 0;
  for (const l of GANG_LAYERS) {
    const c = counts.get(l) ?? 0;
    if (c > bestCount) [best, bestCount] = [l, c];
  }
  return best;
}
