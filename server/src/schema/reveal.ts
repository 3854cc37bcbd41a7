import type { Revealed } from '../api/reveal';
import { builder } from './builder';

const RevealedValue = builder.objectRef<Revealed>('RevealedValue').implement({
  description: 'A sensitive value shown unmasked, once, to the user who gave a reason.',
  fields: (t) => ({
    nodeId: t.exposeID('nodeId'),
    property: t.exposeString('property'),
    value: t.exposeString('value', { nullable: true }),
  }),
});

builder.mutationFields((t) => ({
  reveal: t.field({
    type: RevealedValue,
    description:
      'Shows one masked value (a national id, a full card number, a victim’s name) to an investigator, task-force lead or prosecutor who states why (BAD_INPUT without a reason); the reveal and its reason are audited.',
    args: { nodeId: t.arg.id({ required: true }), property: t.arg.string({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_, a, ctx) => ctx.services.reveal.reveal(ctx.viewer, { ...a, nodeId: String(a.nodeId) }),
  }),
}));
