import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphLink, Viewer } from '../../server/src/domain/types';
import { createAnalysisServices } from '../../server/src/api/analysis';
import { importBundle } from '../../server/src/import/importer';
import { importSheet } from '../../server/src/sheets/import-sheet';
import { BUILT_IN_MAPPINGS } from '../../server/src/sheets/mappings';
import { fileInMemory } from '../../server/src/sheets/sheet-file';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { abcXlsx, ccbXlsx, icbcCsv } from './samples';
import { A, B, C, D, of, transfers } from './scenario';

const SH = 'sh-psb';
const viewer: Viewer = { agencies: [SH], userId: 'officer-wu' };

/** The same transfers as a case bundle: one card node each, one TRANSFERRED link each. */
function bundle(): string[] {
  const fen = (yuan: string) => Math.round(Number(yuan) * 100);
  return [
    JSON.stringify({ kind: 'meta', version: 1, agency: SH }),
    ...[A, B, C, D].map((n) => JSON.stringify({ kind: 'node', label: 'BankCard', id: `card:${n}`, props: { number: n } })),
    ...transfers.map((t) =>
      JSON.stringify({ kind: 'link', type: 'TRANSFERRED', from: `card:${t.from}`, to: `card:${t.to}`, key: t.txId, props: { txId: t.txId, amount: fen(t.yuan), at: `${t.at.replace(' ', 'T')}+08:00` } }),
    ),
  ];
}

const trail = (links: GraphLink[]) => links.map((l) => [l.from, l.to, l.key, l.props.amount, l.props.at]);

describe('a money trail over imported statements', () => {
  let sheets: GraphStore;
  let bundled: GraphStore;
  beforeAll(async () => {
    sheets = await openKuzuStore(mkdtempSync(join(tmpdir(), 'trail-sheets-')));
    bundled = await openKuzuStore(mkdtempSync(join(tmpdir(), 'trail-bundle-')));
    const load = async (name: string, bytes: Buffer) =>
      importSheet(sheets, fileInMemory(name, bytes), { mappings: BUILT_IN_MAPPINGS, agency: SH, by: 'officer-wu', onError: 'stop' });
    await load('icbc.csv', icbcCsv(A, '张三', of(A)));
    await load('ccb.xlsx', await ccbXlsx([{ card: B, holder: '李四', sheet: 'B', transfers: of(B) }]));
    await load('abc.xlsx', await abcXlsx(C, '王五', of(C)));
    await importBundle(bundled, (async function* () { yield bundle(); })(), { by: 'officer-wu' });
  });
  afterAll(async () => {
    await sheets.close();
    await bundled.close();
  });

  it('gives the same transfers as the same money imported as a bundle', async () => {
    for (const seed of [A, B, C]) {
      for (const after of [undefined, '2026-02-05T15:00:00+08:00']) {
        const fromSheets = await sheets.transfersFrom(viewer, [`card:${seed}`], { depth: 4, after });
        const fromBundle = await bundled.transfersFrom(viewer, [`card:${seed}`], { depth: 4, after });
        expect(trail(fromSheets)).toEqual(trail(fromBundle));
        // The money trail the API answers: the same steps carrying the same money.
        const follow = async (store: GraphStore) =>
          (await createAnalysisServices(store).moneyTrail({ ...viewer, role: 'INVESTIGATOR' }, { cardIds: [`card:${seed}`], after, depth: 4 })).steps.map((s) => [s.from, s.to, s.key, s.carried, s.at]);
        expect(await follow(sheets)).toEqual(await follow(bundled));
      }
    }
    expect(trail(await sheets.transfersFrom(viewer, [`card:${A}`], { depth: 4 }))).toEqual([
      [`card:${A}`, `card:${B}`, 'TX001', 123450, '2026-02-05T06:05:32.000Z'],
      [`card:${B}`, `card:${C}`, 'TX002', 5000000, '2026-02-05T07:00:00.000Z'],
      [`card:${C}`, `card:${D}`, 'TX003', 1234567890, '2026-02-06T01:30:15.000Z'],
      [`card:${D}`, `card:${A}`, 'TX004', 1, '2026-02-06T02:00:00.000Z'],
    ]);
  });
});
