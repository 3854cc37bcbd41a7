import type { GangLayer, LinkType } from '../domain/model';
import { inferRoles, type Role } from '../domain/gang-roles';
import { freezeListOf, traceMoney, type MoneyTrail, type TrailSeed, type Transfer } from '../domain/money-trail';
import type { GangView, GraphLink, GraphNode, Subgraph } from '../domain/types';
import { STORE_LIMITS, type GraphStore } from '../store/graph-store';
import { apiError } from './errors';
import { API_LIMITS, clamp } from './limits';
import type { ApiViewer } from './viewer';

/**
 * Hours the victim's money may sit on a card and still move on (money-trail.ts); at most a week.
 * Seven by default: mules pass money on within minutes to a few hours and withdraw what they keep
 * within hours too, so money unmoved after seven hours is gone; a longer window lets the next
 * unrelated transfer off the card drag money that was really withdrawn (on the city seed data,
 * 7 h: 99.6 % of true trails exact; 24 h: 98.8 %).
 */
export const HOLD_HOURS = { max: 168, fallback: 7 } as const;

/** What a person's layer is read from: their own cards, phones, accounts, contacts and chain of command. */
const AROUND_PEOPLE: LinkType[] = ['HOLDS', 'USES', 'OWNS', 'KNOWS', 'REPORTS_TO', 'MEMBER_OF'];

export interface MemberRole extends Role {
  person: GraphNode;
  since: string | null;
}

export interface TrailView extends Subgraph {
  cards: (MoneyTrail['cards'][number] & { card: GraphNode | null })[];
  steps: (MoneyTrail['steps'][number] & { link: GraphLink })[];
  freezeList: (MoneyTrail['freezeList'][number] & { card: GraphNode | null })[];
}

export interface TrailArgs {
  caseId?: string | null;
  transfer?: { from: string; txId: string } | null;
  cardIds?: readonly string[] | null;
  after?: string | null;
  depth?: number | null;
  holdHours?: number | null;
}

const toTransfer = (l: GraphLink): Transfer => ({ key: l.key, txId: String(l.props.txId ?? l.key), from: l.from, to: l.to, amount: Number(l.props.amount ?? 0), at: String(l.props.at ?? '') });

/** Gang roles and money trails: the domain's analyses on what the store returns, the same on both engines. */
export function createAnalysisServices(store: GraphStore) {
  /** Layers of `people` from the records around them; `recorded` overrides what MEMBER_OF links say. */
  const rolesOf = async (viewer: ApiViewer, people: string[], recorded?: ReadonlyMap<string, GangLayer>): Promise<Role[]> => {
    const limit = STORE_LIMITS.maxLimit;
    const around = await store.neighborhood(viewer, people, { hops: 1, linkTypes: AROUND_PEOPLE, limit });
    const identifiers = around.nodes.filter((n) => n.label === 'BankCard' || n.label === 'Phone' || n.label === 'OnlineAccount').map((n) => n.id);
    // Which of them a case names: cards that took a victim's money, phones and accounts that reached one.
    const cases = identifiers.length > 0 ? await store.neighborhood(viewer, identifiers, { hops: 1, linkTypes: ['INVOLVES'], labels: ['Case'], limit }) : { nodes: [], links: [] };
    const fromLinks = new Map<string, GangLayer>();
    for (const l of around.links) if (l.type === 'MEMBER_OF' && typeof l.props.layer === 'string') fromLinks.set(l.from, l.props.layer as GangLayer);
    return inferRoles({ people, recorded: recorded ?? fromLinks, nodes: [...around.nodes, ...cases.nodes], links: [...around.links, ...cases.links] });
  };

  /**
   * The victim's transfers of a case: out of a card a victim of the case holds, or one the case
   * names that nothing of the case paid into, into a card the case names.
   */
  const caseSeeds = async (viewer: ApiViewer, caseId: string): Promise<TrailSeed[]> => {
    const [c] = await store.getNodes(viewer, [caseId]);
    if (!c || c.label !== 'Case') throw apiError('NOT_FOUND', 'No Case with this id.');
    const around = await store.neighborhood(viewer, [caseId], { hops: 2, linkTypes: ['INVOLVES', 'VICTIM_IN', 'HOLDS'], labels: ['BankCard', 'Person'], limit: STORE_LIMITS.maxLimit });
    const victims = new Set(around.links.filter((l) => l.type === 'VICTIM_IN' && l.to === caseId).map((l) => l.from));
    const named = new Set(around.links.filter((l) => l.type === 'INVOLVES' && l.from === caseId).map((l) => l.to));
    const held = new Set(around.links.filter((l) => l.type === 'HOLDS' && victims.has(l.from)).map((l) => l.to));
    const cards = [...new Set([...named, ...held])];
    const between = (await store.transfersAt(viewer, cards, {})).filter((l) => named.has(l.to) && (held.has(l.from) || named.has(l.from)));
    const paidInto = new Set(between.map((l) => l.to));
    return between.filter((l) => held.has(l.from) || !paidInto.has(l.from)).map((l) => ({ transfer: toTransfer(l) }));
  };

  const transferSeed = async (viewer: ApiViewer, from: string, txId: string): Promise<TrailSeed> => {
    const link = (await store.transfersAt(viewer, [from], {})).find((l) => l.from === from && (l.key === txId || l.props.txId === txId));
    if (!link) throw apiError('NOT_FOUND', 'No transfer with this txId out of this card.');
    return { transfer: toTransfer(link) };
  };

  return {
    /** Layers of people given the layers taken as recorded (what scoring withholds some of). */
    rolesOf,

    gang: async (viewer: ApiViewer, gangId: string): Promise<GangView & Subgraph & { roles: MemberRole[] }> => {
      // From the in-memory graph where the store has one: the members through their MEMBER_OF links.
      const [gang] = await store.getNodes(viewer, [gangId]);
      if (!gang || gang.label !== 'Gang') throw apiError('NOT_FOUND', 'No Gang with this id.');
      const around = await store.neighborhood(viewer, [gangId], { hops: 1, linkTypes: ['MEMBER_OF'], labels: ['Person'], limit: STORE_LIMITS.maxLimit });
      const people = new Map(around.nodes.filter((n) => n.label === 'Person').map((n) => [n.id, n]));
      const memberships = around.links.filter((l) => l.type === 'MEMBER_OF' && l.to === gangId && people.has(l.from));
      const recorded = new Map(memberships.flatMap((l) => (typeof l.props.layer === 'string' ? [[l.from, l.props.layer as GangLayer] as const] : [])));
      const since = new Map(memberships.map((l) => [l.from, typeof l.props.since === 'string' ? l.props.since : null]));
      const ids = [...people.keys()].sort();
      const roles = ids.length > 0 ? await rolesOf(viewer, ids, recorded) : [];
      const sub = await store.subgraph(viewer, [gangId, ...ids]);
      const reportsTo = sub.links
        .filter((l) => l.type === 'REPORTS_TO' && people.has(l.from) && people.has(l.to))
        .map((l) => ({ from: l.from, to: l.to }))
        .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
      return {
        gang,
        members: ids.map((id) => ({ person: people.get(id)!, layer: recorded.get(id) ?? null, since: since.get(id) ?? null })),
        reportsTo: reportsTo.filter((r, i) => i === 0 || r.from !== reportsTo[i - 1]!.from || r.to !== reportsTo[i - 1]!.to),
        roles: roles.map((r) => ({ ...r, person: people.get(r.personId)!, since: since.get(r.personId) ?? null })),
        ...sub,
      };
    },

    roles: async (viewer: ApiViewer, personIds: readonly string[]): Promise<MemberRole[]> => {
      const people = (await store.getNodes(viewer, [...new Set(personIds)].slice(0, API_LIMITS.nodeIds.max))).filter((n) => n.label === 'Person');
      if (people.length === 0) return [];
      const byId = new Map(people.map((p) => [p.id, p]));
      return (await rolesOf(viewer, [...byId.keys()])).map((r) => ({ ...r, person: byId.get(r.personId)!, since: null }));
    },

    moneyTrail: async (viewer: ApiViewer, a: TrailArgs): Promise<TrailView> => {
      const asked = [a.caseId, a.transfer, a.cardIds?.length ? a.cardIds : null].filter((x) => x).length;
      if (asked !== 1) throw apiError('BAD_INPUT', 'Give exactly one of caseId, transfer or cardIds.');
      const depth = clamp(a.depth, API_LIMITS.trailDepth.max, API_LIMITS.trailDepth.fallback);
      const holdHours = clamp(a.holdHours, HOLD_HOURS.max, HOLD_HOURS.fallback);
      const seeds: TrailSeed[] = a.caseId
        ? await caseSeeds(viewer, a.caseId)
        : a.transfer
          ? [await transferSeed(viewer, a.transfer.from, a.transfer.txId)]
          : [...new Set(a.cardIds!)].slice(0, API_LIMITS.nodeIds.max).map((cardId) => ({ cardId, ...(a.after ? { after: a.after } : {}) }));
      const links = new Map<string, GraphLink>();
      const id = (x: { from: string; to: string; key: string }) => `${x.from}|${x.to}|${x.key}`;
      const fetch = async (cardIds: string[], after: string | undefined) => {
        const found = await store.transfersAt(viewer, cardIds, { after });
        for (const l of found) links.set(id(l), l);
        return found.map(toTransfer);
      };
      const trail = await traceMoney(fetch, seeds, { depth, holdHours });
      const nodes = await store.getNodes(viewer, [...new Set([...seeds.map((s) => ('transfer' in s ? s.transfer.from : s.cardId)), ...trail.cards.map((c) => c.cardId)])]);
      const byId = new Map(nodes.map((n) => [n.id, n]));
      // Frozen cards stay on the trail but leave the freeze list.
      const cards = trail.cards.map((c) => ({ ...c, frozen: byId.get(c.cardId)?.props.frozen === true, card: byId.get(c.cardId) ?? null }));
      const steps = trail.steps.filter((s) => links.has(id(s))).map((s) => ({ ...s, link: links.get(id(s))! }));
      return {
        cards,
        steps,
        freezeList: freezeListOf(cards).map((f) => ({ ...f, card: byId.get(f.cardId) ?? null })),
        nodes,
        links: steps.map((s) => s.link),
      };
    },
  };
}
