import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/domain/types';
import type { GraphStore } from '../../server/src/store/graph-store';
import { INVESTIGATION_LIMITS, InvestigationError, type InvestigationDraft } from '../../server/src/store/investigations';
import { FJ, SH } from './fixture';

const wu: Viewer = { agencies: [SH], userId: 'officer-wu' };
const zhao: Viewer = { agencies: [SH], userId: 'officer-zhao' };
const lin: Viewer = { agencies: [FJ], userId: 'officer-lin' };
const lead: Viewer = { agencies: [SH, FJ], userId: 'lead-chen' };
const nobody: Viewer = { agencies: [], userId: 'someone' };

const canvas = (...ids: string[]) => JSON.stringify({ elements: ids.map((id) => ({ data: { id } })), layout: 'fcose' });
const draft = (name: string, extra: Partial<InvestigationDraft> = {}): InvestigationDraft => ({ name, document: canvas('case:SH1'), elementCount: 1, ...extra });
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** What a refused save must say: its problem, the field at fault and the message, exactly. */
async function refusal(save: Promise<unknown>) {
  const error = await save.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvestigationError);
  const { problem, field, message } = error as InvestigationError;
  return { problem, field, message };
}

/** Saved investigations, behind the same port as the graph; `makeStore` as in the graph contract. */
export function describeInvestigationContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`InvestigationStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('saves a new investigation under the viewer and gives it back whole', async () => {
      const saved = await store.saveInvestigation(wu, draft('  7·30 团伙 话务层  ', { document: canvas('case:SH1', 'phone:+8613812345678'), elementCount: 2 }));
      expect(saved.id).toMatch(/^inv:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(saved.createdAt).toMatch(ISO);
      expect(saved).toEqual({
        id: saved.id,
        name: '7·30 团伙 话务层',
        document: canvas('case:SH1', 'phone:+8613812345678'),
        version: 1,
        elementCount: 2,
        agencies: [SH],
        createdAt: saved.createdAt,
        createdBy: 'officer-wu',
        updatedAt: saved.createdAt,
        updatedBy: 'officer-wu',
      });
      expect(await store.getInvestigation(wu, saved.id)).toEqual(saved);
    });

    it('bumps the version on each save over it, keeping who created it and where', async () => {
      const first = await store.saveInvestigation(wu, draft('Ms Wu'));
      const second = await store.saveInvestigation(zhao, { id: first.id, version: 1, name: 'Ms Wu, money trail', document: canvas('case:SH1', 'card:1'), elementCount: 2 });
      expect(second).toEqual({
        ...first,
        name: 'Ms Wu, money trail',
        document: canvas('case:SH1', 'card:1'),
        version: 2,
        elementCount: 2,
        updatedAt: second.updatedAt,
        updatedBy: 'officer-zhao',
      });
      expect(second.updatedAt > first.updatedAt).toBe(true);
      const third = await store.saveInvestigation(wu, { ...draft('Ms Wu, money trail'), id: first.id, version: 2 });
      expect(third.version).toBe(3);
      expect(await store.getInvestigation(zhao, first.id)).toEqual(third);
    });

    it('refuses a save over a version someone has saved since, and keeps theirs', async () => {
      const first = await store.saveInvestigation(wu, draft('Fake boss QQ group'));
      const theirs = await store.saveInvestigation(zhao, { ...draft('Fake boss QQ group'), id: first.id, version: 1, document: canvas('qq:12345') });
      expect(await refusal(store.saveInvestigation(wu, { ...draft('Mine'), id: first.id, version: 1 }))).toEqual({
        problem: 'stale',
        field: 'version',
        message:
          `Investigation ${first.id} was saved again (version 2, by officer-zhao at ${theirs.updatedAt}) after the version 1 this edit ` +
          'started from; reopen it and redo the change, or save yours as a new investigation.',
      });
      expect(await store.getInvestigation(wu, first.id)).toEqual(theirs);
    });

    it('lists summaries, the most recently saved first, up to the limit', async () => {
      const a = await store.saveInvestigation(wu, draft('A'));
      const b = await store.saveInvestigation(zhao, draft('B', { elementCount: 7 }));
      const c = await store.saveInvestigation(wu, draft('C'));
      const a2 = await store.saveInvestigation(wu, { ...draft('A again'), id: a.id, version: 1 });
      const summary = ({ document: _, ...rest }: { document: string }) => rest;
      expect(await store.listInvestigations(wu, { limit: 10 })).toEqual([summary(a2), summary(c), summary(b)]);
      expect((await store.listInvestigations(zhao, { limit: 2 })).map((s) => s.name)).toEqual(['A again', 'C']);
      expect((await store.listInvestigations(zhao, { limit: 0 })).map((s) => s.name)).toEqual(['A again']);
    });

    it('shows another agency’s user nothing: get, list, save over and delete all answer as for no such investigation', async () => {
      const saved = await store.saveInvestigation(wu, draft('Shanghai only'));
      for (const outsider of [lin, nobody]) {
        expect(await store.getInvestigation(outsider, saved.id)).toBeNull();
        expect(await store.listInvestigations(outsider, { limit: 10 })).toEqual([]);
        expect(await store.deleteInvestigation(outsider, saved.id)).toBe(false);
        expect(await refusal(store.saveInvestigation(outsider, { ...draft('Taken over'), id: saved.id, version: 1 }))).toEqual({
          problem: 'not-found',
          field: 'id',
          message: `No investigation ${saved.id}.`,
        });
        expect(await refusal(store.saveInvestigation(outsider, { ...draft('Taken over'), id: 'inv:no-such', version: 1 }))).toEqual({
          problem: 'not-found',
          field: 'id',
          message: 'No investigation inv:no-such.',
        });
      }
      expect(await store.getInvestigation(wu, saved.id)).toEqual(saved);
      expect((await store.listInvestigations(lead, { limit: 10 })).map((s) => s.id)).toEqual([saved.id]);
    });

    it('shows an investigation to its creator whatever agencies they have now, and to every agency it was saved under', async () => {
      const byLead = await store.saveInvestigation(lead, draft('Task force'));
      expect(byLead.agencies).toEqual([SH, FJ]);
      expect(await store.getInvestigation(lin, byLead.id)).toEqual(byLead);
      expect(await store.getInvestigation(zhao, byLead.id)).toEqual(byLead);
      const moved: Viewer = { agencies: [FJ], userId: 'officer-wu' };
      const mine = await store.saveInvestigation(wu, draft('Mine'));
      expect((await store.listInvestigations(moved, { limit: 10 })).map((s) => s.id)).toEqual([mine.id, byLead.id]);
    });

    it('refuses a document over 2 MiB, naming the field, and writes nothing', async () => {
      const max = INVESTIGATION_LIMITS.documentBytes;
      expect(max).toBe(2 * 1024 * 1024);
      const atLimit = JSON.stringify({ elements: [], note: 'x'.repeat(max - 25) });
      expect(Buffer.byteLength(atLimit)).toBe(max);
      const saved = await store.saveInvestigation(wu, draft('Big', { document: atLimit }));
      expect((await store.getInvestigation(wu, saved.id))?.document).toBe(atLimit);
      // Bytes, not characters: 中 is three bytes of UTF-8.
      const over = JSON.stringify({ elements: [], note: '中'.repeat(Math.ceil(max / 3)) });
      expect(await refusal(store.saveInvestigation(wu, draft('Too big', { document: over })))).toEqual({
        problem: 'too-large',
        field: 'document',
        message: `document: ${Buffer.byteLength(over)} bytes is more than an investigation may hold (2097152 bytes, 2 MiB); remove elements from the canvas or save part of it.`,
      });
      expect(await refusal(store.saveInvestigation(wu, { ...draft('Big'), document: over, id: saved.id, version: 1 }))).toMatchObject({ problem: 'too-large' });
      expect((await store.listInvestigations(wu, { limit: 10 })).map((s) => [s.name, s.version])).toEqual([['Big', 1]]);
    });

    it('refuses a blank or overlong name, a save over without a version and a negative element count', async () => {
      expect(await refusal(store.saveInvestigation(wu, draft(' \t ')))).toEqual({ problem: 'invalid', field: 'name', message: 'name: an investigation needs a name.' });
      expect(await refusal(store.saveInvestigation(wu, draft('案'.repeat(201))))).toEqual({
        problem: 'invalid',
        field: 'name',
        message: 'name: at most 200 characters (got 201).',
      });
      expect((await store.saveInvestigation(wu, draft('案'.repeat(200)))).name).toBe('案'.repeat(200));
      const saved = await store.saveInvestigation(wu, draft('A'));
      expect(await refusal(store.saveInvestigation(wu, { ...draft('A'), id: saved.id }))).toEqual({
        problem: 'invalid',
        field: 'version',
        message: 'version: saving over an investigation needs the version it was opened at.',
      });
      expect(await refusal(store.saveInvestigation(wu, draft('A', { elementCount: -1 })))).toEqual({
        problem: 'invalid',
        field: 'elementCount',
        message: 'elementCount: a whole number, 0 or more.',
      });
      expect(await store.listInvestigations(wu, { limit: 10 })).toHaveLength(2);
    });

    it('deletes a visible investigation once', async () => {
      const keep = await store.saveInvestigation(wu, draft('Keep'));
      const gone = await store.saveInvestigation(wu, draft('Gone'));
      expect(await store.deleteInvestigation(zhao, gone.id)).toBe(true);
      expect(await store.getInvestigation(wu, gone.id)).toBeNull();
      expect((await store.listInvestigations(wu, { limit: 10 })).map((s) => s.id)).toEqual([keep.id]);
      expect(await store.deleteInvestigation(wu, gone.id)).toBe(false);
      expect(await refusal(store.saveInvestigation(wu, { ...draft('Gone'), id: gone.id, version: 1 }))).toMatchObject({ problem: 'not-found' });
    });

    it('leaves the graph’s counts alone', async () => {
      await store.saveInvestigation(wu, draft('A'));
      expect(await store.counts()).toEqual({ nodes: 0, links: 0, sources: 0 });
    });
  });
}
