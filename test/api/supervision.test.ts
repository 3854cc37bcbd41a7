import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sessions } from '../../server/src/auth/sessions';
import { addUser } from '../../server/src/auth/users';
import { loadConfig } from '../../server/src/config';
import { createApp, type App } from '../../server/src/http/app';
import { importBundle } from '../../server/src/import/importer';
import { CypherGraphStore } from '../../server/src/store/cypher-store';
import { KuzuRunner } from '../../server/src/store/kuzu/kuzu-runner';
import { toLines } from '../contract/fixture';

const CENTRE = { id: 'sh-psb', name: '上海市公安局反电信网络诈骗中心', province: '上海市', level: 'PROVINCE' as const };
const MINHANG = { id: 'sh-minhang-psb', name: '上海市公安局闵行分局', province: '上海市', level: 'CITY' as const };
const LONGYAN = { id: 'fj-longyan-psb', name: '福建省龙岩市公安局', province: '福建省', level: 'CITY' as const };

const bundle = (agency: string, caseNo: string, card: string) => [
  { kind: 'meta', version: 1, agency },
  { kind: 'source', id: `src:${caseNo}`, type: 'STATEMENT', reference: `询问笔录 ${caseNo}` },
  { kind: 'node', label: 'Case', id: `case:${caseNo}`, props: { caseNo, category: 'IMPERSONATE_AUTHORITY' } },
  { kind: 'node', label: 'BankCard', id: `card:${card}`, props: { number: card } },
  { kind: 'link', type: 'INVOLVES', from: `case:${caseNo}`, to: `card:${card}`, sources: [`src:${caseNo}`] },
];

/**
 * The Shanghai anti-fraud centre counts its district bureaus' cases: a provincial bureau's users
 * see the records of the city and district bureaus of its province, own none of them, and the
 * bureaus see nothing more of the centre's, nor of other provinces'.
 */
describe('supervision: a provincial bureau sees its district bureaus’ records', () => {
  let store: CypherGraphStore;
  let app: App;
  const passwords = new Map<string, string>();
  beforeAll(async () => {
    const runner = await KuzuRunner.open(mkdtempSync(join(tmpdir(), 'supervision-')));
    store = new CypherGraphStore(runner);
    await store.applySchema();
    app = createApp({ store, config: loadConfig({}), sessions: new Sessions(store.accounts, Buffer.alloc(32, 3)) });
    for (const a of [CENTRE, MINHANG, LONGYAN]) await store.accounts.putAgency(a);
    for (const [name, agency] of [['centre', CENTRE.id], ['minhang', MINHANG.id], ['longyan', LONGYAN.id]] as const) {
      passwords.set(name, (await addUser(store.accounts, app.sessions.audit, { name, agency, role: 'INVESTIGATOR', by: 'test', mustChange: false })).password);
    }
    for (const [agency, caseNo, card] of [[CENTRE.id, 'SH1', '6222000000000000001'], [MINHANG.id, 'MH1', '6222000000000000002'], [LONGYAN.id, 'FJ1', '6222000000000000003'], [LONGYAN.id, 'FJ2', '6222000000000000002']]) {
      await importBundle(store, (async function* () { yield toLines(bundle(agency!, caseNo!, card!)); })(), { by: 'test' });
    }
  });
  afterAll(() => store.close());

  const post = (path: string, body: unknown, token?: string) =>
    app.fetch(new Request(`http://test${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }));
  const as = async (name: string) => {
    const { token } = (await (await post('/auth/login', { name, password: passwords.get(name) })).json()) as { token: string };
    return async (query: string, variables?: object) => (await (await post('/graphql', { query, variables }, token)).json()) as { data?: any; errors?: any[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const CASES = '{ nodes(ids: ["case:SH1", "case:MH1", "case:FJ1"]) { id owners } }';

  it('the centre sees its own and the district bureau’s cases, not another province’s, and says whom it supervises', async () => {
    const centre = await as('centre');
    expect(await centre(CASES)).toEqual({ data: { nodes: [{ id: 'case:SH1', owners: ['sh-psb'] }, { id: 'case:MH1', owners: ['sh-minhang-psb'] }] } });
    expect((await centre('{ me { agencies { id } oversees { id name } } }')).data.me).toEqual({ agencies: [{ id: 'sh-psb' }], oversees: [{ id: MINHANG.id, name: MINHANG.name }] });
  });

  it('a district bureau and another province see only their own', async () => {
    expect(await (await as('minhang'))(CASES)).toEqual({ data: { nodes: [{ id: 'case:MH1', owners: ['sh-minhang-psb'] }] } });
    expect(await (await as('longyan'))(CASES)).toEqual({ data: { nodes: [{ id: 'case:FJ1', owners: ['fj-longyan-psb'] }] } });
    expect((await (await as('minhang'))('{ me { oversees { id } } }')).data.me).toEqual({ oversees: [] });
  });

  it('the centre learns that another province holds a card of the district’s case, and has no one to ask in the bureau it supervises', async () => {
    const centre = await as('centre');
    const hits = await centre('{ deconfliction(nodeIds: ["card:6222000000000000002"]) { nodeId holders { agency { id } } } }');
    expect(hits).toEqual({ data: { deconfliction: [{ nodeId: 'card:6222000000000000002', holders: [{ agency: { id: LONGYAN.id } }] }] } });
    const ask = await centre('mutation { requestAccess(nodeId: "card:6222000000000000002", agency: "sh-minhang-psb", reason: "串并案核查") { id } }');
    expect(ask.errors?.map((e) => e.extensions)).toEqual([{ code: 'NOT_FOUND' }]);
    // The district bureau learns of the other province's holding as before.
    const minhang = await (await as('minhang'))('{ deconfliction(nodeIds: ["card:6222000000000000002"]) { holders { agency { id } } } }');
    expect(minhang.data.deconfliction[0].holders).toEqual([{ agency: { id: LONGYAN.id } }]);
  });

  it('the centre may not write for the bureau it supervises', async () => {
    const centre = await as('centre');
    const answer = await centre('mutation { upsertNode(agency: "sh-minhang-psb", id: "case:MH1", label: Case, props: { summary: "改写" }) { id } }');
    expect(answer.errors?.map((e) => e.extensions)).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await (await as('minhang'))('{ nodes(ids: ["case:MH1"]) { ... on Case { summary } } }')).toEqual({ data: { nodes: [{ summary: null }] } });
  });
});
