import ExcelJS from 'exceljs';
import { CsvSplitter } from './csv-split';
import { detectEncoding, isZip, textDecoder } from './encoding';
import { headOf, metered, type SheetFile } from './sheet-file';

/** One row of a sheet: its number as a spreadsheet shows it (1-based) and its cells as text. */
export interface SheetRow {
  n: number;
  cells: string[];
}

/** Consecutive rows of one sheet. */
export interface SheetChunk {
  sheet: string;
  rows: SheetRow[];
}

export interface ReadOptions {
  /** Hears how many of the file's bytes have been read. */
  onBytes?: (bytes: number) => void;
  /** Rows per chunk (XLSX; a CSV chunk is what one read of the file holds). */
  chunkRows?: number;
}

/**
 * Every row of every sheet of a CSV or XLSX file, streamed a chunk at a time. CSV is decoded
 * from UTF-8 or GBK/GB18030 (detected), comma- or tab-separated (detected), one megabyte at a
 * time; its one sheet is
 * named after the file. XLSX goes through exceljs's streaming reader, one sheet after another.
 */
export async function* readRows(file: SheetFile, options: ReadOptions = {}): AsyncGenerator<SheetChunk> {
  const head = await headOf(file);
  if (isZip(head)) yield* readXlsx(file, options);
  else yield* readCsv(file, head, options);
}

async function* readCsv(file: SheetFile, head: Buffer, options: ReadOptions): AsyncGenerator<SheetChunk> {
  const encoding = detectEncoding(head);
  const sample = textDecoder(encoding).write(head.subarray(0, 16 * 1024));
  const firstLines = sample.split('\n').slice(0, 5).join('\n');
  const splitter = new CsvSplitter(count(firstLines, '\t') > count(firstLines, ',') ? '\t' : ',');
  const decode = encoding === 'utf16le' ? textDecoder(encoding) : lineDecoder(encoding);
  let n = 0;
  let first = true;
  const chunk = (cells: string[][]): SheetChunk => ({ sheet: file.name, rows: cells.map((c) => ({ n: ++n, cells: c })) });
  for await (const bytes of file.open().pipe(metered(options.onBytes))) {
    let text = decode.write(bytes as Buffer);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    const cells: string[][] = [];
    if ('quotes' in decode && !decode.quotes) splitter.pushPlain(text, cells);
    else splitter.push(text, cells);
    if (cells.length > 0) yield chunk(cells);
  }
  const cells: string[][] = [];
  splitter.push(decode.end(), cells);
  splitter.end(cells);
  if (cells.length > 0) yield chunk(cells);
}

/**
 * A decoder for UTF-8 and GB18030 text that gives whole lines: each chunk's bytes up to its
 * last line feed, decoded at once, the rest kept for the next chunk. Neither encoding has a
 * 0x0A or 0x22 byte inside a multi-byte character, so lines and quotes are found in the bytes
 * (a native search) and `quotes` says whether the text just given holds a quote.
 */
function lineDecoder(encoding: 'utf8' | 'gb18030'): { write(chunk: Buffer): string; end(): string; quotes: boolean } {
  const icu = textDecoder(encoding);
  let carry: Buffer | null = null;
  const state = {
    quotes: false,
    write(chunk: Buffer): string {
      const bytes = carry === null ? chunk : Buffer.concat([carry, chunk]);
      const last = bytes.lastIndexOf(0x0a);
      if (last === -1) {
        carry = bytes;
        state.quotes = false;
        return '';
      }
      carry = last + 1 < bytes.length ? Buffer.from(bytes.subarray(last + 1)) : null;
      const whole = bytes.subarray(0, last + 1);
      state.quotes = whole.indexOf(0x22) !== -1;
      return icu.write(whole);
    },
    end(): string {
      const rest = carry === null ? '' : icu.write(carry);
      carry = null;
      return rest + icu.end();
    },
  };
  return state;
}

function count(text: string, char: string): number {
  let k = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) k++;
  return k;
}

/**
 * exceljs's streaming reader now and then loses the zip's last entry (exceljs issue #3064, a race
 * in its single streaming pass). When that entry is `xl/workbook.xml`, as in the files exceljs
 * itself writes, every sheet is still buffered at that point and the read fails before yielding a
 * row, so reading again from the start loses and repeats nothing. A failure after the first row
 * is never retried.
 */
const READ_ATTEMPTS = 3;
const lostWorkbook = (error: unknown) => error instanceof TypeError && error.message.includes("reading 'sheets'");

async function* readXlsx(file: SheetFile, options: ReadOptions): AsyncGenerator<SheetChunk> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const chunk of readXlsxOnce(file, options)) {
        yielded = true;
        yield chunk;
      }
      return;
    } catch (error) {
      if (yielded || !lostWorkbook(error)) throw error;
      if (attempt >= READ_ATTEMPTS) throw new Error(`could not read the workbook's list of sheets in ${READ_ATTEMPTS} attempts; try the import again`);
    }
  }
}

async function* readXlsxOnce(file: SheetFile, options: ReadOptions): AsyncGenerator<SheetChunk> {
  const size = options.chunkRows ?? 10_000;
  const bytes = file.open().pipe(metered(options.onBytes));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let index = 0;
  for await (const worksheet of reader) {
    index++;
    const ws = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name?: string };
    let rows: SheetRow[] = [];
    let name = '';
    for await (const row of ws) {
      name ||= ws.name ?? `Sheet${index}`;
      const values = row.values;
      const cells: string[] = new Array(Math.max(0, values.length - 1));
      for (let i = 1; i < values.length; i++) cells[i - 1] = cellText(values[i]);
      rows.push({ n: row.number, cells });
      if (rows.length >= size) {
        yield { sheet: name, rows };
        rows = [];
      }
    }
    if (rows.length > 0) yield { sheet: name || ws.name || `Sheet${index}`, rows };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell's value as the text a CSV export would hold. Dates are wall-clock times (exceljs reads
 * them as UTC); a number too long for a double to hold exactly (a card number typed as a number)
 * is marked with `~` so that it fails as a card number instead of merging with a wrong one.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : `~${value}`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}
