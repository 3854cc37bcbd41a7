import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_SEARCHES, type DemoSearchTarget } from './demo-scenario';
import { demoBundle, generateBundle, DEMO_SEED } from './generate';
import { collectTruth, type Truth, type TruthRecord } from './truth';
import type { BundleRecord, LinkRecord, NodeRecord } from './types';

let records: BundleRecord[];
let truth: Truth;
const nodes = new Map<string, NodeRecord>();
let allLinks: LinkRecord[];

beforeAll(() => {
  const t: TruthRecord[] = [];
  records = [...generateBundle({ scale: 'demo', seed: DEMO_SEED, onTruth: (r) => t.push(r) })];
  truth = collectTruth(t);
  for (const r of records) if (r.kind === 'node' && !nodes.has(r.id)) nodes.set(r.id, r);
  allLinks = records.filter((r): r is LinkRecord => r.kind === 'link');
});

const caseNode = (caseNo: string): NodeRecord => nodes.get(`case:${caseNo}`)!;
const linksFrom = (id: string, type?: string): LinkRecord[] => allLinks.filter((l) => l.from === id && (!type || l.type === type));
const linksTo = (id: string, type?: string): LinkRecord[] => allLinks.filter((l) => l.to === id && (!type || l.type === type));
const personNamed = (name: string): NodeRecord[] => [...nodes.values()].filter((n) => n.label === 'Person' && n.props!.name === name);

describe('the demo scenario', () => {
  it('is what demoBundle() yields, and the size npm start can load (2–5k nodes)', () => {
    const first = demoBundle().next().value as BundleRecord;
    expect(first).toEqual(records[0]);
    expect(nodes.size).toBeGreaterThanOrEqual(2000);
    expect(nodes.size).toBeLessThanOrEqual(5000);
  });

  it('tells Ms Wang’s story: called by the 7·30 caller, warned by 96110, stopped before paying', () => {
    const c = caseNode(DEMO.wang.caseNo);
    expect(c.props).toMatchObject({ category: 'IMPERSONATE_AUTHORITY', channel: 'PHONE', status: 'CLOSED', loss: 0, stopped: 0, reportedAt: '2024-09-12T10:30:00+08:00' });
    const wang = personNamed(DEMO.wang.victim);
    expect(wang).toHaveLength(1);
    expect(linksFrom(wang[0]!.id, 'VICTIM_IN').map((l) => l.to)).toEqual([c.id]);
    const callers = linksTo(`phone:${DEMO.wang.phone}`, 'CALLED').map((l) => [l.from, l.props!.at]);
    expect(callers).toEqual([
      [`phone:${DEMO.callerPhone}`, '2024-09-12T09:31:05+08:00'],
      ['phone:96110', '2024-09-12T09:52:40+08:00'],
      [`phone:${DEMO.callerPhone}`, '2024-09-12T10:02:18+08:00'],
    ]);
    expect(linksFrom(c.id, 'INVOLVES').map((l) => l.to)).toContain(`phone:${DEMO.callerPhone}`);
  });

  it('tells the clerk’s story: a fake boss on QQ, 37.69万 to a corporate account, stopped and returned', () => {
    const c = caseNode(DEMO.clerk.caseNo);
    expect(c.props).toMatchObject({ category: 'IMPERSONATE_BOSS', channel: 'NETWORK', loss: 37_690_000, stopped: 37_690_000, returned: 37_690_000 });
    const contacts = allLinks.filter((l) => l.type === 'CONTACTED' && [l.from, l.to].includes(`qq:${DEMO.clerk.fakeBossQQ}`) && [l.from, l.to].includes(`qq:${DEMO.clerk.qq}`));
    expect(contacts.length).toBeGreaterThanOrEqual(2);
    const tx = linksFrom(`card:${DEMO.clerk.companyAccount}`, 'TRANSFERRED');
    expect(tx.map((l) => [l.to, l.props!.amount])).toEqual([[`card:${DEMO.clerk.shellAccount}`, 37_690_000]]);
    expect(nodes.get(`card:${DEMO.clerk.companyAccount}`)!.props).toMatchObject({ accountType: 'CORPORATE', holderName: DEMO.clerk.company });
    expect(nodes.get(`card:${DEMO.clerk.shellAccount}`)!.props).toMatchObject({ accountType: 'CORPORATE', frozen: true, holderName: DEMO.clerk.shellCompany });
  });

  it('tells Ms Wu’s story: 98万 in three transfers, frozen five minutes after her report, all returned', () => {
    const c = caseNode(DEMO.wu.caseNo);
    expect(c.props).toMatchObject({ loss: 98_000_000, stopped: 98_000_000, returned: 98_000_000, reportedAt: '2024-08-21T10:42:00+08:00' });
    const paid = linksFrom(`card:${DEMO.wu.card}`, 'TRANSFERRED').map((l) => [l.props!.at, l.props!.amount]);
    expect(paid).toEqual([
      ['2024-08-21T10:05:11+08:00', 40_000_000],
      ['2024-08-21T10:21:37+08:00', 35_000_000],
      ['2024-08-21T10:34:02+08:00', 23_000_000],
    ]);
    const frozen = truth.trails.filter((t) => t.case === c.id).flatMap((t) => t.frozen);
    expect(frozen.reduce((s, f) => s + f.amount, 0)).toBe(98_000_000);
    expect(new Set(frozen.map((f) => f.at))).toEqual(new Set(['2024-08-21T10:47:00+08:00']));
    for (const f of frozen) expect(nodes.get(f.card)!.props).toMatchObject({ frozen: true, frozenAt: '2024-08-21T10:47:00+08:00' });
    expect(nodes.get(`card:${DEMO.wu.cards[0]}`)!.props!.holderName).toBe(DEMO.wuMule.name);
  });

  it('tells the 7·30 story: managers abroad, five layers across provinces, 1,400万 frozen', () => {
    const gang = nodes.get(DEMO.gang730.id)!;
    expect(gang.props).toMatchObject({ name: DEMO.gang730.name, baseCountry: '柬埔寨', baseCity: '西哈努克港' });
    const t = truth.gangs.find((g) => g.id === DEMO.gang730.id)!;
    expect(t.frozen).toBe(DEMO.gang730.frozen);
    expect(t.loss).toBeGreaterThan(2 * t.frozen);
    const frozenOnCards = t.identifiers.cards.reduce((s, id) => s + ((nodes.get(id)!.props!.frozenAmount as number | undefined) ?? 0), 0);
    expect(frozenOnCards).toBe(DEMO.gang730.frozen);
    expect(new Set(t.members.map((m) => m.layer))).toEqual(new Set(['MANAGEMENT', 'TECH', 'LOGISTICS', 'CALLER', 'MONEY']));
    const boss = personNamed(DEMO.boss.name).find((p) => linksFrom(p.id, 'MEMBER_OF').some((l) => l.to === gang.id))!;
    expect(boss.props!.aliases).toEqual([DEMO.boss.alias]);
    expect(linksFrom(boss.id, 'USES').map((l) => l.to)).toContain(`phone:${DEMO.boss.phone}`);
    expect(linksFrom(boss.id, 'OWNS').map((l) => l.to)).toContain(`telegram:${DEMO.boss.telegram}`);
    // Callers report up to him through their team leader.
    const lead = personNamed(DEMO.callerLead.name)[0]!;
    const up = linksFrom(lead.id, 'REPORTS_TO')[0]!.to;
    expect([boss.id, ...personNamed(DEMO.deputy.name).map((p) => p.id)]).toContain(up);
    const moneyProvinces = new Set(
      t.members.filter((m) => m.layer === 'MONEY').map((m) => nodes.get(m.person)!.props!.province),
    );
    expect(moneyProvinces.size).toBeGreaterThanOrEqual(3);
    for (const caseNo of [DEMO.origin.caseNo, DEMO.wu.caseNo, DEMO.wang.caseNo]) expect(t.cases).toContain(`case:${caseNo}`);
    expect(caseNode(DEMO.origin.caseNo).props).toMatchObject({ reportedAt: '2024-07-30T09:15:00+08:00', loss: 128_600_000 });
  });

  it('has every README number and name in the bundle, each as the node its search must find', () => {
    const found = (t: DemoSearchTarget): boolean =>
      'id' in t
        ? nodes.has(t.id)
        : personNamed(t.person).some((p) => allLinks.some((l) => l.from === p.id && l.to === t.of && (l.type === 'VICTIM_IN' || l.type === 'MEMBER_OF')));
    expect(DEMO_SEARCHES.filter((s) => !found(s.finds)).map((s) => s.text)).toEqual([]);
    // Each story has its searches, and the list names every number and person the stories rely on.
    expect(new Set(DEMO_SEARCHES.map((s) => s.story))).toEqual(new Set(['wang', 'clerk', 'wu', '730', 'hubs']));
    const ids = DEMO_SEARCHES.flatMap((s) => ('id' in s.finds ? [s.finds.id] : []));
    expect(ids).toEqual(expect.arrayContaining([`phone:${DEMO.callerPhone}`, `telegram:${DEMO.boss.telegram}`, `qq:${DEMO.clerk.fakeBossQQ}`, `card:${DEMO.wu.card}`, DEMO.gang730.id]));
    const people = DEMO_SEARCHES.flatMap((s) => ('person' in s.finds ? [s.finds.person] : []));
    expect(new Set(people)).toEqual(new Set([DEMO.boss.name, DEMO.deputy.name, DEMO.callerLead.name, DEMO.moneyHead.name, DEMO.wuMule.name, DEMO.wang.victim, DEMO.wu.victim, DEMO.clerk.victim, DEMO.origin.victim]));
  });

  it('has a card that a Shanghai Pudong case and a Fujian Longyan case both involve: the deconfliction walkthrough (test/web/access.test.ts)', () => {
    const involving = linksTo('card:6228276089516806214', 'INVOLVES').map((l) => [l.from, l.owner]);
    expect(involving).toEqual(expect.arrayContaining([
      ['case:A310115000000202406000014', 'sh-pudong-psb'],
      ['case:A350800000000202402000002', 'fj-longyan-psb'],
    ]));
  });
});
