import { describe, expect, it } from 'vitest';
import {
  diffElements,
  emptyGraph,
  mergeGang,
  mergeGraph,
  mergeNeighborhood,
  moneyWidth,
  nodeText,
  removeFromGraph,
  toElements,
  type ApiLink,
  type ApiNode,
} from './elements';

const phone = (n: string): ApiNode => ({ id: `phone:${n}`, label: 'Phone', caption: n, number: n });
const card = (n: string, extra: Partial<ApiNode> = {}): ApiNode => ({ id: `card:${n}`, label: 'BankCard', caption: n, number: n, ...extra });
const person = (id: string, name: string, extra: Partial<ApiNode> = {}): ApiNode => ({ id, label: 'Person', caption: name, name, ...extra });
const link = (type: ApiLink['type'], from: string, to: string, extra: Partial<ApiLink> = {}): ApiLink => ({ id: `${type}:${from}:${to}:`, type, from, to, ...extra });

describe('nodeText', () => {
  it('shows what an investigator types: number, card tail, name (alias), case number, handle', () => {
    expect(nodeText(phone('+8617093073001'))).toBe('+86 170 9307 3001');
    expect(nodeText(card('***************1001'))).toBe('•••• 1001');
    expect(nodeText(card('14072730073001015901', { accountType: 'CORPORATE' }), 'zh-CN')).toBe('对公 •••• 5901');
    expect(nodeText(person('person:1', '林海峰', { aliases: ['峰哥'] }))).toBe('林海峰（峰哥）');
    expect(nodeText(person('person:1', 'Lin', { aliases: ['Feng'] }), 'en')).toBe('Lin (Feng)');
    expect(nodeText({ id: 'case:A3101', label: 'Case', caption: 'A3101', caseNo: 'A3101' })).toBe('A3101');
    expect(nodeText({ id: 'qq:88730730', label: 'OnlineAccount', caption: '88730730', platform: 'QQ', handle: '88730730' })).toBe('QQ 88730730');
    expect(nodeText({ id: 'wechat:wxid_a', label: 'OnlineAccount', caption: 'wxid_a', platform: 'WECHAT', handle: 'wxid_a' })).toBe('微信 wxid_a');
    expect(nodeText({ id: 'mac:3c-46-d8-1a-07-5e', label: 'Device', caption: 'mac:3c-46-d8-1a-07-5e' })).toBe('MAC 3c-46-d8-1a-07-5e');
    expect(nodeText({ id: 'imei:8612', label: 'Device', caption: '8612', imei: '8612', model: 'GoIP-32' })).toBe('IMEI 8612\nGoIP-32');
  });
});

describe('moneyWidth', () => {
  it('grows with the logarithm of the amount between 1 and 12 px', () => {
    expect([moneyWidth('10000'), moneyWidth('1000000'), moneyWidth('40000000'), moneyWidth('98000000'), moneyWidth('99000000000000'), moneyWidth(null)]).toEqual([1, 4.5, 7.3, 8, 12, 1]);
  });
});

describe('toElements', () => {
  const victimCard = card('6212261001730821007');
  const collection = card('6212261002730821001', { frozen: true });
  const wu = person('person:wu', '吴丽华');
  const liu = person('person:liu', '刘海涛');
  const g = mergeGraph(emptyGraph(), {
    nodes: [victimCard, collection, wu, liu, { id: 'case:A1', label: 'Case', caption: 'A1', caseNo: 'A1' }],
    links: [
      link('TRANSFERRED', victimCard.id, collection.id, { id: 'TRANSFERRED:a:b:tx1', at: '2024-08-21T10:05:00+08:00', amount: '40000000' }),
      link('VICTIM_IN', wu.id, 'case:A1'),
      link('SUSPECT_IN', liu.id, 'case:A1'),
      link('HOLDS', liu.id, collection.id),
      link('CALLED', 'phone:+1', 'phone:+2', { at: '2024-08-21T10:00:00+08:00' }),
    ],
  });

  it('labels money links with amount and Shanghai time, sized by amount, and marks frozen cards, victims and suspects', () => {
    expect(toElements(g)).toEqual([
      { group: 'nodes', data: { id: 'card:6212261001730821007', label: 'BankCard', text: '•••• 1007' }, classes: 'bank-card' },
      { group: 'nodes', data: { id: 'card:6212261002730821001', label: 'BankCard', text: '•••• 1001', frozen: true }, classes: 'bank-card frozen' },
      { group: 'nodes', data: { id: 'case:A1', label: 'Case', text: 'A1' }, classes: 'case' },
      { group: 'nodes', data: { id: 'person:liu', label: 'Person', text: '刘海涛', suspect: true }, classes: 'person suspect' },
      { group: 'nodes', data: { id: 'person:wu', label: 'Person', text: '吴丽华', victim: true }, classes: 'person victim' },
      { group: 'edges', data: { id: 'HOLDS:person:liu:card:6212261002730821001:', source: 'person:liu', target: 'card:6212261002730821001', type: 'HOLDS', text: '持卡' }, classes: 'link-holds' },
      { group: 'edges', data: { id: 'SUSPECT_IN:person:liu:case:A1:', source: 'person:liu', target: 'case:A1', type: 'SUSPECT_IN', text: '嫌疑人' }, classes: 'link-suspect-in' },
      {
        group: 'edges',
        data: { id: 'TRANSFERRED:a:b:tx1', source: 'card:6212261001730821007', target: 'card:6212261002730821001', type: 'TRANSFERRED', text: '40万 · 2024-08-21 10:05', t: Date.parse('2024-08-21T02:05:00Z'), amount: '40000000', width: 7.3 },
        classes: 'link-transferred money',
      },
      { group: 'edges', data: { id: 'VICTIM_IN:person:wu:case:A1:', source: 'person:wu', target: 'case:A1', type: 'VICTIM_IN', text: '受害人' }, classes: 'link-victim-in' },
    ]);
  });

  it('writes English when asked', () => {
    const money = toElements(g, { locale: 'en' }).find((e) => e.data.type === 'TRANSFERRED');
    expect(money?.data.text).toBe('¥400,000 · 2024-08-21 10:05');
  });

  it('merges without duplicates, the newer copy of a node winning', () => {
    const again = mergeGraph(g, { nodes: [{ ...collection, frozen: false }], links: [link('HOLDS', liu.id, collection.id)] });
    expect(Object.keys(again.nodes).length).toBe(5);
    expect(Object.keys(again.links).length).toBe(5);
    expect(again.nodes[collection.id]?.frozen).toBe(false);
    expect(g.nodes[collection.id]?.frozen).toBe(true);
  });
});

describe('placeholders', () => {
  const seed = phone('+8617093073001');
  const nb = { nodes: [seed, phone('+1')], links: [link('CALLED', seed.id, 'phone:+1')], truncated: true, beyond: [{ label: 'Phone' as const, count: 132 }, { label: 'Case' as const, count: 0 }] };

  it('stands in for what a truncated neighbourhood left out, with the query that fetches it', () => {
    const g = mergeNeighborhood(emptyGraph(), nb, { ids: [seed.id], hops: 1 });
    const els = toElements(g, { locale: 'en' });
    expect(els.filter((e) => e.data.placeholder || e.data.type === 'MORE')).toEqual([
      {
        group: 'nodes',
        data: { id: 'more:Phone:phone:+8617093073001', label: 'Phone', text: 'and 132 more phones', placeholder: true, count: 132, expand: { ids: ['phone:+8617093073001'], hops: 1, labels: ['Phone'], linkTypes: null } },
        classes: 'placeholder phone',
      },
      { group: 'edges', data: { id: 'more:Phone:phone:+8617093073001|phone:+8617093073001', source: 'phone:+8617093073001', target: 'more:Phone:phone:+8617093073001', type: 'MORE', text: '' }, classes: 'more' },
    ]);
  });

  it('counts down as the placeholder is expanded and goes when nothing is left', () => {
    let g = mergeNeighborhood(emptyGraph(), nb, { ids: [seed.id], hops: 1 });
    g = mergeNeighborhood(g, { nodes: [phone('+2')], links: [], truncated: true, beyond: [{ label: 'Phone', count: 131 }] }, { ids: [seed.id], labels: ['Phone'] });
    expect(Object.values(g.placeholders).map((p) => [p.id, p.count])).toEqual([['more:Phone:phone:+8617093073001', 131]]);
    g = mergeNeighborhood(g, { nodes: [], links: [], truncated: false, beyond: [] }, { ids: [seed.id], labels: ['Phone'] });
    expect(g.placeholders).toEqual({});
  });

  it('goes with its seed', () => {
    const g = removeFromGraph(mergeNeighborhood(emptyGraph(), nb, { ids: [seed.id] }), [seed.id]);
    expect([Object.keys(g.nodes), Object.keys(g.links), Object.keys(g.placeholders)]).toEqual([['phone:+1'], [], []]);
  });
});

describe('gang layers', () => {
  it('marks layers from the gang view and MEMBER_OF links, and members whose layer the server inferred; guesses none', () => {
    const boss = person('person:boss', '林海峰');
    const lead = person('person:lead', '陈文杰');
    const caller = person('person:caller', '王');
    const gang: ApiNode = { id: 'gang:730', label: 'Gang', caption: '7·30', name: '7·30' };
    const g = mergeGang(emptyGraph(), {
      gang,
      members: [
        { layer: 'MANAGEMENT', recorded: true, person: boss },
        { layer: 'CALLER', recorded: true, person: lead },
        { layer: 'CALLER', recorded: false, person: caller },
      ],
      nodes: [person('person:other', '赵')],
      links: [link('MEMBER_OF', lead.id, gang.id, { layer: 'CALLER' })],
      reportsTo: [
        { from: lead.id, to: boss.id },
        { from: caller.id, to: lead.id },
        { from: 'person:other', to: lead.id },
      ],
    });
    const people = toElements(g).filter((e) => e.data.label === 'Person');
    expect(people.map((e) => [e.data.id, e.data.layer, e.data.layerInferred ?? false, e.classes])).toEqual([
      ['person:boss', 'MANAGEMENT', false, 'person layer-management suspect'],
      ['person:caller', 'CALLER', true, 'person layer-caller layer-inferred suspect'],
      ['person:lead', 'CALLER', false, 'person layer-caller suspect'],
      ['person:other', undefined, false, 'person suspect'],
    ]);
  });
});

describe('diffElements', () => {
  it('adds, removes and updates by id, ignoring unchanged elements', () => {
    const a = toElements(mergeGraph(emptyGraph(), { nodes: [card('1111'), card('2222'), card('3333')], links: [] }));
    const b = toElements(mergeGraph(emptyGraph(), { nodes: [card('1111'), card('2222', { frozen: true }), card('4444')], links: [] }));
    expect(diffElements(a, b)).toEqual({
      add: [{ group: 'nodes', data: { id: 'card:4444', label: 'BankCard', text: '•••• 4444' }, classes: 'bank-card' }],
      remove: ['card:3333'],
      update: [{ id: 'card:2222', data: { id: 'card:2222', label: 'BankCard', text: '•••• 2222', frozen: true }, classes: 'bank-card frozen' }],
    });
  });
});
