import { CASE_CATEGORIES, CASE_STATUSES, CHANNELS } from '../domain/model';
import { CASE_FIGURES, type CasePage as Page } from '../domain/types';
import { API_LIMITS } from '../api/limits';
import { builder } from './builder';
import { labelTypes, modelEnum } from './node';

/** The cases behind a figure of the yearly report (the dashboard's drill-down). */

const CaseFigure = builder.enumType('CaseFigure', {
  values: CASE_FIGURES,
  description: 'SUSPECT: has a suspect. LOSS, STOPPED, RETURNED: that money is above zero. FROZEN_CARD: involves a frozen bank account.',
});

const CasePage = builder.objectRef<Page>('CasePage').implement({
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'How many cases match in all.' }),
    cases: t.field({ type: [labelTypes.Case], description: 'This page, newest report first.', resolve: (p) => p.cases }),
  }),
});

builder.queryField('cases', (t) =>
  t.field({
    type: CasePage,
    description: `The visible cases matching a filter, as stats counts them: one page of at most ${API_LIMITS.cases.max} (${API_LIMITS.cases.fallback} when absent), offset at most ${API_LIMITS.caseOffset.max}.`,
    args: {
      from: t.arg({ type: 'DateTime', description: 'Cases reported at or after this instant.' }),
      to: t.arg({ type: 'DateTime', description: 'Cases reported at or before this instant.' }),
      month: t.arg.string({ description: 'An Asia/Shanghai calendar month, YYYY-MM (as stats.byMonth keys).' }),
      province: t.arg.string(),
      category: t.arg({ type: modelEnum(CASE_CATEGORIES) }),
      channel: t.arg({ type: modelEnum(CHANNELS) }),
      status: t.arg({ type: modelEnum(CASE_STATUSES) }),
      having: t.arg({ type: CaseFigure }),
      limit: t.arg.int(),
      offset: t.arg.int(),
    },
    resolve: (_, a, ctx) => ctx.services.report.cases(ctx.viewer, a),
  }),
);
