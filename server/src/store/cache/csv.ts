/**
 * The CSV that Kuzu's `COPY (…) TO 'file.csv'` writes: comma-separated, a field quoted with `"`
 * when it holds a comma, quote or line break, a quote doubled inside quotes, one record a line.
 * An unquoted empty field is NULL; a quoted one (`""`) is the empty string.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

/**
 * Calls `onRecord(start, end)` for each record of `buf` (`end` exclusive, before the line
 * break). Records whose text has no quote are found with the native `indexOf`.
 */
export function scanRecords(buf: Uint8Array, onRecord: (start: number, end: number) => void): void {
  const bytes = buf as Buffer;
  const length = buf.length;
  let pos = 0;
  let nextQuote = bytes.indexOf(QUOTE, 0);
  while (pos < length) {
    let newline = bytes.indexOf(NEWLINE, pos);
    if (newline < 0) newline = length;
    if (nextQuote >= 0 && nextQuote < pos) nextQuote = bytes.indexOf(QUOTE, pos);
    if (nextQuote < 0 || nextQuote > newline) {
      onRecord(pos, newline);
      pos = newline + 1;
      continue;
    }
    // A quoted field: walk byte by byte until a line break outside quotes.
    let quoted = false;
    let i = pos;
    for (; i < length; i++) {
      const c = buf[i]!;
      if (c === QUOTE) quoted = !quoted;
      else if (c === NEWLINE && !quoted) break;
    }
    onRecord(pos, i);
    pos = i + 1;
  }
}

/** End (exclusive) of the field that starts at `start`, inside a record that ends at `end`. */
export function fieldEnd(buf: Uint8Array, start: number, end: number): number {
  if (buf[start] !== QUOTE) {
    for (let i = start; i < end; i++) if (buf[i] === COMMA) return i;
    return end;
  }
  let i = start + 1;
  while (i < end) {
    if (buf[i] === QUOTE) {
      if (buf[i + 1] === QUOTE) i += 2;
      else return i + 1;
    } else i++;
  }
  return end;
}

const decoder = new TextDecoder();

/** The value of the field [start, stop): null when unquoted and empty. */
export function fieldValue(buf: Uint8Array, start: number, stop: number): string | null {
  if (start === stop) return null;
  if (buf[start] !== QUOTE) return decoder.decode(buf.subarray(start, stop));
  return decoder.decode(buf.subarray(start + 1, stop - 1)).replaceAll('""', '"');
}

/** Every field of the record [start, end). */
export function parseRecord(buf: Uint8Array, start: number, end: number): (string | null)[] {
  const fields: (string | null)[] = [];
  let pos = start;
  for (;;) {
    const stop = fieldEnd(buf, pos, end);
    fields.push(fieldValue(buf, pos, stop));
    if (stop >= end) return fields;
    pos = stop + 1;
  }
}

/** A non-negative integer field, read straight from its digits (-1 when empty). */
export function intField(buf: Uint8Array, start: number, stop: number): number {
  if (start === stop) return -1;
  let value = 0;
  for (let i = start; i < stop; i++) value = value * 10 + (buf[i]! - 48);
  return value;
}
