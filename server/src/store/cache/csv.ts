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
  // The next quote at or after `pos`, found once and reused: searching afresh for each record
  // would rescan the stretch up to it, quadratic where quotes are rare.
  let quote = bytes.indexOf(QUOTE, 0);
  while (pos < length) {
    let newline = bytes.indexOf(NEWLINE, pos);
    if (newline < 0) newline = length;
    // Quoted stretches are skipped with indexOf too: a line break inside quotes does not end the record.
    while (quote >= 0 && quote < newline) {
      let close = bytes.indexOf(QUOTE, quote + 1);
      while (close >= 0 && bytes[close + 1] === QUOTE) close = bytes.indexOf(QUOTE, close + 2);
      if (close < 0) {
        newline = length;
        quote = -1;
        break;
      }
      if (close > newline) {
        newline = bytes.indexOf(NEWLINE, close + 1);
        if (newline < 0) newline = length;
      }
      quote = bytes.indexOf(QUOTE, close + 1);
    }
    onRecord(pos, newline);
    pos = newline + 1;
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

/** The value of the field [start, stop): null when unquoted and empty. */
export function fieldValue(buf: Uint8Array, start: number, stop: number): string | null {
  if (start === stop) return null;
  const bytes = buf as Buffer;
  if (buf[start] !== QUOTE) return bytes.toString('utf8', start, stop);
  const text = bytes.toString('utf8', start + 1, stop - 1);
  return text.includes('"') ? text.replaceAll('""', '"') : text;
}

/** A non-negative integer field, read straight from its digits (-1 when empty). */
export function intField(buf: Uint8Array, start: number, stop: number): number {
  if (start === stop) return -1;
  let value = 0;
  for (let i = start; i < stop; i++) value = value * 10 + (buf[i]! - 48);
  return value;
}
