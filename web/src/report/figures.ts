/**
 * The yearly report's figures from the API's stats, as the dashboard shows them: each figure with
 * the filter that lists the cases behind it, and breakdowns with their shares. Pure, no DOM.
 */

export type CaseFigure = 'SUSPECT' | 'LOSS' | 'STOPPED' | 'RETURNED' | 'FROZEN_CARD';

/** What the cases query is asked to list the cases behind a number. */
export interface CaseDrill {
  month?: string;
  province?: string;
  category?: string;
  channel?: string;
  status?: string;
  having?: CaseFigure;
}

export interface Bucket {
  key: string;
  cases: number;
  loss?: string;
}

export interface ShareRow {
  key: string;
  cases: number;
  loss: string | undefined;
  /** Share of all cases in the breakdown, in percent with one decimal. */
  percent: number;
  /** Bar length against the largest row, 0–100. */
  bar: number;
}

/** Rows of a breakdown with their shares; `order` 'cases' puts the largest first, 'key' keeps the API's order (months). */
export function shares(buckets: readonly Bucket[], order: 'cases' | 'key' = 'cases'): ShareRow[] {
  const total = buckets.reduce((s, b) => s + b.cases, 0);
  const max = buckets.reduce((m, b) => Math.max(m, b.cases), 0);
  const rows = buckets.map((b) => ({
    key: b.key,
    cases: b.cases,
    loss: b.loss,
    percent: total === 0 ? 0 : Math.round((b.cases / total) * 1000) / 10,
    bar: max === 0 ? 0 : Math.round((b.cases / max) * 100),
  }));
  return order === 'cases' ? rows.sort((a, b) => b.cases - a.cases || (a.key < b.key ? -1 : 1)) : rows;
}

export type FigureKey = 'reported' | 'solved' | 'suspects' | 'loss' | 'stopped' | 'frozen' | 'returned';

export interface Figure {
  key: FigureKey;
  /** A count, or money in fen (a decimal string, as the API's Money). */
  value: number | string;
  money: boolean;
  /** A second figure shown under the first (money frozen under the frozen accounts). */
  extra?: string;
  drill: CaseDrill;
}

export interface ReportStats {
  cases: { cases: number; loss: string; stopped: string; returned: string };
  suspects: number;
  frozenCards: number;
  frozenAmount: string;
  byStatus: readonly Bucket[];
}

/** The report's headline figures, in the order the Shanghai report gives them. */
export function headline(s: ReportStats): Figure[] {
  const solved = s.byStatus.find((b) => b.key === 'SOLVED')?.cases ?? 0;
  return [
    { key: 'reported', value: s.cases.cases, money: false, drill: {} },
    { key: 'solved', value: solved, money: false, drill: { status: 'SOLVED' } },
    { key: 'suspects', value: s.suspects, money: false, drill: { having: 'SUSPECT' } },
    { key: 'loss', value: s.cases.loss, money: true, drill: { having: 'LOSS' } },
    { key: 'stopped', value: s.cases.stopped, money: true, drill: { having: 'STOPPED' } },
    { key: 'frozen', value: s.frozenCards, money: false, extra: s.frozenAmount, drill: { having: 'FROZEN_CARD' } },
    { key: 'returned', value: s.cases.returned, money: true, drill: { having: 'RETURNED' } },
  ];
}
