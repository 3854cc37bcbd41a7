import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { FJ, ids } from '../contract/fixture';
import { client, fixtureApp, type Gql } from './harness';

const REVEAL = 'mutation($id: ID!, $p: String!, $r: String!) { reveal(nodeId: $id, property: $p, reason: $r) { nodeId property value } }';

describe('revealing a masked value', () => {
  let app: App;
  let store: GraphStore;
  let gql: Gql;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp());
    gql = client(app, { 'x-user': 'officer-7' });
  });
  afterAll(() => store.close());

  it('refuses without a reason, and records the refusal', async () => {
    const { body } = await gql(REVEAL, { id: ids.suspect, p: 'idNumber', r: '  ' });
    expect(body).toEqual({ data: null, errors: [expect.objectContaining({ message: 'reason: say why you need to see this value (at least 4 characters).', extensions: { code: 'BAD_INPUT', field: 'reason' } })] });
    const [last] = await store.accounts.searchAudit({ action: 'reveal', limit: 1 });
    expect(last).toMatchObject({ userId: 'officer-7', objectIds: [ids.suspect], outcome: 'BAD_INPUT' });
  });

  it('shows the value to an investigator who states why, and audits the reason', async () => {
    const { body } = await gql(REVEAL, { id: ids.suspect, p: 'idNumber', r: '核对嫌疑人身份，案件 SH-1' });
    expect(body).toEqual({ data: { reveal: { nodeId: ids.suspect, property: 'idNumber', value: '310101199001011234' } } });
    const [last] = await store.accounts.searchAudit({ action: 'reveal', limit: 1 });
    expect(last).toMatchObject({ userId: 'officer-7', agency: 'sh-psb', objectIds: [ids.suspect], outcome: 'ok', detail: '核对嫌疑人身份，案件 SH-1' });
  });

  it('refuses an analyst, a property that is not sensitive, and answers an invisible node as a missing one', async () => {
    const analyst = await gql(REVEAL, { id: ids.collect, p: 'number', r: 'for the report' }, { 'x-role': 'RESTRICTED' });
    expect(analyst.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN' });
    const plain = await gql(REVEAL, { id: ids.collect, p: 'bank', r: 'for the report' });
    expect(plain.body.errors[0]).toMatchObject({ message: 'property: BankCard has no sensitive property "bank".', extensions: { code: 'BAD_INPUT', field: 'property' } });
    const hidden = await gql(REVEAL, { id: ids.suspect, p: 'idNumber', r: 'for the report' }, { 'x-agencies': FJ });
    const missing = await gql(REVEAL, { id: 'person:no-such-person', p: 'idNumber', r: 'for the report' }, { 'x-agencies': FJ });
    expect(hidden.body).toEqual(missing.body);
    expect(hidden.body.errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
  });
});
