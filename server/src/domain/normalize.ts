/**
 * Normalised forms of what investigators type and what files contain, so that one phone or one
 * card is one node whichever agency or file it came from.
 */

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** Full-width digits to ASCII; spaces, dashes, dots and brackets removed. */
export function compactDigits(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\-().\u3000]/g, '');
}

/**
 * A phone number in E.164 where it can be told (mainland mobiles and landlines, +86/0086/86
 * prefixes); short service numbers (95588) stay as they are. Returns null for non-numbers.
 */
export function normalizePhone(text: string): string | null {
  let s = compactDigits(text);
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (!/^\+?\d{3,15}$/.test(s)) return null;
  if (s.startsWith('+')) return s;
  if (/^86(1\d{10})$/.test(s)) return `+${s}`;
  if (/^1\d{10}$/.test(s)) return `+86${s}`;
  if (/^0[1-9]\d{8,10}$/.test(s)) return `+86${s.slice(1)}`;
  return s;
}

/** A bank card or account number: digits only, 8 to 30 of them. */
export function normalizeCard(text: string): string | null {
  const s = compactDigits(text);
  return /^\d{8,30}$/.test(s) ? s : null;
}

/** The Luhn check digit of a string of digits (an IMEI's 15th). */
function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * A handset's IMEI as 15 digits: carriers write it with 14 (no check digit), 15, or 16 (IMEISV:
 * a software version in place of the check digit), so the first 14 digits and their Luhn digit
 * name the handset whichever was written. Null for anything else; `''` for a placeholder (all
 * zeros, a dash) that names no handset.
 */
export function normalizeImei(text: string): string | null {
  const s = compactDigits(text);
  if (s === '' || /^0+$/.test(s)) return '';
  if (!/^\d{14,16}$/.test(s)) return null;
  if (s.length === 15) return s;
  const body = s.slice(0, 14);
  return body + luhnDigit(body);
}

/** A MAC address as six lower-case hex pairs joined by dashes (`3c-46-d8-1a-07-5e`); `''` for all zeros or all ones, null for anything else. */
export function normalizeMac(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/[\s:.\-]/g, '');
  if (!/^[0-9a-f]{12}$/.test(s)) return null;
  if (/^0+$/.test(s) || /^f+$/.test(s)) return '';
  return s.match(/../g)!.join('-');
}

/** A mainland national ID number: 18 characters (the last a digit or X, upper-cased) or the old 15 digits; null for anything else. */
export function normalizeIdNumber(text: string): string | null {
  const s = compactDigits(text).toUpperCase();
  return /^\d{17}[\dX]$/.test(s) || /^\d{15}$/.test(s) ? s : null;
}

const CANONICAL_TIME = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** ISO 8601 with offset in, UTC ISO out: one spelling per instant, so strings sort by time. */
export function normalizeTime(text: string): string {
  if (CANONICAL_TIME.test(text)) return text;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${text}`);
  return new Date(ms).toISOString();
}

export interface SearchTerms {
  /** The text as typed, trimmed. */
  text: string;
  /** The phone number it would be, if it looks like one. */
  phone: string | null;
  /** Its digits, when it is all digits (a card number, or the last digits of one). */
  digits: string | null;
}

export function searchTerms(raw: string): SearchTerms {
  const text = raw.trim();
  const compact = compactDigits(text);
  const digits = /^\d{4,30}$/.test(compact) ? compact : null;
  const phone = /^[+\d]/.test(compact) ? normalizePhone(text) : null;
  return { text, phone, digits };
}
