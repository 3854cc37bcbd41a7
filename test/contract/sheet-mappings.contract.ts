import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SheetMapping } from '../../server/src/sheets/mappings';
import type { GraphStore } from '../../server/src/store/graph-store';
import { FJ, SH } from './fixture';

const cmb: SheetMapping = {
  name: '招商银行 2024',
  kind: 'BANK_STATEMENT',
  columns: { card: ['查询卡号'], time: ['交易日期时间'], amount: ['交易额'], direction: ['借贷'], counterAccount: ['对方卡号'] },
  timeZone: 'Asia/Shanghai',
  builtIn: false,
};

/** Saved sheet mappings (import specifications), behind the same port as the graph. */
export function describeSheetMappingContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`SheetMappingStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('saves a mapping under an agency and lists it back whole, for that agency only', async () => {
      const saved = await store.saveSheetMapping(SH, 'officer-wu', cmb);
      expect(saved).toEqual({ ...cmb, agency: SH, updatedBy: 'officer-wu', updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
      expect(await store.listSheetMappings(SH)).toEqual([saved]);
      expect(await store.listSheetMappings(FJ)).toEqual([]);
      expect(await store.listSheetMappings([FJ, SH])).toEqual([saved]);
      expect(await store.listSheetMappings([])).toEqual([]);
    });

    it('replaces a mapping saved again under the same name, and keeps agencies apart', async () => {
      await store.saveSheetMapping(SH, 'officer-wu', cmb);
      const changed = { ...cmb, columns: { ...cmb.columns, txId: ['流水号'] }, timeZone: 'Asia/Urumqi' };
      await store.saveSheetMapping(SH, 'officer-zhao', changed);
      await store.saveSheetMapping(FJ, 'officer-lin', { ...cmb, kind: 'BANK_STATEMENT' });
      const mine = await store.listSheetMappings(SH);
      expect(mine.map((m) => [m.name, m.agency, m.updatedBy, m.timeZone, m.columns.txId])).toEqual([['招商银行 2024', SH, 'officer-zhao', 'Asia/Urumqi', ['流水号']]]);
      expect((await store.listSheetMappings([SH, FJ])).map((m) => m.agency)).toEqual([FJ, SH]);
    });

    it('deletes an agency mapping by name and says whether there was one', async () => {
      await store.saveSheetMapping(SH, 'officer-wu', cmb);
      await store.saveSheetMapping(FJ, 'officer-lin', cmb);
      expect(await store.deleteSheetMapping(SH, cmb.name)).toBe(true);
      expect(await store.deleteSheetMapping(SH, cmb.name)).toBe(false);
      expect(await store.listSheetMappings(SH)).toEqual([]);
      expect((await store.listSheetMappings(FJ)).length).toBe(1);
    });
  });
}
