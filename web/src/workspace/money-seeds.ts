import type { ApiLink, ApiSubgraph } from '../graph/elements';

/** The neighbourhood a case's money trail starts from: what `caseMoneyQuery` asks for. */
export const caseMoneyQuery = (caseId: string) => ({ ids: [caseId], hops: 2, linkTypes: ['INVOLVES', 'VICTIM_IN', 'HOLDS', 'TRANSFERRED'] as const, limit: 300 });

export interface MoneySeeds {
  /** The victims' cards the case involves (else every card it involves). */
  cards: string[];
  /**
   * When the victims' money first left for a card the case involves: the trail starts there, so
   * the holder's own earlier transfers (which cards carry too) do not lead it astray.
   */
  after: string | null;
}

/**
 * Where the money of a case starts: the cards its victims hold and the case involves, and the
 * time of their first transfer to another card of the case.
 */
export function caseMoneySeeds(caseId: string, around: ApiSubgraph): MoneySeeds {
  const links = around.links as readonly ApiLink[];
  const labels = new Map(around.nodes.map((n) => [n.id, n.label]));
  const victims = new Set(links.filter((l) => l.type === 'VICTIM_IN' && l.to === caseId).map((l) => l.from));
  const involved = new Set(links.filter((l) => l.type === 'INVOLVES' && l.from === caseId && labels.get(l.to) === 'BankCard').map((l) => l.to));
  const victimCards = links.filter((l) => l.type === 'HOLDS' && victims.has(l.from) && involved.has(l.to)).map((l) => l.to);
  const cards = [...new Set(victimCards.length ? victimCards : involved)].sort();
  const start = new Set(cards);
  const times = links
    .filter((l) => l.type === 'TRANSFERRED' && start.has(l.from) && involved.has(l.to) && !start.has(l.to) && l.at)
    .map((l) => l.at!)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return { cards, after: victimCards.length ? (times[0] ?? null) : null };
}
