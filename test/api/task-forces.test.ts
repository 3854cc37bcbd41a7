import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { FJ, SH, ids } from '../contract/fixture';
import { client, fixtureApp, type Gql } from './harness';

const TF_FIELDS = 'id name purpose lead agency members { kind id addedBy } shares { id caseId hops nodeCount linkCount agency sharedBy revokedAt national taskForceId }';

/** Task forces and shares through the API, as two agencies' users and an outsider. */
describe('task forces and shares over the API', () => {
  let app: App;
  let store: GraphStore;
  let lead: Gql; // Shanghai's task force lead
  let fj: Gql; // a Fujian investigator
  let gd: Gql; // a Guangdong investigator, in no task force
  let tfId: string;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp());
    lead = client(app, { 'x-agencies': SH, 'x-user': 'lead-sh', 'x-role': 'TASK_FORCE_LEAD' });
    fj = client(app, { 'x-agencies': FJ, 'x-user': 'inv-fj' });
    gd = client(app, { 'x-agencies': 'gd-psb', 'x-user': 'inv-gd' });
  });
  afterAll(() => store.close());

  const searchIds = async (as: Gql, text: string) => ((await as('query($t: String!) { search(text: $t) { node { id } } }', { t: text })).body.data.search as { node: { id: string } }[]).map((h) => h.node.id);

  it('a lead creates a task force, being its first member; an investigator may not', async () => {
    const refused = await fj('mutation { createTaskForce(name: "x") { id } }');
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const blank = await lead('mutation { createTaskForce(name: "  ") { id } }');
    expect(blank.body.errors[0]).toMatchObject({ message: 'name: required.', extensions: { code: 'BAD_INPUT', field: 'name' } });
    const { body } = await lead(`mutation { createTaskForce(name: "7·30 专案组", purpose: "沪闽串并") { ${TF_FIELDS} } }`);
    tfId = body.data.createTaskForce.id;
    expect(tfId).toMatch(/^tf:[0-9a-f-]{36}$/);
    expect(body.data.createTaskForce).toEqual({ id: tfId, name: '7·30 专案组', purpose: '沪闽串并', lead: 'lead-sh', agency: SH, members: [{ kind: 'USER', id: 'lead-sh', addedBy: 'lead-sh' }], shares: [] });
  });

  it('only the lead invites; a task force one may not see answers as one that does not exist', async () => {
    const notLead = await fj('mutation($id: ID!) { addTaskForceMember(taskForceId: $id, agency: "fj-psb") { id } }', { id: tfId });
    const none = await fj('mutation($id: ID!) { addTaskForceMember(taskForceId: $id, agency: "fj-psb") { id } }', { id: 'tf:none' });
    expect(notLead.body).toEqual(none.body);
    expect(none.body.errors[0].extensions.code).toBe('NOT_FOUND');
    const both = await lead('mutation($id: ID!) { addTaskForceMember(taskForceId: $id, agency: "fj-psb", userId: "x") { id } }', { id: tfId });
    expect(both.body.errors[0].extensions).toEqual({ code: 'BAD_INPUT', field: 'agency' });
    const added = await lead('mutation($id: ID!) { addTaskForceMember(taskForceId: $id, agency: "fj-psb") { members { kind id } } }', { id: tfId });
    expect(added.body.data.addTaskForceMember.members).toEqual([{ kind: 'USER', id: 'lead-sh' }, { kind: 'AGENCY', id: FJ }]);
    expect((await fj('{ taskForces { id } }')).body.data.taskForces).toEqual([{ id: tfId }]);
    expect((await gd('{ taskForces { id } }')).body.data.taskForces).toEqual([]);
    const hidden = await gd('query($id: ID!) { taskForce(id: $id) { id } }', { id: tfId });
    expect(hidden.body).toEqual((await gd('query($id: ID!) { taskForce(id: $id) { id } }', { id: 'tf:none' })).body);
  });

  it('a member shares its own case; the other members see it from the next request, the owner still shown as holder', async () => {
    expect(await searchIds(fj, 'SH1')).toEqual([]);
    const { body } = await lead('mutation($tf: ID!, $c: ID!) { shareCase(taskForceId: $tf, caseId: $c, hops: 1) { id caseId hops nodeCount linkCount agency national } }', { tf: tfId, c: ids.sh1 });
    // SH1, its victim, the suspect and the collection card, and the three links to them.
    expect(body.data.shareCase).toMatchObject({ caseId: ids.sh1, hops: 1, nodeCount: 4, linkCount: 3, agency: SH, national: false });
    expect(await searchIds(fj, 'SH1')).toEqual([ids.sh1]);
    const nodes = await fj('query($ids: [ID!]!) { nodes(ids: $ids) { id owners } }', { ids: [ids.sh1, ids.sh2] });
    expect(nodes.body.data.nodes).toEqual([{ id: ids.sh1, owners: [SH] }]);
    expect(await searchIds(gd, 'SH1')).toEqual([]);
  });

  it('a record seen through a share is its holders’ to change: writing it would make the reader a holder', async () => {
    const freeze = await fj('mutation($c: ID!) { freezeCard(cardId: $c, amount: "100") { id } }', { c: ids.collect });
    expect(freeze.body.errors[0]).toMatchObject({ message: 'This record was shared with you; only the agencies that hold it may change it.', extensions: { code: 'FORBIDDEN' } });
    const upsert = await fj('mutation($id: ID!) { upsertNode(id: $id, label: Case, props: { caseNo: "X" }) { id } }', { id: ids.sh1 });
    expect(upsert.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const [sh1] = await store.getNodes({ agencies: [SH], userId: 'x' }, [ids.sh1]);
    expect([sh1?.owners, sh1?.props.caseNo]).toEqual([[SH], 'SH1']);
  });

  it('shares never widen: a case seen only through a share cannot be shared onward; a case one cannot see is not found', async () => {
    const onward = await fj('mutation($tf: ID!, $c: ID!) { shareCase(taskForceId: $tf, caseId: $c) { id } }', { tf: tfId, c: ids.sh1 });
    expect(onward.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const invisible = await fj('mutation($tf: ID!, $c: ID!) { shareCase(taskForceId: $tf, caseId: $c) { id } }', { tf: tfId, c: ids.sh2 });
    const unknown = await fj('mutation($tf: ID!, $c: ID!) { shareCase(taskForceId: $tf, caseId: $c) { id } }', { tf: tfId, c: 'case:none' });
    expect(invisible.body).toEqual(unknown.body);
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('revoking: the sharing agency may, another member may not; the records are gone from the next request; every step audited', async () => {
    const [share] = (await lead('query($id: ID!) { taskForce(id: $id) { shares { id } } }', { id: tfId })).body.data.taskForce.shares;
    const refused = await fj('mutation($s: ID!) { revokeShare(shareId: $s) { id } }', { s: share.id });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const outsider = await gd('mutation($s: ID!) { revokeShare(shareId: $s) { id } }', { s: share.id });
    expect(outsider.body).toEqual((await gd('mutation($s: ID!) { revokeShare(shareId: $s) { id } }', { s: 'share:none' })).body);
    const { body } = await lead('mutation($s: ID!) { revokeShare(shareId: $s) { id revokedAt } }', { s: share.id });
    expect(body.data.revokeShare.revokedAt).toMatch(/^\d{4}-/);
    expect(await searchIds(fj, 'SH1')).toEqual([]);
    expect((await fj('query($id: ID!) { taskForce(id: $id) { shares { id } } }', { id: tfId })).body.data.taskForce.shares).toEqual([]);
    const again = await lead('mutation($s: ID!) { revokeShare(shareId: $s) { id } }', { s: share.id });
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');
    for (const action of ['createTaskForce', 'addTaskForceMember', 'shareCase', 'revokeShare']) {
      const [last] = await store.accounts.searchAudit({ action, limit: 1 });
      expect(last?.action).toBe(action);
    }
    const [added] = await store.accounts.searchAudit({ action: 'addTaskForceMember', userId: 'lead-sh', limit: 1 });
    expect(added).toMatchObject({ objectIds: [tfId], outcome: 'ok', detail: `agency ${FJ}` });
    const [revoke] = await store.accounts.searchAudit({ action: 'revokeShare', userId: 'lead-sh', limit: 1 });
    expect(revoke).toMatchObject({ outcome: 'CONFLICT', objectIds: [share.id] });
  });

  it('removing a member agency takes the shares away from its users at once', async () => {
    await lead('mutation($tf: ID!, $c: ID!) { shareCase(taskForceId: $tf, caseId: $c, hops: 0) { id } }', { tf: tfId, c: ids.sh3 });
    expect(await searchIds(fj, 'SH3')).toEqual([ids.sh3]);
    await lead('mutation($id: ID!) { removeTaskForceMember(taskForceId: $id, agency: "fj-psb") { id } }', { id: tfId });
    expect(await searchIds(fj, 'SH3')).toEqual([]);
  });

  it('a lead marks a case for national sharing: every agency sees it until revoked; an investigator may not', async () => {
    const refused = await fj('mutation($c: ID!) { shareNationally(caseId: $c) { id } }', { c: ids.fj1 });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const { body } = await lead('mutation($c: ID!) { shareNationally(caseId: $c, hops: 0) { id national taskForceId nodeCount } }', { c: ids.sh2 });
    expect(body.data.shareNationally).toMatchObject({ national: true, taskForceId: null, nodeCount: 1 });
    expect(await searchIds(gd, 'SH2')).toEqual([ids.sh2]);
    expect((await gd('{ nationalShares { caseId } }')).body.data.nationalShares).toEqual([{ caseId: ids.sh2 }]);
    await lead('mutation($s: ID!) { revokeShare(shareId: $s) { id } }', { s: body.data.shareNationally.id });
    expect(await searchIds(gd, 'SH2')).toEqual([]);
    expect((await gd('{ nationalShares { caseId } }')).body.data.nationalShares).toEqual([]);
  });
});
