import { LABEL_NAMES } from '../../domain/model';
import type { CaseFacts, CaseIncidence, IdentifierUse, PropValue, Viewer } from '../../domain/types';
import { visibleIndexes, visibleNodes } from './cached-reads';
import type { GraphCache } from './graph-cache';
import { linkFilter, passes } from './traverse';

const CASE = LABEL_NAMES.indexOf('Case');
const text = (v: PropValue | undefined) => (typeof v === 'string' ? v : null);

/**
 * The port's caseIncidence from a GraphCache, as case-facts*.cypher, case-incidence*.cypher and
 * identifier-cases.cypher read it: visible cases, and the visible nodes they reach through
 * visible INVOLVES and SUSPECT_IN links.
 */
export function cachedIncidence(cache: GraphCache, viewer: Viewer, caseIds: string[] | null, casesPerIdentifier: number): CaseIncidence {
  const visible = visibleNodes(cache, viewer);
  const filter = linkFilter(cache, viewer, ['INVOLVES', 'SUSPECT_IN'], null);
  const isCase = (v: number) => cache.nodeLabel[v] === CASE;
  const across = (v: number, visit: (w: number) => void) =>
    cache.forEachLink(v, (l) => {
      if (!passes(cache, filter, l)) return;
      const w = cache.linkFrom[l] === v ? cache.linkTo[l]! : cache.linkFrom[l]!;
      if (visible(w)) visit(w);
    });

  let targets: number[];
  if (caseIds) targets = visibleIndexes(cache, viewer, caseIds).filter(isCase);
  else {
    targets = [];
    for (let v = 0; v < cache.nodeCount; v++) if (isCase(v) && visible(v)) targets.push(v);
  }

  const uses = new Map<number, number[]>();
  const cases: CaseFacts[] = targets.map((v) => {
    const own = new Set<number>();
    across(v, (i) => {
      if (!isCase(i)) own.add(i);
    });
    for (const i of own) if (!uses.has(i)) uses.set(i, []);
    const props = cache.node(v).props;
    return {
      id: cache.nodeId(v),
      category: text(props.category),
      reportedAt: text(props.reportedAt),
      city: text(props.city),
      district: text(props.district),
      identifiers: [...own].map((i) => cache.nodeId(i)).sort(),
    };
  });
  const identifiers: IdentifierUse[] = [];
  for (const i of uses.keys()) {
    const touched = new Set<number>();
    across(i, (c) => {
      if (isCase(c)) touched.add(c);
    });
    identifiers.push({
      id: cache.nodeId(i),
      label: cache.label(i),
      caseCount: touched.size,
      cases: touched.size <= casesPerIdentifier ? [...touched].map((c) => cache.nodeId(c)).sort() : [],
    });
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { cases: cases.sort(byId), identifiers: identifiers.sort(byId) };
}
