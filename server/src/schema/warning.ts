import type { WarningReason as Reason } from '../domain/early-warning';
import type { GraphNode } from '../domain/types';
import type { RankedWarning } from '../api/warning';
import { API_LIMITS } from '../api/limits';
import { builder } from './builder';
import { Node } from './node';

/** Early warning (预警劝阻): whom the gangs reached who are not victims yet, whom to call first. */

const REASON_CODES = ['CONTACTED_BY', 'CALLS', 'MESSAGES', 'RECENT', 'REACHED_VICTIMS', 'FAKE_BOSS_CONTACT', 'FINANCE_STAFF', 'UNCLAIMED_CALLER'] as const;

const ReasonCode = builder.enumType('WarningReasonCode', {
  values: REASON_CODES,
  description:
    'CONTACTED_BY: how many of the gangs’ phones and accounts reached them (count). CALLS: calls and their seconds. MESSAGES: messages. ' +
    'RECENT: the last contact (at). REACHED_VICTIMS: cases the numbers that reached them are in (count). FAKE_BOSS_CONTACT: one of them played a company boss in a case. ' +
    'FINANCE_STAFF: holds the account of a company a fake boss already cheated (company). UNCLAIMED_CALLER: reached only by numbers no one is known to use and no case involves.',
});

const WarningReason = builder.objectRef<Reason>('WarningReason').implement({
  fields: (t) => ({
    code: t.field({ type: ReasonCode, resolve: (r) => r.code }),
    count: t.int({ nullable: true, resolve: (r) => ('count' in r ? r.count : null) }),
    seconds: t.int({ nullable: true, resolve: (r) => ('seconds' in r ? r.seconds : null) }),
    at: t.field({ type: 'DateTime', nullable: true, resolve: (r) => ('at' in r ? r.at : null) }),
    company: t.string({ nullable: true, resolve: (r) => ('company' in r ? r.company : null) }),
  }),
});

const loadNodes = (ids: string[], ctx: { loaders: { node: { loadMany: (k: string[]) => Promise<(GraphNode | null | Error)[]> } } }) =>
  ctx.loaders.node.loadMany(ids).then((ns) => ns.filter((n): n is GraphNode => !!n && !(n instanceof Error)));

const Warning = builder.objectRef<RankedWarning>('Warning').implement({
  description: 'One person or number to warn, with why.',
  fields: (t) => ({
    rank: t.exposeInt('rank'),
    node: t.field({ type: Node, description: 'The person, or the number or account when no one is known to use it.', resolve: (w) => w.node }),
    identifiers: t.field({ type: [Node], description: 'Their phones and accounts the gangs reached.', resolve: (w, _, ctx) => loadNodes(w.identifiers, ctx) }),
    contactedBy: t.field({ type: [Node], description: 'The gangs’ phones and accounts that reached them.', resolve: (w, _, ctx) => loadNodes(w.contactedBy, ctx) }),
    calls: t.exposeInt('calls'),
    seconds: t.exposeInt('seconds'),
    messages: t.exposeInt('messages'),
    lastAt: t.field({ type: 'DateTime', nullable: true, resolve: (w) => w.lastAt }),
    score: t.exposeFloat('score'),
    reasons: t.field({ type: [WarningReason], resolve: (w) => w.reasons }),
  }),
});

builder.queryField('earlyWarnings', (t) =>
  t.field({
    type: [Warning],
    description: `People and numbers a gang's phones or accounts reached who are not victims, highest risk first (every gang's when gangId is absent); limit at most ${API_LIMITS.warnings.max}, ${API_LIMITS.warnings.fallback} when absent. NOT_FOUND when the gang is not visible.`,
    args: { gangId: t.arg.id(), limit: t.arg.int() },
    resolve: (_, a, ctx) => ctx.services.warning.earlyWarnings(ctx.viewer, { gangId: a.gangId ? String(a.gangId) : null, limit: a.limit }),
  }),
);
