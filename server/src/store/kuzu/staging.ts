import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { KuzuSession } from './kuzu-runner';

/**
 * Staging files for Kuzu's COPY, one per table per batch: CSV, which Kuzu reads by column
 * position, written in the table's own column order. A plain string (BARE_STRING: no quote,
 * comma, backslash or control character, no space at either end, not empty) is written bare;
 * any other is quoted with `"` doubled inside (RFC 4180; Kuzu's default escape is a backslash,
 * hence QUOTE and ESCAPE given). Kuzu reads a bare field faster: a statement's million links
 * took 15-17 us of COPY CPU a link bare against 20 quoted. A null string is `\N` (NULL_STRINGS:
 * by default Kuzu reads `""` as null, and an empty key is a real value), any other null an empty
 * field (Kuzu 0.11 applies NULL_STRINGS to strings alone);
 * and a file with a line break inside a value is read with PARALLEL=FALSE (Kuzu's parallel reader
 * refuses quoted line breaks). Kuzu reads a list cell `[a,b]` without unquoting its items, so a
 * list item is written bare only when it has none of `[ ] , ' " \ { }`, no line break and no
 * surrounding space; a table whose rows hold any other list item, or the string `\N`, goes as
 * JSON lines instead (Kuzu's JSON reader takes any value, at about the same speed here).
 */
export interface TableColumns {
  /** Column names in the table's order; a link table's begin with `from` and `to`. */
  names: string[];
  /** Kuzu types, by column. */
  types: string[];
}

const CSV_OPTIONS = `HEADER=true, QUOTE='"', ESCAPE='"', NULL_STRINGS=['\\\\N']`;
/** The COPY options that read staged CSV; `lineBreaks`: some value holds a line break. */
export const csvOptions = (lineBreaks: boolean) => `${CSV_OPTIONS}${lineBreaks ? ', PARALLEL=FALSE' : ''}`;
const BARE_STRING = /^(?:[^\s,"'\\#[{\x00-\x1f]|[^\s,"'\\#[{\x00-\x1f][^,"'\\\x00-\x1f]*[^\s,"'\\\x00-\x1f])$/;
const BARE_ITEM = /^(?:[^\s,[\]'"\\{}]|[^\s,[\]'"\\{}][^\r\n,[\]'"\\{}]*[^\s,[\]'"\\{}])$/;

/** The columns of each table, read once per database from Kuzu's catalog. */
export async function tableColumns(s: KuzuSession, table: string, rel: boolean): Promise<TableColumns> {
  const rows = await s.query(`CALL table_info('${table}') RETURN *`);
  const names = rows.map((r) => String(r.name));
  const types = rows.map((r) => String(r.type));
  return rel ? { names: ['from', 'to', ...names], types: ['STRING', 'STRING', ...types] } : { names, types };
}

type ToRow<T> = (item: T) => Record<string, unknown>;
const asRow = <T>(item: T) => item as Record<string, unknown>;
/** An item's own properties, columns as much as its row's (spreading them into the row cost more than writing it). */
type PropsOf<T> = ((item: T) => Record<string, unknown>) | undefined;

/**
 * Writes the rows of `items` to a staging file in `dir` and COPYs it into `table`; nothing when
 * there are none. `toRow` makes each item's row as it is written (rows made up front for a whole
 * batch would outlive the garbage collector's young generation, and a million of them cost more
 * to collect than to write).
 */
export async function copyRows<T>(
  s: KuzuSession,
  dir: string,
  table: string,
  columns: TableColumns,
  items: readonly T[],
  n: number,
  toRow: ToRow<T> = asRow,
  propsOf?: PropsOf<T>,
): Promise<void> {
  if (items.length === 0) return;
  const base = join(dir, `${table}-${n}`);
  if (base.includes("'")) throw new Error(`temporary folder ${dir} has a quote in its name`);
  const staged = writeCsv(`${base}.csv`, columns, items, toRow, propsOf);
  if (staged === null) {
    rmSync(`${base}.csv`, { force: true });
    const json = propsOf ? (x: T) => JSON.stringify({ ...propsOf(x), ...toRow(x) }) : (x: T) => JSON.stringify(toRow(x));
    writeInChunks(`${base}.json`, items.length, (i) => json(items[i]!));
    await s.query(`COPY ${table} FROM '${base}.json'`);
    return;
  }
  await s.query(`COPY ${table} FROM '${base}.csv' (${csvOptions(staged.lineBreaks)})`);
}

/** Writes the CSV of the rows of `items` to `file`; null (the file half written) when some value cannot be written in CSV exactly. */
export function writeCsv<T>(file: string, columns: TableColumns, items: readonly T[], toRow: ToRow<T> = asRow, propsOf?: PropsOf<T>): { lineBreaks: boolean } | null {
  const csv = new CsvLines(columns);
  let bad = false;
  writeInChunks(
    file,
    items.length,
    (i) => {
      const item = items[i]!;
      const text = bad ? null : csv.line(toRow(item), propsOf?.(item));
      if (text === null) bad = true;
      return text ?? '';
    },
    csv.header,
  );
  return bad ? null : { lineBreaks: csv.lineBreaks };
}

/** One table's rows as CSV lines (see above). */
export class CsvLines {
  readonly header: string;
  /** Whether a line so far had a line break inside a value (COPY must then read it with PARALLEL=FALSE). */
  lineBreaks = false;
  private readonly kinds: number[];
  private readonly index: Map<string, number>;
  /** A line of nulls, each row's cells start from (rows are sparse: a node has its label's few properties). */
  private readonly nulls: string[];

  constructor(columns: TableColumns) {
    this.header = columns.names.join(',');
    this.kinds = columns.types.map((t) => (t.endsWith('[]') ? LIST : t === 'STRING' ? STRING : OTHER));
    this.index = new Map(columns.names.map((name, c) => [name, c]));
    this.nulls = this.kinds.map((k) => (k === STRING ? '\\N' : ''));
  }

  /**
   * The line of `row` and `props` (their properties that are columns; `row` wins where both
   * name one), or null when one of its values cannot be written in CSV exactly.
   */
  line(row: Record<string, unknown>, props?: Record<string, unknown>): string | null {
    const cells = this.nulls.slice();
    if (props && this.fill(cells, props, row) === null) return null;
    return this.fill(cells, row) === null ? null : cells.join(',');
  }

  /** Sets the cells of `row`'s column values, skipping names `except` has; null when one cannot be written. */
  private fill(cells: string[], row: Record<string, unknown>, except?: Record<string, unknown>): string[] | null {
    for (const name in row) {
      if (except && name in except) continue;
      const c = this.index.get(name);
      const value = row[name];
      if (c === undefined || value === null || value === undefined) continue;
      switch (this.kinds[c]) {
        case STRING: {
          const text = typeof value === 'string' ? value : String(value);
          if (BARE_STRING.test(text)) {
            cells[c] = text;
            break;
          }
          if (text === '\\N') return null;
          if (text.includes('\n') || text.includes('\r')) this.lineBreaks = true;
          cells[c] = text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
          break;
        }
        case LIST: {
          const items = value as unknown[];
          for (const item of items) if (typeof item !== 'string' || !BARE_ITEM.test(item)) return null;
          cells[c] = `"[${items.join(',')}]"`;
          break;
        }
        default:
          cells[c] = String(value);
      }
    }
    return cells;
  }
}

/**
 * Writes `count` lines (and a header line first, if given) to `file`, each encoded straight into
 * one reused buffer that is written whenever it fills. Joining 20,000 lines into a string and
 * writing that (a large string a chunk, encoded again into a new Buffer by writeSync) cost more
 * than making the lines: writeCsv of a statement's 1,000,000 links took 10.0-12.7 s of CPU and
 * 15.6-16.0 s wall that way, 4.0-4.2 s and 6.2-6.6 s through the buffer (same run, load 4-5).
 */
function writeInChunks(file: string, count: number, lineAt: (i: number) => string, header?: string): void {
  const fd = openSync(file, 'w');
  let pos = 0;
  const put = (line: string) => {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: room for the line and its line feed.
    if (pos + 3 * line.length + 1 > buffer.length) {
      if (pos > 0) writeSync(fd, buffer, 0, pos);
      pos = 0;
      if (3 * line.length + 1 > buffer.length) {
        writeSync(fd, `${line}\n`);
        return;
      }
    }
    pos += buffer.write(line, pos);
    buffer[pos++] = LINE_FEED;
  };
  try {
    if (header !== undefined) put(header);
    for (let i = 0; i < count; i++) put(lineAt(i));
    if (pos > 0) writeSync(fd, buffer, 0, pos);
  } finally {
    closeSync(fd);
  }
}

const LINE_FEED = 0x0a;
/** Staging files are written one at a time (writeInChunks is synchronous), so one buffer serves them all. */
const buffer = Buffer.allocUnsafe(4 * 2 ** 20);

const STRING = 0;
const LIST = 1;
const OTHER = 2;
