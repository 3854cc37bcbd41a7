import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { importBundle } from '../../server/src/import/importer';
import { FJ, SH, ids, toLines } from '../contract/fixture';
import { client, fixtureApp, type Gql } from './harness';

const HITS = `query($ids: [ID!]!) { deconfliction(nodeIds: $ids) { nodeId holders { agency { id name province level } request { id status } } } }`;
const REQUEST = `mutation($node: ID!, $agency: String!, $reason: String!) { requestAccess(nodeId: $node, agency: $agency, reason: $reason) { id nodeId status requester { id } holder { id } requestedBy reason decidedBy note grantedCases } }`;
const DECIDE = `mutation($id: ID!, $grant: Boolean!, $note: String) { decideAccessRequest(id: $id, grant: $grant, note: $note) { id status decidedBy note grantedCases } }`;
const WITHDRAW = `mutation($id: ID!, $note: String) { withdrawAccessGrant(id: $id, note: $note) { id status decidedBy note grantedCases } }`;
const LIST = `query($d: AccessRequestDirection!) { accessRequests(direction: $d) { id nodeId status requester { id name } holder { id name } requestedBy reason node { id caption } } }`;

const SHANGHAI = { id: SH, name: '上海市公安局', province: '上海', level: 'PROVINCE' };
const LONGYAN = { id: FJ, name: '龙岩市公安局', province: '福建', level: 'CITY' };

/**
 * Issue 7's deconfliction: Shanghai and Fujian both hold the caller's phone. Each learns that the
 * other holds it, and nothing else, and asks the other for its records around it.
 */
describe('deconfliction: hit, no disclosure, and requests for access', () => {
  let app: App;
  let store: GraphStore;
  let sh: Gql;
  let fj: Gql;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp());
    await store.accounts.putAgency(SHANGHAI as never);
    await store.accounts.putAgency(LONGYAN as never);
    // A Fujian case that has nothing to do with the shared phone: no grant around the phone opens it.
    const other = [
      { kind: 'meta', version: 1, agency: FJ },
      { kind: 'source', id: 'src:fj-stmt-2', type: 'STATEMENT', reference: '询问笔录 FJ2' },
      { kind: 'node', label: 'Case', id: 'case:FJ2', props: { caseNo: 'FJ2', category: 'ONLINE_LOAN' } },
      { kind: 'node', label: 'Person', id: 'person:victim-chen', props: { name: '陈某某' } },
      { kind: 'link', type: 'VICTIM_IN', from: 'person:victim-chen', to: 'case:FJ2', sources: ['src:fj-stmt-2'] },
    ];
    await importBundle(store, (async function* () { yield toLines(other); })(), { by: 'fj-officer' });
    sh = client(app, { 'x-agencies': SH, 'x-user': 'sh.investigator' });
    fj = client(app, { 'x-agencies': FJ, 'x-user': 'fj.investigator' });
  });
  afterAll(() => store.close());

  it('shows the other holding agency of an identifier, and nothing else', async () => {
    const asked = [ids.callerPhone, ids.collect, ids.suspect, ids.sh1, ids.fj1, ids.fjVictim, 'phone:+8600000000000'];
    expect((await sh(HITS, { ids: asked })).body).toEqual({ data: { deconfliction: [{ nodeId: ids.callerPhone, holders: [{ agency: LONGYAN, request: null }] }] } });
    expect((await fj(HITS, { ids: asked })).body).toEqual({ data: { deconfliction: [{ nodeId: ids.callerPhone, holders: [{ agency: SHANGHAI, request: null }] }] } });
    // A viewer who sees both agencies' records has no one else to learn of.
    expect((await client(app)(HITS, { ids: asked })).body).toEqual({ data: { deconfliction: [] } });
  });

  it('refuses a request without a reason, and answers one it may not make exactly as one for nothing', async () => {
    const bare = await sh(REQUEST, { node: ids.callerPhone, agency: FJ, reason: ' ' });
    expect(bare.body).toEqual({ data: null, errors: [expect.objectContaining({ message: 'reason: say why your agency needs these records (at least 4 characters).', extensions: { code: 'BAD_INPUT', field: 'reason' } })] });
    const missing = await sh(REQUEST, { node: 'phone:+8600000000000', agency: FJ, reason: '串并案核查' });
    const hidden = await sh(REQUEST, { node: ids.fjVictim, agency: FJ, reason: '串并案核查' });
    const notHeld = await sh(REQUEST, { node: ids.collect, agency: FJ, reason: '串并案核查' });
    const own = await sh(REQUEST, { node: ids.callerPhone, agency: SH, reason: '串并案核查' });
    const notIdentifier = await client(app, { 'x-agencies': SH })(REQUEST, { node: ids.sh1, agency: SH, reason: '串并案核查' });
    expect(missing.body).toEqual({ data: null, errors: [expect.objectContaining({ message: 'No other agency holds an identifier with this id.', extensions: { code: 'NOT_FOUND' } })] });
    for (const answer of [hidden, notHeld, own, notIdentifier]) expect(answer.body).toEqual(missing.body);
  });

  it('refused: the requester sees nothing more; only the holding agency’s investigators decide; all of it audited', async () => {
    const asked = await sh(REQUEST, { node: ids.callerPhone, agency: FJ, reason: '沪 SH2 案主叫号码与贵局案件重合，请求串并' });
    const request = asked.body.data.requestAccess;
    expect(request).toEqual({
      id: expect.stringMatching(/^access:/),
      nodeId: ids.callerPhone,
      status: 'PENDING',
      requester: { id: SH },
      holder: { id: FJ },
      requestedBy: 'sh.investigator',
      reason: '沪 SH2 案主叫号码与贵局案件重合，请求串并',
      decidedBy: null,
      note: null,
      grantedCases: [],
    });
    // Asking again answers the open request.
    expect((await sh(REQUEST, { node: ids.callerPhone, agency: FJ, reason: '再次请求' })).body.data.requestAccess.id).toBe(request.id);
    expect((await sh(HITS, { ids: [ids.callerPhone] })).body.data.deconfliction[0].holders).toEqual([{ agency: LONGYAN, request: { id: request.id, status: 'PENDING' } }]);

    const incoming = (await fj(LIST, { d: 'INCOMING' })).body.data.accessRequests;
    expect(incoming).toEqual([
      { id: request.id, nodeId: ids.callerPhone, status: 'PENDING', requester: { id: SH, name: '上海市公安局' }, holder: { id: FJ, name: '龙岩市公安局' }, requestedBy: 'sh.investigator', reason: request.reason, node: { id: ids.callerPhone, caption: '+8613812345678' } },
    ]);
    expect((await fj(LIST, { d: 'OUTGOING' })).body.data.accessRequests).toEqual([]);
    expect((await sh(LIST, { d: 'OUTGOING' })).body.data.accessRequests.map((r: { id: string }) => r.id)).toEqual([request.id]);
    expect((await sh(LIST, { d: 'INCOMING' })).body.data.accessRequests).toEqual([]);

    // The requester, or anyone else, may not decide: the answer is the one for no request at all.
    const bySh = await sh(DECIDE, { id: request.id, grant: true });
    const byNone = await fj(DECIDE, { id: 'access:no-such-request', grant: true });
    const byOther = await client(app, { 'x-agencies': 'hn-psb', 'x-user': 'hn.investigator' })(DECIDE, { id: request.id, grant: true });
    expect(byNone.body).toEqual({ data: null, errors: [expect.objectContaining({ message: 'No access request with this id.', extensions: { code: 'NOT_FOUND' } })] });
    for (const answer of [bySh, byOther]) expect(answer.body).toEqual(byNone.body);
    // Of the holding agency, only those who work its cases decide.
    const byProsecutor = await fj(DECIDE, { id: request.id, grant: true }, { 'x-role': 'PROSECUTOR', 'x-user': 'fj.prosecutor' });
    expect(byProsecutor.body.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const byAnalyst = await fj(DECIDE, { id: request.id, grant: true }, { 'x-role': 'ANALYST', 'x-user': 'fj.analyst' });
    expect(byAnalyst.body.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const refused = await fj(DECIDE, { id: request.id, grant: false, note: '案件尚在侦查，暂不共享' });
    expect(refused.body).toEqual({ data: { decideAccessRequest: { id: request.id, status: 'REFUSED', decidedBy: 'fj.investigator', note: '案件尚在侦查，暂不共享', grantedCases: [] } } });
    expect((await fj(DECIDE, { id: request.id, grant: true })).body.errors[0]).toMatchObject({ message: 'This request was decided already.', extensions: { code: 'CONFLICT' } });

    // Shanghai still sees none of Fujian's records.
    expect((await sh(`{ nodes(ids: ["${ids.fj1}", "${ids.fjVictim}"]) { id } }`)).body).toEqual({ data: { nodes: [] } });
    const around = (await sh(`{ neighborhood(ids: ["${ids.callerPhone}"], hops: 2) { nodes { id } } }`)).body.data.neighborhood.nodes.map((n: { id: string }) => n.id);
    expect(around).not.toContain(ids.fj1);
    expect((await sh(HITS, { ids: [ids.callerPhone] })).body.data.deconfliction[0].holders).toEqual([{ agency: LONGYAN, request: { id: request.id, status: 'REFUSED' } }]);

    // Each operation's outcome (the record written before it ran, outcome `started`, left aside).
    const trail = async (action: string) => (await store.accounts.searchAudit({ action, limit: 40 })).filter((r) => r.outcome !== 'started').map((r) => ({ userId: r.userId, agency: r.agency, objectIds: r.objectIds, outcome: r.outcome, detail: r.detail }));
    const shAudit = (objectIds: string[], outcome: string, detail: string) => ({ userId: 'sh.investigator', agency: SH, objectIds, outcome, detail });
    expect(await trail('requestAccess')).toEqual([
      shAudit([ids.callerPhone, request.id], 'ok', '再次请求'),
      shAudit([ids.callerPhone, request.id], 'ok', request.reason),
      { userId: 'officer-7', agency: SH, objectIds: [ids.sh1], outcome: 'NOT_FOUND', detail: '串并案核查' },
      shAudit([ids.callerPhone], 'NOT_FOUND', '串并案核查'),
      shAudit([ids.collect], 'NOT_FOUND', '串并案核查'),
      shAudit([ids.fjVictim], 'NOT_FOUND', '串并案核查'),
      shAudit(['phone:+8600000000000'], 'NOT_FOUND', '串并案核查'),
      shAudit([ids.callerPhone], 'BAD_INPUT', ''),
    ]);
    expect(await trail('decideAccessRequest')).toEqual([
      { userId: 'fj.investigator', agency: FJ, objectIds: [request.id], outcome: 'CONFLICT', detail: 'granted' },
      { userId: 'fj.investigator', agency: FJ, objectIds: [request.id], outcome: 'ok', detail: 'refused: 案件尚在侦查，暂不共享' },
      { userId: 'fj.analyst', agency: FJ, objectIds: [request.id], outcome: 'FORBIDDEN', detail: 'granted' },
      { userId: 'fj.prosecutor', agency: FJ, objectIds: [request.id], outcome: 'FORBIDDEN', detail: 'granted' },
      { userId: 'hn.investigator', agency: 'hn-psb', objectIds: [request.id], outcome: 'NOT_FOUND', detail: 'granted' },
      { userId: 'fj.investigator', agency: FJ, objectIds: ['access:no-such-request'], outcome: 'NOT_FOUND', detail: 'granted' },
      shAudit([request.id], 'NOT_FOUND', 'granted'),
    ]);
  });

  it('granted: the requester’s agency sees the holder’s case around the identifier and its links, nothing more', async () => {
    const asked = (await sh(REQUEST, { node: ids.callerPhone, agency: FJ, reason: '主叫号码 +8613812345678 两地均有，请求串并' })).body.data.requestAccess;
    expect(asked.status).toBe('PENDING');
    expect((await sh(`{ nodes(ids: ["${ids.fj1}"]) { id } }`)).body).toEqual({ data: { nodes: [] } });
    const granted = await fj(DECIDE, { id: asked.id, grant: true, note: '同意，联系人林警官' }, { 'x-role': 'TASK_FORCE_LEAD', 'x-user': 'fj.lead' });
    expect(granted.body).toEqual({ data: { decideAccessRequest: { id: asked.id, status: 'GRANTED', decidedBy: 'fj.lead', note: '同意，联系人林警官', grantedCases: [ids.fj1] } } });

    // From the next request on, Shanghai sees Fujian's case, its victim and their links: still Fujian's (owners), masked as ever.
    const seen = await sh(`{ nodes(ids: ["${ids.fj1}", "${ids.fjVictim}", "case:FJ2", "person:victim-chen"]) { id owners caption } }`);
    expect(seen.body).toEqual({ data: { nodes: [{ id: ids.fj1, owners: [FJ], caption: 'FJ1' }, { id: ids.fjVictim, owners: [FJ], caption: '***' }] } });
    const around = (await sh(`{ neighborhood(ids: ["${ids.fj1}"], hops: 1) { nodes { id } links { type from to owner } } }`)).body.data.neighborhood;
    expect(around.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ids.fj1, ids.callerPhone, ids.fjVictim].sort());
    expect(around.links).toEqual(expect.arrayContaining([
      { type: 'INVOLVES', from: ids.fj1, to: ids.callerPhone, owner: FJ },
      { type: 'VICTIM_IN', from: ids.fjVictim, to: ids.fj1, owner: FJ },
    ]));
    expect(around.links).toHaveLength(2);
    // Fujian still holds the phone: the hit stays, with where the request stands.
    expect((await sh(HITS, { ids: [ids.callerPhone] })).body.data.deconfliction[0].holders).toEqual([{ agency: LONGYAN, request: { id: asked.id, status: 'GRANTED' } }]);
    // Another agency gains nothing from Shanghai's grant.
    expect((await client(app, { 'x-agencies': 'hn-psb', 'x-user': 'hn.investigator' })(`{ nodes(ids: ["${ids.fj1}", "${ids.fjVictim}"]) { id } }`)).body).toEqual({ data: { nodes: [] } });
    // Asking again answers the granted request.
    expect((await sh(REQUEST, { node: ids.callerPhone, agency: FJ, reason: '再次请求' })).body.data.requestAccess).toMatchObject({ id: asked.id, status: 'GRANTED', grantedCases: [ids.fj1] });
    const [last] = await store.accounts.searchAudit({ action: 'decideAccessRequest', limit: 1 });
    expect(last).toMatchObject({ userId: 'fj.lead', agency: FJ, objectIds: [asked.id], outcome: 'ok', detail: 'granted: 同意，联系人林警官' });
  });

  it('withdrawn: the holder takes a grant back, and what another standing grant opens stays open', async () => {
    const fjCase = `{ nodes(ids: ["${ids.fj1}", "${ids.fjVictim}"]) { id } }`;
    const phoneGrant = (await sh(LIST, { d: 'OUTGOING' })).body.data.accessRequests.find((r: { status: string }) => r.status === 'GRANTED');
    expect(phoneGrant).toMatchObject({ nodeId: ids.callerPhone, holder: { id: FJ } });
    // Fujian's case also received money on Shanghai's collection card; Shanghai asks about the card too, and is granted the same case.
    const card = [
      { kind: 'meta', version: 1, agency: FJ },
      { kind: 'source', id: 'src:fj-stmt-3', type: 'BANK_STATEMENT', reference: '工商银行 交易流水 FJ1' },
      { kind: 'node', label: 'BankCard', id: ids.collect, props: {} },
      { kind: 'link', type: 'INVOLVES', from: ids.fj1, to: ids.collect, sources: ['src:fj-stmt-3'] },
    ];
    await importBundle(store, (async function* () { yield toLines(card); })(), { by: 'fj-officer' });
    const cardAsked = (await sh(REQUEST, { node: ids.collect, agency: FJ, reason: '收款卡两地均有，请求串并' })).body.data.requestAccess;
    expect((await fj(DECIDE, { id: cardAsked.id, grant: true })).body.data.decideAccessRequest).toMatchObject({ status: 'GRANTED', grantedCases: [ids.fj1] });

    // Only the holding agency's investigators and leads withdraw; to anyone else the request does not exist.
    const bySh = await sh(WITHDRAW, { id: phoneGrant.id });
    expect(bySh.body).toEqual({ data: null, errors: [expect.objectContaining({ message: 'No access request with this id.', extensions: { code: 'NOT_FOUND' } })] });
    expect((await fj(WITHDRAW, { id: phoneGrant.id }, { 'x-role': 'PROSECUTOR', 'x-user': 'fj.prosecutor' })).body.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const withdrawn = await fj(WITHDRAW, { id: phoneGrant.id, note: '案件进入起诉阶段，收回' });
    expect(withdrawn.body).toEqual({ data: { withdrawAccessGrant: { id: phoneGrant.id, status: 'WITHDRAWN', decidedBy: 'fj.investigator', note: '案件进入起诉阶段，收回', grantedCases: [ids.fj1] } } });
    // The card's grant still opens the case and its victim.
    expect((await sh(fjCase)).body).toEqual({ data: { nodes: [{ id: ids.fj1 }, { id: ids.fjVictim }] } });

    expect((await fj(WITHDRAW, { id: cardAsked.id })).body.data.withdrawAccessGrant.status).toBe('WITHDRAWN');
    expect((await sh(fjCase)).body).toEqual({ data: { nodes: [] } });
    const around = (await sh(`{ neighborhood(ids: ["${ids.callerPhone}", "${ids.collect}"], hops: 2) { nodes { id } } }`)).body.data.neighborhood.nodes.map((n: { id: string }) => n.id);
    expect(around).not.toContain(ids.fj1);
    // Withdrawn once; a request never granted cannot be withdrawn either.
    expect((await fj(WITHDRAW, { id: cardAsked.id })).body.errors[0]).toMatchObject({ message: 'Only a granted request can be withdrawn, and this one is not (any more).', extensions: { code: 'CONFLICT' } });
    // Shanghai may ask again: a new request, pending.
    const again = (await sh(REQUEST, { node: ids.callerPhone, agency: FJ, reason: '起诉后请求再次核查' })).body.data.requestAccess;
    expect(again).toMatchObject({ status: 'PENDING', grantedCases: [] });
    expect(again.id).not.toBe(phoneGrant.id);
    expect((await fj(WITHDRAW, { id: again.id })).body.errors[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });

    const trail = (await store.accounts.searchAudit({ action: 'withdrawAccessGrant', limit: 40 })).filter((r) => r.outcome !== 'started').map((r) => [r.userId, r.objectIds, r.outcome, r.detail]);
    expect(trail).toEqual([
      ['fj.investigator', [again.id], 'CONFLICT', ''],
      ['fj.investigator', [cardAsked.id], 'CONFLICT', ''],
      ['fj.investigator', [cardAsked.id], 'ok', ''],
      ['fj.investigator', [phoneGrant.id], 'ok', '案件进入起诉阶段，收回'],
      ['fj.prosecutor', [phoneGrant.id], 'FORBIDDEN', ''],
      ['sh.investigator', [phoneGrant.id], 'NOT_FOUND', ''],
    ]);
  });
});
