import type { CaseSeries as Series, SeriesIdentifier as SeriesId } from '../domain/case-series';
import { LINKAGE_DEFAULTS as D, type LinkReason } from '../domain/linkage';
import { CASE_CATEGORIES } from '../domain/model';
import { LINK_VERDICTS, type CaseLinkJudgement as Judgement, type GraphLink, type GraphNode } from '../domain/types';
import type { CaseLinkView } from '../api/linkage';
import { API_LIMITS as L } from '../api/limits';
import { builder } from './builder';
import { Link, Node, NodeLabel, labelTypes, modelEnum } from './node';

/** Case linkage (串并案): linked cases with scores and reasons, case series, investigators' judgements. */

const nodes = (ids: string[], ctx: { loaders: { node: { loadMany: (k: string[]) => Promise<(GraphNode | null | Error)[]> } } }) =>
  ctx.loaders.node.loadMany(ids).then((ns) => ns.filter((n): n is GraphNode => !!n && !(n instanceof Error)));

const Verdict = builder.enumType('LinkVerdict', { values: LINK_VERDICTS });
const ReasonKind = builder.enumType('CaseLinkReasonKind', {
  values: ['SHARED_IDENTIFIER', 'SAME_CATEGORY', 'CLOSE_IN_TIME', 'SAME_PLACE', 'JUDGED'] as const,
});
const Category = modelEnum(CASE_CATEGORIES);

const CaseLinkJudgement = builder.objectRef<Judgement>('CaseLinkJudgement').implement({
  description: "An investigator's word on whether two cases are linked; the latest on a pair counts for the members of the judge's agencies.",
  fields: (t) => ({
    id: t.exposeID('id'),
    caseA: t.exposeID('caseA', { description: 'The pair in id order.' }),
    caseB: t.exposeID('caseB'),
    verdict: t.field({ type: Verdict, resolve: (j) => j.verdict }),
    reason: t.exposeString('reason'),
    judgedBy: t.exposeString('judgedBy'),
    judgedAt: t.field({ type: 'DateTime', resolve: (j) => j.judgedAt }),
    agencies: t.exposeStringList('agencies'),
  }),
});

const pick = <K extends string>(r: LinkReason, key: K) => ((r as Record<string, unknown>)[key] ?? null) as never;

const CaseLinkReason = builder.objectRef<LinkReason>('CaseLinkReason').implement({
  description: 'One piece of evidence for a link and what it weighs; a score is the sum of its reasons’ weights.',
  fields: (t) => ({
    kind: t.field({ type: ReasonKind, resolve: (r) => r.kind }),
    weight: t.exposeFloat('weight', { description: `SHARED_IDENTIFIER: 1 for an identifier two cases share, less the more cases share it, 0 past ${D.hubCases} cases or for a service number. JUDGED: ${D.confirmed} when confirmed, minus the rest when rejected.` }),
    identifier: t.field({ type: Node, nullable: true, description: 'SHARED_IDENTIFIER: the identifier or suspect both cases have.', resolve: (r, _, ctx) => (r.kind === 'SHARED_IDENTIFIER' ? ctx.loaders.node.load(r.id) : null) }),
    identifierId: t.id({ nullable: true, resolve: (r) => pick(r, 'id') }),
    label: t.field({ type: NodeLabel, nullable: true, resolve: (r) => pick(r, 'label') }),
    cases: t.int({ nullable: true, description: 'SHARED_IDENTIFIER: how many cases involve the identifier.', resolve: (r) => pick(r, 'cases') }),
    days: t.int({ nullable: true, description: 'CLOSE_IN_TIME: whole days between the two reports.', resolve: (r) => pick(r, 'days') }),
    detail: t.string({ nullable: true, description: 'SAME_CATEGORY: the category; SAME_PLACE: the city and district.', resolve: (r) => pick(r, 'detail') }),
    judgement: t.field({ type: CaseLinkJudgement, nullable: true, resolve: (r) => (r.kind === 'JUDGED' ? r.judgement : null) }),
  }),
});

const CaseLink = builder.objectRef<CaseLinkView>('CaseLink').implement({
  fields: (t) => ({
    caseId: t.exposeID('caseId'),
    case: t.field({ type: labelTypes.Case, nullable: true, resolve: (l, _, ctx) => ctx.loaders.node.load(l.caseId) }),
    score: t.exposeFloat('score', { description: `The sum of the reasons' weights; linked from ${D.linkScore}.` }),
    linked: t.exposeBoolean('linked', { description: 'Scored as linked, or confirmed; false for a rejected pair (listed so its judgement shows).' }),
    reasons: t.field({ type: [CaseLinkReason], description: 'Shared identifiers (rarest first), then same category, time and place, then the judgement.', resolve: (l) => l.reasons }),
    judgement: t.field({ type: CaseLinkJudgement, nullable: true, description: 'The latest judgement on the pair the viewer may see.', resolve: (l) => l.judgement }),
    shared: t.field({ type: [Node], description: 'The identifiers or suspects both cases involve that count as evidence.', resolve: (l, _, ctx) => nodes(l.shared.map((s) => s.id), ctx) }),
  }),
});

const LinkedCases = builder.objectRef<{ case: GraphNode; linked: CaseLinkView[]; nodes: GraphNode[]; links: GraphLink[] }>('LinkedCases').implement({
  description: 'The case, the cases linked to it, and the subgraph among them and what they share.',
  fields: (t) => ({
    case: t.field({ type: labelTypes.Case, resolve: (l) => l.case }),
    linked: t.field({ type: [CaseLink], description: 'Linked cases, highest score first, then rejected ones.', resolve: (l) => l.linked }),
    nodes: t.field({ type: [Node], resolve: (l, _, ctx) => ctx.maskable(l.nodes) }),
    links: t.field({ type: [Link], resolve: (l) => l.links }),
  }),
});

const SeriesIdentifier = builder.objectRef<SeriesId>('SeriesIdentifier').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    node: t.field({ type: Node, nullable: true, resolve: (s, _, ctx) => ctx.loaders.node.load(s.id) }),
    label: t.field({ type: NodeLabel, resolve: (s) => s.label }),
    cases: t.exposeInt('cases', { description: 'How many cases of the series involve it.' }),
    caseCount: t.exposeInt('caseCount', { description: 'How many cases involve it in all.' }),
  }),
});

const CaseSeries = builder.objectRef<Series>('CaseSeries').implement({
  description: 'Cases clustered by their links (串并案件系列), with what joins them: its one-line reason.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '`series:` and its first case id.' }),
    size: t.int({ resolve: (s) => s.cases.length }),
    caseIds: t.exposeIDList('cases'),
    cases: t.field({ type: [labelTypes.Case], resolve: (s, _, ctx) => nodes(s.cases, ctx) }),
    keyIdentifiers: t.field({ type: [SeriesIdentifier], description: 'The identifiers or suspects that join most of its cases, at most 3.', resolve: (s) => s.keyIdentifiers }),
    identifierCount: t.exposeInt('identifierCount', { description: 'How many identifiers or suspects join its cases in all.' }),
    confirmedLinks: t.exposeInt('confirmedLinks', { description: 'Pairs joined because an investigator confirmed them.' }),
    categories: t.field({ type: [Category], description: 'Its cases’ categories, most frequent first.', resolve: (s) => s.categories as never }),
    from: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.from }),
    to: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.to }),
  }),
});

const CaseSeriesPage = builder.objectRef<{ total: number; offset: number; series: Series[] }>('CaseSeriesPage').implement({
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'How many series there are in all.' }),
    offset: t.exposeInt('offset'),
    series: t.field({ type: [CaseSeries], resolve: (p) => p.series }),
  }),
});

builder.queryFields((t) => ({
  linkedCases: t.field({
    type: LinkedCases,
    description: 'Cases linked to this one by what they share (cards, phones, accounts, devices, suspects; rarer weighs more, hubs nothing), with scores and reasons. NOT_FOUND when the case is not visible.',
    args: { caseId: t.arg.id({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.linkage.forCase(ctx.viewer, String(a.caseId)),
  }),
  caseSeries: t.field({
    type: CaseSeriesPage,
    description: `Every visible case clustered into series (strongly linked cases), largest first; \`limit\` is clamped to 1..${L.series.max} (default ${L.series.fallback}), \`offset\` skips that many.`,
    args: { limit: t.arg.int(), offset: t.arg.int() },
    resolve: (_, a, ctx) => ctx.services.linkage.series(ctx.viewer, a),
  }),
}));

builder.mutationField('judgeCaseLink', (t) =>
  t.field({
    type: CaseLinkJudgement,
    description: 'Confirms or rejects the link between two cases, as the viewer, with a reason (BAD_INPUT naming the field when missing); later scores and series follow it. NOT_FOUND when a case is not visible; FORBIDDEN for an anonymous viewer.',
    args: { caseA: t.arg.id({ required: true }), caseB: t.arg.id({ required: true }), verdict: t.arg({ type: Verdict, required: true }), reason: t.arg.string() },
    resolve: (_, a, ctx) => ctx.services.linkage.judge(ctx.viewer, { ...a, caseA: String(a.caseA), caseB: String(a.caseB) }),
  }),
);
