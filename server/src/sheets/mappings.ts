import { DEFAULT_TIME_ZONE } from './values';

/**
 * Import specifications: which columns of a bank statement or a call-record file hold what.
 * A mapping lists, for each field, the header names that may hold it; the first header row that
 * names the required fields decides the columns. The built-in mappings know the usual Chinese
 * and English headers (shared/FORMATS.md); investigators save their own per bank or carrier.
 */

export const SHEET_KINDS = ['BANK_STATEMENT', 'CALL_RECORDS'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export const BANK_FIELDS = [
  'card',
  'account',
  'holder',
  'idNumber',
  'time',
  'date',
  'amount',
  'debit',
  'credit',
  'direction',
  'balance',
  'counterAccount',
  'counterName',
  'counterIdNumber',
  'counterBank',
  'txId',
  'summary',
  'success',
  'ip',
  'mac',
] as const;
export const CALL_FIELDS = ['own', 'idNumber', 'other', 'callType', 'start', 'duration', 'location', 'otherRegion', 'imei'] as const;
export type BankField = (typeof BANK_FIELDS)[number];
export type CallField = (typeof CALL_FIELDS)[number];
export type SheetField = BankField | CallField;

export const FIELDS_OF: Record<SheetKind, readonly SheetField[]> = { BANK_STATEMENT: BANK_FIELDS, CALL_RECORDS: CALL_FIELDS };

export interface SheetMapping {
  name: string;
  kind: SheetKind;
  /** For each field, the header names that may hold it (any one, compared ignoring case, spaces and a bracketed unit). */
  columns: Partial<Record<SheetField, string[]>>;
  /** The IANA zone of the file's wall-clock times. */
  timeZone: string;
  /** True for the mappings that ship with the tool; saved ones are false. */
  builtIn: boolean;
}

/** Each group must be found: one field of it is enough. */
export const REQUIRED: Record<SheetKind, readonly (readonly SheetField[])[]> = {
  BANK_STATEMENT: [['card', 'account'], ['time', 'date'], ['amount', 'debit', 'credit']],
  CALL_RECORDS: [['own'], ['other'], ['callType'], ['start']],
};

export const BUILT_IN_BANK: SheetMapping = {
  name: 'bank-statement',
  kind: 'BANK_STATEMENT',
  timeZone: DEFAULT_TIME_ZONE,
  builtIn: true,
  columns: {
    card: ['交易卡号', '卡号', '本方卡号', '查询卡号', '银行卡号', '借记卡号', 'Card No', 'Card Number', 'Card'],
    account: ['交易账号', '账号', '本方账号', '查询账号', '客户账号', '账户', 'Account No', 'Account Number', 'Account'],
    holder: ['交易户名', '户名', '客户名称', '交易方户名', '本方户名', '账户名称', '账户名', 'Account Name', 'Holder', 'Name'],
    idNumber: ['交易证件号码', '证件号码', '交易方证件号码', '本方证件号码', '身份证号', '身份证号码', 'ID Number'],
    time: ['交易时间', '交易日期时间', '时间', '交易发生时间', '发生时间', 'Transaction Time', 'Trade Time', 'Time', 'DateTime'],
    date: ['交易日期', '日期', '记账日期', '入账日期', 'Transaction Date', 'Date'],
    amount: ['交易金额', '金额', '发生额', '交易发生额', 'Amount', 'Transaction Amount'],
    debit: ['借方发生额', '借方金额', '支出金额', '支出', '转出金额', '付款金额', 'Debit', 'Debit Amount', 'Withdrawal'],
    credit: ['贷方发生额', '贷方金额', '收入金额', '收入', '转入金额', '收款金额', 'Credit', 'Credit Amount', 'Deposit'],
    direction: ['收付标志', '借贷标志', '收支', '收支标志', '借贷方向', '收付方向', '交易方向', '进出标志', '借贷', 'Direction', 'Dr/Cr', 'Debit/Credit'],
    balance: ['交易余额', '余额', '账户余额', '联机余额', 'Balance'],
    counterAccount: ['交易对手账卡号', '对方账号', '对方卡号', '对手账号', '对手卡号', '交易对手账号', '对方账户', '对方账卡号', 'Counterparty Account', 'Opposite Account', 'Counterparty Account No'],
    counterName: ['对手户名', '对方户名', '交易对手名称', '对方名称', '对方户名称', '交易对手户名', 'Counterparty Name', 'Opposite Name'],
    counterIdNumber: ['对手身份证号', '对方证件号码', '对手证件号码', '交易对手证件号码', '对方身份证号', 'Counterparty ID Number'],
    counterBank: ['对手开户银行', '对方开户行', '对方行名', '对方银行', '交易对手开户行', '对方开户银行', 'Counterparty Bank', 'Opposite Bank'],
    txId: ['交易流水号', '流水号', '交易序号', '交易参考号', '交易流水', 'Transaction ID', 'Transaction No', 'Serial No', 'Reference'],
    summary: ['摘要说明', '摘要', '交易摘要', '用途', '附言', 'Summary', 'Description', 'Memo'],
    success: ['交易是否成功', '交易状态', '是否成功', 'Status'],
    ip: ['IP地址', 'IP', '交易IP'],
    mac: ['MAC地址', 'MAC', '交易MAC'],
  },
};

export const BUILT_IN_CALLS: SheetMapping = {
  name: 'call-records',
  kind: 'CALL_RECORDS',
  timeZone: DEFAULT_TIME_ZONE,
  builtIn: true,
  columns: {
    own: ['本机号码', '用户号码', '主号', '本方号码', '机主号码', '查询号码', 'Own Number', 'MSISDN', 'Subscriber'],
    idNumber: ['机主证件号码', '证件号码', '用户证件号码', '身份证号', '身份证号码', 'ID Number'],
    other: ['对方号码', '对端号码', '对方用户号码', '对端用户号码', 'Other Number', 'Peer Number', 'Other Party'],
    callType: ['呼叫类型', '通话类型', '主被叫', '主被叫类型', '呼叫方向', 'Call Type', 'Direction'],
    start: ['开始时间', '起始时间', '通话时间', '通话开始时间', '通话起始时间', 'Start Time', 'Call Time'],
    duration: ['通话时长', '时长', '通话时间长度', 'Duration', 'Seconds'],
    location: ['本机通话地', '通话地点', '通话地', '基站号', '小区', '基站', 'LAC/CI', 'Cell', 'Location'],
    otherRegion: ['对方归属地', '对端归属地', 'Other Region'],
    imei: ['IMEI', '串号', '终端IMEI'],
  },
};

export const BUILT_IN_MAPPINGS: readonly SheetMapping[] = [BUILT_IN_BANK, BUILT_IN_CALLS];

/** The name a mapping being made is previewed under while it has none (previewSheet's `draft`). */
export const DRAFT_NAME = 'draft';

/** A header as compared: case, spaces, asterisks and a bracketed unit (`交易金额（元）`) do not count. */
export function headerKey(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[\s*\u3000]/g, '')
    .toLowerCase();
}

/** Where each field of a mapping is in one sheet; -1 when absent. */
export type ColumnIndex = Partial<Record<SheetField, number>>;

export interface HeaderMatch {
  /** The header row's number in the sheet (1-based). */
  row: number;
  header: string[];
  columns: ColumnIndex;
  /** Field groups none of whose headers the row has. */
  missing: SheetField[][];
}

/** The columns a mapping finds in one header row. */
export function matchHeader(mapping: SheetMapping, header: string[], row: number): HeaderMatch {
  const keys = header.map(headerKey);
  const columns: ColumnIndex = {};
  for (const field of FIELDS_OF[mapping.kind]) {
    for (const name of mapping.columns[field] ?? []) {
      const at = keys.indexOf(headerKey(name));
      if (at !== -1 && !Object.values(columns).includes(at)) {
        columns[field] = at;
        break;
      }
    }
  }
  const missing = REQUIRED[mapping.kind].filter((group) => group.every((f) => columns[f] === undefined)).map((g) => [...g]);
  return { row, header, columns, missing };
}

/** How many rows from the top of a sheet may be titles above the header. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The header row among a sheet's first rows: the one where the mapping finds most fields (at
 * least two). Null when no row looks like a header for this mapping.
 */
export function findHeader(mapping: SheetMapping, rows: { n: number; cells: string[] }[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestCount = 1;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const match = matchHeader(mapping, r.cells, r.n);
    const count = Object.keys(match.columns).length;
    if (count > bestCount) {
      best = match;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The mapping that fits a sheet's first rows best: every required field found, then most fields
 * found. Null when none has its required fields.
 */
export function detectMapping(mappings: readonly SheetMapping[], rows: { n: number; cells: string[] }[]): SheetMapping | null {
  let best: { mapping: SheetMapping; score: number } | null = null;
  for (const mapping of mappings) {
    const match = findHeader(mapping, rows);
    if (!match || match.missing.length > 0) continue;
    // Saved mappings win ties: they were made for a file like this one.
    const score = Object.keys(match.columns).length * 2 + (mapping.builtIn ? 0 : 1);
    if (!best || score > best.score) best = { mapping, score };
  }
  return best?.mapping ?? null;
}

/** The first header name a mapping expects for a field, to name a missing column. */
export function expectedHeader(mapping: SheetMapping, group: readonly SheetField[]): string {
  return group.map((f) => mapping.columns[f]?.[0] ?? f).join(' / ');
}

/** A mapping an investigator sent that cannot be saved; `field` names what is wrong. */
export class MappingError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'MappingError';
  }
}

export const MAPPING_LIMITS = { nameLength: 100, headersPerField: 20, headerLength: 100 } as const;

/**
 * A mapping as sent, checked: a name, a kind, headers only for that kind's fields, every
 * required field given a header, a time zone the runtime knows. Built-in names are taken.
 */
export function checkMapping(draft: { name: string; kind: string; columns: Record<string, unknown>; timeZone?: string | null }, isZone: (zone: string) => boolean): SheetMapping {
  const name = draft.name.trim();
  if (name.length === 0 || name.length > MAPPING_LIMITS.nameLength) throw new MappingError('name', `1 to ${MAPPING_LIMITS.nameLength} characters`);
  if (BUILT_IN_MAPPINGS.some((m) => m.name === name) || name === 'auto') throw new MappingError('name', `${name} is the name of a built-in mapping`);
  if (!(SHEET_KINDS as readonly string[]).includes(draft.kind)) throw new MappingError('kind', `one of ${SHEET_KINDS.join(', ')}`);
  const kind = draft.kind as SheetKind;
  const columns: SheetMapping['columns'] = {};
  for (const [field, headers] of Object.entries(draft.columns)) {
    if (!FIELDS_OF[kind].includes(field as SheetField)) throw new MappingError(`columns.${field}`, `not a field of a ${kind} mapping (fields: ${FIELDS_OF[kind].join(', ')})`);
    const list = (Array.isArray(headers) ? headers : [headers]).map((h) => String(h ?? '').trim()).filter((h) => h.length > 0);
    if (list.length > MAPPING_LIMITS.headersPerField || list.some((h) => h.length > MAPPING_LIMITS.headerLength)) {
      throw new MappingError(`columns.${field}`, `at most ${MAPPING_LIMITS.headersPerField} header names of at most ${MAPPING_LIMITS.headerLength} characters`);
    }
    if (list.length > 0) columns[field as SheetField] = list;
  }
  for (const group of REQUIRED[kind]) {
    if (group.every((f) => !columns[f])) throw new MappingError(`columns.${group[0]}`, `required: the header of ${group.join(' or ')}`);
  }
  const timeZone = draft.timeZone?.trim() || DEFAULT_TIME_ZONE;
  if (!isZone(timeZone)) throw new MappingError('timeZone', `not a time zone: ${timeZone}`);
  return { name, kind, columns, timeZone, builtIn: false };
}
