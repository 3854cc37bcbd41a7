import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASE_CATEGORIES, LINK_TYPES, mayJoin, type Label, type LinkType } from '../../server/src/domain/model';
import { CASE_SHARE, SIX_CATEGORIES } from './calibration';
import { demoBundle, generateBundle, type GenerateOptions } from './generate';
import { collectTruth, type Truth, type TruthRecord } from './truth';
import type { BundleRecord, LinkRecord, NodeRecord } from './types';
import { HUB_IDS } from './world';
import { HOLD_HOURS } from '../../server/src/api/analysis';
import { traceMoney, type Transfer } from '../../server/src/domain/money-trail';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schemaPath = [`${root}server/src/bundle/case-bundle.schema.json`, `${root}../shared/case-bundle.schema.json`].find((p) => existsSync(p))!;
const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const runs = new Map<string, { records: BundleRecord[]; truth: Truth }>();
/** Generates a bundle once per test file, with its truth. */
function run(opts: GenerateOptions): { records: BundleRecord[]; truth: Truth } {
  const key = JSON.stringify(opts);
  let r = runs.get(key);
  if (!r) {
    const truthRecords: TruthRecord[] = [];
    const records = [...generateBundle({ ...opts, onTruth: (t) => truthRecords.push(t) })];
    r = { records, truth: collectTruth(truthRecords) };
    runs.set(key, r);
  }
  return r;
}

function digest(gen: Iterable<BundleRecord>): string {
  const h = createHash('sha256');
  for (const r of gen) h.update(JSON.stringify(r) + '\n');
  return h.digest('hex');
}

const cases = (records: BundleRecord[]): NodeRecord[] => records.filter((r): r is NodeRecord => r.kind === 'node' && r.label === 'Case');
const links = (records: BundleRecord[], type?: LinkType): LinkRecord[] =>
  records.filter((r): r is LinkRecord => r.kind === 'link' && (type === undefined || r.type === type));

/** A `city`-shaped sample: one tenth of the gangs and crews, same mix. */
const SAMPLE: GenerateOptions = { scale: 'city', seed: 42, fraction: 0.1 };

describe('determinism', () => {
  it('gives the same bytes for the same seed and scale', () => {
    expect(digest(generateBundle({ scale: 'demo', seed: 7 }))).toBe(digest(generateBundle({ scale: 'demo', seed: 7 })));
    expect(digest(generateBundle({ ...SAMPLE, fraction: 0.02 }))).toBe(digest(generateBundle({ ...SAMPLE, fraction: 0.02 })));
  });

  it('gives different bytes for a different seed', () => {
    expect(digest(generateBundle({ scale: 'demo', seed: 7 }))).not.toBe(digest(generateBundle({ scale: 'demo', seed: 8 })));
  });

  it('serves the demo with a fixed seed', () => {
    expect(digest(demoBundle())).toBe(digest(demoBundle()));
  });

  it('streams: the first records of national come without planning the whole graph', () => {
    // Measured by what was planned, not by the clock: a few gangs of all of them.
    let planned: [number, number] = [0, 0];
    const gen = generateBundle({ scale: 'national', seed: 1, onProgress: (done, total) => (planned = [done, total]) });
    let n = 0;
    for (const r of gen) {
      void r;
      if (++n === 5000) break;
    }
    expect(n).toBe(5000);
    expect(planned[1]).toBe(54_560);
    expect(planned[0]).toBeLessThan(planned[1] / 1000);
  });

  it('rejects a bad scale or seed with a clear message', () => {
    expect(() => [...generateBundle({ scale: 'town' as never, seed: 1 })]).toThrow('unknown scale "town"');
    expect(() => [...generateBundle({ scale: 'demo', seed: -1 })]).toThrow('seed must be a non-negative integer');
  });
});

describe.each([
  ['demo', { scale: 'demo', seed: 730 } as GenerateOptions],
  ['city sample', SAMPLE],
])('the %s bundle', (_name, opts) => {
  let records: BundleRecord[];
  let truth: Truth;
  beforeAll(() => {
    ({ records, truth } = run(opts));
  });

  it('validates line by line against the case-bundle schema', () => {
    const bad: string[] = [];
    records.forEach((r, i) => {
      if (!validate(JSON.parse(JSON.stringify(r)))) bad.push(`line ${i + 1}: ${ajv.errorsText(validate.errors)}`);
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('starts with meta and yields every node and source before the links that use them', () => {
    expect(records[0]!.kind).toBe('meta');
    expect(records.filter((r) => r.kind === 'meta')).toHaveLength(1);
    const labelOf = new Map<string, Label>();
    const sources = new Set<string>();
    const problems: string[] = [];
    for (const r of records) {
      if (r.kind === 'node') {
        const had = labelOf.get(r.id);
        if (had && had !== r.label) problems.push(`${r.id} is both ${had} and ${r.label}`);
        labelOf.set(r.id, r.label);
      } else if (r.kind === 'source') sources.add(r.id);
      else if (r.kind === 'link') {
        const from = labelOf.get(r.from);
        const to = labelOf.get(r.to);
        if (!from || !to) problems.push(`${r.type} ${r.from} → ${r.to} before its ends`);
        else if (!mayJoin(r.type, from, to)) problems.push(`${r.type} may not join ${from} → ${to}`);
        if (!r.sources || r.sources.length === 0) problems.push(`${r.type} ${r.from} → ${r.to} cites no source`);
        for (const s of r.sources ?? []) if (!sources.has(s)) problems.push(`${r.type} cites ${s} before it`);
        if ('keyProp' in LINK_TYPES[r.type] && r.key === undefined) problems.push(`${r.type} without key`);
      }
      if (problems.length > 5) break;
    }
    expect(problems).toEqual([]);
  });

  it('never repeats a link identity (type, from, to, key)', () => {
    const seen = new Set<string>();
    const dups: string[] = [];
    for (const l of links(records)) {
      const k = `${l.type}|${l.from}|${l.to}|${l.key ?? ''}|${l.owner}`;
      if (seen.has(k)) dups.push(k);
      seen.add(k);
    }
    expect(dups.slice(0, 3)).toEqual([]);
  });

  it('keeps times strictly increasing along every true trail, and money conserved per card', () => {
    const problems: string[] = [];
    for (const t of truth.trails) {
      expect(t.transfers[0]!.txId).toBe(t.txId);
      const into = new Map<string, string[]>();
      for (const x of t.transfers) into.set(x.to, [...(into.get(x.to) ?? []), x.at]);
      for (const x of t.transfers.slice(1)) {
        const ins = into.get(x.from) ?? [];
        if (ins.length === 0 || ins.some((at) => Date.parse(at) >= Date.parse(x.at))) problems.push(`${t.txId}: ${x.txId} leaves ${x.from} before money arrived`);
      }
      const balance = new Map<string, number>();
      const add = (card: string, v: number): void => void balance.set(card, (balance.get(card) ?? 0) + v);
      for (const x of t.transfers) {
        if (x !== t.transfers[0]) add(x.from, -x.amount);
        add(x.to, x.amount);
      }
      for (const c of t.cashOuts) add(c.card, -c.amount);
      for (const f of t.frozen) add(f.card, -f.amount);
      for (const [card, v] of balance) if (v !== 0) problems.push(`${t.txId}: ${card} keeps ${v} fen unaccounted`);
      if (problems.length > 5) break;
    }
    expect(problems).toEqual([]);
    expect(truth.trails.length).toBeGreaterThan(50);
  });

  it('gives every true trail exactly, card by card, to the documented money-trail rule (LIFO, 7 h hold) over all the transfers', async () => {
    const byCard = new Map<string, Transfer[]>();
    for (const l of links(records, 'TRANSFERRED')) {
      const t: Transfer = { key: l.key!, txId: String(l.props!.txId), from: l.from, to: l.to, amount: Number(l.props!.amount), at: String(l.props!.at) };
      for (const card of [l.from, l.to]) byCard.set(card, [...(byCard.get(card) ?? []), t]);
    }
    const fetch = async (cards: string[], after: string | undefined) =>
      cards.flatMap((c) => byCard.get(c) ?? []).filter((t) => after === undefined || Date.parse(t.at) >= Date.parse(after));
    const wrong: string[] = [];
    for (const t of truth.trails) {
      const seed = byCard.get(t.from)!.find((x) => x.txId === t.txId)!;
      const got = await traceMoney(fetch, [{ transfer: seed }], { depth: 5, holdHours: HOLD_HOURS.fallback });
      const want = new Map<string, number>();
      for (const x of t.transfers) want.set(x.to, (want.get(x.to) ?? 0) + x.amount);
      const amounts = new Map(got.cards.map((c) => [c.cardId, c.amount]));
      if (amounts.size !== want.size || [...want].some(([card, amount]) => amounts.get(card) !== amount)) wrong.push(t.txId);
    }
    expect(wrong).toEqual([]);
  });

  it('writes every true transfer as a TRANSFERRED link, plus unrelated earlier ones on the same cards', () => {
    const tx = new Map(links(records, 'TRANSFERRED').map((l) => [l.key!, l]));
    const onTrails = new Set<string>();
    for (const t of truth.trails)
      for (const x of t.transfers) {
        onTrails.add(x.txId);
        const l = tx.get(x.txId);
        expect(l && { from: l.from, to: l.to, amount: l.props!.amount, at: l.props!.at }).toEqual({ from: x.from, to: x.to, amount: x.amount, at: x.at });
      }
    const noise = [...tx.values()].filter((l) => !onTrails.has(l.key!));
    expect(noise.length).toBeGreaterThan(truth.trails.length / 10);
  });

  it('keeps each case consistent: loss paid out, stopped as frozen, returned at most stopped', () => {
    const byCase = new Map<string, { paid: number; frozen: number }>();
    for (const t of truth.trails) {
      const c = byCase.get(t.case) ?? { paid: 0, frozen: 0 };
      c.paid += t.amount;
      for (const f of t.frozen) c.frozen += f.amount;
      byCase.set(t.case, c);
    }
    for (const c of cases(records)) {
      const p = c.props as { loss: number; stopped: number; returned: number };
      const m = byCase.get(c.id) ?? { paid: 0, frozen: 0 };
      expect([c.id, p.loss, p.stopped]).toEqual([c.id, m.paid, m.frozen]);
      expect(p.returned).toBeLessThanOrEqual(p.stopped);
    }
  });

  it('links cases only within a gang: no non-hub identifier is involved in two gangs’ cases', () => {
    const gangOf = new Map<string, string>();
    for (const g of truth.gangs) for (const c of g.cases) gangOf.set(c, g.id);
    const seenBy = new Map<string, string>();
    const crossing: string[] = [];
    for (const l of links(records, 'INVOLVES')) {
      if (HUB_IDS.has(l.to)) continue;
      const g = gangOf.get(l.from)!;
      const prev = seenBy.get(l.to);
      if (prev && prev !== g) crossing.push(`${l.to} in ${prev} and ${g}`);
      seenBy.set(l.to, g);
    }
    expect(crossing).toEqual([]);
    expect(truth.series.length).toBeGreaterThan(0);
    for (const s of truth.series) expect(new Set(s.cases.map((c) => gangOf.get(c)))).toEqual(new Set([s.gang]));
  });

  it('puts hubs into many cases of different gangs', () => {
    const gangsPerHub = new Map<string, Set<string>>();
    const gangOf = new Map<string, string>();
    for (const g of truth.gangs) for (const c of g.cases) gangOf.set(c, g.id);
    for (const l of links(records, 'INVOLVES'))
      if (HUB_IDS.has(l.to)) gangsPerHub.set(l.to, (gangsPerHub.get(l.to) ?? new Set()).add(gangOf.get(l.from)!));
    const busiest = Math.max(...[...gangsPerHub.values()].map((s) => s.size));
    expect(busiest).toBeGreaterThanOrEqual(3);
  });

  it('has identifiers reported by more than one agency', () => {
    const owners = new Map<string, Set<string>>();
    for (const r of records) if (r.kind === 'node') owners.set(r.id, (owners.get(r.id) ?? new Set()).add(r.owner!));
    const shared = [...owners.entries()].filter(([id, o]) => o.size > 1 && !id.startsWith('agency:'));
    expect(shared.length).toBeGreaterThan(5);
    const owningProvinces = new Set(cases(records).map((c) => c.props!.province));
    expect(owningProvinces.size).toBeGreaterThanOrEqual(2);
  });

  it('has every link’s agency hold both its ends, so an agency’s own money trail and call records do not stop at another agency’s node', () => {
    const owners = new Map<string, Set<string>>();
    for (const r of records) if (r.kind === 'node') owners.set(r.id, (owners.get(r.id) ?? new Set()).add(r.owner!));
    const sellers = new Set(records.filter((r): r is LinkRecord => r.kind === 'link' && r.type === 'KNOWS' && (r.sources ?? []).every((s) => s.includes(':stmt:'))).map((r) => r.from));
    // Left as they are: the warning line's calls to people not (yet) victims, and a card or information seller
    // whom a second gang's lead agency knows of only through its own suspects' statements.
    const excepted = (l: LinkRecord) => (l.type === 'CALLED' && l.from === 'phone:96110' && (l.sources ?? []).every((s) => s.endsWith(':warn'))) || (l.type === 'KNOWS' && sellers.has(l.from));
    const unheld = records.filter((r): r is LinkRecord => r.kind === 'link' && !excepted(r) && ![r.from, r.to].every((id) => owners.get(id)?.has(r.owner!)));
    expect(unheld.slice(0, 3).map((l) => `${l.type} ${l.from} -> ${l.to} by ${l.owner}`)).toEqual([]);
  });

  it('gives known gangs five layers with REPORTS_TO chains from callers up to management', () => {
    const layer = new Map<string, string>();
    for (const l of links(records, 'MEMBER_OF')) layer.set(l.from, l.props!.layer as string);
    const boss = new Map(links(records, 'REPORTS_TO').map((l) => [l.from, l.to]));
    const callers = [...layer].filter(([, v]) => v === 'CALLER').map(([k]) => k);
    expect(new Set(layer.values())).toEqual(new Set(['MANAGEMENT', 'TECH', 'LOGISTICS', 'CALLER', 'MONEY']));
    for (const c of callers) {
      let p: string | undefined = c;
      for (let hop = 0; hop < 6 && p && layer.get(p) !== 'MANAGEMENT'; hop++) p = boss.get(p);
      expect(p && layer.get(p)).toBe('MANAGEMENT');
    }
    for (const g of truth.gangs.filter((x) => x.known)) expect(g.members.some((m) => m.layer === 'MANAGEMENT')).toBe(true);
  });

  it('freezes cards with an amount and a time, and uses corporate accounts in boss-impersonation cases', () => {
    const cards = records.filter((r): r is NodeRecord => r.kind === 'node' && r.label === 'BankCard');
    const frozen = cards.filter((c) => c.props!.frozen === true);
    expect(frozen.length).toBeGreaterThan(10);
    for (const c of frozen) expect(typeof c.props!.frozenAt === 'string' && typeof c.props!.frozenAmount === 'number').toBe(true);
    const boss = new Set(cases(records).filter((c) => c.props!.category === 'IMPERSONATE_BOSS').map((c) => c.id));
    const corporate = new Set(cards.filter((c) => c.props!.accountType === 'CORPORATE').map((c) => c.id));
    const bossInvolvesCorporate = links(records, 'INVOLVES').filter((l) => boss.has(l.from) && corporate.has(l.to));
    expect(bossInvolvesCorporate.length).toBeGreaterThanOrEqual(boss.size);
  });

  it('lists early-warning targets who were called by gang phones and are not victims', () => {
    const victims = new Set(links(records, 'VICTIM_IN').map((l) => l.from));
    const calledTo = new Set(links(records, 'CALLED').map((l) => l.to));
    expect(truth.warnings.length).toBeGreaterThan(10);
    for (const w of truth.warnings) {
      expect(calledTo.has(w.phone)).toBe(true);
      if (w.person) expect(victims.has(w.person)).toBe(false);
    }
  });
});

describe('calibration on a city-shaped sample', () => {
  let records: BundleRecord[];
  beforeAll(() => {
    records = run(SAMPLE).records;
  });

  it('reproduces the report: six categories 81.3 % of cases, with impersonating authority 76.3 % of loss, channels 72.4/21.7/5.9', () => {
    const cs = cases(records).map((c) => c.props as { category: string; channel: string; loss: number });
    const total = cs.length;
    const loss = cs.reduce((s, c) => s + c.loss, 0);
    const share = (n: number, d: number): number => Math.round((n / d) * 1000) / 10;
    const six = share(cs.filter((c) => SIX_CATEGORIES.includes(c.category as never)).length, total);
    const sixAuthLoss = share(
      cs.filter((c) => SIX_CATEGORIES.includes(c.category as never) || c.category === 'IMPERSONATE_AUTHORITY').reduce((s, c) => s + c.loss, 0),
      loss,
    );
    const channel = (ch: string): number => share(cs.filter((c) => c.channel === ch).length, total);
    expect(Math.abs(six - 81.3)).toBeLessThanOrEqual(2);
    expect(Math.abs(sixAuthLoss - 76.3)).toBeLessThanOrEqual(2);
    expect(Math.abs(channel('NETWORK') - 72.4)).toBeLessThanOrEqual(2);
    expect(Math.abs(channel('PHONE') - 21.7)).toBeLessThanOrEqual(2);
    expect(Math.abs(channel('SMS') - 5.9)).toBeLessThanOrEqual(2);
  });

  it('gives every category exactly its quota of cases', () => {
    const cs = cases(records);
    const counts = CASE_CATEGORIES.map((cat) => cs.filter((c) => c.props!.category === cat).length);
    const expected = CASE_CATEGORIES.map((cat) => (CASE_SHARE[cat] / 100) * cs.length);
    counts.forEach((n, i) => expect(Math.abs(n - expected[i]!)).toBeLessThan(1));
  });

  it('has heavy-tailed losses: most cases thousands of yuan, a few millions', () => {
    const yuan = cases(records)
      .map((c) => (c.props!.loss as number) / 100)
      .sort((a, b) => a - b);
    const median = yuan[Math.floor(yuan.length / 2)]!;
    expect(median).toBeGreaterThan(1_000);
    expect(median).toBeLessThan(50_000);
    expect(yuan.filter((y) => y >= 1_000_000).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the NDJSON line writer', () => {
  it('writes exactly what JSON.stringify writes, for every record of the demo and a city sample', async () => {
    const { toLine } = await import('./serialize');
    const differing: string[] = [];
    for (const gen of [generateBundle({ scale: 'demo', seed: 730 }), generateBundle({ ...SAMPLE, fraction: 0.03 })])
      for (const r of gen) if (toLine(r) !== JSON.stringify(r) && differing.length < 3) differing.push(JSON.stringify(r));
    expect(differing).toEqual([]);
  });
});

describe('the two-thread writer of the command line', () => {
  it('writes the same bytes as the in-process generator, bundle and truth', async () => {
    const { writeParallel } = await import('./parallel');
    const { NdjsonWriter } = await import('./ndjson-writer');
    const { toLine } = await import('./serialize');
    const { mkdtempSync, readFileSync: read, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/seed-`);
    try {
      const out = new NdjsonWriter(`${dir}/b.ndjson`);
      const truthOut = new NdjsonWriter(`${dir}/t.ndjson`);
      const totals = await writeParallel({ ...SAMPLE, fraction: 0.02 }, out, truthOut);
      out.close();
      truthOut.close();
      let bundle = '';
      let truth = '';
      for (const r of generateBundle({ ...SAMPLE, fraction: 0.02, onTruth: (t) => (truth += JSON.stringify(t) + '\n') })) bundle += toLine(r) + '\n';
      expect(read(`${dir}/b.ndjson`, 'utf8') === bundle).toBe(true);
      expect(read(`${dir}/t.ndjson`, 'utf8') === truth).toBe(true);
      expect(totals.records).toBe(bundle.split('\n').length - 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
