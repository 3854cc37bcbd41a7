import fc from 'fast-check';
import type { GraphQLField, GraphQLInputType, GraphQLObjectType, GraphQLOutputType } from 'graphql';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createApp, type App } from '../../server/src/http/app';
import { importBundle } from '../../server/src/import/importer';
import { graphqlJs } from '../../server/src/schema/graphql-js';
import { schema } from '../../server/src/schema/index';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import type { LinkRef, Share } from '../../server/src/store/task-forces';
import { NATIONAL, taskForcePrincipal } from '../../server/src/store/visibility';
import { client, type Gql } from './harness';

const { getNamedType, isAbstractType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType } = graphqlJs;

/**
 * The issue's "done means": for random multi-agency graphs with random shares, a user obtains
 * no id, property, count or facet of a record they may not see, through any query or mutation
 * of the schema (enumerated from it, so a new field is covered with no change here), and a
 * forbidden record answers exactly as a nonexistent one.
 *
 * Differential: the same viewer asks the same operations of two stores — the whole world, and
 * a world holding only what the viewer may see (computed here, independently of the store's
 * rule) — and must get identical answers, after write times and random ids are normalised.
 * Each run uses agencies, users and ids of its own, so two long-lived stores serve every run.
 */

type LabelName = 'Case' | 'Person' | 'BankCard' | 'Phone';
interface WNode { id: string; label: LabelName; owners: number[]; props: Record<string, unknown>; text: string }
interface WLink { ref: LinkRef; owner: number; props: Record<string, unknown> }

const worldArb = fc.record({
  nodes: fc.array(fc.record({ label: fc.constantFrom<LabelName>('Case', 'Person', 'BankCard', 'Phone'), owners: fc.subarray([0, 1, 2], { minLength: 1 }) }), { minLength: 3, maxLength: 9 }),
  links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), owner: fc.integer({ min: 0, max: 2 }), t: fc.nat() }), { maxLength: 14 }),
  shares: fc.array(fc.record({ into: fc.constantFrom('tf1', 'tf2', 'national'), agency: fc.integer({ min: 0, max: 2 }), pick: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), revoked: fc.boolean() }), { maxLength: 4 }),
  viewerInTf1: fc.boolean(),
  role: fc.constantFrom('INVESTIGATOR', 'TASK_FORCE_LEAD'),
  seed: fc.integer(),
});
type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

/** A small seeded generator, so both worlds are asked the very same arguments. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The world of run `run`: nodes, links (only the pairs the model allows) and shares. */
function build(run: number, spec: WorldSpec) {
  const agencies = ['a', 'b', 'c'].map((x) => `r${run}-${x}`);
  const nodes: WNode[] = spec.nodes.map((n, i) => {
    const tag = `R${run}N${i}`;
    switch (n.label) {
      case 'Case':
        return { id: `case:${tag}`, label: n.label, owners: n.owners, text: `CN${tag}`, props: { caseNo: `CN${tag}`, category: i % 2 ? 'ONLINE_SHOPPING' : 'ONLINE_LOAN', channel: 'NETWORK', status: 'FILED', province: i % 2 ? '上海' : '福建', reportedAt: `2025-0${1 + (i % 9)}-10T10:00:00+08:00`, loss: 1000 * (i + 1) } };
      case 'Person':
        return { id: `person:${tag}`, label: n.label, owners: n.owners, text: `名${tag}`, props: { name: `名${tag}` } };
      case 'BankCard': {
        const number = `6222${pad(run, 6)}${pad(i, 6)}`;
        return { id: `card:${number}`, label: n.label, owners: n.owners, text: number, props: { number, bank: '工商银行' } };
      }
      case 'Phone': {
        const number = `+86139${pad(run % 10000, 4)}${pad(i, 4)}`;
        return { id: `phone:${number}`, label: n.label, owners: n.owners, text: number, props: { number } };
      }
    }
  });
  const links: WLink[] = [];
  const seen = new Set<string>();
  spec.links.forEach((l, j) => {
    const a = nodes[l.a % nodes.length]!;
    const b = nodes[l.b % nodes.length]!;
    const at = `2025-02-0${1 + (j % 9)}T1${j % 10}:00:00.000Z`;
    const typed = (x: WNode, y: WNode): WLink | null => {
      const ref = (type: LinkRef['type'], key = ''): LinkRef => ({ type, from: x.id, to: y.id, key });
      if (x.label === 'Person' && y.label === 'Case') return { ref: ref(l.t % 2 ? 'VICTIM_IN' : 'SUSPECT_IN'), owner: l.owner, props: {} };
      if (x.label === 'Case' && (y.label === 'BankCard' || y.label === 'Phone')) return { ref: ref('INVOLVES'), owner: l.owner, props: {} };
      if (x.label === 'Person' && y.label === 'BankCard') return { ref: ref('HOLDS'), owner: l.owner, props: {} };
      if (x.label === 'Person' && y.label === 'Phone') return { ref: ref('USES'), owner: l.owner, props: {} };
      if (x.label === 'BankCard' && y.label === 'BankCard' && x !== y) return { ref: ref('TRANSFERRED', `tx${run}-${j}`), owner: l.owner, props: { txId: `tx${run}-${j}`, amount: 100 * (j + 1), at } };
      if (x.label === 'Phone' && y.label === 'Phone' && x !== y) return { ref: ref('CALLED', at), owner: l.owner, props: { at, seconds: 60 } };
      return null;
    };
    const link = typed(a, b) ?? typed(b, a);
    const identity = link && `${link.ref.type}|${link.ref.from}|${link.ref.to}|${link.ref.key}`;
    if (link && !seen.has(identity!)) {
      seen.add(identity!);
      links.push(link);
    }
  });
  const tf = { tf1: `tf:r${run}-1`, tf2: `tf:r${run}-2` };
  const shares: Share[] = spec.shares.map((s, i) => ({
    id: `share:r${run}-${i}`,
    taskForceId: s.into === 'national' ? '' : tf[s.into as 'tf1' | 'tf2'],
    principal: s.into === 'national' ? NATIONAL : taskForcePrincipal(tf[s.into as 'tf1' | 'tf2']),
    caseId: '',
    selection: { hops: 1, linkTypes: [] },
    agency: agencies[s.agency]!,
    sharedBy: `u-r${run}-${s.agency}`,
    sharedAt: '2025-06-01T00:00:00.000Z',
    // Shares never widen: only records the sharing agency owns.
    records: {
      nodes: nodes.filter((n, k) => n.owners.includes(s.agency) && s.pick[k % 12]).map((n) => n.id),
      links: links.filter((l, k) => l.owner === s.agency && s.pick[12 + (k % 12)]).map((l) => l.ref),
    },
    revokedAt: '',
    revokedBy: '',
  }));
  const revoked = new Set(spec.shares.flatMap((s, i) => (s.revoked ? [shares[i]!.id] : [])));
  // The oracle: what the viewer (a user of agency 0) may see, by the issue's rule.
  const principals = new Set([NATIONAL, ...(spec.viewerInTf1 ? [taskForcePrincipal(tf.tf1)] : [])]);
  const granted = new Set(shares.filter((s) => !revoked.has(s.id) && principals.has(s.principal)).flatMap((s) => [...s.records.nodes, ...s.records.links.map((l) => `${l.type}|${l.from}|${l.to}|${l.key}`)]));
  const nodeVisible = new Set(nodes.filter((n) => n.owners.includes(0) || granted.has(n.id)).map((n) => n.id));
  const linkVisible = (l: WLink) => (l.owner === 0 || granted.has(`${l.ref.type}|${l.ref.from}|${l.ref.to}|${l.ref.key}`)) && nodeVisible.has(l.ref.from) && nodeVisible.has(l.ref.to);
  return { agencies, nodes, links, tf, shares, revoked, nodeVisible, linkVisible };
}

type World = ReturnType<typeof build>;

/** Writes the world (or only what `keep` keeps) into a store: each agency's bundle, task forces, shares, revokes. */
async function load(store: GraphStore, run: number, w: World, keep: { node: (n: WNode) => boolean; link: (l: WLink) => boolean }, viewerInTf1: boolean) {
  for (const [k, agency] of w.agencies.entries()) {
    const source = { kind: 'source', id: `src:r${run}-${k}`, type: 'BANK_STATEMENT', reference: `流水 ${agency}` };
    const nodes = w.nodes.filter((n) => n.owners.includes(k) && keep.node(n)).map((n) => ({ kind: 'node', label: n.label, id: n.id, props: n.props }));
    await importBundle(store, (async function* () { yield [{ kind: 'meta', version: 1, agency }, source, ...nodes].map((r) => JSON.stringify(r)); })(), { by: `u-r${run}-${k}` });
  }
  for (const [k, agency] of w.agencies.entries()) {
    const links = w.links.filter((l) => l.owner === k && keep.link(l)).map((l) => ({ kind: 'link', ...l.ref, props: l.props, sources: [`src:r${run}-${k}`] }));
    if (links.length === 0) continue;
    await importBundle(store, (async function* () { yield [{ kind: 'meta', version: 1, agency }, ...links].map((r) => JSON.stringify(r)); })(), { by: `u-r${run}-${k}` });
  }
  const lead = `lead-r${run}`;
  for (const [name, id] of Object.entries(w.tf)) {
    await store.taskForces.createTaskForce({ id, name, purpose: '', lead, agency: w.agencies[1]!, createdAt: '2025-06-01T00:00:00.000Z' });
    const members = [...(name === 'tf1' && viewerInTf1 ? [w.agencies[0]!] : []), w.agencies[1]!, w.agencies[2]!];
    for (const m of members) await store.taskForces.addMember({ taskForceId: id, kind: 'agency', member: m, addedAt: '2025-06-01T00:00:00.000Z', addedBy: lead });
  }
  for (const s of w.shares) await store.taskForces.createShare(s);
  for (const id of w.revoked) await store.taskForces.revokeShare(id, 'u-revoker', '2025-06-02T00:00:00.000Z');
}

/** Every field an answer of this type carries that takes no required argument, to `depth` levels. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (depth === 0) return '{ __typename }';
  const fieldsOf = (t: GraphQLObjectType) =>
    Object.values(t.getFields())
      .filter((f) => f.args.every((a) => !isNonNullType(a.type)))
      .map((f) => `${f.name} ${selection(f.type, depth - 1)}`)
      .join(' ');
  if (isAbstractType(named)) return `{ __typename ${schema.getPossibleTypes(named).map((t) => `... on ${t.name} { ${fieldsOf(t)} }`).join(' ')} }`;
  if (isObjectType(named)) return `{ __typename ${fieldsOf(named)} }`;
  return '';
}

interface Pools { nodeIds: string[]; texts: string[]; tfIds: string[]; shareIds: string[]; fresh: () => string; agency: string; viewer: string }

/** A value for an argument, from pools holding visible, forbidden and nonexistent things alike. */
function argument(field: string, name: string, type: GraphQLInputType, r: ReturnType<typeof rng>, p: Pools, depth = 0): unknown {
  if (isNonNullType(type)) return argument(field, name, type.ofType, r, p, depth);
  if (isListType(type)) {
    // Half the time every node id at once: a leak through any of them shows.
    if (getNamedType(type).name === 'ID' && !/taskForce|share/i.test(name) && r.next() < 0.5) return p.nodeIds;
    return Array.from({ length: 1 + r.int(3) }, () => argument(field, name, type.ofType, r, p, depth));
  }
  if (isEnumType(type)) return r.pick(type.getValues()).value;
  if (isInputObjectType(type)) {
    if (depth > 2) return {};
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || r.next() < 0.5).map((f) => [f.name, argument(field, f.name, f.type, r, p, depth + 1)]));
  }
  const scalar = getNamedType(type).name;
  if (scalar === 'ID') {
    if (/taskForce/i.test(name)) return r.pick(p.tfIds);
    if (/share/i.test(name)) return r.pick(p.shareIds);
    if (field === 'upsertNode') return p.fresh();
    return r.pick(p.nodeIds);
  }
  if (scalar === 'Int') return 1 + r.int(3);
  if (scalar === 'Float') return 1.5;
  if (scalar === 'Boolean') return r.next() < 0.5;
  if (scalar === 'Money') return String(100 * (1 + r.int(5)));
  if (scalar === 'DateTime') return r.pick(['2025-01-01T00:00:00Z', '2025-03-01T00:00:00Z']);
  if (scalar === 'JSON') return name === 'props' ? {} : { elements: [] };
  switch (name) {
    case 'text':
      return r.pick(p.texts);
    case 'agency':
      return p.agency;
    case 'userId':
      return r.pick([p.viewer, 'u-other']);
    case 'month':
      return r.pick(['2025-02', '2025-03']);
    case 'reason':
      return '理由: 核查串并线索';
    case 'property':
      return r.pick(['name', 'number', 'idNumber']);
    case 'ndjson':
      return [{ kind: 'meta', version: 1, agency: p.agency }, { kind: 'node', label: 'Case', id: p.fresh(), props: { caseNo: 'NEW' } }].map((x) => JSON.stringify(x)).join('\n');
    default:
      return r.pick(['x', '理由: 核查']);
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const HEX64 = /\b[0-9a-f]{64}\b/g;
const ISO = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\b/g;

/** What may differ between the two stores without telling anything: write times, random ids, hashes. */
function normalised(value: unknown, since: number): unknown {
  if (typeof value === 'string') return value.replace(UUID, 'UUID').replace(HEX64, 'HASH').replace(ISO, (t) => (Date.parse(t) >= since ? 'NOW' : t));
  if (Array.isArray(value)) return value.map((v) => normalised(v, since));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalised(v, since)]));
  return value;
}

const takesFile = (f: GraphQLField<unknown, unknown>) => f.args.some((a) => getNamedType(a.type).name === 'File');
const queries = Object.values(schema.getQueryType()!.getFields());
const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => !takesFile(f));

describe('what a user obtains, over every query and mutation of the schema, for random multi-agency graphs with shares', () => {
  let whole: { app: App; store: GraphStore };
  let seen: { app: App; store: GraphStore };
  const since = Date.now() - 1000;
  beforeAll(async () => {
    const open = async () => {
      const store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'visibility-')));
      return { store, app: createApp({ store, config: loadConfig({}) }) };
    };
    whole = await open();
    seen = await open();
  });
  afterAll(async () => {
    await whole?.store.close();
    await seen?.store.close();
  });

  it('enumerates the schema: every query, and every mutation a JSON request can carry', () => {
    expect(queries.map((f) => f.name)).toEqual(expect.arrayContaining(['search', 'neighborhood', 'paths', 'linkedCases', 'moneyTrail', 'stats', 'cases', 'taskForce']));
    expect(mutations.map((f) => f.name)).toEqual(expect.arrayContaining(['shareCase', 'revokeShare', 'freezeCard', 'reveal', 'upsertNode']));
  });

  it('answers the whole world exactly as a world holding only what the viewer may see', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(worldArb, async (spec) => {
        run++;
        const w = build(run, spec);
        await load(whole.store, run, w, { node: () => true, link: () => true }, spec.viewerInTf1);
        await load(seen.store, run, w, { node: (n) => w.nodeVisible.has(n.id), link: w.linkVisible }, spec.viewerInTf1);
        await whole.store.ready();
        await seen.store.ready();
        const viewer = `u-r${run}-0`;
        const as = (app: App): Gql => client(app, { 'x-agencies': w.agencies[0]!, 'x-user': viewer, 'x-role': spec.role });
        const [askWhole, askSeen] = [as(whole.app), as(seen.app)];
        let k = 0;
        const pools: Pools = {
          nodeIds: [...w.nodes.map((n) => n.id), `case:R${run}none`, `card:6222${pad(run, 6)}999999`],
          texts: [...w.nodes.map((n) => n.text), `CNR${run}none`],
          tfIds: [w.tf.tf1, w.tf.tf2, `tf:r${run}-none`],
          shareIds: [...w.shares.map((s) => s.id), `share:r${run}-none`],
          fresh: () => `case:R${run}new${k++}`,
          agency: w.agencies[0]!,
          viewer,
        };
        // Directly against the oracle: exactly the visible nodes, and the visible links among them.
        const direct = await askWhole(
          'query($ids: [ID!]!) { nodes(ids: $ids) { id } neighborhood(ids: $ids, hops: 1, limit: 500) { nodes { id } links { type from to key } } }',
          { ids: pools.nodeIds },
        );
        const visibleIds = [...w.nodeVisible].sort();
        expect((direct.body.data.nodes as { id: string }[]).map((n) => n.id).sort()).toEqual(visibleIds);
        expect((direct.body.data.neighborhood.nodes as { id: string }[]).map((n) => n.id).sort()).toEqual(visibleIds);
        const linkKey = (l: LinkRef) => `${l.type}|${l.from}|${l.to}|${l.key}`;
        expect((direct.body.data.neighborhood.links as LinkRef[]).map(linkKey).sort()).toEqual(w.links.filter(w.linkVisible).map((l) => linkKey(l.ref)).sort());

        const r = rng(spec.seed);
        for (const [kind, field] of [...queries.map((f) => ['query', f] as const), ...mutations.map((f) => ['mutation', f] as const)]) {
          const args = field.args.filter((a) => isNonNullType(a.type) || r.next() < 0.5);
          const values = Object.fromEntries(args.map((a) => [a.name, argument(field.name, a.name, a.type, r, pools)]));
          const decl = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
          const query = `${kind}${decl ? `(${decl})` : ''} { ${field.name}${args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''} ${selection(field.type, 3)} }`;
          const kBefore = k;
          const a = await askWhole(query, values);
          k = kBefore; // the same fresh ids in both worlds
          const b = await askSeen(query, values);
          if (process.env.VIS_DEBUG) console.log(field.name, JSON.stringify(a.body).slice(0, 300));
          expect({ field: field.name, values, answer: normalised(a.body, since) }).toEqual({ field: field.name, values, answer: normalised(b.body, since) });
        }
        // National shares outlive the run's agencies: withdraw them, so later runs start clean.
        for (const s of w.shares) if (s.principal === NATIONAL && !w.revoked.has(s.id)) for (const st of [whole.store, seen.store]) await st.taskForces.revokeShare(s.id, 'cleanup', '2025-06-03T00:00:00.000Z');
        for (const st of [whole.store, seen.store]) for (const s of await st.taskForces.listShares({ principal: NATIONAL })) if (s.revokedAt === '') await st.taskForces.revokeShare(s.id, 'cleanup', '2025-06-03T00:00:00.000Z');
      }),
      { numRuns: Number(process.env.VIS_RUNS ?? 20), endOnFailure: true },
    );
  }, 600_000);
});
