/**
 * Money trail (资金穿透): where a victim's money went, card by card, from the transfers a store
 * returns. Pure and engine-free, so both engines give the same answer.
 *
 * The money moves only forward in time and is conserved: a transfer out of a card can carry at
 * most the victim's money that arrived on that card before it. Which part of a card's balance a
 * transfer carries is the allocation rule; this module uses **last in, first out within a hold
 * window**, because that is how mule cards are run (and how the seed generator moves money):
 *
 * - A mule card is handed money, passes it on within minutes to hours in one to three transfers
 *   (less the mule's cut), and is then idle until the next payment. What left a card soonest
 *   after an arrival is that arrival's money: LIFO. First-in-first-out would instead pay the
 *   card's older, unrelated balance (card tests, the holder's own money) out first and lose the
 *   trail at the first card that had any history.
 * - Cuts and cash withdrawals leave no transfer, so some of the victim's money seems to stay on
 *   a card after the trail moved on. Money that has not moved within `holdHours` of its arrival
 *   is taken as withdrawn: it stays on the card as recoverable (what a freeze could still find,
 *   at most) but no later transfer carries it, so a later, unrelated payment through the same
 *   card never drags this victim's money along. (The API's default is 7 hours, api/analysis.ts.)
 * - What this rule cannot tell apart: an unrelated transfer out of a card while the victim's
 *   money is (or seems to be) on it — a card test or the holder's own payment in the minutes or
 *   hours between arrival and withdrawal — carries the victim's money like a real onward
 *   transfer would. On the city seed data that is the 0.4 % of true trails not followed exactly.
 * - Transfers into a card after the victim's money arrived are other money stacked on top: the
 *   next transfer out carries them first (LIFO), the victim's money only after them.
 * - Unrelated earlier transfers never enter a trail: a card is followed only from the moment the
 *   victim's money reached it, and only what it carried counts.
 *
 * Layers: the first card the victim paid into is layer 1; a card first reached by a transfer out
 * of a layer-n card is layer n+1. Cards beyond `depth` layers are not followed.
 */

/** One TRANSFERRED link as the trail reads it (amount in fen, time ISO 8601 with offset). */
export interface Transfer {
  key: string;
  txId: string;
  from: string;
  to: string;
  amount: number;
  at: string;
}

/**
 * Where tracing starts: a victim's transfer (its whole amount is the victim's money on the card
 * it paid into), or a card whose every outgoing transfer from `after` on counts as traced money
 * (a suspect card met in an investigation, amount unknown).
 */
export type TrailSeed = { transfer: Transfer } | { cardId: string; after?: string };

export interface TrailOptions {
  /** Card layers to follow, 1 = only the cards the victim paid into. */
  depth: number;
  /** Hours the victim's money may sit on a card and still be moved on by a later transfer. */
  holdHours: number;
  /** Cards already frozen: on the trail, but never on the freeze list. */
  frozen?: ReadonlySet<string>;
}

export interface TrailCard {
  cardId: string;
  layer: number;
  /** The victim's money that reached this card (fen). */
  amount: number;
  /** Of it, what no transfer carried on: cashed out or still there; a freeze recovers at most this. */
  remaining: number;
  /** When the victim's money first and last arrived here. */
  firstAt: string;
  lastAt: string;
  frozen: boolean;
}

export interface TrailStep {
  key: string;
  txId: string;
  from: string;
  to: string;
  /** The whole transfer's amount. */
  amount: number;
  /** The victim's money it carried (≤ amount). */
  carried: number;
  at: string;
  /** Layer of the receiving card. */
  layer: number;
}

export interface FreezeItem {
  cardId: string;
  layer: number;
  /** The victim's money that may still be on the card (fen). */
  amount: number;
  /** When it last arrived: the freeze request is urgent from then on. */
  since: string;
}

export interface MoneyTrail {
  cards: TrailCard[];
  steps: TrailStep[];
  /** Unfrozen cards with the victim's money possibly on them, most recoverable first. */
  freezeList: FreezeItem[];
}

interface Lot {
  amount: number;
  traced: boolean;
  /** Millisecond time the lot arrived. */
  at: number;
}

interface Event {
  t: number;
  link: Transfer;
}

const ms = (iso: string) => Date.parse(iso);
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/** Follows the victim's money from the seeds through `transfers` (any superset of the trail's links). */
export function followMoney(transfers: Iterable<Transfer>, seeds: TrailSeed[], options: TrailOptions): MoneyTrail {
  const hold = Math.max(0, options.holdHours) * 3_600_000;
  const outs = new Map<string, Transfer[]>();
  const ins = new Map<string, Transfer[]>();
  const seen = new Set<string>();
  for (const t of transfers) {
    const id = `${t.from}|${t.to}|${t.key}`;
    if (seen.has(id) || t.from === t.to || !(t.amount > 0)) continue;
    seen.add(id);
    push(outs, t.from, t);
    push(ins, t.to, t);
  }
  for (const list of [...outs.values(), ...ins.values()]) list.sort(byTime);

  const lots = new Map<string, Lot[]>();
  const cards = new Map<string, TrailCard>();
  const steps: TrailStep[] = [];
  const done = new Set<string>();
  const heap = new EventHeap();
  /** Cards we are following and since when (ms): events before that are not ours. */
  const following = new Map<string, number>();
  const follow = (cardId: string, since: number) => {
    const known = following.get(cardId);
    if (known !== undefined && known <= since) return;
    following.set(cardId, since);
    for (const t of outs.get(cardId) ?? []) if (ms(t.at) >= since && !done.has(t.key)) heap.push({ t: ms(t.at), link: t });
    for (const t of ins.get(cardId) ?? []) if (ms(t.at) >= since && !done.has(t.key)) heap.push({ t: ms(t.at), link: t });
  };
  const arrive = (cardId: string, layer: number, amount: number, at: string) => {
    const c = cards.get(cardId);
    if (c) {
      c.amount += amount;
      c.remaining += amount;
      if (at > c.lastAt) c.lastAt = at;
      if (at < c.firstAt) c.firstAt = at;
      c.layer = Math.min(c.layer, layer);
    } else cards.set(cardId, { cardId, layer, amount, remaining: amount, firstAt: at, lastAt: at, frozen: options.frozen?.has(cardId) ?? false });
  };

  const seedKeys = new Set<string>();
  for (const s of seeds) {
    if ('transfer' in s) {
      const t = s.transfer;
      seedKeys.add(t.key);
      stack(lots, t.to).push({ amount: t.amount, traced: true, at: ms(t.at) });
      arrive(t.to, 1, t.amount, t.at);
      steps.push({ key: t.key, txId: t.txId, from: t.from, to: t.to, amount: t.amount, carried: t.amount, at: t.at, layer: 1 });
      follow(t.to, ms(t.at));
    } else {
      const since = s.after ? ms(s.after) : -UNBOUNDED;
      stack(lots, s.cardId).push({ amount: UNBOUNDED, traced: true, at: UNBOUNDED });
      follow(s.cardId, since);
    }
  }
  const seedCards = new Set(seeds.flatMap((s) => ('cardId' in s ? [s.cardId] : [])));
  const layerOf = (cardId: string) => (seedCards.has(cardId) ? 0 : (cards.get(cardId)?.layer ?? 0));

  for (let e = heap.pop(); e; e = heap.pop()) {
    const t = e.link;
    if (done.has(t.key) || seedKeys.has(t.key)) continue;
    done.add(t.key);
    const fromSince = following.get(t.from);
    const toSince = following.get(t.to);
    let carried = 0;
    if (fromSince !== undefined && e.t >= fromSince) carried = spend(stack(lots, t.from), t.amount, e.t, hold);
    const layer = layerOf(t.from) + 1;
    if (carried > 0 && layer > options.depth) carried = 0;
    // Other money arriving on a followed card sits above the victim's (LIFO); on a seed card all money is traced.
    if (toSince !== undefined && e.t >= toSince && t.amount > carried && !seedCards.has(t.to)) stack(lots, t.to).push({ amount: t.amount - carried, traced: false, at: e.t });
    if (carried === 0) continue;
    const from = cards.get(t.from);
    if (from) from.remaining -= carried;
    steps.push({ key: t.key, txId: t.txId, from: t.from, to: t.to, amount: t.amount, carried, at: t.at, layer });
    stack(lots, t.to).push({ amount: carried, traced: true, at: e.t });
    arrive(t.to, layer, carried, t.at);
    follow(t.to, e.t);
  }

  const cardList = [...cards.values()].sort((a, b) => a.layer - b.layer || a.firstAt.localeCompare(b.firstAt) || a.cardId.localeCompare(b.cardId));
  steps.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  return { cards: cardList, steps, freezeList: freezeListOf(cardList) };
}

/** Unfrozen cards with some of the victim's money possibly still on them, most recoverable first. */
export function freezeListOf(cards: readonly TrailCard[]): FreezeItem[] {
  return cards
    .filter((c) => !c.frozen && c.remaining > 0)
    .map((c) => ({ cardId: c.cardId, layer: c.layer, amount: c.remaining, since: c.lastAt }))
    .sort((a, b) => b.amount - a.amount || a.layer - b.layer || a.cardId.localeCompare(b.cardId));
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function stack(m: Map<string, Lot[]>, k: string): Lot[] {
  let s = m.get(k);
  if (!s) m.set(k, (s = []));
  return s;
}

function byTime(a: Transfer, b: Transfer): number {
  return ms(a.at) - ms(b.at) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Transfers in time order, then by key, so the result never depends on input order. */
class EventHeap {
  private items: Event[] = [];
  push(e: Event): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (before(a[p]!, a[i]!)) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): Event | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Event, b: Event): boolean {
  if (a.t !== b.t) return a.t < b.t;
  return a.link.key < b.link.key;
}

/**
 * Takes `amount` off a card's pile, newest lot first, and returns how much of it was the traced
 * money. Traced lots older than the hold window are taken as withdrawn: skipped, left in place.
 */
function spend(pile: Lot[], amount: number, now: number, hold: number): number {
  let need = amount;
  let carried = 0;
  for (let i = pile.length - 1; i >= 0 && need > 0; i--) {
    const lot = pile[i]!;
    if (lot.amount === 0) continue;
    if (lot.traced && lot.at !== UNBOUNDED && now - lot.at > hold) continue;
    const take = Math.min(need, lot.amount);
    if (lot.amount !== UNBOUNDED) lot.amount -= take;
    need -= take;
    if (lot.traced) carried += take;
  }
  while (pile.length > 0 && pile[pile.length - 1]!.amount === 0) pile.pop();
  return carried;
}

/**
 * Follows the money through a store that answers "every transfer into or out of these cards from
 * then on", fetching only the cards the money really reached, layer by layer: a card's share
 * depends on that card's own transfers alone, so once every card on the trail is fetched, the
 * answer is the one the whole graph would give. At most `depth` round trips.
 */
export async function traceMoney(
  fetch: (cardIds: string[], after: string | undefined) => Promise<Transfer[]>,
  seeds: TrailSeed[],
  options: TrailOptions,
): Promise<MoneyTrail> {
  const known = new Map<string, Transfer>();
  const fetched = new Set<string>();
  const times = seeds.map((s) => ('transfer' in s ? s.transfer.at : s.after));
  const after = times.some((t) => t === undefined) ? undefined : (times as string[]).reduce((a, b) => (ms(b) < ms(a) ? b : a), times[0]!);
  let wanted = [...new Set(seeds.map((s) => ('transfer' in s ? s.transfer.to : s.cardId)))];
  let trail: MoneyTrail = { cards: [], steps: [], freezeList: [] };
  for (let round = 0; round <= options.depth && wanted.length > 0; round++) {
    for (const t of await fetch(wanted, after)) known.set(`${t.from}|${t.to}|${t.key}`, t);
    wanted.forEach((c) => fetched.add(c));
    trail = followMoney(known.values(), seeds, options);
    wanted = trail.cards.filter((c) => c.layer < options.depth && !fetched.has(c.cardId)).map((c) => c.cardId);
  }
  return trail;
}
