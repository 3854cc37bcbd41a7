import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphLink, Viewer } from '../../server/src/domain/types';
import { importSheet, type SheetImportReport } from '../../server/src/sheets/import-sheet';
import { BUILT_IN_BANK, BUILT_IN_CALLS, BUILT_IN_MAPPINGS } from '../../server/src/sheets/mappings';
import { fileInMemory } from '../../server/src/sheets/sheet-file';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { abcXlsx, CCB_HEADER, ccbXlsx, englishCsv, ICBC_HEADER, icbcCsv, mobileCsv, unicomXlsx } from './samples';
import { A, B, C, calls, D, of, P1, P2, P3 } from './scenario';

const SH = 'sh-psb';
const viewer: Viewer = { agencies: [SH], userId: 'officer-wu' };
const sha = (r: SheetImportReport) => r.sha256;

async function load(store: GraphStore, name: string, bytes: Buffer, mappings = BUILT_IN_MAPPINGS, onError: 'stop' | 'skip' = 'stop') {
  return importSheet(store, fileInMemory(name, bytes), { mappings, agency: SH, by: 'officer-wu', onError });
}

/** Every link among the given node ids, as plain comparable facts. */
async function linksAmong(store: GraphStore, ids: string[]) {
  const { links } = await store.subgraph(viewer, ids);
  return links
    .map((l: GraphLink) => ({ type: l.type, from: l.from, to: l.to, key: l.key, props: l.props, sources: [...l.sources].sort() }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

const cards = [A, B, C, D].map((c) => `card:${c}`);

describe('importing bank statements', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'sheets-')));
  });
  afterEach(async () => {
    await store.close();
  });

  it('reads a GBK 工商银行 CSV with title and totals rows into cards and transfers citing their rows', async () => {
    const r = await load(store, '工行流水.csv', icbcCsv(A, '张三', of(A)));
    expect(r).toMatchObject({ rows: 3, imported: 2, skipped: { totals: 1 }, errorCount: 0, stopped: false, linksCreated: 2, nodesCreated: 3, sourcesCreated: 1 });
    expect(r.sheets).toEqual([{ sheet: '工行流水.csv', mapping: 'bank-statement', headerRow: 3, header: ICBC_HEADER, rows: 3 }]);
    const s = `src:sheet:${sha(r)}#工行流水.csv!`;
    expect(await linksAmong(store, cards)).toEqual([
      { type: 'TRANSFERRED', from: `card:${A}`, to: `card:${B}`, key: 'TX001', props: { txId: 'TX001', amount: 123450, at: '2026-02-05T06:05:32.000Z' }, sources: [`${s}4`] },
      { type: 'TRANSFERRED', from: `card:${D}`, to: `card:${A}`, key: 'TX004', props: { txId: 'TX004', amount: 1, at: '2026-02-06T02:00:00.000Z' }, sources: [`${s}5`] },
    ]);
    const nodes = await store.getNodes(viewer, [`card:${A}`, `card:${B}`]);
    expect(nodes.map((n) => [n.id, n.label, n.props.number, n.props.holderName, n.props.bank ?? null])).toEqual([
      [`card:${A}`, 'BankCard', A, '张三', null],
      [`card:${B}`, 'BankCard', B, '李四', '建设银行'],
    ]);
    const [source] = await store.getSources(viewer, [r.source]);
    expect(source).toMatchObject({ id: r.source, type: 'BANK_STATEMENT', reference: '工行流水.csv', sha256: sha(r), collectedBy: 'officer-wu', owner: SH });
  });

  it('records each transfer once however many statements show it, citing every row that does', async () => {
    const icbc = await load(store, 'icbc.csv', icbcCsv(A, '张三', of(A)));
    const ccb = await load(store, 'ccb.xlsx', await ccbXlsx([
      { card: B, holder: '李四', sheet: '李四 6217', transfers: of(B) },
      { card: D, holder: '赵六', sheet: '赵六 6214', transfers: of(D) },
    ]));
    expect(ccb.sheets).toEqual([
      { sheet: '李四 6217', mapping: 'bank-statement', headerRow: 2, header: CCB_HEADER, rows: 2 },
      { sheet: '赵六 6214', mapping: 'bank-statement', headerRow: 2, header: CCB_HEADER, rows: 2 },
    ]);
    const abc = await load(store, 'abc.xlsx', await abcXlsx(C, '王五', of(C)));
    expect([icbc.linksCreated, ccb.linksCreated, abc.linksCreated]).toEqual([2, 2, 0]);
    expect([ccb.linksUpdated, abc.linksUpdated]).toEqual([2, 2]);
    const i = `src:sheet:${sha(icbc)}#icbc.csv!`;
    const c = `src:sheet:${sha(ccb)}#`;
    const a = `src:sheet:${sha(abc)}#明细!`;
    expect(await linksAmong(store, cards)).toEqual([
      { type: 'TRANSFERRED', from: `card:${A}`, to: `card:${B}`, key: 'TX001', props: { txId: 'TX001', amount: 123450, at: '2026-02-05T06:05:32.000Z' }, sources: [`${c}李四 6217!3`, `${i}4`].sort() },
      { type: 'TRANSFERRED', from: `card:${B}`, to: `card:${C}`, key: 'TX002', props: { txId: 'TX002', amount: 5000000, at: '2026-02-05T07:00:00.000Z' }, sources: [`${c}李四 6217!4`, `${a}2`].sort() },
      { type: 'TRANSFERRED', from: `card:${C}`, to: `card:${D}`, key: 'TX003', props: { txId: 'TX003', amount: 1234567890, at: '2026-02-06T01:30:15.000Z' }, sources: [`${c}赵六 6214!3`, `${a}3`].sort() },
      { type: 'TRANSFERRED', from: `card:${D}`, to: `card:${A}`, key: 'TX004', props: { txId: 'TX004', amount: 1, at: '2026-02-06T02:00:00.000Z' }, sources: [`${c}赵六 6214!4`, `${i}5`].sort() },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const bytes = await ccbXlsx([{ card: B, holder: '李四', sheet: 'B', transfers: of(B) }]);
    await load(store, 'ccb.xlsx', bytes);
    const before = await linksAmong(store, cards);
    const again = await load(store, 'ccb.xlsx', bytes);
    expect(again).toMatchObject({ rows: 2, imported: 2, nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });
    expect(await linksAmong(store, cards)).toEqual(before);
    expect(await store.counts()).toEqual({ nodes: 3, links: 2, sources: 1 });
  });

  it('reads English headers, Dr/Cr and ISO-like times from a UTF-8 CSV with a BOM', async () => {
    const r = await load(store, 'd.csv', englishCsv(D, 'Zhao Liu', of(D)), [BUILT_IN_BANK]);
    expect(r).toMatchObject({ rows: 2, imported: 2, errorCount: 0 });
    expect((await linksAmong(store, cards)).map((l) => [l.from, l.to, l.props.amount, l.props.at])).toEqual([
      [`card:${C}`, `card:${D}`, 1234567890, '2026-02-06T01:30:15.000Z'],
      [`card:${D}`, `card:${A}`, 1, '2026-02-06T02:00:00.000Z'],
    ]);
  });
});

describe('importing call records', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'sheets-')));
  });
  afterEach(async () => {
    await store.close();
  });

  it('makes one CALLED link per call from caller to callee, whichever side returned the records', async () => {
    const mobile = await load(store, '移动话单.csv', mobileCsv(P1, calls), [BUILT_IN_CALLS]);
    expect(mobile).toMatchObject({ rows: 3, imported: 2, skipped: { sms: 1 }, errorCount: 0, linksCreated: 2 });
    const unicom = await load(store, '联通话单.xlsx', await unicomXlsx(P2, calls.filter((c) => c.callee === P2)));
    expect(unicom).toMatchObject({ rows: 1, imported: 1, linksCreated: 0, linksUpdated: 1 });
    expect(unicom.sheets[0]!.mapping).toBe('call-records');
    const phones = [P1, P2, P3].map((p) => `phone:+86${p}`);
    expect(await linksAmong(store, phones)).toEqual([
      {
        type: 'CALLED', from: `phone:+86${P1}`, to: `phone:+86${P2}`, key: '2026-02-05T01:15:00.000Z', props: { at: '2026-02-05T01:15:00.000Z', seconds: 900 },
        sources: [`src:sheet:${mobile.sha256}#移动话单.csv!2`, `src:sheet:${unicom.sha256}#通话详单!2`].sort(),
      },
      {
        type: 'CALLED', from: `phone:+86${P3}`, to: `phone:+86${P1}`, key: '2026-02-05T02:00:05.000Z', props: { at: '2026-02-05T02:00:05.000Z', seconds: 62 },
        sources: [`src:sheet:${mobile.sha256}#移动话单.csv!3`],
      },
    ]);
    const [p2] = await store.getNodes(viewer, [`phone:+86${P2}`]);
    expect(p2!.props).toMatchObject({ number: `+86${P2}`, homeRegion: '广东深圳' });
  });
});
