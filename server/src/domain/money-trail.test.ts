import { describe, expect, it } from 'vitest';
import { followMoney, traceMoney, type Transfer } from './money-trail';

let n = 0;
/** A transfer at minute `min` of 2024-03-01 (Asia/Shanghai), amount in yuan. */
const tx = (from: string, to: string, yuan: number, min: number): Transfer => {
  const at = new Date(Date.parse('2024-03-01T10:00:00+08:00') + min * 60_000).toISOString().replace('.000Z', 'Z');
  return { key: `tx${++n}`, txId: `tx${n}`, from, to, amount: yuan * 100, at };
};
const opts = { depth: 5, holdHours: 24 };
const amounts = (t: ReturnType<typeof followMoney>) => Object.fromEntries(t.cards.map((c) => [c.cardId, [c.layer, c.amount / 100, c.remaining / 100]]));

describe('followMoney', () => {
  it('follows a victim transfer layer by layer, conserving the amount less the mules’ cuts', () => {
    const victim = tx('victim', 'A', 10_000, 0);
    const links = [victim, tx('A', 'B', 6_000, 10), tx('A', 'C', 3_900, 12), tx('B', 'D', 5_950, 30), tx('C', 'D', 3_900, 31)];
    const t = followMoney(links, [{ transfer: victim }], opts);
    expect(amounts(t)).toEqual({ A: [1, 10_000, 100], B: [2, 6_000, 50], C: [2, 3_900, 0], D: [3, 9_850, 9_850] });
    expect(t.steps.map((s) => [s.from, s.to, s.carried / 100, s.layer])).toEqual([
      ['victim', 'A', 10_000, 1],
      ['A', 'B', 6_000, 2],
      ['A', 'C', 3_900, 2],
      ['B', 'D', 5_950, 3],
      ['C', 'D', 3_900, 3],
    ]);
  });

  it('never lets an unrelated earlier transfer on the same cards into the trail', () => {
    const earlier = tx('A', 'X', 500, -600); // a card test a day before
    const mulesOwn = tx('Y', 'B', 2_000, -300); // the mule's own money, earlier
    const victim = tx('victim', 'A', 1_000, 0);
    const t = followMoney([earlier, mulesOwn, victim, tx('A', 'B', 1_000, 5), tx('B', 'Z', 3_000, 20)], [{ transfer: victim }], opts);
    // B sends out 3,000 of which only 1,000 can be the victim's: what arrived before, and no more.
    expect(amounts(t)).toEqual({ A: [1, 1_000, 0], B: [2, 1_000, 0], Z: [3, 1_000, 1_000] });
    expect(t.steps.map((s) => s.key)).not.toContain(earlier.key);
  });

  it('moves the money only forward in time', () => {
    const victim = tx('victim', 'A', 1_000, 60);
    const t = followMoney([tx('A', 'B', 1_000, 0), victim, tx('A', 'C', 1_000, 61)], [{ transfer: victim }], opts);
    expect(amounts(t)).toEqual({ A: [1, 1_000, 0], C: [2, 1_000, 1_000] });
  });

  it('pays other money that arrived after the victim’s out first (last in, first out)', () => {
    const victim = tx('victim', 'A', 1_000, 0);
    const t = followMoney([victim, tx('other', 'A', 400, 5), tx('A', 'B', 400, 6), tx('A', 'C', 1_000, 7)], [{ transfer: victim }], opts);
    expect(amounts(t)).toEqual({ A: [1, 1_000, 0], C: [2, 1_000, 1_000] });
  });

  it('takes money left past the hold window as withdrawn: a later payment through the card does not carry it', () => {
    const victim = tx('victim', 'A', 1_000, 0);
    const later = tx('victim2', 'A', 800, 60 * 30); // the next victim, 30 hours on
    const t = followMoney([victim, tx('A', 'B', 990, 10), later, tx('A', 'C', 800, 60 * 30 + 10), tx('A', 'D', 15, 60 * 30 + 20)], [{ transfer: victim }], opts);
    expect(amounts(t)).toEqual({ A: [1, 1_000, 10], B: [2, 990, 990] });
  });

  it('stops at the depth limit and ranks the freeze list by recoverable amount, skipping frozen cards', () => {
    const victim = tx('victim', 'A', 9_000, 0);
    const links = [victim, tx('A', 'B', 3_000, 5), tx('A', 'C', 5_000, 6), tx('B', 'D', 3_000, 9), tx('D', 'E', 3_000, 12)];
    const t = followMoney(links, [{ transfer: victim }], { depth: 3, holdHours: 24, frozen: new Set(['C']) });
    expect(amounts(t)).toEqual({ A: [1, 9_000, 1_000], B: [2, 3_000, 0], C: [2, 5_000, 5_000], D: [3, 3_000, 3_000] });
    expect(t.freezeList.map((f) => [f.cardId, f.amount / 100, f.layer])).toEqual([
      ['D', 3_000, 3],
      ['A', 1_000, 1],
    ]);
  });

  it('follows everything that leaves a seed card when no victim transfer is given', () => {
    const t = followMoney([tx('S', 'A', 100, -10), tx('X', 'S', 50, 1), tx('S', 'B', 200, 5), tx('B', 'C', 200, 6)], [{ cardId: 'S', after: tx('x', 'y', 0, 0).at }], opts);
    expect(amounts(t)).toEqual({ B: [1, 200, 0], C: [2, 200, 200] });
  });

  it('gives the same answer fetching card by card as on the whole graph', async () => {
    const victim = tx('victim', 'A', 10_000, 0);
    const links = [tx('Q', 'A', 50, -5), victim, tx('A', 'B', 6_000, 10), tx('R', 'B', 700, 11), tx('B', 'C', 6_700, 12), tx('C', 'D', 6_000, 20)];
    const fetched: string[][] = [];
    const t = await traceMoney(
      async (ids, after) => (fetched.push(ids), links.filter((l) => (ids.includes(l.from) || ids.includes(l.to)) && (!after || l.at >= after))),
      [{ transfer: victim }],
      opts,
    );
    expect(t).toEqual(followMoney(links, [{ transfer: victim }], opts));
    expect(fetched).toEqual([['A'], ['B'], ['C'], ['D']]);
  });
});
