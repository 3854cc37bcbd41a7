/**
 * How values read on the canvas, in zh-CN (the default) or English. Money crosses the API as a
 * string of integer fen, so amounts are formatted with BigInt and never lose a fen; times are
 * shown in Asia/Shanghai, which has had no daylight saving since 1991, so a fixed +08:00 offset
 * is exact and needs no time-zone data.
 */
import type { GangLayer, Label, LinkType } from '../../../server/src/domain/model';

export type Locale = 'zh-CN' | 'en';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `value` fen divided by `unit` fen, rounded half up to two decimals, trailing zeros dropped. */
function scaled(fen: bigint, unit: bigint): string {
  const hundredths = (fen * 100n + unit / 2n) / unit;
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return group(whole.toString()) + (frac ? `.${frac}` : '');
}

/** Fen as a string of digits (the Money scalar), a number or a bigint → bigint; null when not money. */
export function toFen(value: string | number | bigint | null | undefined): bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  return /^-?\d+$/.test(value) ? BigInt(value) : null;
}

/**
 * 98万 / 3.38亿 / 3,500元 in Chinese (how the anti-fraud reports write amounts);
 * ¥980,000 / ¥12.50 in English.
 */
export function formatMoney(value: string | number | bigint, locale: Locale = 'zh-CN'): string {
  const fen = toFen(value);
  if (fen === null) return String(value);
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  if (locale === 'en') {
    const cents = abs % 100n;
    return `${sign}¥${group((abs / 100n).toString())}${cents ? `.${cents.toString().padStart(2, '0')}` : ''}`;
  }
  if (abs >= 10_000_000_000n) return `${sign}${scaled(abs, 10_000_000_000n)}亿`;
  if (abs >= 1_000_000n) return `${sign}${scaled(abs, 1_000_000n)}万`;
  return `${sign}${scaled(abs, 100n)}元`;
}

/** Epoch milliseconds of an ISO 8601 instant; undefined when absent or unreadable. */
export function toEpoch(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** `2024-08-21 10:05` in Asia/Shanghai (`withSeconds` adds `:07`). */
export function formatShanghai(time: string | number, withSeconds = false): string {
  const t = typeof time === 'number' ? time : toEpoch(time);
  if (t === undefined) return String(time);
  const s = new Date(t + SHANGHAI_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, withSeconds ? 19 : 16)}`;
}

/** The Shanghai wall-clock epoch: add to an instant so that UTC calendar maths gives Shanghai's. */
export const SHANGHAI_OFFSET = SHANGHAI_OFFSET_MS;

/** +8613917730912 → +86 139 1773 0912; other numbers as they are. */
export function formatPhone(number: string): string {
  const m = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(number);
  return m ? `+86 ${m[1]} ${m[2]} ${m[3]}` : number;
}

/** The last four digits of a card number, masked or not: `•••• 1007`. */
export function cardTail(number: string): string {
  const digits = number.replace(/[^0-9]/g, '');
  return `•••• ${digits.slice(-4) || '????'}`;
}

export const LAYER_NAMES: Record<Locale, Record<GangLayer, string>> = {
  'zh-CN': { MANAGEMENT: '管理层', TECH: '技术层', LOGISTICS: '后勤层', CALLER: '话务层', MONEY: '资金层' },
  en: { MANAGEMENT: 'Management', TECH: 'Technical', LOGISTICS: 'Logistics', CALLER: 'Callers', MONEY: 'Money' },
};

export const UNPLACED_NAME: Record<Locale, string> = { 'zh-CN': '层级不明', en: 'Layer unknown' };
export const INFERRED_NAME: Record<Locale, string> = { 'zh-CN': '推定', en: 'inferred' };

export const LINK_TYPE_NAMES: Record<Locale, Record<LinkType, string>> = {
  'zh-CN': {
    SUSPECT_IN: '嫌疑人',
    VICTIM_IN: '受害人',
    HOLDS: '持卡',
    USES: '使用',
    OWNS: '账号',
    INVOLVES: '涉及',
    TRANSFERRED: '转账',
    CALLED: '通话',
    CONTACTED: '联络',
    MEMBER_OF: '成员',
    REPORTS_TO: '上级',
    KNOWS: '认识',
  },
  en: {
    SUSPECT_IN: 'suspect in',
    VICTIM_IN: 'victim in',
    HOLDS: 'holds',
    USES: 'uses',
    OWNS: 'owns',
    INVOLVES: 'involves',
    TRANSFERRED: 'transferred',
    CALLED: 'called',
    CONTACTED: 'contacted',
    MEMBER_OF: 'member of',
    REPORTS_TO: 'reports to',
    KNOWS: 'knows',
  },
};

/** "and 132 more phones" / "还有 132 个电话号码", with the measure word Chinese counts each label by. */
export function moreText(label: Label, count: number, locale: Locale): string {
  if (locale === 'en') {
    const [one, many] = EN_NOUNS[label];
    return `and ${group(String(count))} more ${count === 1 ? one : many}`;
  }
  const [measure, noun] = ZH_NOUNS[label];
  return `还有 ${group(String(count))} ${measure}${noun}`;
}

const EN_NOUNS: Record<Label, [string, string]> = {
  Case: ['case', 'cases'],
  Person: ['person', 'people'],
  BankCard: ['card', 'cards'],
  Phone: ['phone', 'phones'],
  OnlineAccount: ['account', 'accounts'],
  Device: ['device', 'devices'],
  Gang: ['gang', 'gangs'],
  Agency: ['agency', 'agencies'],
};

const ZH_NOUNS: Record<Label, [string, string]> = {
  Case: ['起', '案件'],
  Person: ['名', '人员'],
  BankCard: ['张', '银行卡'],
  Phone: ['个', '电话号码'],
  OnlineAccount: ['个', '网络账号'],
  Device: ['台', '设备'],
  Gang: ['个', '团伙'],
  Agency: ['个', '单位'],
};

export const PLATFORM_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { QQ: 'QQ', WECHAT: '微信', ALIPAY: '支付宝', TELEGRAM: 'Telegram', OTHER: '账号' },
  en: { QQ: 'QQ', WECHAT: 'WeChat', ALIPAY: 'Alipay', TELEGRAM: 'Telegram', OTHER: 'Account' },
};

export const CORPORATE_NAME: Record<Locale, string> = { 'zh-CN': '对公', en: 'Corp.' };
