import { CASE_CATEGORIES } from '../domain/model';
import type { Stats as Result, StatsBucket as Bucket } from '../domain/types';
import { builder } from './builder';
import { LinkTypeEnum, NodeLabel, modelEnum } from './node';

/** Counts and money sums for a task-force lead's dashboard. */

const StatsBucket = builder.objectRef<Bucket>('StatsBucket').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    cases: t.exposeInt('cases'),
    loss: t.field({ type: 'Money', resolve: (b) => b.loss }),
    stopped: t.field({ type: 'Money', resolve: (b) => b.stopped }),
    returned: t.field({ type: 'Money', resolve: (b) => b.returned }),
  }),
});

/** Totals in a fixed order, whatever order the engine counted them in. */
const byKey = (totals: Record<string, number | undefined>) => Object.entries(totals).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const Count = builder.objectRef<[string, number | undefined]>('LabelTotal').implement({
  fields: (t) => ({ label: t.field({ type: NodeLabel, resolve: ([k]) => k as never }), count: t.int({ resolve: ([, n]) => n ?? 0 }) }),
});
const LinkCount = builder.objectRef<[string, number | undefined]>('LinkTypeTotal').implement({
  fields: (t) => ({ type: t.field({ type: LinkTypeEnum, resolve: ([k]) => k as never }), count: t.int({ resolve: ([, n]) => n ?? 0 }) }),
});

const Stats = builder.objectRef<Result>('Stats').implement({
  description: 'Over the visible graph only. Months are Asia/Shanghai calendar months (YYYY-MM).',
  fields: (t) => ({
    nodes: t.field({ type: [Count], description: 'By label, in label order.', resolve: (s) => byKey(s.totals.nodes) }),
    links: t.field({ type: [LinkCount], description: 'By link type, in type order.', resolve: (s) => byKey(s.totals.links) }),
    sources: t.int({ resolve: (s) => s.totals.sources }),
    cases: t.field({ type: StatsBucket, resolve: (s) => s.cases }),
    suspects: t.int({ description: 'People who are suspects in the cases counted.', resolve: (s) => s.suspects }),
    frozenCards: t.int({ description: 'Bank accounts frozen inside the window (province and category do not apply).', resolve: (s) => s.frozen.cards }),
    frozenAmount: t.field({ type: 'Money', description: 'The money frozen on them.', resolve: (s) => s.frozen.amount }),
    byCategory: t.field({ type: [StatsBucket], resolve: (s) => s.byCategory }),
    byChannel: t.field({ type: [StatsBucket], resolve: (s) => s.byChannel }),
    byProvince: t.field({ type: [StatsBucket], resolve: (s) => s.byProvince }),
    byStatus: t.field({ type: [StatsBucket], resolve: (s) => s.byStatus }),
    byMonth: t.field({ type: [StatsBucket], resolve: (s) => s.byMonth }),
  }),
});

builder.queryField('stats', (t) =>
  t.field({
    type: Stats,
    args: {
      from: t.arg({ type: 'DateTime', description: 'Cases reported at or after this instant.' }),
      to: t.arg({ type: 'DateTime', description: 'Cases reported at or before this instant.' }),
      province: t.arg.string(),
      category: t.arg({ type: modelEnum(CASE_CATEGORIES) }),
    },
    resolve: (_, a, ctx) => ctx.services.stats(ctx.viewer, a),
  }),
);
