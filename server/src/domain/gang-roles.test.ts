import { describe, expect, it } from 'vitest';
import { inferRoles } from './gang-roles';
import type { GangLayer, Label, LinkType } from './model';
import type { GraphLink, GraphNode, Props } from './types';

const node = (id: string, label: Label, props: Props = {}): GraphNode => ({ id, label, owners: ['a'], props, createdAt: '', updatedAt: '' });
const link = (type: LinkType, from: string, to: string, props: Props = {}): GraphLink => ({ type, from, to, key: '', owner: 'a', owners: ['a'], sources: [], props, createdAt: '', createdBy: '' });

/**
 * A small gang: boss over a manager; the manager over a caller lead (team: caller, quiet caller),
 * a card head (team: mule, quiet mule), a technician and a logistics man.
 */
function gang() {
  const people = ['boss', 'mgr', 'lead', 'caller', 'quietCaller', 'head', 'mule', 'quietMule', 'tech', 'logi'];
  const nodes = [
    ...people.map((p) => node(p, 'Person')),
    node('seller', 'Person'),
    node('dataSeller', 'Person'),
    node('case1', 'Case'),
    node('victimPhone', 'Phone'),
    node('scam1', 'Phone'),
    node('scam2', 'Phone'),
    node('scam3', 'Phone'),
    node('own1', 'Phone'),
    node('card1', 'BankCard'),
    node('card2', 'BankCard'),
    node('tg', 'OnlineAccount', { platform: 'TELEGRAM' }),
    node('gw1', 'Device'),
    node('gw2', 'Device'),
  ];
  const links = [
    ...[['mgr', 'boss'], ['lead', 'mgr'], ['caller', 'lead'], ['quietCaller', 'lead'], ['head', 'mgr'], ['mule', 'head'], ['quietMule', 'head'], ['tech', 'mgr'], ['logi', 'mgr']].map(([a, b]) =>
      link('REPORTS_TO', a!, b!),
    ),
    link('USES', 'lead', 'scam1'),
    link('USES', 'caller', 'scam2'),
    link('USES', 'caller', 'own1'),
    link('CALLED', 'scam2', 'victimPhone', { at: '2024-03-01T10:00:00+08:00' }),
    link('INVOLVES', 'case1', 'scam1'),
    link('INVOLVES', 'case1', 'card1'),
    link('HOLDS', 'mule', 'card1'),
    link('HOLDS', 'head', 'card2'),
    link('TRANSFERRED', 'card1', 'card2', { amount: 100, at: '2024-03-01T11:00:00+08:00' }),
    link('KNOWS', 'seller', 'logi', { how: '向团伙出售银行卡' }),
    link('KNOWS', 'dataSeller', 'tech', { how: '向团伙出售公民个人信息' }),
    link('OWNS', 'tech', 'tg'),
  ];
  return { people, nodes, links };
}

const layers = (roles: ReturnType<typeof inferRoles>) => Object.fromEntries(roles.map((r) => [r.personId, r.layer]));

describe('inferRoles', () => {
  it('keeps the recorded layer and infers the rest from what each person does and whom they report to', () => {
    const g = gang();
    const roles = inferRoles({ ...g, recorded: new Map<string, GangLayer>([['boss', 'MANAGEMENT']]) });
    expect(layers(roles)).toEqual({
      boss: 'MANAGEMENT',
      mgr: 'MANAGEMENT',
      lead: 'CALLER',
      caller: 'CALLER',
      quietCaller: 'CALLER',
      head: 'MONEY',
      mule: 'MONEY',
      quietMule: 'MONEY',
      tech: 'TECH',
      logi: 'LOGISTICS',
    });
    const r = Object.fromEntries(roles.map((x) => [x.personId, x]));
    expect(r.boss).toMatchObject({ recorded: true, confidence: 1 });
    expect(r.mule).toMatchObject({ recorded: false, confidence: 0.95, evidence: [{ rule: 'HOLDS_VICTIM_CARD', layer: 'MONEY', ids: ['card1', 'case1'] }] });
    expect(r.caller!.evidence[0]).toEqual({ rule: 'REACHES_VICTIMS', layer: 'CALLER', ids: ['scam2'] });
    expect(r.quietCaller).toMatchObject({ confidence: 0.7, evidence: [{ rule: 'IN_TEAM', layer: 'CALLER', ids: ['lead'] }] });
    expect(r.quietMule!.evidence[0]).toEqual({ rule: 'IN_TEAM', layer: 'MONEY', ids: ['head'] });
    expect(r.mgr!.evidence[0]).toEqual({ rule: 'LEADS_LEADERS', layer: 'MANAGEMENT', ids: ['head', 'lead'] });
    expect(r.logi!.evidence[0]).toEqual({ rule: 'SUPPLIER', layer: 'LOGISTICS', ids: ['seller'] });
    expect(r.tech!.evidence.map((e) => e.rule)).toEqual(['DATA_SELLER']);
  });

  it('infers a member whose MEMBER_OF layer was withheld, and says when the recorded layer disagrees with the evidence', () => {
    const g = gang();
    const withheld = inferRoles({ ...g, recorded: new Map() }).find((r) => r.personId === 'mule')!;
    expect(withheld).toMatchObject({ layer: 'MONEY', recorded: false });
    const recorded = inferRoles({ ...g, recorded: new Map<string, GangLayer>([['mule', 'LOGISTICS']]) }).find((r) => r.personId === 'mule')!;
    expect(recorded).toMatchObject({ layer: 'LOGISTICS', recorded: true, confidence: 1 });
    expect(recorded.evidence.map((e) => [e.rule, e.layer])).toEqual([
      ['RECORDED', 'LOGISTICS'],
      ['HOLDS_VICTIM_CARD', 'MONEY'],
    ]);
  });

  it('falls back on the Telegram account for staff under management, and places nobody on no evidence', () => {
    const people = ['boss', 'a', 'b', 'loner'];
    const nodes = [...people.map((p) => node(p, 'Person')), node('tg', 'OnlineAccount', { platform: 'TELEGRAM' })];
    const links = [link('REPORTS_TO', 'a', 'boss'), link('REPORTS_TO', 'b', 'boss'), link('OWNS', 'a', 'tg')];
    const roles = inferRoles({ people, nodes, links, recorded: new Map() });
    expect(roles.map((r) => [r.personId, r.layer, r.confidence])).toEqual([
      ['a', 'TECH', 0.5],
      ['b', 'LOGISTICS', 0.5],
      ['boss', 'MANAGEMENT', 0.85],
      ['loner', null, 0],
    ]);
  });
});
