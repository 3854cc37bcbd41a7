import { caseSeries } from '../domain/case-series';
import { caseFactsOf } from '../domain/incidence';
import { LINKAGE_DEFAULTS, evidenceWeight, linkedCasesOf, type LinkageOptions, type ScoredLink } from '../domain/linkage';
import { LINK_VERDICTS, type CaseFacts, type GraphNode, type LinkVerdict } from '../domain/types';
import type { GraphStore } from '../store/graph-store';
import { JudgementError } from '../store/judgements';
import { apiError } from './errors';
import { API_LIMITS, clamp } from './limits';
import type { ApiViewer } from './viewer';

/** A linked case as the API gives it: its score and reasons, and what the two share (as before scoring). */
export type CaseLinkView = ScoredLink & { shared: { id: string; label: string }[] };

const badField = (field: string, problem: string) => apiError('BAD_INPUT', `${field}: ${problem}`, { field });

/**
 * Case linkage (串并案) and case series over the port: the store reads which cases involve
 * what, the domain (linkage.ts, case-series.ts) scores and clusters.
 */
export function createLinkageServices(store: GraphStore, options: LinkageOptions = LINKAGE_DEFAULTS) {
  const visibleCase = async (viewer: ApiViewer, id: string, field?: string): Promise<GraphNode> => {
    const [node] = await store.getNodes(viewer, [id]);
    if (!node || node.label !== 'Case') throw apiError('NOT_FOUND', field ? `${field}: no Case with this id.` : 'No Case with this id.', field ? { field } : {});
    return node;
  };

  /** The cases linked to one case, scored, with the subgraph of the case, them and what links them. */
  const forCase = async (viewer: ApiViewer, caseId: string) => {
    const root = await visibleCase(viewer, caseId);
    const incidence = await store.caseIncidence(viewer, { caseIds: [caseId], casesPerIdentifier: options.hubCases });
    const judgements = await store.caseLinkJudgements(viewer, { caseIds: [caseId] });
    const candidates = new Set<string>(judgements.flatMap((j) => [j.caseA, j.caseB]));
    for (const use of incidence.identifiers) if (evidenceWeight(use, options) > 0) use.cases.forEach((c) => candidates.add(c));
    candidates.delete(caseId);
    const others = new Map<string, CaseFacts>((await store.getNodes(viewer, [...candidates])).filter((n) => n.label === 'Case').map((n) => [n.id, caseFactsOf(n)]));
    const linked: CaseLinkView[] = linkedCasesOf({ root: incidence.cases[0] ?? caseFactsOf(root), identifiers: incidence.identifiers, others, judgements }, options).map((l) => ({
      ...l,
      shared: l.reasons.flatMap((r) => (r.kind === 'SHARED_IDENTIFIER' ? [{ id: r.id, label: r.label }] : [])),
    }));
    const shown = linked.filter((l) => l.linked);
    const graph = await store.subgraph(viewer, [caseId, ...shown.flatMap((l) => [l.caseId, ...l.shared.map((s) => s.id)])]);
    return { case: root, linked, ...graph };
  };

  return {
    forCase,

    /** Every series among the visible cases, largest first, a page of them. */
    series: async (viewer: ApiViewer, a: { limit?: number | null; offset?: number | null }) => {
      const limit = clamp(a.limit, API_LIMITS.series.max, API_LIMITS.series.fallback);
      const offset = Math.max(0, Math.trunc(a.offset ?? 0) || 0);
      const incidence = await store.caseIncidence(viewer, { casesPerIdentifier: options.hubCases, sharedOnly: true });
      const all = caseSeries(incidence, await store.caseLinkJudgements(viewer, {}), options);
      return { total: all.length, offset, series: all.slice(offset, offset + limit) };
    },

    judge: async (viewer: ApiViewer, a: { caseA: string; caseB: string; verdict: LinkVerdict; reason?: string | null }) => {
      // The judgement counts for the judge's agencies: an anonymous or agency-less one would count for no one.
      if (viewer.agencies.length === 0 || viewer.userId === 'anonymous') throw apiError('FORBIDDEN', 'Judging a case link needs a named user of an agency.');
      if (!(LINK_VERDICTS as readonly string[]).includes(a.verdict)) throw badField('verdict', `one of ${LINK_VERDICTS.join(', ')}.`);
      if (!a.reason || a.reason.trim().length === 0) throw badField('reason', 'say why the cases are or are not linked.');
      if (a.caseA === a.caseB) throw badField('caseB', 'a case cannot be linked to itself.');
      await visibleCase(viewer, a.caseA, 'caseA');
      await visibleCase(viewer, a.caseB, 'caseB');
      try {
        return await store.judgeCaseLink(viewer, { caseA: a.caseA, caseB: a.caseB, verdict: a.verdict, reason: a.reason });
      } catch (error) {
        if (error instanceof JudgementError) throw apiError('BAD_INPUT', error.message, { field: error.field });
        throw error;
      }
    },
  };
}

export type LinkageServices = ReturnType<typeof createLinkageServices>;
