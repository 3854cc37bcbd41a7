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

/** The most digits of a row number stored split: a double holds any of them exactly. */
const MAX_ROW_DIGITS = 15;

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
  const first = sources[0]!;
  const at = rowNumberAt(first);
  if (at === -1) return NOT_SPLIT(sources);
  return { citedIn: first.slice(0, at), citedRow: Number(first.slice(at)), sources: sources.length === 1 ? NONE : sources.slice(1) };
}

/**
 * Where the row number `citation` ends in begins: its trailing digits, when something other than
 * a digit comes before them and they are `0` or have no leading zero and at most MAX_ROW_DIGITS;
 * else -1. A scan from the end rather than a regular expression: it runs for every link of a
 * million-row statement.
 */
function rowNumberAt(citation: string): number {
  let at = citation.length;
  while (at > 0 && isDigit(citation.charCodeAt(at - 1))) at--;
  const digits = citation.length - at;
  if (at === 0 || digits === 0 || digits > MAX_ROW_DIGITS) return -1;
  return digits > 1 && citation.charCodeAt(at) === ZERO ? -1 : at;
}

const ZERO = 48;
const isDigit = (code: number) => code >= ZERO && code <= ZERO + 9;

/** The sources a stored row's columns hold (`citedIn` null: none split off). */
export function joinSources(citedIn: string | null | undefined, citedRow: unknown, sources: readonly string[] | null | undefined): string[] {
  const rest = sources ?? [];
  return citedIn === null || citedIn === undefined ? [...rest] : [`${citedIn}${Number(citedRow)}`, ...rest];
}

/**
 * The Cypher expression of link variable `r`'s whole sources list. A link updated with no
 * sources beside its citation has a null list (the update statement stores an empty list as null), and
 * list_concat with a null is null: that case is the citation alone.
 */
export function sourcesColumn(r: string): string {
  const cited = `concat(${r}.citedIn, CAST(${r}.citedRow AS STRING))`;
  return `CASE WHEN ${r}.citedIn IS NULL THEN ${r}.sources WHEN ${r}.sources IS NULL THEN [${cited}] ELSE list_concat([${cited}], ${r}.sources) END`;
}
