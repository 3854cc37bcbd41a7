import { MIN_CALLEES, gangIdentifierIds, isServiceNumber, type GangContactRecords } from '../../domain/early-warning';
import type { Label, LinkType } from '../../domain/model';
import type { Viewer } from '../../domain/types';
import type { GraphCache } from './graph-cache';

/**
 * GraphStore.gangContacts from a GraphCache: the same records as the cypher/warning-*.cypher
 * queries (store/gang-contacts.ts) give, in one pass over the links where they scan the graph.
 */
export function cachedGangContacts(cache: GraphCache, viewer: Viewer, gangId: string | null): GangContactRecords {
  const mask = cache.visibleOwnerSets(viewer);
  const visible = (v: number) => mask[cache.nodeOwners[v]!] === 1;
  const linkSeen = (l: number) => mask[cache.linkOwners[l]!] === 1;
  const is = (l: number, ...types: LinkType[]) => types.includes(cache.type(l));
  const labelled = (v: number, ...labels: Label[]) => labels.includes(cache.label(v));
  /** Visible links of these types out of (or, with `into`, into) v whose other end is visible. */
  const each = (v: number, dir: 'out' | 'into', types: LinkType[], visit: (w: number, l: number) => void) =>
    cache.forEachLink(v, (l) => {
      const [self, w] = dir === 'out' ? [cache.linkFrom[l]!, cache.linkTo[l]!] : [cache.linkTo[l]!, cache.linkFrom[l]!];
      if (self === v && is(l, ...types) && linkSeen(l) && visible(w)) visit(w, l);
    });
  const nodesLabelled = (label: Label): number[] => {
    const out: number[] = [];
    for (let v = 0; v < cache.nodeCount; v++) if (cache.label(v) === label && visible(v)) out.push(v);
    return out;
  };
  const IDENTIFIER: Label[] = ['Phone', 'OnlineAccount'];

  const gangs = gangId === null ? nodesLabelled('Gang') : [cache.indexOf(gangId)].filter((v): v is number => v !== undefined && visible(v));
  const members = new Set<number>();
  const memberPairs = new Set<string>();
  const memberIdentifiers: GangContactRecords['memberIdentifiers'] = [];
  for (const g of gangs) {
    each(g, 'into', ['MEMBER_OF'], (p) => {
      members.add(p);
      each(p, 'out', ['USES', 'OWNS'], (i) => {
        const key = `${i}\n${g}`;
        if (labelled(i, ...IDENTIFIER) && !memberPairs.has(key)) {
          memberPairs.add(key);
          memberIdentifiers.push({ id: cache.nodeId(i), gang: cache.nodeId(g) });
        }
      });
    });
  }

  let cases: number[];
  if (gangId === null) cases = nodesLabelled('Case');
  else {
    const own = new Set<number>();
    for (const p of members) each(p, 'out', ['SUSPECT_IN'], (c) => labelled(c, 'Case') && own.add(c));
    for (const m of memberIdentifiers) each(cache.indexOf(m.id)!, 'into', ['INVOLVES'], (c) => labelled(c, 'Case') && own.add(c));
    cases = [...own];
  }
  const category = new Map<number, string | null>();
  const caseIdentifiers: GangContactRecords['caseIdentifiers'] = [];
  for (const c of cases) {
    each(c, 'out', ['INVOLVES'], (i) => {
      if (!labelled(i, ...IDENTIFIER)) return;
      if (!category.has(c)) category.set(c, (cache.node(c).props.category as string | undefined) ?? null);
      caseIdentifiers.push({ id: cache.nodeId(i), caseId: cache.nodeId(c), category: category.get(c)! });
    });
  }

  const victimIds = new Set<number>();
  const callees = new Map<number, Set<number>>();
  const bossCases: number[] = [];
  for (let l = 0; l < cache.linkCount; l++) {
    if (!linkSeen(l)) continue;
    const a = cache.linkFrom[l]!;
    const b = cache.linkTo[l]!;
    if (!visible(a) || !visible(b)) continue;
    const type = cache.type(l);
    if (type === 'VICTIM_IN') each(a, 'out', ['USES', 'OWNS'], (i) => labelled(i, ...IDENTIFIER) && victimIds.add(i));
    else if (type === 'CALLED' && gangId === null && labelled(a, 'Phone')) (callees.get(a) ?? callees.set(a, new Set()).get(a)!).add(b);
  }
  const victimIdentifiers = [...victimIds].map((v) => cache.nodeId(v));
  const unregisteredCallers: GangContactRecords['unregisteredCallers'] = [];
  for (const [a, called] of callees) {
    if (called.size < MIN_CALLEES) continue;
    let users = 0;
    each(a, 'into', ['USES'], () => users++);
    if (users === 0 && !isServiceNumber(cache.node(a).props.number)) unregisteredCallers.push({ id: cache.nodeId(a), callees: called.size });
  }

  const contacts: GangContactRecords['contacts'] = [];
  for (const id of gangIdentifierIds({ memberIdentifiers, caseIdentifiers, victimIdentifiers, unregisteredCallers })) {
    const a = cache.indexOf(id);
    if (a === undefined || !visible(a)) continue;
    each(a, 'out', ['CALLED', 'CONTACTED'], (b, l) => {
      const link = cache.link(l);
      const seconds = link.props.seconds;
      contacts.push({
        from: id,
        to: cache.nodeId(b),
        type: link.type as 'CALLED' | 'CONTACTED',
        at: typeof link.props.at === 'string' ? link.props.at : null,
        seconds: typeof seconds === 'number' ? seconds : null,
      });
    });
  }
  const people: GangContactRecords['people'] = [];
  for (const id of new Set(contacts.map((c) => c.to))) {
    const i = cache.indexOf(id)!;
    const seen = new Set<number>();
    each(i, 'into', ['USES', 'OWNS'], (p) => {
      if (!labelled(p, 'Person') || seen.has(p)) return;
      seen.add(p);
      const roles = new Set<string>();
      each(p, 'out', ['VICTIM_IN', 'SUSPECT_IN', 'MEMBER_OF'], (_, l) => roles.add(cache.type(l)));
      people.push({ identifier: id, person: cache.node(p), roles: [...roles] });
    });
  }

  const gangCases = new Set(cases);
  for (const c of gangId === null ? nodesLabelled('Case') : cases) {
    if ((category.has(c) ? category.get(c) : cache.node(c).props.category) === 'IMPERSONATE_BOSS') bossCases.push(c);
  }
  const financeStaff: GangContactRecords['financeStaff'] = [];
  const staffKeys = new Set<string>();
  for (const c of bossCases) {
    if (gangId !== null && !gangCases.has(c)) continue;
    each(c, 'out', ['INVOLVES'], (k) => {
      if (!labelled(k, 'BankCard')) return;
      const card = cache.node(k);
      if (card.props.accountType !== 'CORPORATE') return;
      each(k, 'into', ['HOLDS'], (p) => {
        const key = `${p}\n${k}\n${c}`;
        if (!labelled(p, 'Person') || staffKeys.has(key)) return;
        staffKeys.add(key);
        let roles = 0;
        each(p, 'out', ['VICTIM_IN', 'SUSPECT_IN', 'MEMBER_OF'], () => roles++);
        financeStaff.push({ person: cache.node(p), card: card.id, company: (card.props.holderName as string | undefined) ?? null, caseId: cache.nodeId(c), roles });
      });
    });
  }
  return { memberIdentifiers, caseIdentifiers, victimIdentifiers, unregisteredCallers, contacts, people, financeStaff };
}
