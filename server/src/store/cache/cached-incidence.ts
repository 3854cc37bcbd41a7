import { LABEL_NAMES } from '../../domain/model';
import type { CaseFacts, CaseIncidence, IdentifierUse, IncidenceOptions, Viewer } from '../../domain/types';
import { visibleIndexes, visibleNodes } from './cached-reads';
import type { GraphCache } from './graph-cache';
import { linkFilter, passes } from './traverse';

const CASE = LABEL_NAMES.indexOf('Case');
const FACTS = ['category', 'reportedAt', 'city', 'district'] as const;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The port's caseIncidence from a GraphCache, as case-facts*.cypher, case-incidence*.cypher and
 * identifier-cases.cypher read it: visible cases, and the visible nodes they reach through
 * visible INVOLVES and SUSPECT_IN links. For every case at once, each identifier's cases are
 * gathered from the cases' side (the same links seen from the other end), never by walking the
 * identifiers' own links: a card's thousands of transfers are not looked at.
 */
export function cachedIncidence(cache: GraphCache, viewer: Viewer, caseIds: string[] | null, options: Pick<IncidenceOptions, 'casesPerIdentifier' | 'sharedOnly'>): CaseIncidence {
  const { casesPerIdentifier, sharedOnly } = options;
  const sight = cache.visibleOwnerSets(viewer);
  const visible = visibleNodes(cache, sight);
  const filter = linkFilter(cache, sight, ['INVOLVES', 'SUSPECT_IN'], null);
  const isCase = (v: number) => cache.nodeLabel[v] === CASE;
  /** The visible nodes across visible INVOLVES and SUSPECT_IN links from `v`, once each. */
  const across = (v: number): number[] => {
    const out: number[] = [];
    cache.forEachLink(v, (l) => {
      if (!passes(cache, filter, l)) return;
      const w = cache.linkFrom[l] === v ? cache.linkTo[l]! : cache.linkFrom[l]!;
      if (visible(w)) out.push(w);
    });
    // Parallel links (one case, one card, two keys) reach a node twice: rare. A case's list is short.
    return out.length <= 1 ? out : out.length > 32 ? [...new Set(out)] : out.filter((w, k) => out.indexOf(w) === k);
  };
  /** Ids are decoded once per node: an identifier appears in many cases' lists. */
  const names = new Map<number, string>();
  const idOf = (v: number) => {
    let id = names.get(v);
    if (id === undefined) names.set(v, (id = cache.nodeId(v)));
    return id;
  };

  let targets: number[];
  if (caseIds) targets = visibleIndexes(cache, sight, caseIds).filter(isCase);
  else {
    targets = [];
    for (let v = 0; v < cache.nodeCount; v++) if (isCase(v) && visible(v)) targets.push(v);
  }

  // In id order, so that every identifier's cases gather in id order too.
  const named = targets.map((v) => ({ v, id: idOf(v) })).sort(byId);
  const touched = new Map<number, number[]>();
  const cases: CaseFacts[] = named.map(({ v, id }) => {
    const own = across(v).filter((i) => !isCase(i));
    for (const i of own) {
      const list = touched.get(i);
      if (list) list.push(v);
      else touched.set(i, [v]);
    }
    const text = cache.nodeText(v, FACTS);
    return {
      id,
      category: text.category ?? null,
      reportedAt: text.reportedAt ?? null,
      city: text.city ?? null,
      district: text.district ?? null,
      identifiers: own.map(idOf).sort(),
    };
  });
  const identifiers: IdentifierUse[] = [];
  for (const [i, seen] of touched) {
    // Asked for some cases only: the identifier's other cases are counted from its side.
    if (sharedOnly && seen.length < 2 && !caseIds) continue;
    const all = caseIds ? across(i).filter(isCase) : seen;
    if (sharedOnly && all.length < 2) continue;
    identifiers.push({
      id: idOf(i),
      label: cache.label(i),
      caseCount: all.length,
      cases: all.length > casesPerIdentifier ? [] : caseIds ? all.map(idOf).sort() : all.map(idOf),
    });
  }
  return { cases, identifiers: identifiers.sort(byId) };
}
