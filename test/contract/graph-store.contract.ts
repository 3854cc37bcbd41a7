import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/domain/types';
import { ImportError, importBundle } from '../../server/src/import/importer';
import { BatchError, type GraphStore } from '../../server/src/store/graph-store';
import { FJ, SH, ids, lines, shanghaiBundle, storeWithBothBundles } from './fixture';
import { describeInvestigationContract } from './investigations.contract';
import { describeLinkageContract } from './linkage.contract';
import { describeSheetMappingContract } from './sheet-mappings.contract';
import { describeTaskForceContract } from './task-forces.contract';
import { describeAccessRequestContract } from './access-requests.contract';

const sh: Viewer = { agencies: [SH], userId: 'u-sh' };
const fj: Viewer = { agencies: [FJ], userId: 'u-fj' };
const both: Viewer = { agencies: [SH, FJ], userId: 'u-tf' };
const nobody: Viewer = { agencies: ['gd-psb'], userId: 'u-gd' };

const idsOf = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

/**
 * The behaviour every GraphStore adapter must have. `makeStore` returns an empty store with
 * the schema applied; the suite closes it.
 */
export function describeGraphStoreContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describeInvestigationContract(name, makeStore);
  describeLinkageContract(name, makeStore);
  describeSheetMappingContract(name, makeStore);
  describeTaskForceContract(name, makeStore);
  describeAccessRequestContract(name, makeStore);
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;

    beforeEach(async () => {
      store = await storeWithBothBundles(makeStore);
    });
    afterEach(async () => {
      await store.close();
    });

    describe('upsert', () => {
      it('stores every record of both bundles once', async () => {
        expect(await store.counts()).toEqual({ nodes: 15, links: 18, sources: 2 });
      });

      it('makes the same phone number from two agencies one node owned by both', async () => {
        const [phone] = await store.getNodes(both, [ids.callerPhone]);
        expect(phone).toMatchObject({
          id: ids.callerPhone,
          label: 'Phone',
          owners: [SH, FJ],
          props: { number: '+8613812345678', carrier: '中国移动', homeRegion: '海南儋州' },
        });
      });

      it('changes nothing when the same bundle is imported again', async () => {
        const before = await store.counts();
        const again = await importBundle(store, lines(shanghaiBundle), { by: 'sh-officer' });
        expect(again).toMatchObject({ nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });
        expect(await store.counts()).toEqual(before);
      });

      it('rejects a bad line by its number and writes nothing of its batch', async () => {
        const bad = [
          { kind: 'meta', version: 1, agency: SH },
          { kind: 'node', label: 'Phone', id: 'phone:+8613700000001', props: { number: '+8613700000001' } },
          { kind: 'node', label: 'Phone', id: 'phone:+8613700000002', props: { amount: 5 } },
        ];
        const error = await importBundle(store, lines(bad), { by: 'x' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ImportError);
        expect((error as ImportError).message).toBe('line 3: props.amount: unknown field');
        expect(await store.getNodes(sh, ['phone:+8613700000001'])).toEqual([]);
      });

      it('rejects a batch whose link ends are unknown, keeping the batches before it', async () => {
        const records = [
          { kind: 'meta', version: 1, agency: SH },
          { kind: 'node', label: 'Phone', id: 'phone:+8613700000003', props: {} },
          { kind: 'node', label: 'Phone', id: 'phone:+8613700000004', props: {} },
          { kind: 'link', type: 'CALLED', from: 'phone:+8613700000004', to: 'phone:+8613799999999', key: '2026-01-01T00:00:00Z', props: {} },
        ];
        const error = await importBundle(store, lines(records), { by: 'x', batchSize: 2 }).catch((e: unknown) => e);
        expect((error as ImportError).message).toBe('line 4: link CALLED to unknown node phone:+8613799999999');
        expect(idsOf(await store.getNodes(sh, ['phone:+8613700000003', 'phone:+8613700000004']))).toEqual([
          'phone:+8613700000003',
          'phone:+8613700000004',
        ]);
        expect((await store.counts()).links).toBe(18);
      });

      it('refuses links between labels the model does not join, and label changes', async () => {
        await expect(
          store.upsert({ nodes: [], sources: [], links: [{ type: 'HOLDS', from: ids.sh1, to: ids.collect, key: '', owner: SH, sources: [], props: {} }] }, 'x'),
        ).rejects.toThrow(new BatchError('a HOLDS link cannot join Case to BankCard', 'link', 0));
        await expect(
          store.upsert({ nodes: [{ id: ids.collect, label: 'Phone', owner: SH, props: {} }], sources: [], links: [] }, 'x'),
        ).rejects.toThrow('node card:6222021234567890123 is a BankCard, not a Phone');
      });

      it('merges a link reported by a second agency into one, with both owners and sources', async () => {
        const result = await store.upsert(
          { nodes: [], sources: [], links: [{ type: 'TRANSFERRED', from: ids.collect, to: ids.mule2, key: 'tx2', owner: FJ, sources: ['src:fj-cdr-1'], props: { txId: 'tx2', amount: 300000, at: '2026-01-31T02:05:00.000Z' } }] },
          'fj-officer',
        );
        expect(result).toMatchObject({ linksCreated: 0, linksUpdated: 1 });
        const { links } = await store.subgraph(both, [ids.collect, ids.mule2]);
        expect(links).toEqual([
          expect.objectContaining({ type: 'TRANSFERRED', key: 'tx2', owner: SH, owners: [SH, FJ], sources: ['src:sh-stmt-1', 'src:fj-cdr-1'], createdBy: 'sh-officer' }),
        ]);
      });
    });

    describe('getNodes and subgraph', () => {
      it('returns visible nodes in the order asked, with typed properties', async () => {
        const nodes = await store.getNodes(sh, [ids.suspect, 'person:nobody', ids.sh1]);
        expect(nodes.map((n) => n.id)).toEqual([ids.suspect, ids.sh1]);
        expect(nodes[0]!.props).toEqual({ name: '张三', idNumber: '310101199001011234', gender: 'M', birthYear: 1990, aliases: ['三哥'] });
        expect(nodes[1]!.props).toMatchObject({ reportedAt: '2026-01-31T18:00:00.000Z', loss: 500000, stopped: 100000 });
      });

      it('gives the nodes and every link among them', async () => {
        const { nodes, links } = await store.subgraph(sh, [ids.collect, ids.mule2, ids.mule3]);
        expect(idsOf(nodes)).toEqual([ids.mule2, ids.mule3, ids.collect].sort());
        expect(links.map((l) => `${l.type}:${l.key}`)).toEqual(['TRANSFERRED:tx0', 'TRANSFERRED:tx3', 'TRANSFERRED:tx2']);
        expect(links[2]).toMatchObject({ from: ids.collect, to: ids.mule2, props: { txId: 'tx2', amount: 300000, at: '2026-01-31T02:05:00.000Z' }, sources: ['src:sh-stmt-1'] });
      });
    });

    describe('search', () => {
      it('finds one phone however it is typed', async () => {
        for (const typed of ['138 1234 5678', '+86 13812345678', '13812345678']) {
          const hits = await store.search(sh, typed, { limit: 10 });
          expect(hits.map((h) => [h.node.id, h.matchedBy])).toEqual([[ids.callerPhone, 'phone']]);
        }
      });

      it('finds a card by its last digits, a case by number and a person by name', async () => {
        expect((await store.search(sh, '0123', { limit: 10 })).map((h) => [h.node.id, h.matchedBy])).toEqual([[ids.collect, 'card-suffix']]);
        expect((await store.search(sh, 'SH2', { limit: 10 })).map((h) => h.node.id)).toEqual([ids.sh2]);
        expect((await store.search(sh, '张三', { limit: 10 })).map((h) => [h.node.id, h.matchedBy])).toEqual([[ids.suspect, 'name']]);
      });

      it('finds a person by a whole nickname, not by part of one', async () => {
        expect((await store.search(sh, '三哥', { limit: 10 })).map((h) => [h.node.id, h.matchedBy])).toEqual([[ids.suspect, 'name']]);
        expect(await store.search(sh, '哥', { limit: 10 })).toEqual([]);
      });

      it('keeps to the labels and the limit asked', async () => {
        expect((await store.search(sh, 'SH', { limit: 10, labels: ['Case'] })).map((h) => h.node.id)).toEqual([ids.sh1, ids.sh2, ids.sh3]);
        expect((await store.search(sh, 'SH', { limit: 2, labels: ['Case'] })).map((h) => h.node.id)).toEqual([ids.sh1, ids.sh2]);
        expect(await store.search(sh, 'SH', { limit: 10, labels: ['Gang'] })).toEqual([]);
      });
    });

    describe('neighborhood', () => {
      it('expands one and two hops', async () => {
        const one = await store.neighborhood(sh, [ids.collect], { hops: 1, limit: 100 });
        expect(idsOf(one.nodes)).toEqual([ids.collect, ids.sh1, ids.sh2, ids.victimCard, ids.mule2].sort());
        expect(one.truncated).toBe(false);
        expect(one.beyond).toEqual({});
        const two = await store.neighborhood(sh, [ids.collect], { hops: 2, limit: 100 });
        expect(idsOf(two.nodes)).toEqual(
          [ids.collect, ids.sh1, ids.sh2, ids.victimCard, ids.mule2, ids.victim, ids.suspect, ids.callerPhone, ids.mule3].sort(),
        );
        expect(two.links).toHaveLength(11);
      });

      it('reports what it cut, nearest kept first', async () => {
        const cut = await store.neighborhood(sh, [ids.collect], { hops: 2, limit: 4 });
        expect(cut.truncated).toBe(true);
        expect(idsOf(cut.nodes)).toEqual([ids.collect, ids.sh1, ids.sh2, ids.victimCard, ids.mule2].sort());
        expect(cut.beyond).toEqual({ Person: 2, Phone: 1, BankCard: 1 });
      });

      it('follows only the link types and labels asked, inside the time window', async () => {
        const money = await store.neighborhood(sh, [ids.collect], { hops: 3, limit: 100, linkTypes: ['TRANSFERRED'] });
        expect(idsOf(money.nodes)).toEqual([ids.collect, ids.victimCard, ids.mule2, ids.mule3].sort());
        const late = await store.neighborhood(sh, [ids.collect], {
          hops: 3,
          limit: 100,
          linkTypes: ['TRANSFERRED'],
          from: '2026-01-31T10:04:00+08:00',
        });
        expect(idsOf(late.nodes)).toEqual([ids.collect, ids.mule2, ids.mule3].sort());
        expect(late.links.map((l) => l.key)).toEqual(['tx3', 'tx2']);
        const cases = await store.neighborhood(sh, [ids.collect], { hops: 2, limit: 100, labels: ['Case'] });
        expect(idsOf(cases.nodes)).toEqual([ids.collect, ids.sh1, ids.sh2].sort());
      });
    });

    describe('victims', () => {
      const caseOf = (agency: string, records: object[]) => lines([{ kind: 'meta', version: 1, agency }, ...records]);
      const victimIn = (person: string, caseId: string, source: string) => ({ kind: 'link', type: 'VICTIM_IN', from: person, to: caseId, sources: [source] });

      it('names the persons asked who are victims in a visible case, in the order asked, once each', async () => {
        expect(await store.victims(sh, [ids.suspect, ids.victim, ids.caller, ids.victim, 'person:nope', ids.sh1])).toEqual([ids.victim]);
        expect(await store.victims(both, [ids.fjVictim, ids.suspect, ids.victim])).toEqual([ids.fjVictim, ids.victim]);
        expect(await store.victims(sh, [])).toEqual([]);
      });

      it('counts only persons, VICTIM_IN links and cases the viewer sees', async () => {
        expect(await store.victims(sh, [ids.fjVictim])).toEqual([]);
        expect(await store.victims(nobody, [ids.victim])).toEqual([]);
        // Shanghai records its caller as a victim in Fujian's case: Shanghai's link, to a case Shanghai does not see.
        await importBundle(store, caseOf(SH, [victimIn(ids.caller, ids.fj1, 'src:sh-stmt-1')]), { by: 'sh-officer' });
        expect(await store.victims(sh, [ids.caller])).toEqual([]);
        expect(await store.victims(fj, [ids.caller])).toEqual([]);
        expect(await store.victims(both, [ids.caller])).toEqual([ids.caller]);
        // Fujian records Shanghai's suspect as a victim in its case: Fujian's link, which Shanghai does not see.
        await importBundle(store, caseOf(FJ, [{ kind: 'node', label: 'Person', id: ids.suspect, props: {} }, victimIn(ids.suspect, ids.fj1, 'src:fj-cdr-1')]), { by: 'fj-officer' });
        expect(await store.victims(sh, [ids.suspect])).toEqual([]);
        expect(await store.victims(fj, [ids.suspect, ids.caller])).toEqual([ids.suspect]);
      });
    });

    describe('shortestPaths', () => {
      it('finds the shortest paths, at most k, within maxHops', async () => {
        const result = await store.shortestPaths(sh, ids.victim, ids.sh2, { maxHops: 6, k: 5 });
        expect(result.paths.map((p) => p.nodes)).toEqual([
          [ids.victim, ids.victimCard, ids.collect, ids.sh2],
          [ids.victim, ids.sh1, ids.collect, ids.sh2],
          [ids.victim, ids.sh1, ids.suspect, ids.sh2],
        ]);
        expect(result.paths[1]!.links.map((l) => [l.type, l.from, l.to])).toEqual([
          ['VICTIM_IN', ids.victim, ids.sh1],
          ['INVOLVES', ids.sh1, ids.collect],
          ['INVOLVES', ids.sh2, ids.collect],
        ]);
        expect((await store.shortestPaths(sh, ids.victim, ids.sh2, { maxHops: 6, k: 2 })).paths).toHaveLength(2);
        expect((await store.shortestPaths(sh, ids.victim, ids.sh2, { maxHops: 2, k: 5 })).paths).toEqual([]);
      });

      it('keeps to the link types asked', async () => {
        const result = await store.shortestPaths(sh, ids.victimCard, ids.mule3, { maxHops: 6, k: 5, linkTypes: ['TRANSFERRED'] });
        // tx0 and tx3 both join mule2 to mule3: one route, both links.
        expect(result.paths.map((p) => p.nodes)).toEqual([[ids.victimCard, ids.collect, ids.mule2, ids.mule3]]);
        expect(result.links.map((l) => l.key).sort()).toEqual(['tx0', 'tx1', 'tx2', 'tx3']);
      });
    });

    describe('linkedCases', () => {
      it('links cases that share a card or a suspect, naming what they share', async () => {
        expect(await store.linkedCases(sh, ids.sh1)).toEqual([
          { caseId: ids.sh2, shared: [{ id: ids.collect, label: 'BankCard' }, { id: ids.suspect, label: 'Person' }] },
        ]);
      });

      it('links across provinces for a viewer who may see both', async () => {
        expect(await store.linkedCases(both, ids.fj1)).toEqual([{ caseId: ids.sh2, shared: [{ id: ids.callerPhone, label: 'Phone' }] }]);
      });
    });

    describe('transfersFrom', () => {
      it('walks TRANSFERRED links out, layer by layer, from a time on', async () => {
        const all = await store.transfersFrom(sh, [ids.victimCard], { depth: 3 });
        expect(all.map((l) => l.key)).toEqual(['tx0', 'tx1', 'tx2', 'tx3']);
        const after = await store.transfersFrom(sh, [ids.victimCard], { depth: 3, after: '2026-01-31T10:00:00+08:00' });
        expect(after.map((l) => l.key)).toEqual(['tx1', 'tx2', 'tx3']);
        const shallow = await store.transfersFrom(sh, [ids.victimCard], { depth: 1 });
        expect(shallow.map((l) => [l.key, l.props.amount])).toEqual([['tx1', 500000]]);
      });
    });

    describe('transfersAt', () => {
      it('gives the transfers into and out of cards from a time on, once each', async () => {
        const all = await store.transfersAt(sh, [ids.mule2, ids.mule3], {});
        expect(all.map((l) => l.key)).toEqual(['tx0', 'tx2', 'tx3']);
        const after = await store.transfersAt(sh, [ids.mule2], { after: '2026-01-31T10:00:00+08:00' });
        expect(after.map((l) => [l.key, l.from, l.to])).toEqual([
          ['tx2', ids.collect, ids.mule2],
          ['tx3', ids.mule2, ids.mule3],
        ]);
        expect(await store.transfersAt(fj, [ids.mule2], {})).toEqual([]);
      });
    });

    describe('gang', () => {
      it('gives members, layers and who reports to whom', async () => {
        const gang = await store.gang(sh, ids.gang);
        expect(gang?.gang.props.name).toBe('7·30 团伙');
        expect(gang?.members.map((m) => [m.person.id, m.layer, m.since])).toEqual([
          [ids.suspect, 'MANAGEMENT', null],
          [ids.caller, 'CALLER', '2025-05-31T16:00:00.000Z'],
        ]);
        expect(gang?.reportsTo).toEqual([{ from: ids.caller, to: ids.suspect }]);
        expect(await store.gang(sh, ids.sh1)).toBeNull();
      });
    });

    describe('gangContacts', () => {
      it("gives a gang's phones, the cases they are in and the numbers they called, within what the viewer sees", async () => {
        const r = await store.gangContacts(both, ids.gang);
        expect(r.memberIdentifiers).toEqual([{ id: ids.callerPhone, gang: ids.gang }]);
        expect(r.caseIdentifiers.map((c) => [c.id, c.caseId, c.category]).sort()).toEqual([
          [ids.callerPhone, ids.fj1, 'PART_TIME_JOB'],
          [ids.callerPhone, ids.sh2, 'IMPERSONATE_AUTHORITY'],
        ]);
        expect(r.contacts).toEqual([{ from: ids.callerPhone, to: ids.victimPhone, type: 'CALLED', at: '2026-03-10T01:00:00.000Z', seconds: 900 }]);
        expect([r.victimIdentifiers, r.unregisteredCallers, r.people, r.financeStaff]).toEqual([[], [], [], []]);
        expect((await store.gangContacts(fj, null)).contacts).toEqual([]);
      });
    });

    describe('stats', () => {
      it('counts and sums by category, channel, province, status and Shanghai month', async () => {
        const stats = await store.stats(sh, {});
        expect(stats.cases).toEqual({ key: 'all', cases: 3, loss: 98501000, stopped: 100000, returned: 50000 });
        expect(stats.byCategory.map((b) => [b.key, b.cases, b.loss])).toEqual([
          ['IMPERSONATE_AUTHORITY', 1, 98000000],
          ['ONLINE_LOAN', 1, 1000],
          ['ONLINE_SHOPPING', 1, 500000],
        ]);
        expect(stats.byChannel.map((b) => [b.key, b.cases])).toEqual([['NETWORK', 1], ['PHONE', 1], ['SMS', 1]]);
        expect(stats.byMonth.map((b) => [b.key, b.cases])).toEqual([['2026-02', 1], ['2026-03', 2]]);
        expect(stats.totals).toEqual({
          nodes: { Case: 3, Person: 3, BankCard: 4, Phone: 2, Gang: 1 },
          links: { VICTIM_IN: 1, SUSPECT_IN: 2, HOLDS: 1, INVOLVES: 3, USES: 1, CALLED: 1, TRANSFERRED: 4, MEMBER_OF: 2, REPORTS_TO: 1 },
          sources: 1,
        });
        const filtered = await store.stats(sh, { category: 'ONLINE_LOAN' });
        expect(filtered.cases.cases).toBe(1);
        expect([stats.suspects, stats.frozen, filtered.suspects]).toEqual([1, { cards: 1, amount: 300000 }, 0]);
      });

      it('pages through the cases behind a figure, newest first', async () => {
        const page = { limit: 2, offset: 0 };
        const first = await store.cases(sh, {}, page);
        expect([first.total, first.cases.map((c) => c.id)]).toEqual([3, [ids.sh3, ids.sh2]]);
        const solved = await store.cases(both, { having: 'SUSPECT', from: '2026-03-01T00:00:00Z' }, page);
        expect([solved.total, solved.cases.map((c) => c.id)]).toEqual([1, [ids.sh2]]);
        expect(await store.cases(nobody, {}, page)).toEqual({ total: 0, cases: [] });
      });
    });

    describe('visibility', () => {
      it('shows another agency nothing of Shanghai in any method, counts included', async () => {
        expect(await store.getNodes(fj, [ids.sh1, ids.suspect, ids.collect])).toEqual([]);
        expect(idsOf((await store.subgraph(fj, [ids.sh2, ids.callerPhone, ids.fj1])).nodes)).toEqual([ids.fj1, ids.callerPhone].sort());
        expect(await store.search(fj, '张三', { limit: 10 })).toEqual([]);
        expect(await store.search(fj, '0123', { limit: 10 })).toEqual([]);
        const hood = await store.neighborhood(fj, [ids.callerPhone], { hops: 3, limit: 100 });
        expect(idsOf(hood.nodes)).toEqual([ids.callerPhone, ids.fj1, ids.fjVictim].sort());
        expect(hood.beyond).toEqual({});
        expect(hood.links.map((l) => l.owner)).toEqual([FJ, FJ]);
        expect((await store.shortestPaths(fj, ids.fj1, ids.sh2, { maxHops: 6, k: 3 })).paths).toEqual([]);
        expect(await store.linkedCases(fj, ids.fj1)).toEqual([]);
        expect(await store.linkedCases(sh, ids.sh2)).toEqual([{ caseId: ids.sh1, shared: [{ id: ids.collect, label: 'BankCard' }, { id: ids.suspect, label: 'Person' }] }]);
        expect(await store.transfersFrom(fj, [ids.victimCard], { depth: 3 })).toEqual([]);
        expect(await store.gang(fj, ids.gang)).toBeNull();
        const stats = await store.stats(fj, {});
        expect(stats.cases).toEqual({ key: 'all', cases: 1, loss: 20000, stopped: 0, returned: 0 });
        expect(stats.totals).toEqual({ nodes: { Case: 1, Phone: 1, Person: 1 }, links: { INVOLVES: 1, VICTIM_IN: 1 }, sources: 1 });
        expect(await store.getSources(fj, ['src:sh-stmt-1', 'src:fj-cdr-1'])).toEqual([
          { id: 'src:fj-cdr-1', type: 'CALL_RECORDS', reference: '移动话单 13812345678', sha256: null, collectedAt: null, collectedBy: null, owner: FJ },
        ]);
      });

      it('shows an agency with no records nothing at all', async () => {
        const stats = await store.stats(nobody, {});
        expect(stats.totals).toEqual({ nodes: {}, links: {}, sources: 0 });
        expect(stats.cases.cases).toBe(0);
        expect(await store.search(nobody, 'SH', { limit: 10 })).toEqual([]);
        expect((await store.neighborhood(nobody, [ids.collect], { hops: 2, limit: 10 })).nodes).toEqual([]);
      });
    });
  });
}
