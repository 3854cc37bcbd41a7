/**
 * Statement and call-record files as Chinese banks and carriers return them, written by the tests
 * (and the benchmark) in each one's layout: GBK and UTF-8 CSV with title and totals rows, XLSX
 * with a sheet per card, split 借/贷 amounts, thousand separators, full-width digits, compact and
 * Excel-serial times. Each writer takes the same plain transfers, so tests can say exactly what
 * the graph must hold.
 */
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export interface Transfer {
  txId: string;
  /** Payer's and payee's card numbers. */
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** Yuan as written, e.g. '1234.50'. */
  yuan: string;
  /** Wall-clock time in Asia/Shanghai, 'YYYY-MM-DD HH:mm:ss'. */
  at: string;
}

export interface Call {
  caller: string;
  callee: string;
  at: string;
  seconds: number;
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const csvText = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

const compact = (at: string) => at.replace(/[-: ]/g, '');
const FULL = '０１２３４５６７８９';
export const fullWidth = (s: string) => s.replace(/\d/g, (d) => FULL[Number(d)]!);
/** 1234567.5 → '1,234,567.50' */
export const thousands = (yuan: string) => {
  const [int, dec = '00'] = yuan.split('.');
  return `${int!.replace(/\B(?=(\d{3})+$)/g, ',')}.${dec.padEnd(2, '0')}`;
};
/** Excel's serial day number of a Shanghai wall-clock time. */
export const excelSerial = (at: string) => {
  const [d, t] = at.split(' ');
  const [y, mo, day] = d!.split('-').map(Number);
  const [h, mi, s] = t!.split(':').map(Number);
  return (Date.UTC(y!, mo! - 1, day!, h, mi, s) - Date.UTC(1899, 11, 30)) / 86_400_000;
};

/**
 * 工商银行-style statement of one card, GBK CSV: two title rows, 交易时间 as 20260205140532,
 * one 交易金额 with 收付标志 进/出, and a totals row at the end.
 */
/** The column names of the statements the tests write, as the preview reports them. */
export const ICBC_HEADER = ['交易卡号', '交易户名', '交易时间', '交易金额', '交易余额', '收付标志', '交易对手账卡号', '对手户名', '对手开户银行', '摘要说明', '交易流水号', '交易是否成功', 'IP地址'];
export const CCB_HEADER = ['卡号', '户名', '交易日期', '交易时间', '借方发生额', '贷方发生额', '余额', '对方账号', '对方户名', '摘要', '流水号'];

export function icbcCsv(card: string, holder: string, transfers: Transfer[]): Buffer {
  const rows: string[][] = [
    ['中国工商银行账户交易明细'],
    [`查询卡号：${card}`, '', '币种：人民币'],
    ICBC_HEADER,
  ];
  for (const t of transfers) {
    const out = t.from === card;
    rows.push([card, holder, compact(t.at), t.yuan, '100.00', out ? '出' : '进', out ? t.to : t.from, out ? t.toName : t.fromName, '建设银行', '网银转账', t.txId, '成功', '10.0.0.1']);
  }
  rows.push(['合计', '', '', '', '', '', '', '', '', '', '', '', '']);
  return iconv.encode(csvText(rows), 'gbk');
}

/**
 * 建设银行-style XLSX, one sheet per card: a title row, 交易日期 + 交易时间 in two columns,
 * amounts split into 借方发生额 / 贷方发生额 with thousand separators.
 */
export async function ccbXlsx(cards: { card: string; holder: string; sheet: string; transfers: Transfer[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const { card, holder, sheet, transfers } of cards) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow(['中国建设银行个人活期账户交易明细']);
    ws.addRow(CCB_HEADER);
    for (const t of transfers) {
      const out = t.from === card;
      const [date, time] = t.at.split(' ');
      ws.addRow([card, holder, date!.replace(/-/g, ''), time, out ? thousands(t.yuan) : '', out ? '' : thousands(t.yuan), '1,000.00', out ? t.to : t.from, out ? t.toName : t.fromName, '转账', t.txId]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * 农业银行-style XLSX: English-less but odd — times as Excel serial numbers (numeric cells),
 * amounts signed (negative = out) in full-width digits, no direction column, card numbers as text.
 */
export async function abcXlsx(card: string, holder: string, transfers: Transfer[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('明细');
  ws.addRow(['账号', '户名', '交易时间', '金额', '对方账号', '对方户名', '交易序号']);
  for (const t of transfers) {
    const out = t.from === card;
    ws.addRow([card, holder, excelSerial(t.at), fullWidth(`${out ? '-' : ''}${t.yuan}`), out ? t.to : t.from, out ? t.toName : t.fromName, t.txId]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A UTF-8 (with BOM) CSV with English headers and Debit/Credit direction, ISO-like times. */
export function englishCsv(card: string, holder: string, transfers: Transfer[]): Buffer {
  const rows = [['Card No', 'Account Name', 'Transaction Time', 'Amount', 'Dr/Cr', 'Counterparty Account', 'Counterparty Name', 'Transaction ID']];
  for (const t of transfers) {
    const out = t.from === card;
    rows.push([card, holder, t.at.replace(' ', 'T'), t.yuan, out ? 'D' : 'C', out ? t.to : t.from, out ? t.toName : t.fromName, t.txId]);
  }
  return Buffer.from(`\uFEFF${csvText(rows)}`, 'utf8');
}

/** 中国移动-style call records of one number, GBK CSV: 主叫/被叫, durations as 00:15:00, an SMS row. */
export function mobileCsv(own: string, calls: Call[]): Buffer {
  const rows = [['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长', '基站号', '对方归属地', 'IMEI']];
  for (const c of calls) {
    const out = c.caller === own;
    const h = Math.floor(c.seconds / 3600);
    const dur = [h, Math.floor(c.seconds / 60) % 60, c.seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
    rows.push([own, out ? `86${c.callee}` : c.caller.replace(/^(\d{3})(\d{4})/, '$1-$2-'), out ? '主叫' : '被叫', c.at, dur, '4301-2231', '广东深圳', '861234567890123']);
  }
  rows.push([own, '10086', '短信', '2026-02-05 09:00:00', '0', '', '', '']);
  return iconv.encode(csvText(rows), 'gbk');
}

/** 中国联通-style call records, XLSX: 用户号码 / 对端号码 / 通话类型, durations as 15分0秒. */
export async function unicomXlsx(own: string, calls: Call[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('通话详单');
  ws.addRow(['用户号码', '对端号码', '通话类型', '起始时间', '通话时长']);
  for (const c of calls) {
    const out = c.caller === own;
    ws.addRow([own, out ? c.callee : c.caller, out ? '主叫' : '被叫', c.at.replace(/-/g, '/'), `${Math.floor(c.seconds / 60)}分${c.seconds % 60}秒`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A large 工商银行-style statement for the benchmark, streamed to `file`: `rows` transfers of one
 * card with `counterparties` others, alternately out and in. GBK when asked (all-ASCII data
 * bytes are the same in both; the header is Chinese).
 */
export async function writeLargeStatement(file: string, rows: number, options: { counterparties?: number; gbk?: boolean } = {}): Promise<void> {
  const others = options.counterparties ?? 10_000;
  const out = createWriteStream(file);
  const write = (text: string) =>
    new Promise<void>((res) => (out.write(options.gbk ? iconv.encode(text, 'gbk') : text) ? res() : out.once('drain', res)));
  await write('交易卡号,交易户名,交易时间,交易金额,交易余额,收付标志,交易对手账卡号,对手户名,对手开户银行,摘要说明,交易流水号,交易是否成功\r\n');
  const card = '6222021234567890123';
  const base = Date.UTC(2025, 0, 1);
  let buffer: string[] = [];
  for (let i = 0; i < rows; i++) {
    const d = new Date(base + i * 7_000);
    const at = `${d.getUTCFullYear()}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}`;
    const other = `62170000${String(i % others).padStart(8, '0')}`;
    const yuan = `${(i % 9973) + 1}.${p2(i % 100)}`;
    buffer.push(`${card},张三,${at},${yuan},1000.00,${i % 2 ? '进' : '出'},${other},李${i % others},招商银行,网银转账,T${String(i).padStart(12, '0')},成功`);
    if (buffer.length === 10_000) {
      await write(buffer.join('\r\n') + '\r\n');
      buffer = [];
    }
  }
  if (buffer.length > 0) await write(buffer.join('\r\n') + '\r\n');
  await new Promise((res) => out.end(res));
}

const p2 = (n: number) => String(n).padStart(2, '0');
