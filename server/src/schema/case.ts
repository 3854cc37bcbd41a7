import { builder } from './builder';
import { labelTypes } from './node';

/** Returns of money to a case's victims. Case linkage (串并案) is in linkage.ts. */

builder.mutationField('recordReturn', (t) =>
  t.field({
    type: labelTypes.Case,
    description: "Adds money returned to the victims to a case's `returned`, recorded as the viewer.",
    args: { caseId: t.arg.id({ required: true }), amount: t.arg({ type: 'Money', required: true }) },
    resolve: (_, a, ctx) => ctx.services.recordReturn(ctx.viewer, { ...a, caseId: String(a.caseId) }),
  }),
);
