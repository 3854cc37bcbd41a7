import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/src/store/graph-store';
import { FJ, SH, ids } from './fixture';

/** Requests for access after a deconfliction hit, behind the same port as the graph. */
export function describeAccessRequestContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`AccessRequestStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('records a pending request, lists it for the holder and the requester only, newest first', async () => {
      const first = await store.accessRequests.createAccessRequest({ nodeId: ids.callerPhone, requester: SH, holder: FJ, requestedBy: 'officer-wu', reason: '串并案' });
      const second = await store.accessRequests.createAccessRequest({ nodeId: ids.collect, requester: FJ, holder: SH, requestedBy: 'officer-lin', reason: '核查收款卡' });
      expect(first).toEqual({
        id: expect.stringMatching(/^access:/),
        nodeId: ids.callerPhone,
        requester: SH,
        holder: FJ,
        requestedBy: 'officer-wu',
        reason: '串并案',
        requestedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        status: 'PENDING',
        decidedBy: '',
        decidedAt: '',
        note: '',
        grantedCases: [],
      });
      expect(await store.accessRequests.getAccessRequest(first.id)).toEqual(first);
      expect(await store.accessRequests.getAccessRequest('access:none')).toBeNull();
      expect(await store.accessRequests.listAccessRequests({ holders: [FJ], requesters: [] })).toEqual([first]);
      expect(await store.accessRequests.listAccessRequests({ holders: [], requesters: [FJ] })).toEqual([second]);
      expect(await store.accessRequests.listAccessRequests({ holders: [SH], requesters: [SH] })).toEqual([second, first]);
      expect(await store.accessRequests.listAccessRequests({ holders: [], requesters: [] })).toEqual([]);
      expect(await store.accessRequests.listAccessRequests({ holders: ['hn-psb'], requesters: [] })).toEqual([]);
    });

    it('decides a request once: a second decision finds it decided and changes nothing', async () => {
      const r = await store.accessRequests.createAccessRequest({ nodeId: ids.callerPhone, requester: SH, holder: FJ, requestedBy: 'officer-wu', reason: '串并案' });
      const granted = await store.accessRequests.decideAccessRequest(r.id, { status: 'GRANTED', decidedBy: 'officer-lin', note: '同意', grantedCases: [ids.fj1] });
      expect(granted).toEqual({ ...r, status: 'GRANTED', decidedBy: 'officer-lin', decidedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), note: '同意', grantedCases: [ids.fj1] });
      expect(await store.accessRequests.decideAccessRequest(r.id, { status: 'REFUSED', decidedBy: 'officer-zhao', note: '', grantedCases: [] })).toBeNull();
      expect(await store.accessRequests.getAccessRequest(r.id)).toEqual(granted);
    });

    it('lists every standing grant of a requester, oldest first, however many newer requests came after', async () => {
      const ask = (requester: string, reason: string) => store.accessRequests.createAccessRequest({ nodeId: ids.callerPhone, requester, holder: FJ, requestedBy: 'officer-wu', reason });
      const grant = (id: string) => store.accessRequests.decideAccessRequest(id, { status: 'GRANTED', decidedBy: 'officer-lin', note: '', grantedCases: [ids.fj1] });
      const oldest = await grant((await ask(SH, 'first')).id);
      const refused = await ask(SH, 'refused');
      await store.accessRequests.decideAccessRequest(refused.id, { status: 'REFUSED', decidedBy: 'officer-lin', note: '', grantedCases: [] });
      const withdrawn = await grant((await ask(SH, 'withdrawn')).id);
      await store.accessRequests.withdrawAccessGrant(withdrawn!.id, { decidedBy: 'officer-lin', note: '' });
      await grant((await ask('hn-psb', 'another requester')).id);
      // More pending requests than one list returns, all newer than the oldest grant.
      for (let i = 0; i < 500; i++) await ask(SH, `pending ${i}`);
      const newest = await grant((await ask(SH, 'newest')).id);
      const listed = await store.accessRequests.listAccessRequests({ holders: [], requesters: [SH] });
      expect(listed.map((r) => r.id)).not.toContain(oldest!.id);
      expect(await store.accessRequests.grantedAccessRequests(SH)).toEqual([oldest, newest]);
      expect(await store.accessRequests.grantedAccessRequests('nobody')).toEqual([]);
    });

    it('withdraws a granted request once, keeping what it opened; a request not granted is not withdrawn', async () => {
      const r = await store.accessRequests.createAccessRequest({ nodeId: ids.callerPhone, requester: SH, holder: FJ, requestedBy: 'officer-wu', reason: '串并案' });
      expect(await store.accessRequests.withdrawAccessGrant(r.id, { decidedBy: 'officer-lin', note: '' })).toBeNull();
      const granted = await store.accessRequests.decideAccessRequest(r.id, { status: 'GRANTED', decidedBy: 'officer-lin', note: '同意', grantedCases: [ids.fj1] });
      const withdrawn = await store.accessRequests.withdrawAccessGrant(r.id, { decidedBy: 'officer-zhao', note: '侦查需要，收回' });
      expect(withdrawn).toEqual({ ...granted, status: 'WITHDRAWN', decidedBy: 'officer-zhao', decidedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), note: '侦查需要，收回' });
      expect(withdrawn!.decidedAt > granted!.decidedAt).toBe(true);
      expect(await store.accessRequests.withdrawAccessGrant(r.id, { decidedBy: 'officer-lin', note: '' })).toBeNull();
      expect(await store.accessRequests.getAccessRequest(r.id)).toEqual(withdrawn);
      expect(await store.accessRequests.withdrawAccessGrant('access:none', { decidedBy: 'officer-lin', note: '' })).toBeNull();
    });
  });
}
