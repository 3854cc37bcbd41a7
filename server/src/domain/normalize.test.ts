import { describe, expect, it } from 'vitest';
import { normalizeCard, normalizeIdNumber, normalizeImei, normalizeMac, normalizePhone, normalizeTime, searchTerms } from './normalize';

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

describe('device and person identifiers', () => {
  it('names a handset by 14 digits and their check digit, however many the carrier wrote', () => {
    // 86123456789012 and its Luhn digit 7: 14 digits, 15, the IMEISV's 16 and spaced or full-width spellings are one handset.
    for (const s of ['86123456789012', '861234567890127', '8612345678901201', '86 1234567890127', '８６１２３４５６７８９０１２７']) expect(normalizeImei(s)).toBe('861234567890127');
    expect(normalizeImei('490154203237518')).toBe('490154203237518');
    expect(normalizeImei('000000000000000')).toBe('');
    expect(normalizeImei('')).toBe('');
    expect(normalizeImei('8612345')).toBeNull();
    expect(normalizeImei('iPhone')).toBeNull();
  });
  it('writes a MAC address one way and names no device for all zeros', () => {
    for (const s of ['3C:46:D8:1A:07:5E', '3c-46-d8-1a-07-5e', '3c46.d81a.075e', '3C46D81A075E']) expect(normalizeMac(s)).toBe('3c-46-d8-1a-07-5e');
    expect(normalizeMac('00:00:00:00:00:00')).toBe('');
    expect(normalizeMac('FF-FF-FF-FF-FF-FF')).toBe('');
    expect(normalizeMac('3c:46:d8')).toBeNull();
  });
  it('reads national ID numbers with a lower-case x or full-width digits', () => {
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２X')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105491231002')).toBe('110105491231002');
    expect(normalizeIdNumber('1101051949')).toBeNull();
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
