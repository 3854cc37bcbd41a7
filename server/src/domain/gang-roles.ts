/**
 * Gang roles (团伙分层): the layer of each member — management, technical, logistics, caller or
 * money — as recorded on MEMBER_OF, or else inferred from what the graph shows the person doing,
 * each inference with the records it rests on and a confidence. Pure and engine-free.
 *
 * A telecom-fraud gang is built in teams, and each layer leaves its own traces:
 * - the money layer (卡农, card heads) holds the cards; a card a case names (the victim paid into
 *   it), or money moved through where the links given show it, is the strongest sign (0.95), any
 *   other card a good one (0.8);
 * - callers (话务) use the phones and chat accounts that reached victims — named by a case, or
 *   calling and messaging outsiders (0.9) — or simply carry several phones (0.75);
 * - logistics (后勤) deal with the people who supply cards, phones and devices, and run the
 *   gateway devices (0.8); technical staff (技术) with those who sell personal data (0.8);
 * - management (管理层) is whom team leaders report to, or the top of the chain (0.85).
 * Otherwise the chain of command decides: someone in a team led by a member of one layer, or
 * leading a team of one layer, is in that layer (0.7). Last, someone who reports to management
 * with nothing else to go on is technical when they use a Telegram account, as the gang's
 * technicians do, else logistics (0.5). Nobody is placed on no evidence at all.
 */
import { GANG_LAYERS, type GangLayer } from './model';
import type { GraphLink, GraphNode } from './types';

export type RoleRule =
  | 'RECORDED'
  | 'HOLDS_VICTIM_CARD'
  | 'HOLDS_CARD'
  | 'REACHES_VICTIMS'
  | 'MANY_PHONES'
  | 'SUPPLIER'
  | 'GATEWAY_DEVICES'
  | 'DATA_SELLER'
  | 'LEADS_LEADERS'
  | 'TOP_OF_CHAIN'
  | 'IN_TEAM'
  | 'LEADS_TEAM'
  | 'TELEGRAM'
  | 'UNDER_MANAGEMENT';

export interface RoleEvidence {
  rule: RoleRule;
  /** The layer this evidence points to. */
  layer: GangLayer;
  /** The nodes it rests on (cards, phones, cases, people), sorted. */
  ids: string[];
}

export interface Role {
  personId: string;
  /** Recorded or inferred; null when nothing points anywhere. */
  layer: GangLayer | null;
  /** True when MEMBER_OF recorded the layer. */
  recorded: boolean;
  /** 1 when recorded, else the strength of the strongest evidence for the layer chosen. */
  confidence: number;
  /** Everything found, strongest first (also what points to other layers). */
  evidence: RoleEvidence[];
}

export interface RolesInput {
  people: Iterable<string>;
  /** MEMBER_OF layers the police recorded. */
  recorded: ReadonlyMap<string, GangLayer>;
  /** Nodes around the people (cards, phones, accounts, devices, cases, other people). */
  nodes: Iterable<GraphNode>;
  /** Links around them: HOLDS, USES, OWNS, KNOWS, REPORTS_TO, INVOLVES, CALLED, CONTACTED, TRANSFERRED. */
  links: Iterable<GraphLink>;
}

export const RULE_CONFIDENCE: Record<RoleRule, number> = {
  RECORDED: 1,
  HOLDS_VICTIM_CARD: 0.95,
  REACHES_VICTIMS: 0.9,
  LEADS_LEADERS: 0.85,
  TOP_OF_CHAIN: 0.85,
  HOLDS_CARD: 0.8,
  SUPPLIER: 0.8,
  GATEWAY_DEVICES: 0.8,
  DATA_SELLER: 0.8,
  MANY_PHONES: 0.75,
  IN_TEAM: 0.7,
  LEADS_TEAM: 0.7,
  TELEGRAM: 0.5,
  UNDER_MANAGEMENT: 0.5,
};

/** Cards, phones and devices: a supplier of these deals with logistics. */
const SUPPLY = /卡|手机|设备|电话|card|phone|device|sim/i;
/** Personal data: sold to the technical staff who build the target lists. */
const DATA = /信息|数据|information|data/i;

export function inferRoles(input: RolesInput): Role[] {
  const people = [...new Set(input.people)].sort();
  const members = new Set(people);
  const label = new Map<string, GraphNode>();
  for (const n of input.nodes) label.set(n.id, n);
  // Links by end and type, each once.
  const out = new Map<string, GraphLink[]>();
  const into = new Map<string, GraphLink[]>();
  const seen = new Set<string>();
  for (const l of input.links) {
    const id = `${l.type}|${l.from}|${l.to}|${l.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    push(out, `${l.from}|${l.type}`, l);
    push(into, `${l.to}|${l.type}`, l);
  }
  const none: GraphLink[] = [];
  const outOf = (id: string, type: string) => out.get(`${id}|${type}`) ?? none;
  const intoOf = (id: string, type: string) => into.get(`${id}|${type}`) ?? none;
  const bossOf = new Map<string, string[]>();
  const teamOf = new Map<string, string[]>();
  for (const p of people)
    for (const l of outOf(p, 'REPORTS_TO'))
      if (members.has(l.to) && l.to !== p) {
        push(bossOf, p, l.to);
        push(teamOf, l.to, p);
      }

  const evidence = new Map<string, RoleEvidence[]>(people.map((p) => [p, []]));
  const add = (p: string, rule: RoleRule, layer: GangLayer, ids: string[]) => evidence.get(p)!.push({ rule, layer, ids: [...new Set(ids)].sort() });

  // What each person does, from the records around them.
  for (const p of people) {
    const cards = outOf(p, 'HOLDS').map((l) => l.to);
    const used = cards.filter((c) => intoOf(c, 'INVOLVES').length > 0 || intoOf(c, 'TRANSFERRED').length > 0 || outOf(c, 'TRANSFERRED').length > 0);
    if (used.length > 0) add(p, 'HOLDS_VICTIM_CARD', 'MONEY', [...used, ...used.flatMap((c) => intoOf(c, 'INVOLVES').map((l) => l.from))]);
    else if (cards.length > 0) add(p, 'HOLDS_CARD', 'MONEY', cards);

    const phones = outOf(p, 'USES').filter((l) => label.get(l.to)?.label === 'Phone').map((l) => l.to);
    const accounts = outOf(p, 'OWNS').map((l) => l.to).filter((a) => label.get(a)?.props.platform !== 'TELEGRAM');
    const reaching: string[] = [];
    for (const id of [...phones, ...accounts]) {
      const cases = intoOf(id, 'INVOLVES').map((l) => l.from);
      const outsiders = [...outOf(id, 'CALLED'), ...outOf(id, 'CONTACTED')].filter((l) => !ownedByMember(l.to));
      if (cases.length > 0 || outsiders.length > 0) reaching.push(id, ...cases);
    }
    if (reaching.length > 0) add(p, 'REACHES_VICTIMS', 'CALLER', reaching);
    else if (phones.length >= 2) add(p, 'MANY_PHONES', 'CALLER', phones);

    for (const l of [...outOf(p, 'KNOWS'), ...intoOf(p, 'KNOWS')]) {
      const other = l.from === p ? l.to : l.from;
      if (members.has(other)) continue;
      const how = String(l.props.how ?? '');
      if (SUPPLY.test(how)) add(p, 'SUPPLIER', 'LOGISTICS', [other]);
      else if (DATA.test(how)) add(p, 'DATA_SELLER', 'TECH', [other]);
    }
    const devices = outOf(p, 'USES').filter((l) => label.get(l.to)?.label === 'Device').map((l) => l.to);
    if (devices.length >= 2) add(p, 'GATEWAY_DEVICES', 'LOGISTICS', devices);
  }

  // The chain of command.
  for (const p of people) {
    const team = teamOf.get(p) ?? [];
    const leaders = team.filter((s) => (teamOf.get(s) ?? []).length > 0);
    if (leaders.length > 0) add(p, 'LEADS_LEADERS', 'MANAGEMENT', leaders);
    else if (team.length > 0 && !bossOf.has(p) && evidence.get(p)!.length === 0) add(p, 'TOP_OF_CHAIN', 'MANAGEMENT', team);
  }

  const placed = new Map<string, Role>();
  const decide = (p: string): Role => {
    const recorded = input.recorded.get(p);
    const ev = evidence.get(p)!.sort((a, b) => RULE_CONFIDENCE[b.rule] - RULE_CONFIDENCE[a.rule] || rank(a.layer) - rank(b.layer));
    if (recorded) return { personId: p, layer: recorded, recorded: true, confidence: 1, evidence: [{ rule: 'RECORDED', layer: recorded, ids: [p] }, ...ev] };
    const best = ev[0];
    return { personId: p, layer: best?.layer ?? null, recorded: false, confidence: best ? RULE_CONFIDENCE[best.rule] : 0, evidence: ev };
  };
  for (const p of people) placed.set(p, decide(p));

  // Teams share their leader's layer: repeat until nothing changes (a chain is at most as long as the gang).
  for (let round = 0; round < people.length; round++) {
    let changed = false;
    for (const p of people) {
      if (placed.get(p)!.layer) continue;
      const bosses = (bossOf.get(p) ?? []).filter((b) => { const l = placed.get(b)!.layer; return l !== null && l !== 'MANAGEMENT'; });
      const team = (teamOf.get(p) ?? []).filter((s) => placed.get(s)!.layer !== null);
      if (bosses.length > 0) {
        const layer = mostCommon(bosses.map((b) => placed.get(b)!.layer!));
        add(p, 'IN_TEAM', layer, bosses.filter((b) => placed.get(b)!.layer === layer));
      } else if (team.length > 0) {
        const layer = mostCommon(team.map((s) => placed.get(s)!.layer!));
        add(p, 'LEADS_TEAM', layer === 'MANAGEMENT' ? 'MANAGEMENT' : layer, team.filter((s) => placed.get(s)!.layer === layer));
      } else continue;
      placed.set(p, decide(p));
      changed = true;
    }
    if (!changed) break;
  }

  // Last: staff directly under management with nothing else to go on.
  for (const p of people) {
    if (placed.get(p)!.layer) continue;
    const managers = (bossOf.get(p) ?? []).filter((b) => placed.get(b)!.layer === 'MANAGEMENT');
    if (managers.length === 0) continue;
    const telegram = outOf(p, 'OWNS').map((l) => l.to).filter((a) => label.get(a)?.props.platform === 'TELEGRAM');
    if (telegram.length > 0) add(p, 'TELEGRAM', 'TECH', telegram);
    else add(p, 'UNDER_MANAGEMENT', 'LOGISTICS', managers);
    placed.set(p, decide(p));
  }
  return people.map((p) => placed.get(p)!);

  /** A phone or account some member uses: calls and chats to it are the gang's own. */
  function ownedByMember(id: string): boolean {
    return [...intoOf(id, 'USES'), ...intoOf(id, 'OWNS')].some((l) => members.has(l.from));
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const rank = (l: GangLayer) => GANG_LAYERS.indexOf(l);

/** The most common layer; ties go to the higher one. */
function mostCommon(layers: GangLayer[]): GangLayer {
  const counts = new Map<GangLayer, number>();
  for (const l of layers) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best = layers[0]!;
  let bestCount = 0;
  for (const l of GANG_LAYERS) {
    const c = counts.get(l) ?? 0;
    if (c > bestCount) [best, bestCount] = [l, c];
  }
  return best;
}
