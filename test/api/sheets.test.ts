import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createApp, type App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { csvText, icbcCsv } from '../sheets/samples';
import { A, B, C, D, of } from '../sheets/scenario';
import { client, sessionFor, type Gql } from './harness';

const SH = 'sh-psb';

/** Posts a GraphQL multipart request carrying one file as variable `f`. */
async function upload(app: App, query: string, variables: Record<string, unknown>, file: File) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { ...variables, f: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.f'] }));
  form.set('0', file);
  const headers = { authorization: `Bearer ${sessionFor(app, { 'x-agencies': SH, 'x-user': 'officer-wu' })}`, 'x-graphql-csrf': '1' };
  const response = await app.fetch(new Request('http://test/graphql', { method: 'POST', headers, body: form }));
  return (await response.json()) as { data?: any; errors?: any[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('sheet import API', () => {
  let store: GraphStore;
  let app: App;
  let gql: Gql;
  const statement = () => new File([new Uint8Array(icbcCsv(A, '张三', of(A)))], '工行流水.csv');

  beforeAll(async () => {
    store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'api-sheets-')));
    app = createApp({ store, config: loadConfig({}) });
    gql = client(app, { 'x-agencies': SH, 'x-user': 'officer-wu' });
  });
  afterAll(async () => {
    await store.close();
  });

  it('previews a statement: the columns found and the link each row would make, writing nothing', async () => {
    const { data } = await upload(
      app,
      'mutation($f: File!) { previewSheet(file: $f) { sheets { sheet mapping headerRow rows } columns { field header } rows { row skipped link { type from to key amount at } } } }',
      {},
      statement(),
    );
    expect(data.previewSheet.sheets).toEqual([{ sheet: '工行流水.csv', mapping: 'bank-statement', headerRow: 3, rows: 3 }]);
    const header = await upload(app, 'mutation($f: File!) { previewSheet(file: $f) { sheets { header } } }', {}, statement());
    expect(header.data.previewSheet.sheets[0].header).toEqual(['交易卡号', '交易户名', '交易时间', '交易金额', '交易余额', '收付标志', '交易对手账卡号', '对手户名', '对手开户银行', '摘要说明', '交易流水号', '交易是否成功', 'IP地址']);
    expect(data.previewSheet.columns).toContainEqual({ field: 'counterAccount', header: '交易对手账卡号' });
    expect(data.previewSheet.rows).toEqual([
      { row: 4, skipped: null, link: { type: 'TRANSFERRED', from: `card:${A}`, to: `card:${B}`, key: 'TX001', amount: '123450', at: '2026-02-05T06:05:32.000Z' } },
      { row: 5, skipped: null, link: { type: 'TRANSFERRED', from: `card:${D}`, to: `card:${A}`, key: 'TX004', amount: '1', at: '2026-02-06T02:00:00.000Z' } },
      { row: 6, skipped: 'totals', link: null },
    ]);
    expect(await store.counts()).toEqual({ nodes: 0, links: 0, sources: 0 });
  });

  it('previews the holder and device links a row gives, each on the first row that gives it, the row the import will cite', async () => {
    const [zhang, wang, mac] = ['11010519491231002X', '310101198001010011', 'mac:3c-46-d8-1a-07-5e'];
    const file = () =>
      new File(
        [
          csvText([
            ['交易卡号', '交易户名', '交易证件号码', '交易时间', '交易金额', '收付标志', '对方账号', '对方户名', '对方证件号码', '交易流水号', 'MAC地址'],
            [A, '张三', '11010519491231002x', '2026-02-05 14:05:32', '100.00', '出', B, '李四', '', 'T1', '3C:46:D8:1A:07:5E'],
            [A, '张三', zhang, '2026-02-05 15:00:00', '20.00', '进', C, '王五', wang, 'T2', '3c-46-d8-1a-07-5e'],
            [A, '张三', zhang, '2026-02-05 16:00:00', '300.00', '出', '', 'ATM取款', '', 'T3', ''],
          ]),
        ],
        'stmt.csv',
      );
    const { data } = await upload(app, 'mutation($f: File!) { previewSheet(file: $f) { rows { row skipped link { key } related { type from to } } } }', {}, file());
    expect(data.previewSheet.rows).toEqual([
      {
        row: 2,
        skipped: null,
        link: { key: 'T1' },
        related: [
          { type: 'HOLDS', from: `person:${zhang}`, to: `card:${A}` },
          { type: 'USES', from: `person:${zhang}`, to: mac },
        ],
      },
      { row: 3, skipped: null, link: { key: 'T2' }, related: [{ type: 'HOLDS', from: `person:${wang}`, to: `card:${C}` }] },
      { row: 4, skipped: 'no-counterparty', link: null, related: [] },
    ]);
    expect(await store.counts()).toEqual({ nodes: 0, links: 0, sources: 0 });
  });

  it('previews with a mapping being made, unsaved: the columns it names and the links they give, or BAD_INPUT naming what it lacks', async () => {
    const odd = () => new File([csvText([['卡', '时刻', '钱', '向', '对方', '单号'], [A, '2026-02-05 14:05:32', '12.34', '出', B, 'Q1']])], '农商行.csv');
    const columns = [
      { field: 'card', headers: ['卡'] },
      { field: 'time', headers: ['时刻'] },
      { field: 'amount', headers: ['钱'] },
      { field: 'direction', headers: ['向'] },
      { field: 'counterAccount', headers: ['对方'] },
    ];
    const query = 'mutation($f: File!, $d: SheetMappingInput) { previewSheet(file: $f, draft: $d) { sheets { mapping headerRow rows } columns { field header } rows { row link { from to key amount } } } }';
    const { data } = await upload(app, query, { d: { name: '', kind: 'BANK_STATEMENT', columns } }, odd());
    expect(data.previewSheet.sheets).toEqual([{ mapping: 'draft', headerRow: 1, rows: 1 }]);
    expect(data.previewSheet.columns.map((c: { field: string }) => c.field)).toEqual(['card', 'time', 'amount', 'direction', 'counterAccount']);
    // 单号 not yet mapped: the key is made from time and amount; mapped, it is the transaction id.
    expect(data.previewSheet.rows).toEqual([{ row: 2, link: { from: `card:${A}`, to: `card:${B}`, key: '~2026-02-05T06:05:32.000Z~1234', amount: '1234' } }]);
    const withTx = await upload(app, query, { d: { name: '', kind: 'BANK_STATEMENT', columns: [...columns, { field: 'txId', headers: ['单号'] }] } }, odd());
    expect(withTx.data.previewSheet.rows[0].link.key).toBe('Q1');
    const lacking = await upload(app, query, { d: { name: '', kind: 'BANK_STATEMENT', columns: columns.slice(1) } }, odd());
    expect(lacking.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_INPUT', field: 'columns.card' } });
    expect(await store.counts()).toEqual({ nodes: 0, links: 0, sources: 0 });
  });

  it('imports it, and each link names the file row behind it', async () => {
    const { data } = await upload(app, 'mutation($f: File!) { importSheet(file: $f, mapping: "bank-statement") { rows imported stopped linksCreated source } }', {}, statement());
    expect(data.importSheet).toMatchObject({ rows: 3, imported: 2, stopped: false, linksCreated: 2 });
    const source = data.importSheet.source as string;
    const trail = await gql(`{ moneyTrail(cardIds: ["card:${A}"], depth: 1) { links { key citations { source label } evidence { id reference } } } }`);
    expect(trail.body.data.moneyTrail.links).toEqual([
      { key: 'TX001', citations: [{ source, label: '工行流水.csv!4' }], evidence: [{ id: source, reference: '工行流水.csv' }] },
    ]);
  });

  it('saves, lists and deletes an agency mapping, and names the field of a bad one', async () => {
    const input = { name: '招商银行', kind: 'BANK_STATEMENT', columns: [{ field: 'card', headers: ['查询卡号'] }, { field: 'time', headers: ['时间'] }, { field: 'amount', headers: ['交易额'] }] };
    const saved = await gql('mutation($m: SheetMappingInput!) { saveSheetMapping(mapping: $m) { name agency builtIn timeZone } }', { m: input });
    expect(saved.body.data.saveSheetMapping).toEqual({ name: '招商银行', agency: SH, builtIn: false, timeZone: 'Asia/Shanghai' });
    const list = await gql('{ sheetMappings { name builtIn agency } }');
    expect(list.body.data.sheetMappings).toEqual([
      { name: '招商银行', builtIn: false, agency: SH },
      { name: 'bank-statement', builtIn: true, agency: null },
      { name: 'call-records', builtIn: true, agency: null },
    ]);
    const bad = await gql('mutation($m: SheetMappingInput!) { saveSheetMapping(mapping: $m) { name } }', { m: { ...input, columns: [{ field: 'card', headers: ['卡'] }] } });
    expect(bad.body.errors[0]).toMatchObject({ message: 'columns.time: required: the header of time or date', extensions: { code: 'BAD_INPUT', field: 'columns.time' } });
    const other = await gql('mutation { deleteSheetMapping(name: "招商银行", agency: "fj-psb") }');
    expect(other.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql('mutation { deleteSheetMapping(name: "招商银行") }')).body.data.deleteSheetMapping).toBe(true);
  });

  it('gives the likely header of a file no mapping knows, and reads it once a mapping of those headers is saved', async () => {
    const odd = () =>
      new File(
        [csvText([['某农商银行账户明细'], ['银行帐号', '入帐时间', '变动金额', '对方帐号', '对方姓名', '凭证号'], [C, '2026-02-07 09:30:00', '-88.00', B, '李四', 'NS01']])],
        '农商行.csv',
      );
    const query = 'mutation($f: File!, $m: String) { previewSheet(file: $f, mapping: $m) { sheets { mapping headerRow rows header } rows { row link { from to key amount } } } }';
    const unknown = await upload(app, query, {}, odd());
    expect(unknown.data.previewSheet).toEqual({
      sheets: [{ mapping: null, headerRow: null, rows: 0, header: ['银行帐号', '入帐时间', '变动金额', '对方帐号', '对方姓名', '凭证号'] }],
      rows: [],
    });
    const columns = [
      { field: 'card', headers: ['银行帐号'] },
      { field: 'time', headers: ['入帐时间'] },
      { field: 'amount', headers: ['变动金额'] },
      { field: 'counterAccount', headers: ['对方帐号'] },
      { field: 'txId', headers: ['凭证号'] },
    ];
    await gql('mutation($m: SheetMappingInput!) { saveSheetMapping(mapping: $m) { name } }', { m: { name: '某农商银行', kind: 'BANK_STATEMENT', columns } });
    const read = await upload(app, query, { m: '某农商银行' }, odd());
    expect(read.data.previewSheet).toEqual({
      sheets: [{ mapping: '某农商银行', headerRow: 2, rows: 1, header: ['银行帐号', '入帐时间', '变动金额', '对方帐号', '对方姓名', '凭证号'] }],
      rows: [{ row: 3, link: { from: `card:${C}`, to: `card:${B}`, key: 'NS01', amount: '8800' } }],
    });
  });
});
