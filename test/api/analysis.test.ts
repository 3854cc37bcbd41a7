import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/src/store/graph-store';
import { SH, ids } from '../contract/fixture';
import { client, fixtureApp, type Gql } from './harness';

/**
 * Gang roles and the money trail on the two-agency fixture: the victim's 5,000 yuan (tx1) go to the
 * frozen collection card, 3,000 on to mule2 (tx2), 2,900 on to mule3 (tx3); mule2's earlier 70 yuan
 * to mule3 (tx0) is unrelated. Added here: the collection card's holder, whose MEMBER_OF layer was withheld.
 */
const holder = 'person:holder-zhao';

describe('analysis through the API', () => {
  let store: GraphStore;
  let gql: Gql;
  beforeAll(async () => {
    let app;
    ({ app, store } = await fixtureApp());
    gql = client(app, { 'x-role': 'INVESTIGATOR' });
    const lines = [
      { kind: 'meta', version: 1, agency: SH },
      { kind: 'node', label: 'Person', id: holder, props: { name: '赵某' } },
      { kind: 'link', type: 'HOLDS', from: holder, to: ids.collect, sources: ['src:sh-stmt-1'] },
      { kind: 'link', type: 'MEMBER_OF', from: holder, to: ids.gang, sources: ['src:sh-stmt-1'] },
      { kind: 'link', type: 'REPORTS_TO', from: holder, to: ids.suspect, sources: ['src:sh-stmt-1'] },
    ];
    const imported = await gql(`mutation($n: String!) { importBundle(ndjson: $n) { lines } }`, { n: lines.map((l) => JSON.stringify(l)).join('\n') });
    expect(imported.body.errors).toBeUndefined();
  });
  afterAll(() => store.close());

  const TRAIL = `cards { cardId layer amount remaining frozen firstAt } steps { txId from to amount carried layer link { id } } freezeList { cardId layer amount since }`;
  const expected = {
    cards: [
      { cardId: ids.collect, layer: 1, amount: '500000', remaining: '200000', frozen: true, firstAt: '2026-01-31T02:00:00.000Z' },
      { cardId: ids.mule2, layer: 2, amount: '300000', remaining: '10000', frozen: false, firstAt: '2026-01-31T02:05:00.000Z' },
      { cardId: ids.mule3, layer: 3, amount: '290000', remaining: '290000', frozen: false, firstAt: '2026-01-31T02:10:00.000Z' },
    ],
    steps: [
      { txId: 'tx1', from: ids.victimCard, to: ids.collect, amount: '500000', carried: '500000', layer: 1, link: { id: expect.stringContaining('tx1') } },
      { txId: 'tx2', from: ids.collect, to: ids.mule2, amount: '300000', carried: '300000', layer: 2, link: { id: expect.stringContaining('tx2') } },
      { txId: 'tx3', from: ids.mule2, to: ids.mule3, amount: '290000', carried: '290000', layer: 3, link: { id: expect.stringContaining('tx3') } },
    ],
    // The collection card is frozen already: not on the list.
    freezeList: [
      { cardId: ids.mule3, layer: 3, amount: '290000', since: '2026-01-31T02:10:00.000Z' },
      { cardId: ids.mule2, layer: 2, amount: '10000', since: '2026-01-31T02:05:00.000Z' },
    ],
  };

  it('follows a case’s victim transfer, leaving out the earlier unrelated transfer, with a freeze list', async () => {
    const { body } = await gql(`{ moneyTrail(caseId: "${ids.sh1}") { ${TRAIL} nodes { id } } }`);
    expect(body.data.moneyTrail).toEqual({ ...expected, nodes: [ids.victimCard, ids.collect, ids.mule2, ids.mule3].map((id) => ({ id })) });
  });

  it('gives the same trail from the transfer itself, and stops at the depth asked', async () => {
    const { body } = await gql(`{ moneyTrail(transfer: { from: "${ids.victimCard}", txId: "tx1" }) { ${TRAIL} } }`);
    expect(body.data.moneyTrail).toEqual(expected);
    const shallow = await gql(`{ moneyTrail(transfer: { from: "${ids.victimCard}", txId: "tx1" }, depth: 2) { cards { cardId amount remaining } } }`);
    expect(shallow.body.data.moneyTrail.cards).toEqual([
      { cardId: ids.collect, amount: '500000', remaining: '200000' },
      { cardId: ids.mule2, amount: '300000', remaining: '300000' },
    ]);
  });

  it('follows everything leaving seed cards from a time on', async () => {
    const { body } = await gql(`{ moneyTrail(cardIds: ["${ids.mule2}"], after: "2026-01-31T10:00:00+08:00") { cards { cardId layer amount } } }`);
    expect(body.data.moneyTrail.cards).toEqual([{ cardId: ids.mule3, layer: 1, amount: '290000' }]);
  });

  it('BAD_INPUT unless exactly one start is given; NOT_FOUND for an unknown transfer', async () => {
    const none = await gql(`{ moneyTrail { cards { cardId } } }`);
    expect(none.body.errors[0].extensions.code).toBe('BAD_INPUT');
    const two = await gql(`{ moneyTrail(caseId: "${ids.sh1}", cardIds: ["${ids.mule2}"]) { cards { cardId } } }`);
    expect(two.body.errors[0].extensions.code).toBe('BAD_INPUT');
    const unknown = await gql(`{ moneyTrail(transfer: { from: "${ids.victimCard}", txId: "nope" }) { cards { cardId } } }`);
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('gang gives recorded layers and infers a withheld one, with its evidence', async () => {
    const { body } = await gql(`{ gang(id: "${ids.gang}") { members { person { id } layer recorded confidence evidence { rule layer ids } } } }`);
    expect(body.data.gang.members).toEqual([
      {
        person: { id: ids.suspect },
        layer: 'MANAGEMENT',
        recorded: true,
        confidence: 1,
        evidence: [
          { rule: 'RECORDED', layer: 'MANAGEMENT', ids: [ids.suspect] },
          { rule: 'TOP_OF_CHAIN', layer: 'MANAGEMENT', ids: [ids.caller, holder] },
        ],
      },
      {
        person: { id: ids.caller },
        layer: 'CALLER',
        recorded: true,
        confidence: 1,
        evidence: [
          { rule: 'RECORDED', layer: 'CALLER', ids: [ids.caller] },
          { rule: 'REACHES_VICTIMS', layer: 'CALLER', ids: [ids.fj1, ids.sh2, ids.callerPhone] },
        ],
      },
      // No MEMBER_OF layer: inferred from the card the cases name as taking the victims' money.
      { person: { id: holder }, layer: 'MONEY', recorded: false, confidence: 0.95, evidence: [{ rule: 'HOLDS_VICTIM_CARD', layer: 'MONEY', ids: [ids.collect, ids.sh1, ids.sh2] }] },
    ]);
  });

  it('roles places a set of people, reading recorded layers from their MEMBER_OF links', async () => {
    const { body } = await gql(`{ roles(personIds: ["${ids.caller}", "${holder}", "${ids.victim}"]) { person { id } layer recorded } }`);
    expect(body.data.roles).toEqual([
      { person: { id: ids.caller }, layer: 'CALLER', recorded: true },
      { person: { id: holder }, layer: 'MONEY', recorded: false },
      { person: { id: ids.victim }, layer: 'MONEY', recorded: false },
    ]);
  });
});
