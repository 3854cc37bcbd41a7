import { normalizeCard, normalizeIdNumber, normalizeImei, normalizeMac, normalizePhone } from '../domain/normalize';
import type { ColumnIndex, SheetField, SheetMapping } from './mappings';
import { isSuccess, parseCallType, parseFen, parseSeconds, parseTime, parseWay, type Way } from './values';

/**
 * One data row read through a mapping: a transfer or a call as the graph will get it, a row that
 * is rightly not one (a cash withdrawal, a failed transaction, an SMS), or an error naming the
 * column and the value that could not be read.
 */

export interface RowError {
  sheet: string;
  row: number;
  /** The header of the column at fault, as the file spells it. */
  column: string;
  value: string;
  reason: string;
}

/** Why a readable row makes no link. */
export type SkipReason = 'no-counterparty' | 'failed' | 'sms' | 'totals' | 'empty';

export interface TransferRow {
  kind: 'transfer';
  own: string;
  ownHolder: string;
  /** The own holder's national ID number, when the file gives it. */
  ownId: string | null;
  way: Way;
  counter: string | null;
  counterName: string;
  /** The counterparty's national ID number, when the file gives it. */
  counterId: string | null;
  counterBank: string;
  fen: number;
  at: string;
  txId: string;
  balance: number | null;
  summary: string;
  /** The MAC address (normalised) of the device the own card was used from, when the file gives one. */
  mac: string | null;
}

export interface CallRow {
  kind: 'call';
  own: string;
  /** The own number's subscriber's national ID number, when the file gives it. */
  ownId: string | null;
  other: string;
  way: Way;
  at: string;
  seconds: number;
  otherRegion: string;
  /** The handset's IMEI (normalised), when the file gives one. */
  imei: string | null;
}

export type ReadRow = TransferRow | CallRow;

export type RowResult = ReadRow | { kind: 'skip'; reason: SkipReason; own?: ReadRow } | { kind: 'error'; error: RowError };

/** What reading a sheet's rows needs: the mapping, the columns it found, the header as written. */
export interface SheetContext {
  sheet: string;
  mapping: SheetMapping;
  columns: ColumnIndex;
  header: string[];
}

class CellError extends Error {
  constructor(
    readonly field: SheetField,
    readonly value: string,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * A cell's text with the wrappers exports add to keep Excel from reading numbers as numbers
 * (`="6222…"`, a leading `'`, a trailing tab) taken off.
 */
function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return '';
  let s = raw.trim();
  if (s.length === 0) return s;
  const c = s.charCodeAt(0);
  if (c === 61 /* = */ && s.length >= 3 && s[1] === '"' && s.endsWith('"')) s = s.slice(2, -1).trim();
  else if (c === 39 /* ' */ || c === 96 /* ` */) s = s.slice(1).trim();
  return s;
}

const TOTALS = /^(合计|总计|小计|本页合计|累计|total|subtotal)/i;

/**
 * A row's cell reader. Made by a function rather than declared as `const cell = …` in readRow:
 * tsx keeps function names, and a named closure costs a defineProperty call each time it is made,
 * a million times a statement.
 */
function cellsOf(ctx: SheetContext, cells: string[]): Cell {
  return (f) => {
    const at = ctx.columns[f];
    return at === undefined ? '' : cleanCell(cells[at]);
  };
}

export function readRow(ctx: SheetContext, cells: string[], row: number): RowResult {
  const cell = cellsOf(ctx, cells);
  const first = cells.find((c) => c.trim() !== '');
  if (first === undefined) return { kind: 'skip', reason: 'empty' };
  if (TOTALS.test(first.trim())) return { kind: 'skip', reason: 'totals' };
  try {
    return ctx.mapping.kind === 'BANK_STATEMENT' ? bankRow(ctx, cell) : callRow(ctx, cell);
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    const at = ctx.columns[error.field];
    return {
      kind: 'error',
      error: { sheet: ctx.sheet, row, column: at === undefined ? error.field : (ctx.header[at] ?? error.field), value: error.value, reason: error.message },
    };
  }
}

function read<T>(field: SheetField, value: string, parse: (text: string) => T): T {
  try {
    return parse(value);
  } catch (error) {
    throw new CellError(field, value, (error as Error).message);
  }
}

type Cell = (f: SheetField) => string;

function bankRow(ctx: SheetContext, cell: Cell): RowResult {
  const zone = ctx.mapping.timeZone;
  const cardText = cell('card');
  const accountText = cell('account');
  const ownField: SheetField = cardText !== '' || ctx.columns.account === undefined ? 'card' : 'account';
  const own = read(ownField, ownField === 'card' ? cardText : accountText, card);

  let at: string;
  const timeText = cell('time');
  const dateText = cell('date');
  if (ctx.columns.date === undefined) at = read('time', timeText, (t) => parseTime(t, zone));
  else if (ctx.columns.time === undefined) at = read('date', dateText, (t) => parseTime(t, zone));
  else {
    // Two columns: 交易日期 + 交易时间; some files repeat the date in the time column.
    try {
      at = parseTime(timeText, zone);
    } catch {
      at = read('date', dateText, (d) => parseTime(d, zone, timeText));
    }
  }

  let fen: number;
  let way: Way;
  if (ctx.columns.amount !== undefined) {
    const signed = read('amount', cell('amount'), parseFen);
    way = ctx.columns.direction !== undefined ? read('direction', cell('direction'), parseWay) : signed < 0 ? 'out' : 'in';
    fen = Math.abs(signed);
  } else {
    // 借方发生额 / 贷方发生额: the one that holds an amount says the direction.
    const debit = cell('debit');
    const credit = cell('credit');
    const d = debit === '' ? 0 : read('debit', debit, parseFen);
    const c = credit === '' ? 0 : read('credit', credit, parseFen);
    if (d !== 0 && c !== 0) throw new CellError('credit', `${debit} / ${credit}`, 'both debit and credit hold an amount');
    if (d === 0 && c === 0) throw new CellError(ctx.columns.debit !== undefined ? 'debit' : 'credit', debit || credit, 'no amount');
    way = d !== 0 ? 'out' : 'in';
    fen = Math.abs(d !== 0 ? d : c);
  }
  if (fen === 0) throw new CellError('amount', cell('amount'), 'a transfer of nothing');

  const balanceText = cell('balance');
  const result: TransferRow = {
    kind: 'transfer',
    own,
    ownHolder: cell('holder'),
    ownId: optional('idNumber', cell, nationalId),
    way,
    counter: null,
    counterName: cell('counterName'),
    counterId: optional('counterIdNumber', cell, nationalId),
    counterBank: cell('counterBank'),
    fen,
    at,
    txId: cell('txId'),
    balance: balanceText === '' ? null : read('balance', balanceText, parseFen),
    summary: cell('summary'),
    mac: optional('mac', cell, mac),
  };
  if (ctx.columns.success !== undefined && !isSuccess(cell('success'))) return { kind: 'skip', reason: 'failed', own: result };
  const counterText = cell('counterAccount');
  // Cash, fees and interest name no account; a merchant's name is not one either.
  result.counter = counterText === '' ? null : normalizeCard(counterText);
  if (result.counter === null) return { kind: 'skip', reason: 'no-counterparty', own: result };
  return result;
}

function callRow(ctx: SheetContext, cell: Cell): RowResult {
  const own = read('own', cell('own'), phone);
  const way = read('callType', cell('callType'), parseCallType);
  const at = read('start', cell('start'), (t) => parseTime(t, ctx.mapping.timeZone));
  const durationText = cell('duration');
  const seconds = durationText === '' ? 0 : read('duration', durationText, parseSeconds);
  const otherText = cell('other');
  const result: CallRow = {
    kind: 'call',
    own,
    ownId: optional('idNumber', cell, nationalId),
    other: '',
    way: way === 'sms' ? 'out' : way,
    at,
    seconds,
    otherRegion: cell('otherRegion'),
    imei: optional('imei', cell, imei),
  };
  if (way === 'sms') return { kind: 'skip', reason: 'sms', own: result };
  result.other = read('other', otherText, phone);
  return result;
}

function card(text: string): string {
  if (text === '') throw new Error('no card or account number');
  const n = normalizeCard(text);
  if (n === null) throw new Error(text.startsWith('~') ? 'a long number Excel stored as a number has lost its last digits' : 'not a card or account number');
  return n;
}

function phone(text: string): string {
  if (text === '') throw new Error('no phone number');
  const n = normalizePhone(text);
  if (n === null) throw new Error('not a phone number');
  return n;
}

/** A column that may be absent or empty: null then, else its value read by `parse` (which returns '' for a placeholder that names nothing). */
function optional(field: SheetField, cell: Cell, parse: (text: string) => string): string | null {
  const text = cell(field);
  if (text === '') return null;
  const value = read(field, text, parse);
  return value === '' ? null : value;
}

function nationalId(text: string): string {
  const n = normalizeIdNumber(text);
  if (n === null) throw new Error('not a national ID number');
  return n;
}

/** A cell that says there is no value: a dash, null, none, 无. */
const placeholder = (text: string) => text === '-' || /^(null|none|无)$/i.test(text);

function imei(text: string): string {
  if (placeholder(text)) return '';
  const n = normalizeImei(text);
  if (n === null) throw new Error('not an IMEI');
  return n;
}

function mac(text: string): string {
  if (placeholder(text)) return '';
  const n = normalizeMac(text);
  if (n === null) throw new Error('not a MAC address');
  return n;
}
