import type { CaseFigure, CasePage } from '../domain/types';
import type { GraphStore } from '../store/graph-store';
import { apiError } from './errors';
import { API_LIMITS, clamp } from './limits';
import type { ApiViewer } from './viewer';

export interface CasesArgs {
  from?: string | null;
  to?: string | null;
  month?: string | null;
  province?: string | null;
  category?: string | null;
  channel?: string | null;
  status?: string | null;
  having?: CaseFigure | null;
  limit?: number | null;
  offset?: number | null;
}

const SHANGHAI = '+08:00';

/** An Asia/Shanghai calendar month (YYYY-MM) as a window of instants, as stats buckets months. */
export function monthWindow(month: string): { from: string; to: string } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw apiError('BAD_INPUT', `month: expected YYYY-MM, got ${JSON.stringify(month)}`);
  const year = Number(m[1]);
  const next = Number(m[2]) === 12 ? `${year + 1}-01` : `${year}-${String(Number(m[2]) + 1).padStart(2, '0')}`;
  const from = new Date(`${month}-01T00:00:00${SHANGHAI}`).toISOString();
  const to = new Date(Date.parse(`${next}-01T00:00:00${SHANGHAI}`) - 1).toISOString();
  return { from, to };
}

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : Date.parse(a) > Date.parse(b) ? a : b);
const earlier = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : Date.parse(a) < Date.parse(b) ? a : b);

/** The yearly report's drill-down: the cases behind one of its figures. */
export function createReportServices(store: GraphStore) {
  return {
    cases: (viewer: ApiViewer, a: CasesArgs): Promise<CasePage> => {
      const month = a.month ? monthWindow(a.month) : undefined;
      const offset = a.offset === null || a.offset === undefined ? 0 : Math.max(0, Math.min(Math.trunc(a.offset), API_LIMITS.caseOffset.max));
      return store.cases(
        viewer,
        {
          from: later(a.from ?? undefined, month?.from),
          to: earlier(a.to ?? undefined, month?.to),
          province: a.province ?? undefined,
          category: a.category ?? undefined,
          channel: a.channel ?? undefined,
          status: a.status ?? undefined,
          having: a.having ?? undefined,
        },
        { limit: clamp(a.limit, API_LIMITS.cases.max, API_LIMITS.cases.fallback), offset },
      );
    },
  };
}
