import { describe, expect, it } from 'vitest';
import { normalizeCard, normalizePhone, normalizeTime, searchTerms } from './normalize';

describe('normalizePhone', () => {
  it('reads the spellings of one mobile number as one', () => {
    for (const s of ['138 1234 5678', '+86 13812345678', '13812345678', '0086-138-1234-5678', '8613812345678', '１３８１２３４５６７８']) {
      expect(normalizePhone(s)).toBe('+8613812345678');
    }
  });
  it('puts landlines in E.164 and leaves service numbers alone', () => {
    expect(normalizePhone('021-6321 5678')).toBe('+862163215678');
    expect(normalizePhone('95588')).toBe('95588');
    expect(normalizePhone('Ms Wu')).toBeNull();
  });
});

describe('normalizeCard', () => {
  it('keeps digits only', () => {
    expect(normalizeCard('6222 0212 3456 7890 123')).toBe('6222021234567890123');
    expect(normalizeCard('12ab')).toBeNull();
  });
});

describe('normalizeTime', () => {
  it('spells one instant one way', () => {
    expect(normalizeTime('2026-02-05T14:05:32+08:00')).toBe('2026-02-05T06:05:32.000Z');
    expect(() => normalizeTime('yesterday')).toThrow('not a time: yesterday');
  });
});

describe('searchTerms', () => {
  it('finds a phone and card digits in what was typed', () => {
    expect(searchTerms(' 138 1234 5678 ')).toEqual({ text: '138 1234 5678', phone: '+8613812345678', digits: '13812345678' });
    expect(searchTerms('0123')).toEqual({ text: '0123', phone: '0123', digits: '0123' });
    expect(searchTerms('吴某某')).toEqual({ text: '吴某某', phone: null, digits: null });
  });
});
