import type { MessageKey } from '../i18n/messages';

/**
 * The server's reasons for a row it cannot read (server/src/sheets/values.ts, rows.ts) and for a
 * row that makes no link, as message keys; a reason not listed shows as the server wrote it.
 */
const ROW_REASONS: Readonly<Record<string, MessageKey>> = {
  'no amount': 'sheets.reason.noAmount',
  'not an amount': 'sheets.reason.notAmount',
  'more than two decimals': 'sheets.reason.decimals',
  'amount too large': 'sheets.reason.tooLarge',
  'both debit and credit hold an amount': 'sheets.reason.debitAndCredit',
  'a transfer of nothing': 'sheets.reason.zero',
  'not a direction (expected 出/进, 借/贷, 付/收, D/C)': 'sheets.reason.direction',
  'not a call type (expected 主叫/被叫)': 'sheets.reason.callType',
  'not a duration': 'sheets.reason.duration',
  'no time': 'sheets.reason.noTime',
  'not a time': 'sheets.reason.notTime',
  'not a date': 'sheets.reason.notDate',
  'not a time of day': 'sheets.reason.notClock',
  'no card or account number': 'sheets.reason.noCard',
  'not a card or account number': 'sheets.reason.notCard',
  'a long number Excel stored as a number has lost its last digits': 'sheets.reason.excelDigits',
  'no phone number': 'sheets.reason.noPhone',
  'not a phone number': 'sheets.reason.notPhone',
  'not a national ID number': 'sheets.reason.notNationalId',
  'not an IMEI': 'sheets.reason.notImei',
  'not a MAC address': 'sheets.reason.notMac',
  'missing required column': 'sheets.reason.missingColumn',
  'no header row found in the first rows': 'sheets.reason.noHeader',
};

const SKIP_REASONS: Readonly<Record<string, MessageKey>> = {
  'no-counterparty': 'sheets.skip.noCounterparty',
  failed: 'sheets.skip.failed',
  sms: 'sheets.skip.sms',
  totals: 'sheets.skip.totals',
  empty: 'sheets.skip.empty',
};

export const rowReasonKey = (reason: string): MessageKey | null => ROW_REASONS[reason] ?? null;
export const skipReasonKey = (reason: string): MessageKey | null => SKIP_REASONS[reason] ?? null;
