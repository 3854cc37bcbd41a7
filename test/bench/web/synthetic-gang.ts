/**
 * Gang-shaped graphs for the web benchmarks, in the API's shapes (ApiNode, ApiLink) so that they
 * go through the same `toElements` as the app's data. The shape follows the seed generator's
 * gangs: management, technical and logistics staff under managers, caller teams of about eight
 * under a team leader, card heads with their card holders; callers' phones call victims, victims
 * pay collection cards, and the money moves on through two more layers of cards.
 */
import type { GangLayer } from '../../../server/src/domain/model';
import type { ApiLink, ApiNode, ApiSubgraph } from '../../../web/src/graph/elements';
import { sfc32 } from '../../../web/src/graph/layouts/fcose-core';

export interface SyntheticGang extends ApiSubgraph {
  gang: string;
  people: string[];
  layers: Record<string, GangLayer>;
  reportsTo: { from: string; to: string }[];
}

const T0 = Date.parse('2024-08-01T00:00:00+08:00');

export function syntheticGang({ members, seed = 1, prefix = 'g' }: { members: number; seed?: number; prefix?: string }): SyntheticGang {
  const rand = sfc32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const nodes: ApiNode[] = [];
  const links: ApiLink[] = [];
  const people: string[] = [];
  const layers: Record<string, GangLayer> = {};
  const reportsTo: { from: string; to: string }[] = [];
  let serial = 0;
  const id = (kind: string) => `${kind}:${prefix}${(serial++).toString(36)}`;
  const link = (type: ApiLink['type'], from: string, to: string, extra: Partial<ApiLink> = {}) => {
    links.push({ id: `${type}:${from}:${to}:${extra.at ?? ''}`, type, from, to, ...extra });
  };
  const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

  const gang = `gang:${prefix}`;
  nodes.push({ id: gang, label: 'Gang', caption: `${prefix} gang`, name: `${prefix} gang` });
  const phoneOf = new Map<string, string>();
  const cardsOf: string[] = [];
  const callerPhones: string[] = [];
  const add = (layer: GangLayer, boss?: string) => {
    const p = id('person');
    people.push(p);
    layers[p] = layer;
    nodes.push({ id: p, label: 'Person', caption: `P${people.length}`, name: `P${people.length}` });
    link('MEMBER_OF', p, gang, { layer });
    if (boss) (reportsTo.push({ from: p, to: boss }), link('REPORTS_TO', p, boss));
    const phone = id('phone');
    nodes.push({ id: phone, label: 'Phone', caption: `+86170${String(serial).padStart(8, '0')}`, number: `+86170${String(serial).padStart(8, '0')}` });
    link('USES', p, phone);
    phoneOf.set(p, phone);
    if (boss) link('CALLED', phone, phoneOf.get(boss)!, { at: at(int(0, 40_000)), seconds: int(10, 600) });
    if (layer === 'CALLER') {
      const scam = id('phone');
      nodes.push({ id: scam, label: 'Phone', caption: scam, number: scam });
      link('USES', p, scam);
      callerPhones.push(scam);
      const qq = id('qq');
      nodes.push({ id: qq, label: 'OnlineAccount', caption: qq, platform: 'QQ', handle: qq.slice(3) });
      link('OWNS', p, qq);
    }
    if (layer === 'MONEY') {
      for (let k = int(1, 2); k > 0; k--) {
        const card = id('card');
        nodes.push({ id: card, label: 'BankCard', caption: `***${serial}`, number: `************${String(serial).padStart(4, '0')}`, frozen: rand() < 0.2 });
        link('HOLDS', p, card);
        cardsOf.push(card);
      }
    }
    return p;
  };

  const managers = [add('MANAGEMENT')];
  for (let i = 1; i < Math.max(1, Math.round(members * 0.03)); i++) managers.push(add('MANAGEMENT', managers[0]));
  const manager = () => managers[int(0, managers.length - 1)]!;
  for (let i = 0; i < Math.max(1, Math.round(members * 0.05)); i++) add('TECH', manager());
  for (let i = 0; i < Math.max(1, Math.round(members * 0.07)); i++) add('LOGISTICS', manager());
  let lead = '';
  for (let i = 0; i < Math.max(2, Math.round(members * 0.33)); i++) lead = i % 9 === 0 ? add('CALLER', manager()) : (add('CALLER', lead), lead);
  const heads: string[] = [];
  const money = Math.max(2, members - people.length);
  for (let i = 0; i < money; i++) i < Math.max(1, Math.round(money / 10)) ? heads.push(add('MONEY', manager())) : add('MONEY', heads[int(0, heads.length - 1)]);

  // Cases: a victim, their phone and card, called by a caller's phone, paying collection cards.
  const cases = Math.round(members * 0.4);
  for (let c = 0; c < cases; c++) {
    const kase = id('case');
    nodes.push({ id: kase, label: 'Case', caption: kase, caseNo: kase.slice(5) });
    const victim = id('person');
    nodes.push({ id: victim, label: 'Person', caption: '***', name: '***' });
    link('VICTIM_IN', victim, kase);
    const vPhone = id('phone');
    nodes.push({ id: vPhone, label: 'Phone', caption: vPhone, number: vPhone });
    link('USES', victim, vPhone);
    const vCard = id('card');
    nodes.push({ id: vCard, label: 'BankCard', caption: vCard, number: vCard });
    link('HOLDS', victim, vCard);
    const caller = callerPhones[int(0, callerPhones.length - 1)]!;
    const t = int(0, 40_000);
    link('CALLED', caller, vPhone, { at: at(t), seconds: int(60, 3000) });
    link('INVOLVES', kase, caller, { how: 'called victim' });
    let from = [vCard];
    let when = t + 30;
    for (let hop = 0; hop < 3 && cardsOf.length; hop++) {
      const next: string[] = [];
      for (const f of from) {
        for (let k = int(1, 2); k > 0; k--) {
          const to = cardsOf[int(0, cardsOf.length - 1)]!;
          if (to === f) continue;
          when += int(1, 20);
          link('TRANSFERRED', f, to, { at: at(when), amount: String(int(1_000, 500_000) * 100) });
          if (hop === 0) link('INVOLVES', kase, to, { how: 'received victim transfer' });
          next.push(to);
        }
      }
      from = next.slice(0, 3);
    }
  }
  return { gang, people, layers, reportsTo, nodes: dedupe(nodes), links: dedupe(links) };
}

function dedupe<T extends { id: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.id) && (seen.add(x.id), true));
}

/**
 * Exactly `nodes` nodes and `links` links: a gang large enough, cut to the nodes, its links among
 * them, and calls between its phones to make up the count.
 */
export function syntheticGraph({ nodes: n, links: m, seed = 1 }: { nodes: number; links: number; seed?: number }): ApiSubgraph {
  let members = Math.ceil(n / 4);
  let g = syntheticGang({ members, seed });
  while (g.nodes.length < n) g = syntheticGang({ members: (members = Math.ceil(members * 1.3)), seed });
  const kept = g.nodes.slice(0, n);
  const ids = new Set(kept.map((x) => x.id));
  const links = g.links.filter((l) => ids.has(l.from) && ids.has(l.to)).slice(0, m);
  const phones = kept.filter((x) => x.label === 'Phone').map((x) => x.id);
  const rand = sfc32(seed + 1);
  for (let i = 0; links.length < m; i++) {
    const a = phones[Math.floor(rand() * phones.length)]!;
    const b = phones[Math.floor(rand() * phones.length)]!;
    if (a !== b) links.push({ id: `CALLED:${a}:${b}:pad${i}`, type: 'CALLED', from: a, to: b, at: new Date(T0 + i * 60_000).toISOString() });
  }
  return { nodes: kept, links };
}
