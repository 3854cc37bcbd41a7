import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badRowsCsv } from '../../server/src/sheets/bad-rows';
import { importSheet } from '../../server/src/sheets/import-sheet';
import { BUILT_IN_BANK } from '../../server/src/sheets/mappings';
import { fileInMemory } from '../../server/src/sheets/sheet-file';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { csvText } from './samples';
import { A, B, C } from './scenario';

const HEADER = ['交易卡号', '交易时间', '交易金额', '收付标志', '对方账号', '交易流水号'];
const statement = iconv.encode(
  csvText([
    HEADER,
    [A, '2026-02-05 14:05:32', '100.00', '出', B, 'T1'],
    [A, '2026-02-30 10:00:00', '5.00', '出', B, 'T2'],
    [A, '2026-02-06 10:00:00', '五百', '进', C, 'T3'],
    [A, '2026-02-07 10:00:00', '7.00', '进', C, 'T4'],
  ]),
  'gbk',
);

const run = (store: GraphStore, onError: 'stop' | 'skip', bytes = statement, limits: { batchRows?: number; holdRows?: number } = {}) =>
  importSheet(store, fileInMemory('stmt.csv', bytes), { mappings: [BUILT_IN_BANK], agency: 'sh-psb', by: 'officer-wu', onError, ...limits });

/** Five good transfers of A's, then (when asked) a bad one. */
const longStatement = (bad: boolean) =>
  iconv.encode(
    csvText([
      HEADER,
      ...[1, 2, 3, 4, 5].map((i) => [A, `2026-02-0${i} 10:00:00`, `${i}.00`, i % 2 ? '出' : '进', i % 2 ? B : C, `T${i}`]),
      ...(bad ? [[A, '2026-02-09 10:00:00', '九', '出', B, 'T9']] : []),
    ]),
    'gbk',
  );

describe('rows that cannot be read', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'sheets-err-')));
  });
  afterEach(async () => {
    await store.close();
  });

  const errors = [
    { sheet: 'stmt.csv', row: 3, column: '交易时间', value: '2026-02-30 10:00:00', reason: 'not a time' },
    { sheet: 'stmt.csv', row: 4, column: '交易金额', value: '五百', reason: 'not an amount' },
  ];

  it('are reported with sheet, row, column and value, and stop the import before anything is written', async () => {
    const r = await run(store, 'stop');
    expect(r).toMatchObject({ stopped: true, errorCount: 2, errors, linksCreated: 0, nodesCreated: 0, sourcesCreated: 0 });
    expect(await store.counts()).toEqual({ nodes: 0, links: 0, sources: 0 });
  });

  it('are left out and handed back as a file when the good rows are imported', async () => {
    const r = await run(store, 'skip');
    expect(r).toMatchObject({ stopped: false, errorCount: 2, errors, rows: 4, imported: 2, linksCreated: 2 });
    expect(r.badRows).toBe(
      `\uFEFFsheet,row,column,value,reason,${HEADER.join(',')}\r\n` +
        `stmt.csv,3,交易时间,2026-02-30 10:00:00,not a time,${A},2026-02-30 10:00:00,5.00,出,${B},T2\r\n` +
        `stmt.csv,4,交易金额,五百,not an amount,${A},2026-02-06 10:00:00,五百,进,${C},T3\r\n`,
    );
    expect(await store.counts()).toEqual({ nodes: 3, links: 2, sources: 1 });
  });

  it('hands back a file that imports with the same mapping once corrected, citing its own rows', async () => {
    const { badRows } = await run(store, 'skip');
    const corrected = badRows!.replace('2026-02-30 10:00:00,5.00', '2026-02-28 10:00:00,5.00').replace(',五百,进', ',500.00,进');
    const again = await importSheet(store, fileInMemory('stmt.errors.csv', Buffer.from(corrected, 'utf8')), { mappings: [BUILT_IN_BANK], agency: 'sh-psb', by: 'officer-wu', onError: 'stop' });
    expect(again).toMatchObject({ stopped: false, errorCount: 0, rows: 2, imported: 2, linksCreated: 2, sourcesCreated: 1 });
    expect(await store.counts()).toEqual({ nodes: 3, links: 4, sources: 2 });
  });

  it('writes the header again where a workbook’s sheets differ', async () => {
    const error = (sheet: string, row: number) => ({ sheet, row, column: '金额', value: 'x', reason: 'not an amount' });
    expect(badRowsCsv([
      { error: error('一', 2), cells: ['x'], header: ['金额'] },
      { error: error('一', 3), cells: ['y'], header: ['金额'] },
      { error: error('二', 2), cells: ['1', 'x'], header: ['卡号', '金额'] },
    ])).toBe('\uFEFFsheet,row,column,value,reason,金额\r\n一,2,金额,x,not an amount,x\r\n一,3,金额,x,not an amount,y\r\nsheet,row,column,value,reason,卡号,金额\r\n二,2,金额,x,not an amount,1,x\r\n');
  });

  it('a file with no header the mapping knows is an error, not an empty import', async () => {
    const r = await run(store, 'stop', iconv.encode(csvText([['姓名', '备注'], ['张三', '无']]), 'gbk'));
    expect(r.errors).toEqual([{ sheet: 'stmt.csv', row: 1, column: '交易卡号 / 交易账号, 交易时间 / 交易日期, 交易金额 / 借方发生额 / 贷方发生额', value: '', reason: 'no header row found in the first rows' }]);
    expect(r.stopped).toBe(true);
  });

  it('a required column missing from the header is reported with the header row', async () => {
    const noAmount = iconv.encode(csvText([['交易卡号', '交易时间', '对方账号'], [A, '2026-02-05 14:05:32', B]]), 'gbk');
    const r = await run(store, 'stop', noAmount);
    expect(r.errors).toEqual([{ sheet: 'stmt.csv', row: 1, column: '交易金额 / 借方发生额 / 贷方发生额', value: '', reason: 'missing required column' }]);
    expect(r.stopped).toBe(true);
    expect(await store.counts()).toEqual({ nodes: 0, links: 0, sources: 0 });
  });

  it('a stopped import holds its checked rows unwritten; a file longer than it may hold is read again for the rest once found good', async () => {
    const late = await run(store, 'stop', longStatement(true), { batchRows: 2, holdRows: 2 });
    expect(late).toMatchObject({ stopped: true, rows: 6, errorCount: 1, linksCreated: 0, batches: 0 });
    expect(late.errors).toEqual([{ sheet: 'stmt.csv', row: 7, column: '交易金额', value: '九', reason: 'not an amount' }]);
    expect(await store.counts()).toEqual({ nodes: 0, links: 0, sources: 0 });

    const r = await run(store, 'stop', longStatement(false), { batchRows: 2, holdRows: 2 });
    // Rows 2-3 held while checking; rows 4-6 read again: batches of 2, 2 and 1.
    expect(r).toMatchObject({ stopped: false, rows: 5, imported: 5, linksCreated: 5, nodesCreated: 3, sourcesCreated: 1, batches: 3 });
    const { links } = await store.subgraph({ agencies: ['sh-psb'], userId: 'officer-wu' }, [`card:${A}`, `card:${B}`, `card:${C}`]);
    expect(links.map((l) => [l.key, l.from, l.to, l.props.amount, l.sources]).sort()).toEqual(
      [1, 2, 3, 4, 5].map((i) => [`T${i}`, `card:${i % 2 ? A : C}`, `card:${i % 2 ? B : A}`, i * 100, [`src:sheet:${r.sha256}#stmt.csv!${i + 1}`]]),
    );
  });
});
