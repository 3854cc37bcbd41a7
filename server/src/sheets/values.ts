/**
 * Cell values as banks and carriers write them, read into the model's units: amounts in integer
 * fen (exactly, from the decimal yuan text, never through a float), times as UTC ISO strings
 * from the file's wall-clock time in its time zone, durations in seconds. Every reader throws
 * a short reason ("not an amount") that the caller reports with the cell's sheet, row and column.
 */

const FULL_WIDTH = /[０-９．，－＋：／]/g;

/** Full-width digits and punctuation (０-９ ． ， － ＋ ： ／) to ASCII; other text unchanged. */
export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const AMOUNT = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Decimal yuan to integer fen: thousand separators, currency signs, spaces and full-width digits
 * allowed; a third decimal only as float noise from a spreadsheet (`12.340000000001`). Signed.
 */
export function parseFen(raw: string): number {
  let s = raw.trim();
  if (s.length === 0) throw new Error('no amount');
  s = halfWidth(s).replace(/[,\s¥￥]|元$|^RMB|^CNY/g, '');
  // (123.45) is how some ledgers write a negative amount.
  if (s.startsWith('(') && s.endsWith(')')) s = `-${s.slice(1, -1)}`;
  const m = AMOUNT.exec(s);
  if (!m) throw new Error('not an amount');
  let decimals = m[3] ?? '';
  if (decimals.length > 2) {
    if (/^\d\d0+$/.test(decimals)) decimals = decimals.slice(0, 2);
    else if (decimals.length >= 9) return roundedNoise(m[1]!, `${m[2]}.${decimals}`);
    else throw new Error('more than two decimals');
  }
  const fen = Number(m[2]) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new Error('amount too large');
  return m[1] === '-' ? -fen : fen;
}

function roundedNoise(sign: string, text: string): number {
  const fen = Math.round(Number(text) * 100);
  if (Math.abs(fen - Number(text) * 100) > 1e-4) throw new Error('more than two decimals');
  return sign === '-' ? -fen : fen;
}

/** Which way money or a call went, seen from the statement's own card or number. */
export type Way = 'out' | 'in';

const OUT_WORDS = new Set(['出', '付', '借', '支', '支出', '转出', '付款', '借方', '取', 'd', 'dr', 'debit', 'out', '-', '0']);
const IN_WORDS = new Set(['进', '收', '贷', '入', '收入', '转入', '收款', '贷方', '存', 'c', 'cr', 'credit', 'in', '+', '1']);

/** 出/借/付/D = money left the own card; 进/贷/收/C = it came in. */
export function parseWay(raw: string): Way {
  const s = raw.trim().toLowerCase();
  if (OUT_WORDS.has(s)) return 'out';
  if (IN_WORDS.has(s)) return 'in';
  throw new Error('not a direction (expected 出/进, 借/贷, 付/收, D/C)');
}

export type CallWay = Way | 'sms';

/** 主叫 = the own number called; 被叫 = it was called; 呼转 (forwarded) counts as a call out. */
export function parseCallType(raw: string): CallWay {
  const s = raw.trim().toLowerCase();
  if (s.includes('短信') || s.includes('sms') || s.includes('彩信')) return 'sms';
  if (s.includes('被叫') || s === 'mt' || s === 'in' || s === 'incoming' || s === '02') return 'in';
  if (s.includes('主叫') || s.includes('呼转') || s === 'mo' || s === 'out' || s === 'outgoing' || s === '01') return 'out';
  throw new Error('not a call type (expected 主叫/被叫)');
}

const SUCCESS_WORDS = new Set(['', '成功', '交易成功', '是', 'y', 'yes', 'true', '1', '正常', 's', 'success', '00']);

/** True unless the cell says the transaction failed (an empty cell is success). */
export function isSuccess(raw: string): boolean {
  return SUCCESS_WORDS.has(raw.trim().toLowerCase());
}

/** Durations: plain seconds, `00:15:00`, `15:00`, `1时2分3秒`, `15分0秒`, `15'20"`. */
export function parseSeconds(raw: string): number {
  const s = halfWidth(raw.trim());
  if (/^\d+$/.test(s)) return Number(s);
  let m = /^(?:(\d+):)?(\d+):(\d{1,2})$/.exec(s);
  if (m) return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  m = /^(?:(\d+)(?:时|小时|h))?(?:(\d+)(?:分|分钟|'|m))?(?:(\d+)(?:秒|"|s))?$/i.exec(s);
  if (m && (m[1] ?? m[2] ?? m[3]) !== undefined) return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  throw new Error('not a duration');
}

// ---------------------------------------------------------------------------------------------
// Times

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included), as a UTC wall clock. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Wall-clock fields of one moment, before a time zone places them. */
interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

// 2026-02-05 14:05:32, 2026/2/5 14:05, 2026.02.05, 2026年2月5日 14时05分32秒, with optional T and fraction.
const SEPARATED = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?)?$/;
// 20260205140532, 20260205 140532, 20260205 14:05:32, 20260205
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2}):?(\d{2})?)?$/;
const CLOCK = /^(\d{1,2})[:时]?(\d{2})(?:[:分]?(\d{2})(?:\.\d+)?秒?)?$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A time cell to a UTC ISO string. Wall-clock spellings are placed in `zone` (an IANA name,
 * Asia/Shanghai by default); Excel serial day numbers likewise; text with its own offset keeps
 * it. `clock` is the second column of files that split date and time.
 */
export function parseTime(raw: string, zone: string, clock?: string): string {
  const text = halfWidth(raw.trim());
  if (text.length === 0) throw new Error('no time');
  const wall = clock !== undefined && clock.trim() !== '' ? withClock(wallOf(text), halfWidth(clock.trim())) : wallOf(text);
  if (wall === 'offset') {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw new Error('not a time');
    return new Date(ms).toISOString();
  }
  return new Date(zoned(wall, zone)).toISOString();
}

function wallOf(text: string): Wall | 'offset' {
  let m = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (m) return checked({ y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: +(m[4] ?? 0), mi: +(m[5] ?? 0), s: +(m[6] ?? 0) });
  if (SERIAL.test(text)) {
    const days = Number(text);
    if (days < 20_000 || days > 80_000) throw new Error('not a time');
    // Rounded to the second: Excel stores a time of day as a fraction of a day and loses the last bits.
    const d = new Date(EXCEL_EPOCH_MS + Math.round(days * 86_400) * 1000);
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
  }
  m = /^(\d{4}-\d{2}-\d{2})T/.exec(text);
  if (m && WITH_OFFSET.test(text)) return 'offset';
  throw new Error('not a time');
}

function withClock(date: Wall | 'offset', clock: string): Wall {
  if (date === 'offset') throw new Error('not a date');
  if (SERIAL.test(clock) || /^0?\.\d+$/.test(clock)) {
    // A time-of-day cell Excel stored as a fraction of a day.
    const secs = Math.round((Number(clock) % 1) * 86_400);
    return checked({ ...date, h: Math.floor(secs / 3600), mi: Math.floor(secs / 60) % 60, s: secs % 60 });
  }
  const m = CLOCK.exec(clock.length === 5 && /^\d+$/.test(clock) ? `0${clock}` : clock);
  if (!m) throw new Error('not a time of day');
  return checked({ ...date, h: +m[1]!, mi: +m[2]!, s: +(m[3] ?? 0) });
}

function checked(w: Wall): Wall {
  const ok = w.y >= 1970 && w.y <= 2200 && w.mo >= 1 && w.mo <= 12 && w.d >= 1 && w.d <= daysIn(w.y, w.mo) && w.h <= 23 && w.mi <= 59 && w.s <= 59;
  if (!ok) throw new Error('not a time');
  return w;
}

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/;
/** China has kept +08:00 without summer time since 1992; before that Intl decides. */
const FIXED_ZONES: Record<string, { offsetMs: number; since: number }> = {
  'Asia/Shanghai': { offsetMs: 8 * 3_600_000, since: 1992 },
  'Asia/Hong_Kong': { offsetMs: 8 * 3_600_000, since: 1980 },
  'Asia/Taipei': { offsetMs: 8 * 3_600_000, since: 1980 },
  UTC: { offsetMs: 0, since: 0 },
};

/** Milliseconds since the epoch of a wall-clock time in `zone`. */
function zoned(w: Wall, zone: string): number {
  const local = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  const fixed = FIXED_ZONES[zone];
  if (fixed && w.y >= fixed.since) return local - fixed.offsetMs;
  const m = FIXED_OFFSET.exec(zone);
  if (m) return local - (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  // Two rounds find the offset in force at that wall-clock time (one is wrong only across a change).
  let utc = local - offsetAt(local, zone);
  utc = local - offsetAt(utc, zone);
  return utc;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetAt(utcMs: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** True for an IANA zone name or a fixed offset (`+08:00`) the runtime knows. */
export function isTimeZone(zone: string): boolean {
  if (FIXED_OFFSET.test(zone) || zone in FIXED_ZONES) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
