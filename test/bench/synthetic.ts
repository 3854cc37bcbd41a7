import type { Label, LinkType } from '../../server/src/domain/model';

/** A small, fast, seeded generator (mulberry32): the same seed gives the same graph. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AGENCIES = ['sh-psb', 'fj-psb', 'hn-psb', 'js-psb'];

/** How many nodes of each label, out of `nodes`. */
const MIX: [Label, number][] = [
  ['Case', 0.1],
  ['Person', 0.2],
  ['BankCard', 0.35],
  ['Phone', 0.35],
];

/** Which links, as shares of `links`, and which labels they join. */
const LINKS: [LinkType, number, Label, Label | 'identifier'][] = [
  ['CALLED', 0.45, 'Phone', 'Phone'],
  ['TRANSFERRED', 0.4, 'BankCard', 'BankCard'],
  ['INVOLVES', 0.07, 'Case', 'identifier'],
  ['HOLDS', 0.04, 'Person', 'BankCard'],
  ['USES', 0.04, 'Person', 'Phone'],
];

export interface SyntheticShape {
  nodes: number;
  links: number;
  seed: number;
}

export interface Ranges {
  [label: string]: { start: number; count: number };
}

export function ranges(shape: SyntheticShape): Ranges {
  const out: Ranges = {};
  let start = 0;
  for (const [label, share] of MIX) {
    const count = Math.floor(shape.nodes * share);
    out[label] = { start, count };
    start += count;
  }
  return out;
}

const idOf = (label: string, i: number) =>
  label === 'Phone' ? `phone:+86139${String(i).padStart(8, '0')}` : label === 'BankCard' ? `card:62220${String(i).padStart(14, '0')}` : `${label.toLowerCase()}:${i}`;

export interface SyntheticNode {
  label: Label;
  id: string;
  owner: string;
  props: Record<string, unknown>;
}

export interface SyntheticLink {
  type: LinkType;
  from: string;
  to: string;
  key: string;
  owner: string;
  props: Record<string, unknown>;
}

const BASE = Date.UTC(2026, 0, 1);

/** Nodes first, then links, as the importer's ordering rule wants; uniform random ends. */
export function* synthetic(shape: SyntheticShape): Generator<{ node: SyntheticNode } | { link: SyntheticLink }> {
  const r = rng(shape.seed);
  const rs = ranges(shape);
  for (const [label] of MIX) {
    const { start, count } = rs[label]!;
    for (let i = start; i < start + count; i++) {
      const id = idOf(label, i);
      const owner = AGENCIES[i % AGENCIES.length]!;
      const props: Record<string, unknown> =
        label === 'Case'
          ? { caseNo: `C${i}`, category: 'ONLINE_SHOPPING', channel: 'NETWORK', loss: 100 * (i % 5000) }
          : label === 'Person'
            ? { name: `P${i}` }
            : { number: id.slice(id.indexOf(':') + 1) };
      yield { node: { label, id, owner, props } };
    }
  }
  const pick = (label: Label | 'identifier') => {
    const l = label === 'identifier' ? (r() < 0.5 ? 'BankCard' : 'Phone') : label;
    const { start, count } = rs[l]!;
    return idOf(l, start + Math.floor(r() * count));
  };
  let n = 0;
  for (const [type, share, from, to] of LINKS) {
    const count = Math.floor(shape.links * share);
    for (let i = 0; i < count; i++, n++) {
      const at = new Date(BASE + n * 1000).toISOString();
      const owner = AGENCIES[n % AGENCIES.length]!;
      const link: SyntheticLink =
        type === 'TRANSFERRED'
          ? { type, from: pick(from), to: pick(to), key: `tx${n}`, owner, props: { txId: `tx${n}`, amount: 100 + (n % 100000), at } }
          : type === 'CALLED'
            ? { type, from: pick(from), to: pick(to), key: at, owner, props: { at, seconds: n % 600 } }
            : { type, from: pick(from), to: pick(to), key: '', owner, props: {} };
      yield { link };
    }
  }
}
