/**
 * A link's time (`at`), when it is a canonical UTC time (`2026-02-05T06:05:32.000Z`, what
 * normalizeTime writes) from 1970 on, is stored as its milliseconds since the epoch in a column
 * of its own, `atMs` (INT64), and `at` is left null: Kuzu stores and COPYs a number for less
 * than a unique 24-character string (raw COPY of a statement's 1,000,000 staged links, alternating
 * runs at load 3.2-3.8: 24.8-29.6 µs of CPU a link against 30.3-31.1 with the time as text). Any other time stays
 * in `at` as it was, and so do the times of links stored before the column existed: a store
 * made before it gains the column (ddl.ts) and both kinds are read.
 *
 * Only this adapter knows: every read gives `at` back as the same string (values.ts for the
 * driver's rows, `timeColumn` for exports and projections), and every time filter in a
 * `.kuzu.cypher` file tests both columns, the number against the bound's milliseconds
 * (`to_epoch_ms(timestamp($from))`). Both orders agree: canonical times sort as text as they do in time.
 */
export const TIME_COLUMNS = { atMs: 'INT64' } as const;

export interface SplitTime {
  at: string | null;
  atMs: number | null;
}

const CANONICAL = /^(?:19[7-9]\d|[2-9]\d{3})-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const NO_TIME: SplitTime = { at: null, atMs: null };

/** The columns that store the time `at` (not a string: none). */
export function splitTime(at: unknown): SplitTime {
  if (typeof at !== 'string') return NO_TIME;
  if (!CANONICAL.test(at)) return { at, atMs: null };
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return { at, atMs: null };
  // Date.parse rolls a day past its month's end or hour 24 over (`2026-02-30T…` is 2 March): such
  // a time stays text, as it was written. Only those can roll over, so only those are written back to compare.
  if (digits(at, 8) <= 28 && digits(at, 11) <= 23) return { at: null, atMs: ms };
  return new Date(ms).toISOString() === at ? { at: null, atMs: ms } : { at, atMs: null };
}

/** The two-digit number at `i` of a string the pattern above has checked. */
const digits = (text: string, i: number) => (text.charCodeAt(i) - 48) * 10 + text.charCodeAt(i + 1) - 48;

/** The time a stored row's columns hold; undefined when neither does. */
export function joinTime(at: unknown, atMs: unknown): string | undefined {
  if (atMs !== null && atMs !== undefined) return new Date(Number(atMs)).toISOString();
  return typeof at === 'string' ? at : undefined;
}

/**
 * The Cypher expression of link variable `r`'s time as text: `at`, or `atMs` written as
 * `Date.toISOString` writes it (Kuzu writes a timestamp `2026-02-05 06:05:32[.123]`, so the
 * milliseconds are added to whole seconds). `warning-contacts.kuzu.cypher` writes it out.
 */
export function timeColumn(r: string): string {
  const ms = `${r}.atMs`;
  const seconds = `CAST(epoch_ms(${ms} - ${ms} % 1000) AS STRING)`;
  return (
    `CASE WHEN ${ms} IS NULL THEN ${r}.at ELSE ` +
    `concat(substring(${seconds}, 1, 10), 'T', substring(${seconds}, 12, 8), '.', lpad(CAST(${ms} % 1000 AS STRING), 3, '0'), 'Z') END`
  );
}
