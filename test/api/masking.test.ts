import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { ids } from '../contract/fixture';
import { client, fixtureApp, type Gql } from './harness';

const NODES = `{ nodes(ids: ["${ids.suspect}", "${ids.victim}", "${ids.collect}"]) { caption ... on Person { name idNumber } ... on BankCard { number } } }`;
const REVEAL = 'mutation($id: ID!, $p: String!, $r: String!) { reveal(nodeId: $id, property: $p, reason: $r) { value } }';

const MASKED = [
  { caption: '张三', name: '张三', idNumber: '**************1234' },
  { caption: '***', name: '***', idNumber: null },
  { caption: '***************0123', number: '***************0123' },
];
const CLEAR = [
  { caption: '张三', name: '张三', idNumber: '310101199001011234' },
  { caption: '吴某某', name: '吴某某', idNumber: null },
  { caption: '6222021234567890123', number: '6222021234567890123' },
];

/** The masking table of auth/roles.ts, role by role: what each sees, and whether it may reveal with a reason. */
describe('sensitive values by role', () => {
  let app: App;
  let store: GraphStore;
  let gql: Gql;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp());
    gql = client(app, { 'x-user': 'officer-9' });
  });
  afterAll(() => store.close());

  it.each([
    ['PROSECUTOR', CLEAR],
    ['INVESTIGATOR', MASKED],
    ['TASK_FORCE_LEAD', MASKED],
    ['ANALYST', MASKED],
    ['ADMIN', MASKED],
  ])('%s sees national ids, full card numbers and victims’ names as the table says', async (role, expected) => {
    const { body } = await gql(NODES, {}, { 'x-role': role });
    expect(body).toEqual({ data: { nodes: expected } });
  });

  it.each([
    ['INVESTIGATOR', { data: { reveal: { value: '6222021234567890123' } } }],
    ['TASK_FORCE_LEAD', { data: { reveal: { value: '6222021234567890123' } } }],
  ])('%s reveals a masked card number with a reason, and the reveal is audited', async (role, expected) => {
    const { body } = await gql(REVEAL, { id: ids.collect, p: 'number', r: '核对收款卡 SH-1' }, { 'x-role': role, 'x-user': `reveal-${role}` });
    expect(body).toEqual(expected);
    const [last] = await store.accounts.searchAudit({ action: 'reveal', userId: `reveal-${role}`, limit: 1 });
    expect(last).toMatchObject({ objectIds: [ids.collect], outcome: 'ok', detail: '核对收款卡 SH-1' });
  });

  it.each(['ANALYST', 'ADMIN'])('%s may not reveal, and the refusal is audited', async (role) => {
    const { body } = await gql(REVEAL, { id: ids.collect, p: 'number', r: '核对收款卡 SH-1' }, { 'x-role': role, 'x-user': `reveal-${role}` });
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toEqual({ code: 'FORBIDDEN' });
    const [last] = await store.accounts.searchAudit({ action: 'reveal', userId: `reveal-${role}`, limit: 1 });
    expect(last).toMatchObject({ objectIds: [ids.collect], outcome: 'FORBIDDEN' });
  });
});
