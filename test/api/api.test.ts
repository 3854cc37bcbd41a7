import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { FJ, SH, ids } from '../contract/fixture';
import { client, fixtureApp, sessionFor, type Gql } from './harness';

const ID = 'id label caption';

describe('the GraphQL API on the two-agency fixture', () => {
  let app: App;
  let store: GraphStore;
  let gql: Gql;
  beforeAll(async () => {
    ({ app, store } = await fixtureApp());
    gql = client(app, { 'x-role': 'INVESTIGATOR' });
  });
  afterAll(() => store.close());

  describe('queries', () => {
    it('search finds a card by its last digits, with its typed properties', async () => {
      const { body } = await gql(`{ search(text: "0123") { matchedBy node { ${ID} ... on BankCard { number bank frozen frozenAmount } } } }`);
      expect(body).toEqual({
        data: {
          search: [
            {
              matchedBy: 'card-suffix',
              node: { id: ids.collect, label: 'BankCard', caption: '***************0123', number: '***************0123', bank: '工商银行', frozen: true, frozenAmount: '300000' },
            },
          ],
        },
      });
    });

    it('node and nodes give visible nodes in the order asked and null for unknown ones', async () => {
      const { body } = await gql(`{ node(id: "${ids.sh1}") { ${ID} owners ... on Case { caseNo category channel status reportedAt loss } } missing: node(id: "case:nope") { id } nodes(ids: ["${ids.suspect}", "nope", "${ids.callerPhone}"]) { id owners } }`);
      expect(body.data).toEqual({
        node: { id: ids.sh1, label: 'Case', caption: 'SH1', owners: [SH], caseNo: 'SH1', category: 'ONLINE_SHOPPING', channel: 'NETWORK', status: 'FILED', reportedAt: '2026-01-31T18:00:00.000Z', loss: '500000' },
        missing: null,
        nodes: [{ id: ids.suspect, owners: [SH] }, { id: ids.callerPhone, owners: [SH, FJ] }],
      });
    });

    it('subgraph gives the visible nodes asked for and every visible link among them', async () => {
      const q = `{ subgraph(ids: ["${ids.victimCard}", "${ids.collect}", "${ids.mule2}", "nope"]) { nodes { id } links { id } } }`;
      const { body } = await gql(q);
      expect(body.data.subgraph.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ids.victimCard, ids.collect, ids.mule2].sort());
      expect(body.data.subgraph.links.map((l: { id: string }) => l.id).sort()).toEqual([`TRANSFERRED:${ids.victimCard}:${ids.collect}:tx1`, `TRANSFERRED:${ids.collect}:${ids.mule2}:tx2`].sort());
      const { body: fj } = await gql(q, {}, { 'x-agencies': FJ });
      expect(fj.data.subgraph).toEqual({ nodes: [], links: [] });
    });

    it('neighborhood gives Cytoscape-ready nodes and links with evidence, and what the limit cut', async () => {
      const { body } = await gql(`{ neighborhood(ids: ["${ids.collect}"], hops: 2, limit: 4) { truncated beyond { label count } nodes { id } links { id type source: from target: to } } }`, {}, { 'x-agencies': SH });
      expect(body.data.neighborhood.truncated).toBe(true);
      expect(body.data.neighborhood.beyond).toEqual([{ label: 'BankCard', count: 1 }, { label: 'Person', count: 2 }, { label: 'Phone', count: 1 }]);
      expect(body.data.neighborhood.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ids.collect, ids.sh1, ids.sh2, ids.victimCard, ids.mule2].sort());
      const { body: money } = await gql(`{ neighborhood(ids: ["${ids.collect}"], hops: 9, linkTypes: [TRANSFERRED], from: "2026-01-31T10:01:00+08:00") { links { id ... on TransferredLink { txId amount at } evidence { id } createdBy } } }`);
      expect(money.data.neighborhood.links).toEqual([
        { id: `TRANSFERRED:${ids.mule2}:${ids.mule3}:tx3`, txId: 'tx3', amount: '290000', at: '2026-01-31T02:10:00.000Z', evidence: [{ id: 'src:sh-stmt-1' }], createdBy: 'sh-officer' },
        { id: `TRANSFERRED:${ids.collect}:${ids.mule2}:tx2`, txId: 'tx2', amount: '300000', at: '2026-01-31T02:05:00.000Z', evidence: [{ id: 'src:sh-stmt-1' }], createdBy: 'sh-officer' },
      ]);
    });

    it('paths gives the shortest paths as node and link ids', async () => {
      const { body } = await gql(`{ paths(from: "${ids.victimCard}", to: "${ids.mule3}", linkTypes: [TRANSFERRED]) { nodes { id } links { id } paths { nodeIds linkIds } } }`);
      expect(body.data.paths.paths).toEqual([
        {
          nodeIds: [ids.victimCard, ids.collect, ids.mule2, ids.mule3],
          linkIds: [`TRANSFERRED:${ids.victimCard}:${ids.collect}:tx1`, `TRANSFERRED:${ids.collect}:${ids.mule2}:tx2`, `TRANSFERRED:${ids.mule2}:${ids.mule3}:tx3`],
        },
      ]);
      expect(body.data.paths.nodes).toHaveLength(4);
    });

    it('linkedCases names what two cases share, across provinces for a viewer of both', async () => {
      const { body } = await gql(`{ linkedCases(caseId: "${ids.fj1}") { case { caseNo } linked { caseId case { caseNo } shared { id label } } nodes { id } links { type } } }`);
      expect(body.data.linkedCases).toEqual({
        case: { caseNo: 'FJ1' },
        linked: [{ caseId: ids.sh2, case: { caseNo: 'SH2' }, shared: [{ id: ids.callerPhone, label: 'Phone' }] }],
        nodes: expect.arrayContaining([{ id: ids.fj1 }, { id: ids.sh2 }, { id: ids.callerPhone }]),
        links: [{ type: 'INVOLVES' }, { type: 'INVOLVES' }],
      });
    });

    it('moneyTrail keeps only transfers made after the money reached each card', async () => {
      const { body } = await gql(`{ moneyTrail(cardIds: ["${ids.victimCard}"]) { nodes { id } links { id } } }`);
      expect(body.data.moneyTrail.links.map((l: { id: string }) => l.id.split(':').at(-1))).toEqual(['tx1', 'tx2', 'tx3']);
      expect(body.data.moneyTrail.nodes.map((n: { id: string }) => n.id)).toEqual([ids.victimCard, ids.collect, ids.mule2, ids.mule3]);
    });

    it('gang gives members by layer and the chain of command', async () => {
      const { body } = await gql(`{ gang(id: "${ids.gang}") { gang { name baseCountry } members { person { id name } layer recorded since } reportsTo { from to } links { type } } }`);
      expect(body.data.gang).toEqual({
        gang: { name: '7·30 团伙', baseCountry: 'KH' },
        members: [
          { person: { id: ids.suspect, name: '张三' }, layer: 'MANAGEMENT', recorded: true, since: null },
          { person: { id: ids.caller, name: '李四' }, layer: 'CALLER', recorded: true, since: '2025-05-31T16:00:00.000Z' },
        ],
        reportsTo: [{ from: ids.caller, to: ids.suspect }],
        links: [{ type: 'MEMBER_OF' }, { type: 'MEMBER_OF' }, { type: 'REPORTS_TO' }],
      });
    });

    it('stats counts and sums only what the viewer may see', async () => {
      const { body } = await gql(`{ stats { cases { key cases loss stopped returned } byChannel { key cases } sources } }`, {}, { 'x-agencies': SH });
      expect(body.data.stats).toEqual({
        cases: { key: 'all', cases: 3, loss: '98501000', stopped: '100000', returned: '50000' },
        byChannel: [{ key: 'NETWORK', cases: 1 }, { key: 'PHONE', cases: 1 }, { key: 'SMS', cases: 1 }],
        sources: 1,
      });
    });
  });

  describe('viewers and masking', () => {
    it('shows a viewer with no agencies nothing', async () => {
      const { body } = await gql(`{ search(text: "SH") { node { id } } node(id: "${ids.sh1}") { id } stats { cases { cases } } }`, {}, { 'x-agencies': '' });
      expect(body.data).toEqual({ search: [], node: null, stats: { cases: { cases: 0 } } });
    });

    it("masks national ids, card numbers and victims' names, not suspects' names, for a role that may not see them", async () => {
      const { body } = await gql(`{ nodes(ids: ["${ids.suspect}", "${ids.victim}", "${ids.collect}"]) { caption ... on Person { name idNumber } ... on BankCard { number } } }`, {}, { 'x-role': 'RESTRICTED' });
      expect(body.data.nodes).toEqual([
        { caption: '张三', name: '张三', idNumber: '**************1234' },
        { caption: '***', name: '***', idNumber: null },
        { caption: '***************0123', number: '***************0123' },
      ]);
    });
  });

  describe('errors', () => {
    it('NOT_FOUND for a case or gang the viewer may not see', async () => {
      const { body } = await gql(`{ linkedCases(caseId: "${ids.sh1}") { case { id } } }`, {}, { 'x-agencies': FJ });
      expect(body.errors.map((e: { extensions: object }) => e.extensions)).toEqual([{ code: 'NOT_FOUND' }]);
      const { body: gang } = await gql(`{ gang(id: "${ids.sh1}") { gang { id } } }`);
      expect(gang.errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
    });

    it('BAD_INPUT for bad money and times, LIMIT for too many aliases, with no limit disclosed', async () => {
      const money = await gql(`mutation { freezeCard(cardId: "${ids.mule2}", amount: "1.5") { id } }`);
      expect(money.body.errors[0].extensions.code).toBe('BAD_INPUT');
      const time = await gql(`query($t: DateTime) { stats(from: $t) { sources } }`, { t: 'yesterday' });
      expect(time.body.errors[0].message).toContain('DateTime is ISO 8601');
      const aliases = await gql(`{ ${Array.from({ length: 50 }, (_, i) => `a${i}: node(id: "x") { id }`).join(' ')} }`);
      expect(aliases.body.errors).toEqual([{ message: 'Syntax Error: Too many aliases.', extensions: { code: 'LIMIT' } }]);
    });

    it('FORBIDDEN for writing as an agency the viewer does not belong to', async () => {
      const { body } = await gql(`mutation { upsertNode(id: "phone:+8613700000001", label: Phone, agency: "gd-psb") { id } }`);
      expect(body.errors[0].extensions).toEqual({ code: 'FORBIDDEN' });
      const bundle = '{"kind":"meta","version":1,"agency":"gd-psb"}';
      const imported = await gql(`mutation($n: String) { importBundle(ndjson: $n) { lines } }`, { n: bundle });
      expect(imported.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN', line: 1 });
    });

    it('masks unexpected errors', async () => {
      const broken = { ...store, getNodes: () => Promise.reject(new Error('Binder exception: Cypher secret')) } as GraphStore;
      const { createApp } = await import('../../server/src/http/app');
      const { loadConfig } = await import('../../server/src/config');
      const { body } = await client(createApp({ store: broken, config: loadConfig({}) }))(`{ node(id: "x") { id } }`);
      expect(body.errors).toEqual([{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['node'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    });
  });

  describe('mutations, recorded with who and when', () => {
    it('upsertNode checks properties against the model, then writes as the viewer', async () => {
      const bad = await gql(`mutation { upsertNode(id: "phone:+8613700000009", label: Phone, props: { number: "x", bogus: 1 }) { id } }`);
      expect(bad.body.errors[0]).toMatchObject({ message: 'props.bogus: unknown field', extensions: { code: 'BAD_INPUT' } });
      const { body } = await gql(`mutation { upsertNode(id: "phone:+8613700000009", label: Phone, props: { number: "+8613700000009" }, agency: "${FJ}") { ${ID} owners } }`);
      expect(body.data.upsertNode).toEqual({ id: 'phone:+8613700000009', label: 'Phone', caption: '+8613700000009', owners: [FJ] });
    });

    it('addLink requires a source and visible ends, and records its author', async () => {
      const none = await gql(`mutation { addLink(type: KNOWS, from: "${ids.caller}", to: "${ids.victim}", sources: []) { id } }`);
      expect(none.body.errors[0]).toMatchObject({ message: 'A link needs at least one source record.', extensions: { code: 'BAD_INPUT' } });
      const hidden = await gql(`mutation { addLink(type: KNOWS, from: "${ids.caller}", to: "${ids.victim}", sources: ["src:sh-stmt-1"]) { id } }`, {}, { 'x-agencies': FJ });
      expect(hidden.body.errors[0].extensions.code).toBe('NOT_FOUND');
      const wrong = await gql(`mutation { addLink(type: HOLDS, from: "${ids.caller}", to: "${ids.victim}", sources: ["src:sh-stmt-1"]) { id } }`);
      expect(wrong.body.errors[0].extensions.code).toBe('BAD_INPUT');
      const { body } = await gql(`mutation { addLink(type: KNOWS, from: "${ids.caller}", to: "${ids.victim}", sources: ["src:sh-stmt-1"], props: { how: "phone contact" }) { id owner createdBy sources ... on KnowsLink { how } } }`);
      expect(body.data.addLink).toEqual({ id: `KNOWS:${ids.caller}:${ids.victim}:`, owner: SH, createdBy: 'officer-7', sources: ['src:sh-stmt-1'], how: 'phone contact' });
    });

    it('freezeCard records the amount beyond 32 bits and the time', async () => {
      const { body } = await gql(`mutation { freezeCard(cardId: "${ids.mule3}", amount: "5000000000", at: "2026-02-01T10:00:00+08:00") { frozen frozenAmount frozenAt owners } }`);
      expect(body.data.freezeCard).toEqual({ frozen: true, frozenAmount: '5000000000', frozenAt: '2026-02-01T02:00:00.000Z', owners: [SH] });
    });

    it('recordReturn adds to what was returned', async () => {
      const { body } = await gql(`mutation { recordReturn(caseId: "${ids.sh1}", amount: 25000) { returned } }`);
      expect(body.data.recordReturn).toEqual({ returned: '75000' });
    });

    it('importBundle names a bad line and writes nothing of its batch', async () => {
      const lines = ['{"kind":"node","label":"Phone","id":"phone:+8613700000010","props":{"number":"+8613700000010"}}', '{"kind":"bad"}'].join('\n');
      const { body } = await gql(`mutation($n: String) { importBundle(ndjson: $n) { lines } }`, { n: lines });
      expect(body.errors[0]).toMatchObject({ message: 'line 2: kind: must be one of meta, source, node, link (got "bad")', extensions: { code: 'BAD_INPUT', line: 2 } });
      expect((await gql(`{ node(id: "phone:+8613700000010") { id } }`)).body.data.node).toBeNull();
      const ok = await gql(`mutation($n: String) { importBundle(ndjson: $n) { lines records nodesCreated } }`, { n: lines.split('\n')[0] });
      expect(ok.body.data.importBundle).toEqual({ lines: 1, records: 1, nodesCreated: 1 });
    });

    it('importBundle takes an uploaded file, and refuses a form post without the CSRF header', async () => {
      const form = () => {
        const f = new FormData();
        f.set('operations', JSON.stringify({ query: 'mutation($f: File) { importBundle(file: $f) { records } }', variables: { f: null } }));
        f.set('map', JSON.stringify({ 0: ['variables.f'] }));
        f.set('0', new File(['{"kind":"node","label":"Phone","id":"phone:+8613700000011","props":{}}\n'], 'b.ndjson'));
        return f;
      };
      const headers = { authorization: `Bearer ${sessionFor(app, { 'x-agencies': SH, 'x-user': 'officer-7' })}` };
      const refused = await app.fetch(new Request('http://test/graphql', { method: 'POST', headers, body: form() }));
      expect(refused.status).toBe(403);
      const ok = await app.fetch(new Request('http://test/graphql', { method: 'POST', headers: { ...headers, 'x-graphql-csrf': '1' }, body: form() }));
      expect(await ok.json()).toEqual({ data: { importBundle: { records: 1 } } });
    });
  });
});
