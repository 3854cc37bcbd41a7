import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../server/src/domain/types';
import { importBundle } from '../../server/src/import/importer';
import type { GraphStore } from '../../server/src/store/graph-store';
import type { RecordSet, Share } from '../../server/src/store/task-forces';
import { agencyPrincipal, NATIONAL, taskForcePrincipal } from '../../server/src/store/visibility';
import { FJ, SH, fujianBundle, ids, lines, shanghaiBundle, storeWithBothBundles } from './fixture';

const TF = 'tf:contract-1';
const fj: Viewer = { agencies: [FJ], userId: 'u-fj' };
const fjMember: Viewer = { ...fj, grants: [taskForcePrincipal(TF)] };
const gd: Viewer = { agencies: ['gd-psb'], userId: 'u-gd' };
const nobody: Viewer = { agencies: [], userId: 'u-none' };

/** Case SH1 with its victim, her card, the collection card and the links among them: what Shanghai shares. */
const sh1Records: RecordSet = {
  nodes: [ids.sh1, ids.victim, ids.victimCard, ids.collect],
  links: [
    { type: 'VICTIM_IN', from: ids.victim, to: ids.sh1, key: '' },
    { type: 'HOLDS', from: ids.victim, to: ids.victimCard, key: '' },
    { type: 'INVOLVES', from: ids.sh1, to: ids.collect, key: '' },
    { type: 'TRANSFERRED', from: ids.victimCard, to: ids.collect, key: 'tx1' },
  ],
};

const share = (id: string, records: RecordSet, principal = taskForcePrincipal(TF)): Share => ({
  id,
  taskForceId: principal === NATIONAL ? '' : TF,
  principal,
  caseId: ids.sh1,
  selection: { hops: 1, linkTypes: [] },
  agency: SH,
  sharedBy: 'u-sh',
  sharedAt: '2026-12-01T00:00:00.000Z',
  records,
  revokedAt: '',
  revokedBy: '',
});

/** Everything a viewer obtains from every read of the port, as one comparable value. */
async function everyRead(store: GraphStore, v: Viewer) {
  const all = Object.values(ids);
  return {
    search: await store.search(v, 'SH1', { limit: 50 }),
    searchCard: await store.search(v, '6222021234567890123', { limit: 50 }),
    nodes: await store.getNodes(v, all),
    subgraph: await store.subgraph(v, all),
    neighborhood: await store.neighborhood(v, [ids.callerPhone, ids.fj1], { hops: 3, limit: 100 }),
    paths: await store.shortestPaths(v, ids.fj1, ids.sh1, { maxHops: 6, k: 5 }),
    linked: await store.linkedCases(v, ids.fj1),
    incidence: await store.caseIncidence(v, { casesPerIdentifier: 50 }),
    transfers: await store.transfersFrom(v, [ids.victimCard], { depth: 4 }),
    transfersAt: await store.transfersAt(v, [ids.collect], {}),
    gang: await store.gang(v, ids.gang),
    stats: await store.stats(v, {}),
    cases: await store.cases(v, {}, { limit: 50, offset: 0 }),
    contacts: await store.gangContacts(v, null),
  };
}

/** Task forces, shares and grants, behind the same port as the graph; `makeStore` as in the graph contract. */
export function describeTaskForceContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`TaskForceStore and grants contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await storeWithBothBundles(makeStore);
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps task forces and their members, and finds a user’s task forces through the user or its agency', async () => {
      const tf = { id: TF, name: '7·30 专案组', purpose: '串并', lead: 'u-sh', agency: SH, createdAt: '2026-12-01T00:00:00.000Z' };
      expect(await store.taskForces.createTaskForce(tf)).toEqual(tf);
      expect(await store.taskForces.getTaskForce(TF)).toEqual(tf);
      expect(await store.taskForces.getTaskForce('tf:none')).toBeNull();
      const member = (kind: 'agency' | 'user', m: string) => ({ taskForceId: TF, kind, member: m, addedAt: '2026-12-01T00:00:01.000Z', addedBy: 'u-sh' });
      // Asked before and after each change: an answer remembered must not outlive the change.
      expect(await store.taskForces.memberships('u-fj', [FJ])).toEqual([]);
      expect(await store.taskForces.addMember(member('agency', FJ))).toBe(true);
      expect(await store.taskForces.memberships('u-fj', [FJ])).toEqual([TF]);
      expect(await store.taskForces.addMember(member('agency', FJ))).toBe(false);
      expect(await store.taskForces.addMember(member('user', 'u-gd'))).toBe(true);
      expect(await store.taskForces.members(TF)).toEqual([member('agency', FJ), member('user', 'u-gd')]);
      expect(await store.taskForces.memberships('u-fj', [FJ])).toEqual([TF]);
      expect(await store.taskForces.memberships('u-gd', ['gd-psb'])).toEqual([TF]);
      expect(await store.taskForces.memberships('u-gd2', ['gd-psb'])).toEqual([]);
      expect(await store.taskForces.removeMember(TF, 'agency', FJ)).toBe(true);
      expect(await store.taskForces.removeMember(TF, 'agency', FJ)).toBe(false);
      expect(await store.taskForces.memberships('u-fj', [FJ])).toEqual([]);
      expect((await store.taskForces.listTaskForces()).map((t) => t.id)).toEqual([TF]);
    });

    it('a share shows its records to the task force’s members only, with the owning agency as holder; its revoke is gone from every read at once', async () => {
      const before = await everyRead(store, fjMember);
      await store.taskForces.createShare(share('share:1', sh1Records));
      const [seen] = await store.getNodes(fjMember, [ids.sh1]);
      expect(seen?.owners).toEqual([SH]);
      expect(seen?.grants).toEqual([taskForcePrincipal(TF)]);
      const during = await everyRead(store, fjMember);
      expect(during.nodes.map((n) => n.id).sort()).toEqual([ids.callerPhone, ids.fj1, ids.fjVictim, ...sh1Records.nodes].sort());
      expect(during.subgraph.links.filter((l) => l.owners.includes(SH)).map((l) => `${l.type}|${l.from}|${l.to}|${l.key}`).sort()).toEqual(
        sh1Records.links.map((l) => `${l.type}|${l.from}|${l.to}|${l.key}`).sort(),
      );
      expect(during.search.map((h) => h.node.id)).toEqual([ids.sh1]);
      expect(during.stats).not.toEqual(before.stats);
      // Not a member, or no task force at all: nothing of it.
      expect(await everyRead(store, fj)).toEqual(before);
      expect(await store.getNodes(gd, sh1Records.nodes)).toEqual([]);

      const revoked = await store.taskForces.revokeShare('share:1', 'u-sh', '2026-12-01T01:00:00.000Z');
      expect(revoked?.revokedAt).toBe('2026-12-01T01:00:00.000Z');
      expect(await everyRead(store, fjMember)).toEqual(before);
      expect(await store.taskForces.revokeShare('share:1', 'u-sh', '2026-12-01T02:00:00.000Z')).toBeNull();
      expect((await store.taskForces.getShare('share:1'))?.revokedBy).toBe('u-sh');
    });

    it('a revoke withdraws only what no other active share of the same principal names', async () => {
      await store.taskForces.createShare(share('share:a', sh1Records));
      await store.taskForces.createShare(share('share:b', { nodes: [ids.sh1], links: [] }));
      await store.taskForces.revokeShare('share:a', 'u-sh', '2026-12-01T01:00:00.000Z');
      expect((await store.getNodes(fjMember, sh1Records.nodes)).map((n) => n.id)).toEqual([ids.sh1]);
      expect((await store.subgraph(fjMember, sh1Records.nodes)).links).toEqual([]);
      // Newest first; the two were shared in the same millisecond, so by id.
      expect((await store.taskForces.listShares({ taskForceId: TF })).map((s) => [s.id, s.revokedAt !== ''])).toEqual([
        ['share:a', true],
        ['share:b', false],
      ]);
    });

    it('re-importing a shared record keeps its grant (the writers keep every owners token)', async () => {
      await store.taskForces.createShare(share('share:1', sh1Records));
      await importBundle(store, lines(shanghaiBundle.map((r) => ('id' in r && r.id === ids.sh1 ? { ...r, props: { ...(r as { props: object }).props, loss: 600000 } } : r))), { by: 'sh-officer' });
      await importBundle(store, lines([fujianBundle[0]!, { kind: 'source', id: 'src:fj-2', type: 'CALL_RECORDS', reference: 'x' }, { kind: 'node', label: 'BankCard', id: ids.collect, props: {} }, { kind: 'link', type: 'INVOLVES', from: ids.sh1, to: ids.collect, sources: ['src:fj-2'] }]), { by: 'fj-officer' });
      const [sh1] = await store.getNodes(fjMember, [ids.sh1]);
      expect(sh1?.props.loss).toBe(600000);
      expect(sh1?.grants).toEqual([taskForcePrincipal(TF)]);
      const { nodes, links } = await store.subgraph(fjMember, [ids.sh1, ids.collect]);
      expect(nodes.find((n) => n.id === ids.collect)?.owners).toEqual([SH, FJ]);
      expect(nodes.find((n) => n.id === ids.collect)?.grants).toEqual([taskForcePrincipal(TF)]);
      const involves = links.find((l) => l.type === 'INVOLVES');
      expect(involves?.owners).toEqual([SH, FJ]);
      expect(involves?.grants).toEqual([taskForcePrincipal(TF)]);
      await store.taskForces.revokeShare('share:1', 'u-sh', '2026-12-01T01:00:00.000Z');
      const [after] = await store.getNodes({ agencies: [SH], userId: 'u-sh' }, [ids.sh1]);
      expect(after?.owners).toEqual([SH]);
      expect(after?.grants).toBeUndefined();
    });

    it('national sharing shows records to every agency’s users, and to no viewer without an agency', async () => {
      await store.taskForces.createShare(share('share:n', { nodes: [ids.sh1], links: [] }, NATIONAL));
      expect((await store.getNodes(gd, [ids.sh1, ids.sh2])).map((n) => n.id)).toEqual([ids.sh1]);
      expect((await store.search(gd, 'SH1', { limit: 5 })).map((h) => h.node.id)).toEqual([ids.sh1]);
      expect(await store.getNodes(nobody, [ids.sh1])).toEqual([]);
      // What a share may hand on is what the agency owns: a nationally shared record is not Guangdong's.
      expect(await store.getNodes({ ...gd, ownedOnly: true }, [ids.sh1])).toEqual([]);
    });

    it('grantRecords and withdrawRecords give and take one principal, leaving the others', async () => {
      await store.grantRecords(agencyPrincipal('gd-psb'), { nodes: [ids.sh2], links: [] });
      await store.grantRecords(NATIONAL, { nodes: [ids.sh2], links: [] });
      await store.withdrawRecords(NATIONAL, { nodes: [ids.sh2], links: [] });
      const [sh2] = await store.getNodes(gd, [ids.sh2]);
      expect(sh2?.grants).toEqual([agencyPrincipal('gd-psb')]);
      expect(await store.getNodes({ agencies: ['zj-psb'], userId: 'u-zj' }, [ids.sh2])).toEqual([]);
      await store.withdrawRecords(agencyPrincipal('gd-psb'), { nodes: [ids.sh2], links: [] });
      expect(await store.getNodes(gd, [ids.sh2])).toEqual([]);
    });
  });
}
