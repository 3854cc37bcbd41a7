import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphLink, Viewer } from '../../server/src/domain/types';
import { importSheet } from '../../server/src/sheets/import-sheet';
import { BUILT_IN_MAPPINGS } from '../../server/src/sheets/mappings';
import { fileInMemory } from '../../server/src/sheets/sheet-file';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { csvText } from './samples';
import { A, B, C, P1, P2 } from './scenario';

const SH = 'sh-psb';
const viewer: Viewer = { agencies: [SH], userId: 'officer-wu' };
const load = (store: GraphStore, name: string, rows: string[][], onError: 'stop' | 'skip' = 'stop') =>
  importSheet(store, fileInMemory(name, Buffer.from(csvText(rows))), { mappings: BUILT_IN_MAPPINGS, agency: SH, by: 'officer-wu', onError });

async function graph(store: GraphStore, ids: string[]) {
  const { nodes, links } = await store.subgraph(viewer, ids);
  return {
    nodes: nodes.map((n) => [n.id, n.label, n.props]).sort(),
    links: links.map((l: GraphLink) => [l.type, l.from, l.to, l.key, l.sources]).sort(),
  };
}

const ZHANG = '11010519491231002X';
const WANG = '310101198001010011';
const MAC = 'mac:3c-46-d8-1a-07-5e';

/** A statement of A's that gives its holder's and a counterparty's national ID and the online-banking device's MAC. */
const statement = [
  ['交易卡号', '交易户名', '交易证件号码', '交易时间', '交易金额', '收付标志', '对方账号', '对方户名', '对方证件号码', '交易流水号', 'MAC地址'],
  [A, '张三', '11010519491231002x', '2026-02-05 14:05:32', '100.00', '出', B, '李四', '', 'T1', '3C:46:D8:1A:07:5E'],
  [A, '张三', ZHANG, '2026-02-05 15:00:00', '20.00', '进', C, '王五', WANG, 'T2', '3c-46-d8-1a-07-5e'],
  [A, '张三', ZHANG, '2026-02-05 16:00:00', '300.00', '出', '', 'ATM取款', '', 'T3', '00:00:00:00:00:00'],
];

describe('devices and holders in statements and call records', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'sheets-dev-')));
  });
  afterEach(async () => {
    await store.close();
  });

  it('a MAC becomes a Device; a national ID a Person who holds the card and uses the device, each link citing the first row that shows it', async () => {
    const r = await load(store, 'stmt.csv', statement);
    expect(r).toMatchObject({ rows: 3, imported: 2, skipped: { 'no-counterparty': 1 }, errorCount: 0, nodesCreated: 6, linksCreated: 5 });
    const s = `src:sheet:${r.sha256}#stmt.csv!`;
    const ids = [`card:${A}`, `card:${B}`, `card:${C}`, `person:${ZHANG}`, `person:${WANG}`, MAC];
    expect(await graph(store, ids)).toEqual({
      nodes: [
        [`card:${A}`, 'BankCard', { number: A, holderName: '张三' }],
        [`card:${B}`, 'BankCard', { number: B, holderName: '李四' }],
        [`card:${C}`, 'BankCard', { number: C, holderName: '王五' }],
        [MAC, 'Device', {}],
        [`person:${ZHANG}`, 'Person', { idNumber: ZHANG, name: '张三' }],
        [`person:${WANG}`, 'Person', { idNumber: WANG, name: '王五' }],
      ].sort(),
      links: [
        ['HOLDS', `person:${ZHANG}`, `card:${A}`, '', [`${s}2`]],
        ['USES', `person:${ZHANG}`, MAC, '', [`${s}2`]],
        ['HOLDS', `person:${WANG}`, `card:${C}`, '', [`${s}3`]],
        ['TRANSFERRED', `card:${A}`, `card:${B}`, 'T1', [`${s}2`]],
        ['TRANSFERRED', `card:${C}`, `card:${A}`, 'T2', [`${s}3`]],
      ].sort(),
    });
    const again = await load(store, 'stmt.csv', statement);
    expect(again).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });
  });

  it("an IMEI becomes a Device merged with the one already known, however many digits the carrier wrote; the subscriber's ID a Person who uses phone and handset", async () => {
    await store.upsert({ nodes: [{ id: 'imei:861234567890127', label: 'Device', owner: SH, props: { imei: '861234567890127', model: 'GoIP-32' } }], links: [], sources: [] }, 'officer-wu');
    const r = await load(store, '话单.csv', [
      ['本机号码', '机主证件号码', '对方号码', '呼叫类型', '开始时间', '通话时长', 'IMEI'],
      [P1, ZHANG, P2, '主叫', '2026-02-05 09:15:00', '60', '86123456789012'],
      [P1, ZHANG, P2, '被叫', '2026-02-05 10:15:00', '30', '8612345678901201'],
      [P1, '', P2, '主叫', '2026-02-05 11:15:00', '5', '490154203237518'],
    ]);
    expect(r).toMatchObject({ rows: 3, imported: 3, errorCount: 0, nodesCreated: 4, linksCreated: 5 });
    const s = `src:sheet:${r.sha256}#话单.csv!`;
    const ids = [`phone:+86${P1}`, `phone:+86${P2}`, `person:${ZHANG}`, 'imei:861234567890127', 'imei:490154203237518'];
    const { nodes, links } = await graph(store, ids);
    expect(nodes.filter(([, label]) => label !== 'Phone')).toEqual([
      ['imei:490154203237518', 'Device', { imei: '490154203237518' }],
      ['imei:861234567890127', 'Device', { imei: '861234567890127', model: 'GoIP-32' }],
      [`person:${ZHANG}`, 'Person', { idNumber: ZHANG }],
    ]);
    expect(links.filter(([type]) => type === 'USES')).toEqual([
      ['USES', `person:${ZHANG}`, 'imei:861234567890127', '', [`${s}2`]],
      ['USES', `person:${ZHANG}`, `phone:+86${P1}`, '', [`${s}2`]],
    ]);
  });

  it('an IMEI, MAC or national ID that is none is a bad row naming its column', async () => {
    const r = await load(store, 'stmt.csv', [
      statement[0]!,
      [A, '张三', '1101051949', '2026-02-05 14:05:32', '1.00', '出', B, '李四', '', 'T1', ''],
      [A, '张三', ZHANG, '2026-02-05 14:05:32', '1.00', '出', B, '李四', '', 'T2', '3c:46:d8'],
    ], 'skip');
    expect(r.errors).toEqual([
      { sheet: 'stmt.csv', row: 2, column: '交易证件号码', value: '1101051949', reason: 'not a national ID number' },
      { sheet: 'stmt.csv', row: 3, column: 'MAC地址', value: '3c:46:d8', reason: 'not a MAC address' },
    ]);
    const calls = await load(store, '话单.csv', [['本机号码', '对方号码', '呼叫类型', '开始时间', 'IMEI'], [P1, P2, '主叫', '2026-02-05 09:15:00', '8612345']], 'skip');
    expect(calls.errors).toEqual([{ sheet: '话单.csv', row: 2, column: 'IMEI', value: '8612345', reason: 'not an IMEI' }]);
  });
});
