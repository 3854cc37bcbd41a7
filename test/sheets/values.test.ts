import { describe, expect, it } from 'vitest';
import { parseCallType, parseFen, parseSeconds, parseTime, parseWay } from '../../server/src/sheets/values';

const SH = 'Asia/Shanghai';

describe('parseFen', () => {
  it('reads decimal yuan into exact fen, with separators, signs and full-width digits', () => {
    expect(parseFen('1234.5')).toBe(123450);
    expect(parseFen('1,234,567.89')).toBe(123456789);
    expect(parseFen('１２，３４５．６７')).toBe(1234567);
    expect(parseFen('-0.01')).toBe(-1);
    expect(parseFen('¥ 88.00')).toBe(8800);
    expect(parseFen('(12.30)')).toBe(-1230);
    expect(parseFen('0.1')).toBe(10);
    expect(parseFen('12.340000000001')).toBe(1234);
    expect(parseFen('90071992547409.91')).toBe(9007199254740991);
  });
  it('refuses what is no amount', () => {
    expect(() => parseFen('五百')).toThrow('not an amount');
    expect(() => parseFen('1.234')).toThrow('more than two decimals');
    expect(() => parseFen('')).toThrow('no amount');
  });
});

describe('parseTime', () => {
  it('places wall-clock spellings in the file time zone', () => {
    for (const s of ['2026-02-05 14:05:32', '20260205140532', '2026/2/5 14:05:32', '2026年2月5日 14:05:32', '２０２６-０２-０５ １４:０５:３２', '2026-02-05T14:05:32']) {
      expect(parseTime(s, SH)).toBe('2026-02-05T06:05:32.000Z');
    }
    expect(parseTime('2026/2/5 14:05', SH)).toBe('2026-02-05T06:05:00.000Z');
    expect(parseTime('2026-02-05 14:05:32', 'UTC')).toBe('2026-02-05T14:05:32.000Z');
    expect(parseTime('2026-07-01 12:00:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(parseTime('2026-02-05T14:05:32+09:00', SH)).toBe('2026-02-05T05:05:32.000Z');
  });
  it('reads Excel serial day numbers and split date and time columns', () => {
    expect(parseTime('46058.5871759259', SH)).toBe('2026-02-05T06:05:32.000Z');
    expect(parseTime('20260205', SH, '14:05:32')).toBe('2026-02-05T06:05:32.000Z');
    expect(parseTime('2026-02-05', SH, '140532')).toBe('2026-02-05T06:05:32.000Z');
    expect(parseTime('46058', SH, '0.5871759259')).toBe('2026-02-05T06:05:32.000Z');
  });
  it('knows leap days: every fourth year, not a century unless a fourth century', () => {
    expect(parseTime('2024-02-29 08:00:00', SH)).toBe('2024-02-29T00:00:00.000Z');
    expect(parseTime('2000-02-29 08:00:00', SH)).toBe('2000-02-29T00:00:00.000Z');
    expect(() => parseTime('2100-02-29 08:00:00', SH)).toThrow('not a time');
    expect(() => parseTime('2026-02-29 08:00:00', SH)).toThrow('not a time');
    expect(parseTime('2026-12-31 08:00:00', SH)).toBe('2026-12-31T00:00:00.000Z');
  });
  it('refuses dates that are no dates', () => {
    expect(() => parseTime('2026-02-30 10:00:00', SH)).toThrow('not a time');
    expect(() => parseTime('2026-04-31 08:00:00', SH)).toThrow('not a time');
    expect(() => parseTime('yesterday', SH)).toThrow('not a time');
    expect(() => parseTime('20260205', SH, '25:00:00')).toThrow('not a time');
  });
});

describe('directions and durations', () => {
  it('reads the usual flags', () => {
    expect(['出', '借', '付', 'D', 'Debit', '支出'].map(parseWay)).toEqual(Array(6).fill('out'));
    expect(['进', '贷', '收', 'C', 'CR', '收入'].map(parseWay)).toEqual(Array(6).fill('in'));
    expect(() => parseWay('?')).toThrow('not a direction');
    expect(['主叫', '被叫', '呼转', '主叫短信'].map(parseCallType)).toEqual(['out', 'in', 'out', 'sms']);
  });
  it('reads durations in seconds, clock form and Chinese units', () => {
    expect(['62', '00:01:02', '01:02', '1分2秒', '0时1分2秒', '62秒'].map(parseSeconds)).toEqual(Array(6).fill(62));
    expect(() => parseSeconds('long')).toThrow('not a duration');
  });
});
