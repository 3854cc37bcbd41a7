/**
 * A link's first citation, when it ends in a row number (a sheet row's `src:sheet:<sha>#Sheet1!1234`),
 * is stored in two columns of its own rather than in `sources`: what comes before the number
 * (`citedIn`, the same on every link of a sheet, which Kuzu's string dictionary stores once) and
 * the number (`citedRow`). Stored whole, that unique 90-character string was the costliest column
 * of a statement's COPY: 18 µs of CPU a link at a million links, against 1.9 µs for both ends.
 * Only this adapter knows: every read joins the two back in front of `sources` (values.ts for
 * the driver's rows, `sourcesColumn` for exports and projections).
 */
export const CITED_COLUMNS = { citedIn: 'STRING', citedRow: 'INT64' } as const;

/** A citation's part before a row number with no leading zero that a double holds exactly, and that number. */
const ENDS_IN_ROW = /^([^]*[^0-9])(0|[1-9][0-9]{0,14})$/;

export interface SplitSources {
  citedIn: string | null;
  citedRow: number | null;
  sources: readonly string[];
}

const NOT_SPLIT = (sources: readonly string[]): SplitSources => ({ citedIn: null, citedRow: null, sources });
const NONE: readonly string[] = [];

/** The columns that store `sources`: its first citation split off when it ends in a row number. */
export function splitSources(sources: readonly string[]): SplitSources {
  if (sources.length === 0) return NOT_SPLIT(sources);
  const m = ENDS_IN_ROW.exec(sources[0]!);
  if (!m) return NOT_SPLIT(sources);
  return { citedIn: m[1]!, citedRow: Number(m[2]), sources: sources.length === 1 ? NONE : sources.slice(1) };
}

/** The sources a stored row's columns hold (`citedIn` null: none split off). */
export function joinSources(citedIn: string | null | undefined, citedRow: unknown, sources: readonly string[] | null | undefined): string[] {
  const rest = sources ?? [];
  return citedIn === null || citedIn === undefined ? [...rest] : [`${citedIn}${Number(citedRow)}`, ...rest];
}

/** The Cypher expression of link variable `r`'s whole sources list. */
export function sourcesColumn(r: string): string {
  return `CASE WHEN ${r}.citedIn IS NULL THEN ${r}.sources ELSE list_concat([concat(${r}.citedIn, CAST(${r}.citedRow AS STRING))], ${r}.sources) END`;
}
