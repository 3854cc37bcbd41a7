import { describe, expect, it } from 'vitest';
import { fieldEnd, fieldValue, intField, scanRecords } from './csv';

/** Every field of the record [start, end). */
function parseRecord(buf: Uint8Array, start: number, end: number): (string | null)[] {
  const fields: (string | null)[] = [];
  for (let pos = start; ; ) {
    const stop = fieldEnd(buf, pos, end);
    fields.push(fieldValue(buf, pos, stop));
    if (stop >= end) return fields;
    pos = stop + 1;
  }
}

const records = (text: string) => {
  const buf = Buffer.from(text);
  const out: (string | null)[][] = [];
  scanRecords(buf, (s, e) => out.push(parseRecord(buf, s, e)));
  return out;
};

describe('Kuzu CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, NULL apart from the empty string', () => {
    expect(records('case:1,"he said ""hi"",\nthen 走了, | ok",\ncase:2,"",\ncase:3,,7\n')).toEqual([
      ['case:1', 'he said "hi",\nthen 走了, | ok', null],
      ['case:2', '', null],
      ['case:3', null, '7'],
    ]);
  });

  it('reads a last record without a line break, and integer fields from their digits', () => {
    const buf = Buffer.from('12,x\n345,"a,b"');
    const got: number[] = [];
    scanRecords(buf, (s, e) => got.push(intField(buf, s, fieldEnd(buf, s, e))));
    expect(got).toEqual([12, 345]);
    expect(records('345,"a,b"')).toEqual([['345', 'a,b']]);
  });
});
