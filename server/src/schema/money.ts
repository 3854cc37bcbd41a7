import type { TrailView } from '../api/analysis';
import { HOLD_HOURS } from '../api/analysis';
import { API_LIMITS as L } from '../api/limits';
import { builder } from './builder';
import { Link, Node, labelTypes } from './node';

/** Following the money (资金穿透): where a victim's money went, what a freeze could recover, and freezing cards (冻结). */

type Card = TrailView['cards'][number];
type Step = TrailView['steps'][number];
type Freeze = TrailView['freezeList'][number];

const TrailCard = builder.objectRef<Card>('TrailCard').implement({
  description: 'A card the victim’s money reached.',
  fields: (t) => ({
    cardId: t.exposeID('cardId'),
    card: t.field({ type: labelTypes.BankCard, nullable: true, resolve: (c) => c.card }),
    layer: t.exposeInt('layer', { description: '1 for the cards the victim paid into, n+1 for a card first reached from a layer-n card.' }),
    amount: t.field({ type: 'Money', description: 'The victim’s money that reached the card.', resolve: (c) => c.amount }),
    remaining: t.field({ type: 'Money', description: 'Of it, what no transfer carried on: withdrawn or still there; a freeze recovers at most this.', resolve: (c) => c.remaining }),
    firstAt: t.field({ type: 'DateTime', resolve: (c) => c.firstAt }),
    lastAt: t.field({ type: 'DateTime', resolve: (c) => c.lastAt }),
    frozen: t.exposeBoolean('frozen'),
  }),
});

const TrailStep = builder.objectRef<Step>('TrailStep').implement({
  description: 'A transfer that carried some of the victim’s money.',
  fields: (t) => ({
    link: t.field({ type: Link, resolve: (s) => s.link }),
    txId: t.exposeString('txId'),
    from: t.exposeID('from'),
    to: t.exposeID('to'),
    amount: t.field({ type: 'Money', description: 'The whole transfer.', resolve: (s) => s.amount }),
    carried: t.field({ type: 'Money', description: 'The victim’s money in it.', resolve: (s) => s.carried }),
    at: t.field({ type: 'DateTime', resolve: (s) => s.at }),
    layer: t.exposeInt('layer', { description: 'Layer of the receiving card.' }),
  }),
});

const FreezeItem = builder.objectRef<Freeze>('FreezeItem').implement({
  description: 'A card to freeze: not frozen yet, with the victim’s money possibly still on it.',
  fields: (t) => ({
    cardId: t.exposeID('cardId'),
    card: t.field({ type: labelTypes.BankCard, nullable: true, resolve: (f) => f.card }),
    layer: t.exposeInt('layer'),
    amount: t.field({ type: 'Money', description: 'Recoverable at most.', resolve: (f) => f.amount }),
    since: t.field({ type: 'DateTime', description: 'When the money last arrived.', resolve: (f) => f.since }),
  }),
});

const MoneyTrail = builder.objectRef<TrailView>('MoneyTrail').implement({
  description:
    'The victim’s money, followed forward in time through TRANSFERRED links and conserved: a transfer carries at most the victim’s money that arrived on its card before it, ' +
    'newest money first (last in, first out); money that sits on a card longer than the hold window is taken as withdrawn. Unrelated earlier transfers never enter.',
  fields: (t) => ({
    cards: t.field({ type: [TrailCard], description: 'By layer, then time.', resolve: (m) => m.cards }),
    steps: t.field({ type: [TrailStep], description: 'In time order.', resolve: (m) => m.steps }),
    freezeList: t.field({ type: [FreezeItem], description: 'Most recoverable first; frozen cards left out.', resolve: (m) => m.freezeList }),
    nodes: t.field({ type: [Node], description: 'The cards, including where the money came from.', resolve: (m) => m.nodes }),
    links: t.field({ type: [Link], description: 'The transfers of `steps`.', resolve: (m) => m.links }),
  }),
});

const TransferRef = builder.inputType('TransferRef', {
  description: 'One transfer: the card it left and its txId.',
  fields: (t) => ({ from: t.id({ required: true }), txId: t.string({ required: true }) }),
});

builder.queryField('moneyTrail', (t) =>
  t.field({
    type: MoneyTrail,
    description:
      `From exactly one of: a case (its victim's transfers), one transfer, or \`cardIds\` (at most ${L.nodeIds.max}; everything leaving them from \`after\` on). ` +
      `\`depth\` card layers (clamped to 1..${L.trailDepth.max}, default ${L.trailDepth.fallback}); \`holdHours\` (1..${HOLD_HOURS.max}, default ${HOLD_HOURS.fallback}). BAD_INPUT unless exactly one start is given; NOT_FOUND for an unknown case or transfer.`,
    args: {
      caseId: t.arg.id(),
      transfer: t.arg({ type: TransferRef }),
      cardIds: t.arg.idList(),
      after: t.arg({ type: 'DateTime' }),
      depth: t.arg.int(),
      holdHours: t.arg.int(),
    },
    resolve: (_, a, ctx) => ctx.services.analysis.moneyTrail(ctx.viewer, { ...a, caseId: a.caseId == null ? null : String(a.caseId), transfer: a.transfer ? { from: String(a.transfer.from), txId: a.transfer.txId } : null, cardIds: a.cardIds?.map(String) }),
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
