import type { Subgraph } from '../domain/types';
import { API_LIMITS as L } from '../api/limits';
import { builder } from './builder';
import { Link, Node, labelTypes } from './node';

/** Following the money: time-respecting transfer trails and freezing cards (冻结). */

const MoneyTrail = builder.objectRef<Subgraph>('MoneyTrail').implement({
  description: 'The cards money could have reached from the seeds and the transfers it took, each no earlier than the money arrived at its card.',
  fields: (t) => ({
    nodes: t.field({ type: [Node], resolve: (m) => m.nodes }),
    links: t.field({ type: [Link], resolve: (m) => m.links }),
  }),
});

builder.queryField('moneyTrail', (t) =>
  t.field({
    type: MoneyTrail,
    description: `Transfers out of \`cardIds\` (at most ${L.nodeIds.max}), layer by layer up to \`depth\` (clamped to 1..${L.trailDepth.max}, default ${L.trailDepth.fallback}), from \`after\` on.`,
    args: { cardIds: t.arg.idList({ required: true }), after: t.arg({ type: 'DateTime' }), depth: t.arg.int() },
    resolve: (_, a, ctx) => ctx.services.moneyTrail(ctx.viewer, { ...a, cardIds: a.cardIds.map(String) }),
  }),
);

builder.mutationField('freezeCard', (t) =>
  t.field({
    type: labelTypes.BankCard,
    description: 'Records a freeze of a card: the amount frozen and when (default now), as the viewer.',
    args: { cardId: t.arg.id({ required: true }), amount: t.arg({ type: 'Money', required: true }), at: t.arg({ type: 'DateTime' }) },
    resolve: (_, a, ctx) => ctx.services.freezeCard(ctx.viewer, { ...a, cardId: String(a.cardId) }),
  }),
);
