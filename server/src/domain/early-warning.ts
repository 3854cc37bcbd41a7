import type { GraphNode } from './types';

/**
 * Early warning (预警劝阻): the people and numbers a gang's phones and accounts reached who are
 * not victims yet, ranked so that an anti-fraud centre calls the likeliest next victims first.
 * Pure: it ranks what the store's `gangContacts` read returns, the same on both engines.
 */

/** What the store reads for the ranking (GraphStore.gangContacts). */
export interface GangContactRecords {
  /** Phones and accounts gang members use or own, with the gang. */
  memberIdentifiers: { id: string; gang: string }[];
  /** Phones and accounts cases involve, with the case and its category. */
  caseIdentifiers: { id: string; caseId: string; category: string | null }[];
  /** Phones and accounts victims use or own: never the gang's, and their users are not warned. */
  victimIdentifiers: string[];
  /**
   * Every gang only: phones nobody is known to use that called at least MIN_CALLEES numbers
   * (numbers in the fraud-call records no one has claimed); short service numbers are left out.
   */
  unregisteredCallers: { id: string; callees: number }[];
  /** The calls and messages out of the gang's identifiers. */
  contacts: { from: string; to: string; type: 'CALLED' | 'CONTACTED'; at: string | null; seconds: number | null }[];
  /** The people using or owning a contacted identifier, with every role they have (VICTIM_IN, SUSPECT_IN, MEMBER_OF). */
  people: { identifier: string; person: GraphNode; roles: string[] }[];
  /**
   * Holders of a company account an impersonated-boss case involved: a targeted company's finance
   * staff, unless they have a role (`roles`: how many VICTIM_IN, SUSPECT_IN or MEMBER_OF links),
   * as the gang's own holders of shell companies' accounts do.
   */
  financeStaff: { person: GraphNode; card: string; company: string | null; caseId: string; roles: number }[];
}

/** A phone nobody uses counts as a gang's when it called at least this many numbers. */
export const MIN_CALLEES = 2;

export type WarningReason =
  | { code: 'CONTACTED_BY'; count: number }
  | { code: 'CALLS'; count: number; seconds: number }
  | { code: 'MESSAGES'; count: number }
  | { code: 'RECENT'; at: string }
  | { code: 'REACHED_VICTIMS'; count: number }
  | { code: 'FAKE_BOSS_CONTACT' }
  | { code: 'FINANCE_STAFF'; company: string | null }
  | { code: 'UNCLAIMED_CALLER' };

export interface WarningEntry {
  /** The person to warn, or the number or account when no one is known to use it. */
  id: string;
  /** Their phones and accounts the gang reached. */
  identifiers: string[];
  /** The gang's phones and accounts that reached them. */
  contactedBy: string[];
  calls: number;
  seconds: number;
  messages: number;
  lastAt: string | null;
  score: number;
  reasons: WarningReason[];
}

/** The gang's phones and accounts: members', cases' and unclaimed callers', less any a victim uses. */
export function gangIdentifierIds(r: Pick<GangContactRecords, 'memberIdentifiers' | 'caseIdentifiers' | 'victimIdentifiers' | 'unregisteredCallers'>): string[] {
  const victims = new Set(r.victimIdentifiers);
  const ids = new Set([...r.memberIdentifiers.map((m) => m.id), ...r.caseIdentifiers.map((c) => c.id), ...r.unregisteredCallers.map((c) => c.id)]);
  return [...ids].filter((id) => !victims.has(id)).sort();
}

/** A number an institution answers (96110, 95588): not a person's, so never a gang's caller. */
export const isServiceNumber = (number: unknown) => typeof number !== 'string' || !number.startsWith('+') || number.replace(/\D/g, '').length < 8;

const DAY = 86_400_000;

/** Weights of the score; each reason adds its part (see rankWarnings). */
const W = {
  perSource: 4,
  perContact: 1,
  maxContacts: 6,
  answered: 1,
  perMinute: 0.25,
  maxMinutes: 8,
  recent: 3,
  recentDays: 30,
  reachedVictims: 2,
  perCase: 0.5,
  maxCases: 6,
  fakeBoss: 3,
  finance: 6,
  unclaimedOnly: -2,
} as const;

interface Acc {
  id: string;
  /** Tiny lists (one or two items as a rule): arrays cost far less than sets at city scale. */
  identifiers: string[];
  sources: string[];
  calls: number;
  answered: number;
  seconds: number;
  messages: number;
  lastAt: string | null;
  finance: { company: string | null } | null;
}

/**
 * Ranks who to warn: each entry's score adds how many of the gang's phones and accounts reached
 * them, how often and how long, how recently (against the latest contact in the records, so
 * that answers do not drift with the clock), whether the numbers that reached them already
 * reached victims, whether one of them played a fake boss, and whether they are finance staff
 * of a company the fake-boss pattern already hit. Victims, suspects, gang members and the gang's
 * own identifiers are never listed. Ties go by id.
 */
export function rankWarnings(r: GangContactRecords): WarningEntry[] {
  const gangIds = new Set(gangIdentifierIds(r));
  const victimIds = new Set(r.victimIdentifiers);
  const casesOf = new Map<string, Set<string>>();
  const fakeBoss = new Set<string>();
  for (const c of r.caseIdentifiers) {
    if (gangIds.has(c.id)) (casesOf.get(c.id) ?? casesOf.set(c.id, new Set()).get(c.id)!).add(c.caseId);
    if (c.category === 'IMPERSONATE_BOSS') fakeBoss.add(c.id);
  }
  const claimed = new Set([...r.memberIdentifiers.map((m) => m.id), ...r.caseIdentifiers.map((c) => c.id)]);

  // Who stands behind each contacted identifier; anyone with a role in a case or gang is out.
  const users = new Map<string, string[]>();
  const excluded = new Set<string>();
  for (const p of r.people) {
    const list = users.get(p.identifier) ?? [];
    if (!list.includes(p.person.id)) list.push(p.person.id);
    users.set(p.identifier, list);
    if (p.roles.length > 0) excluded.add(p.person.id);
  }

  const acc = new Map<string, Acc>();
  const entry = (id: string): Acc => {
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { id, identifiers: [], sources: [], calls: 0, answered: 0, seconds: 0, messages: 0, lastAt: null, finance: null }));
    return a;
  };
  let latest = '';
  for (const c of r.contacts) {
    if (!gangIds.has(c.from) || gangIds.has(c.to) || victimIds.has(c.to)) continue;
    const who = users.get(c.to);
    if (who?.some((p) => excluded.has(p))) continue;
    for (let k = 0; k < (who ? who.length : 1); k++) {
      const a = entry(who ? who[k]! : c.to);
      if (!a.identifiers.includes(c.to)) a.identifiers.push(c.to);
      if (!a.sources.includes(c.from)) a.sources.push(c.from);
      if (c.type === 'CALLED') {
        a.calls++;
        if ((c.seconds ?? 0) > 0) a.answered++;
        a.seconds += c.seconds ?? 0;
      } else a.messages++;
      if (c.at && (!a.lastAt || c.at > a.lastAt)) a.lastAt = c.at;
    }
    if (c.at && c.at > latest) latest = c.at;
  }
  for (const f of r.financeStaff) {
    if (f.roles > 0 || excluded.has(f.person.id)) continue;
    const a = entry(f.person.id);
    a.finance = { company: f.company };
  }

  const now = latest ? Date.parse(latest) : NaN;
  const out: WarningEntry[] = [];
  for (const a of acc.values()) {
    const reasons: WarningReason[] = [];
    let score = 0;
    const sources = a.sources.sort();
    if (sources.length > 0) {
      reasons.push({ code: 'CONTACTED_BY', count: sources.length });
      score += W.perSource * sources.length;
    }
    if (a.calls > 0) {
      reasons.push({ code: 'CALLS', count: a.calls, seconds: a.seconds });
      score += W.perContact * Math.min(a.calls, W.maxContacts) + W.answered * Math.min(a.answered, W.maxContacts) + W.perMinute * Math.min(a.seconds / 60, W.maxMinutes);
    }
    if (a.messages > 0) {
      reasons.push({ code: 'MESSAGES', count: a.messages });
      score += W.perContact * Math.min(a.messages, W.maxContacts);
    }
    if (a.lastAt) {
      const ageDays = Math.max(0, (now - Date.parse(a.lastAt)) / DAY);
      if (Number.isFinite(ageDays)) {
        reasons.push({ code: 'RECENT', at: a.lastAt });
        score += W.recent * Math.exp(-ageDays / W.recentDays);
      }
    }
    const reachedCases = sources.length === 1 ? (casesOf.get(sources[0]!)?.size ?? 0) : new Set(sources.flatMap((s) => [...(casesOf.get(s) ?? [])])).size;
    if (reachedCases > 0) {
      reasons.push({ code: 'REACHED_VICTIMS', count: reachedCases });
      score += W.reachedVictims + W.perCase * Math.min(reachedCases, W.maxCases);
    }
    if (sources.some((s) => fakeBoss.has(s))) {
      reasons.push({ code: 'FAKE_BOSS_CONTACT' });
      score += W.fakeBoss;
    }
    if (a.finance) {
      reasons.push({ code: 'FINANCE_STAFF', company: a.finance.company });
      score += W.finance;
    }
    if (sources.length > 0 && sources.every((s) => !claimed.has(s))) {
      reasons.push({ code: 'UNCLAIMED_CALLER' });
      score += W.unclaimedOnly;
    }
    out.push({
      id: a.id,
      identifiers: a.identifiers.sort(),
      contactedBy: sources,
      calls: a.calls,
      seconds: a.seconds,
      messages: a.messages,
      lastAt: a.lastAt,
      score: Math.round(score * 1000) / 1000,
      reasons,
    });
  }
  return out.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
