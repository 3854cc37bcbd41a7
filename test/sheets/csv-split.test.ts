import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter } from '../../server/src/sheets/csv-split';

function split(text: string, cuts: number[]): string[][] {
  const splitter = new CsvSplitter(',');
  const rows: string[][] = [];
  let at = 0;
  for (const cut of [...cuts, text.length].sort((a, b) => a - b)) {
    splitter.push(text.slice(at, Math.max(at, cut)), rows);
    at = Math.max(at, cut);
  }
  splitter.end(rows);
  return rows;
}

const reference = (text: string) => parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];

describe('CsvSplitter', () => {
  it('reads quoted fields, doubled quotes and quoted line breaks however the text is cut', () => {
    const text = 'a,"b,1","say ""hi"""\r\n"two\nlines",x,\r\n\r\nlast,"",z';
    const want = [['a', 'b,1', 'say "hi"'], ['two\nlines', 'x', ''], [''], ['last', '', 'z']];
    for (let cut = 0; cut <= text.length; cut++) expect(split(text, [cut])).toEqual(want);
  });

  it('agrees with csv-parse on any well-formed CSV, cut anywhere', () => {
    const field = fc.oneof(fc.stringMatching(/^[a-z0-9 甲乙]{0,5}$/), fc.stringMatching(/^[a-z,"\n]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`));
    const row = fc.array(field, { minLength: 1, maxLength: 5 }).map((fs) => fs.join(','));
    const csv = fc.tuple(fc.array(row, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n')).map(([rows, eol]) => rows.join(eol) + eol);
    fc.assert(
      fc.property(csv, fc.array(fc.nat(60), { maxLength: 4 }), (text, cuts) => {
        // csv-parse leaves a line of nothing but an empty field out; the splitter gives it as [''].
        const ours = split(text, cuts).filter((r) => !(r.length === 1 && r[0] === ''));
        expect(ours).toEqual(reference(text).filter((r) => !(r.length === 1 && r[0] === '')));
      }),
      { numRuns: 300 },
    );
  });
});
