import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KuzuRunner } from './kuzu-runner';
import { joinTime, splitTime, timeColumn } from './split-time';

describe('a link time in two columns', () => {
  it('stores a canonical UTC time from 1970 on as milliseconds, any other as the text it is', () => {
    expect(splitTime('2026-02-05T06:05:32.123Z')).toEqual({ at: null, atMs: 1770271532123 });
    expect(splitTime('1970-01-01T00:00:00.000Z')).toEqual({ at: null, atMs: 0 });
    expect(splitTime('9999-12-31T23:59:59.999Z')).toEqual({ at: null, atMs: 253402300799999 });
    expect(splitTime('2024-02-29T23:59:59.999Z')).toEqual({ at: null, atMs: Date.UTC(2024, 1, 29, 23, 59, 59, 999) });
    expect(splitTime('2026-01-31T00:00:00.000Z')).toEqual({ at: null, atMs: Date.UTC(2026, 0, 31) });
    const rolledOver = ['2026-02-29T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-01-01T23:60:00.000Z', '2026-01-32T00:00:00.000Z'];
    for (const text of ['1969-12-31T23:59:59.999Z', '2026-02-05T06:05:32Z', '2026-02-05T14:05:32.000+08:00', ...rolledOver, '2026-13-01T00:00:00.000Z', ' 2026-02-05T06:05:32.123Z', ''])
      expect(splitTime(text)).toEqual({ at: text, atMs: null });
    expect(splitTime(undefined)).toEqual({ at: null, atMs: null });
    expect(splitTime(12)).toEqual({ at: null, atMs: null });
  });

  it('gives back the same text from either column, the number first', () => {
    expect(joinTime(null, 1770271532123)).toBe('2026-02-05T06:05:32.123Z');
    expect(joinTime('2026-02-05T06:05:32Z', null)).toBe('2026-02-05T06:05:32Z');
    expect(joinTime(undefined, undefined)).toBeUndefined();
    for (const text of ['2026-02-05T06:05:32.123Z', '1970-01-01T00:00:00.000Z', '2024-02-29T23:59:59.001Z']) {
      const { at, atMs } = splitTime(text);
      expect(joinTime(at, atMs)).toBe(text);
    }
  });

  it('writes the milliseconds in Kuzu as Date.toISOString does', async () => {
    const runner = await KuzuRunner.open(mkdtempSync(join(tmpdir(), 'split-time-')));
    try {
      const times = ['1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.007Z', '2024-02-29T23:59:59.999Z', '2026-02-05T06:05:32.010Z', '2026-02-05T06:05:32.100Z', '9999-12-31T23:59:59.999Z'];
      const rows = await runner.session.query(`UNWIND $ms AS m WITH {atMs: CAST(m AS INT64), at: CAST(NULL AS STRING)} AS r RETURN ${timeColumn('r')} AS at`, { ms: times.map(Date.parse) });
      expect(rows.map((r) => r.at)).toEqual(times);
      const [text] = await runner.session.query(`WITH {atMs: CAST(NULL AS INT64), at: 'as written'} AS r RETURN ${timeColumn('r')} AS at`);
      expect(text!.at).toBe('as written');
    } finally {
      await runner.close();
    }
  });

  it('is the expression warning-contacts.kuzu.cypher writes out (a Cypher file cannot call it)', () => {
    const file = readFileSync(join(import.meta.dirname, '../../../../cypher/warning-contacts.kuzu.cypher'), 'utf8');
    const squeeze = (text: string) => text.replace(/\s+/g, ' ');
    expect(squeeze(file)).toContain(squeeze(`${timeColumn('r')} AS at`));
  });
});
