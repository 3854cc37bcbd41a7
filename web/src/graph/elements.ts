/**
 * API data → the Cytoscape elements the canvas shows.
 *
 * The canvas keeps a `GraphData` (plain records, immutable, JSON-serialisable so an undo stack or
 * a saved investigation can hold it) and derives elements from it with `toElements`. Roles that
 * depend on links (victim, suspect, gang layer) are derived each time, so a link that arrives in a
 * later expansion restyles nodes already on the canvas. `diffElements` turns two derivations
 * into what `cy.batch()` must add, remove and update.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GangLayer, Label, LinkType } from '../../../server/src/domain/model';
import {
  CORPORATE_NAME,
  LAYER_NAMES,
  LINK_TYPE_NAMES,
  PLATFORM_NAMES,
  cardTail,
  formatMoney,
  formatPhone,
  formatShanghai,
  moreText,
  toEpoch,
  toFen,
  type Locale,
} from './format';

export type NodeLabel = Label;
export type { GangLayer, LinkType, Locale };

/** A node as the API returns it: the Node interface's fields and whichever label fields were asked for. */
export interface ApiNode {
  id: string;
  label: NodeLabel;
  caption?: string | null;
  owners?: readonly string[] | null;
  // display fields, by label
  number?: string | null;
  name?: string | null;
  aliases?: readonly string[] | null;
  caseNo?: string | null;
  handle?: string | null;
  platform?: string | null;
  imei?: string | null;
  model?: string | null;
  accountType?: string | null;
  frozen?: boolean | null;
}

/** A link as the API returns it (any Link type); `amount` is the Money scalar (fen). */
export interface ApiLink {
  id: string;
  type: LinkType;
  from: string;
  to: string;
  caption?: string | null;
  at?: string | null;
  since?: string | null;
  amount?: string | number | null;
  layer?: GangLayer | null;
  seconds?: number | null;
  how?: string | null;
}

export interface ApiSubgraph {
  nodes: readonly ApiNode[];
  links: readonly ApiLink[];
}

export interface ApiNeighborhood extends ApiSubgraph {
  truncated: boolean;
  beyond: readonly { label: NodeLabel; count: number }[];
}

export interface ApiGangView extends ApiSubgraph {
  gang: ApiNode;
  /** `recorded` false: the server inferred the layer (gang-roles.ts). */
  members: readonly { layer?: string | null; recorded?: boolean | null; person: ApiNode }[];
  reportsTo?: readonly { from: string; to: string }[];
}

/** The `neighborhood` query a result answered: its seeds and filters. */
export interface NeighborhoodQuery {
  ids: readonly string[];
  hops?: number | null;
  linkTypes?: readonly LinkType[] | null;
  labels?: readonly NodeLabel[] | null;
}

/** "And 132 more phones": what a truncated neighbourhood left out, to fetch on demand. */
export interface Placeholder {
  id: string;
  label: NodeLabel;
  count: number;
  seeds: readonly string[];
  hops: number;
  linkTypes: readonly LinkType[] | null;
}

export interface GraphData {
  readonly nodes: Readonly<Record<string, ApiNode>>;
  readonly links: Readonly<Record<string, ApiLink>>;
  readonly placeholders: Readonly<Record<string, Placeholder>>;
  /** Layers from `GangView.members` (which can say a layer the canvas has no MEMBER_OF link for). */
  readonly memberLayers: Readonly<Record<string, GangLayer>>;
  /** Members whose layer in `memberLayers` the server inferred (no MEMBER_OF layer recorded). */
  readonly inferredLayers?: Readonly<Record<string, true>>;
}

export function emptyGraph(): GraphData {
  return { nodes: {}, links: {}, placeholders: {}, memberLayers: {} };
}

/** Adds nodes and links; a node or link already there takes the newer copy's fields. */
export function mergeGraph(g: GraphData, sub: ApiSubgraph): GraphData {
  const nodes = { ...g.nodes };
  for (const n of sub.nodes) nodes[n.id] = nodes[n.id] ? { ...nodes[n.id], ...n } : n;
  const links = { ...g.links };
  for (const l of sub.links) links[l.id] = links[l.id] ? { ...links[l.id], ...l } : l;
  return { ...g, nodes, links };
}

const MAX_PLACEHOLDER_EDGES = 5;

export function placeholderId(label: NodeLabel, seeds: readonly string[]): string {
  return `more:${label}:${[...seeds].sort().join(',')}`;
}

/**
 * Merges a neighbourhood and keeps its placeholders current: one per label the answer left out,
 * for this set of seeds. A query restricted to some labels (a placeholder's own expansion)
 * touches only those labels' placeholders.
 */
export function mergeNeighborhood(g: GraphData, nb: ApiNeighborhood, query: NeighborhoodQuery): GraphData {
  const merged = mergeGraph(g, nb);
  const placeholders = { ...merged.placeholders };
  const seeds = [...new Set(query.ids)].sort();
  const beyond = new Map(nb.beyond.map((b) => [b.label, b.count]));
  const affected = query.labels?.length ? query.labels : [...new Set([...beyond.keys(), ...Object.values(placeholders).map((p) => p.label)])];
  for (const label of affected) {
    const id = placeholderId(label, seeds);
    const count = nb.truncated ? (beyond.get(label) ?? 0) : 0;
    if (count > 0) placeholders[id] = { id, label, count, seeds, hops: query.hops ?? 1, linkTypes: query.linkTypes?.length ? [...query.linkTypes] : null };
    else delete placeholders[id];
  }
  return { ...merged, placeholders };
}

/** Merges a gang view, remembering each member's layer. */
export function mergeGang(g: GraphData, view: ApiGangView): GraphData {
  const reports: ApiLink[] = (view.reportsTo ?? []).map((r) => ({ id: `REPORTS_TO:${r.from}:${r.to}:`, type: 'REPORTS_TO', from: r.from, to: r.to }));
  const linkIds = new Set(view.links.map((l) => l.id));
  const merged = mergeGraph(g, {
    nodes: [view.gang, ...view.members.map((m) => m.person), ...view.nodes],
    links: [...view.links, ...reports.filter((r) => !linkIds.has(r.id))],
  });
  const memberLayers = { ...merged.memberLayers };
  const inferredLayers = { ...merged.inferredLayers };
  for (const m of view.members) {
    if (!isLayer(m.layer)) continue;
    memberLayers[m.person.id] = m.layer;
    if (m.recorded === false) inferredLayers[m.person.id] = true;
    else delete inferredLayers[m.person.id];
  }
  return { ...merged, memberLayers, inferredLayers };
}

/** Removes nodes (with their links and the placeholders they seed) and links, by id. */
export function removeFromGraph(g: GraphData, ids: Iterable<string>): GraphData {
  const gone = new Set(ids);
  const nodes: Record<string, ApiNode> = {};
  for (const [id, n] of Object.entries(g.nodes)) if (!gone.has(id)) nodes[id] = n;
  const links: Record<string, ApiLink> = {};
  for (const [id, l] of Object.entries(g.links)) if (!gone.has(id) && !gone.has(l.from) && !gone.has(l.to)) links[id] = l;
  const placeholders: Record<string, Placeholder> = {};
  for (const [id, p] of Object.entries(g.placeholders)) {
    const seeds = p.seeds.filter((s) => !gone.has(s));
    if (!gone.has(id) && seeds.length) placeholders[id] = seeds.length === p.seeds.length ? p : { ...p, seeds };
  }
  const memberLayers: Record<string, GangLayer> = {};
  for (const [id, l] of Object.entries(g.memberLayers)) if (!gone.has(id)) memberLayers[id] = l;
  return { nodes, links, placeholders, memberLayers };
}

const LAYERS = new Set<string>(['MANAGEMENT', 'TECH', 'LOGISTICS', 'CALLER', 'MONEY']);
function isLayer(v: unknown): v is GangLayer {
  return typeof v === 'string' && LAYERS.has(v);
}

export function kebab(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

/** The text drawn on a node: what an investigator would type or read off a report. */
export function nodeText(n: ApiNode, locale: Locale = 'zh-CN'): string {
  const caption = n.caption ?? undefined;
  switch (n.label) {
    case 'Phone':
      return formatPhone(n.number ?? caption ?? n.id.replace(/^phone:/, ''));
    case 'BankCard': {
      const tail = cardTail(n.number ?? caption ?? n.id);
      return n.accountType === 'CORPORATE' ? `${CORPORATE_NAME[locale]} ${tail}` : tail;
    }
    case 'Person': {
      const name = n.name ?? caption ?? n.id;
      const alias = n.aliases?.[0];
      return alias ? (locale === 'zh-CN' ? `${name}（${alias}）` : `${name} (${alias})`) : name;
    }
    case 'Case':
      return n.caseNo ?? caption ?? n.id.replace(/^case:/, '');
    case 'OnlineAccount': {
      const platform = n.platform ?? n.id.split(':')[0]?.toUpperCase() ?? 'OTHER';
      const handle = n.handle ?? caption ?? n.id.replace(/^[a-z]+:/, '');
      return `${PLATFORM_NAMES[locale][platform] ?? PLATFORM_NAMES[locale].OTHER} ${handle}`;
    }
    case 'Device': {
      const ident = n.imei ? `IMEI ${n.imei}` : n.id.startsWith('mac:') ? `MAC ${n.id.slice(4)}` : (caption ?? n.id);
      return n.model ? `${ident}\n${n.model}` : ident;
    }
    default:
      return n.name ?? caption ?? n.id;
  }
}

/** Width in px of a money link: logarithmic in the amount, 1 px at 100元 up to 12 px from 1.6亿. */
export function moneyWidth(fen: string | number | bigint | null | undefined): number {
  const f = toFen(fen ?? null);
  if (f === null || f <= 10_000n) return 1;
  const yuan = Number(f) / 100;
  return Math.min(12, Math.round((1 + (Math.log10(yuan) - 2) * 1.75) * 10) / 10);
}

/** The text drawn on a link. */
export function linkText(l: ApiLink, locale: Locale = 'zh-CN'): string {
  const when = l.at ? formatShanghai(l.at) : '';
  if (l.type === 'TRANSFERRED') {
    const amount = l.amount !== null && l.amount !== undefined ? formatMoney(l.amount, locale) : '';
    return [amount, when].filter(Boolean).join(' · ');
  }
  if (l.type === 'MEMBER_OF' && isLayer(l.layer)) return LAYER_NAMES[locale][l.layer];
  if (l.type === 'CALLED' && when) return l.seconds ? `${when} · ${seconds(l.seconds, locale)}` : when;
  if (when) return when;
  return LINK_TYPE_NAMES[locale][l.type] ?? l.type;
}

function seconds(s: number, locale: Locale): string {
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (locale === 'en') return m ? `${m}m ${r}s` : `${r}s`;
  return m ? `${m}分${r}秒` : `${r}秒`;
}

export interface ToElementsOptions {
  locale?: Locale;
}

export interface NodeData {
  id: string;
  label: NodeLabel;
  text: string;
  layer?: GangLayer;
  layerInferred?: boolean;
  frozen?: boolean;
  victim?: boolean;
  suspect?: boolean;
  placeholder?: boolean;
  count?: number;
  /** The `neighborhood` query variables that fetch what a placeholder stands for. */
  expand?: { ids: string[]; hops: number; labels: NodeLabel[]; linkTypes: LinkType[] | null };
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: LinkType | 'MORE';
  text: string;
  /** Epoch ms of the link's time (`at`, or `since` for MEMBER_OF); absent when untimed. */
  t?: number;
  amount?: string;
  width?: number;
}

/**
 * Nodes first (sorted by id), then edges (sorted by id). Links with an end not on the canvas are
 * left out; placeholders appear while one of their seeds is on the canvas.
 */
export function toElements(g: GraphData, opts: ToElementsOptions = {}): ElementDefinition[] {
  const locale = opts.locale ?? 'zh-CN';
  const victims = new Set<string>();
  const suspects = new Set<string>();
  const known = new Map<string, GangLayer>(Object.entries(g.memberLayers));
  const recorded = new Set<string>();
  for (const l of Object.values(g.links)) {
    if (l.type === 'VICTIM_IN') victims.add(l.from);
    else if (l.type === 'SUSPECT_IN') suspects.add(l.from);
    else if (l.type === 'MEMBER_OF') {
      suspects.add(l.from);
      if (isLayer(l.layer)) (known.set(l.from, l.layer), recorded.add(l.from));
    } else if (l.type === 'REPORTS_TO') {
      suspects.add(l.from);
      suspects.add(l.to);
    }
  }
  // Layers come from the server (recorded, or inferred by gang-roles.ts); the canvas guesses none.
  const placement = new Map([...known].map(([id, layer]) => [id, { layer, inferred: !recorded.has(id) && g.inferredLayers?.[id] === true }]));

  const nodes: ElementDefinition[] = [];
  for (const id of Object.keys(g.nodes).sort()) {
    const n = g.nodes[id]!;
    const data: NodeData = { id, label: n.label, text: nodeText(n, locale) };
    const classes = [kebab(n.label)];
    const p = placement.get(id);
    if (p) {
      data.layer = p.layer;
      classes.push(`layer-${p.layer.toLowerCase()}`);
      if (p.inferred) (data.layerInferred = true), classes.push('layer-inferred');
    }
    if (n.label === 'BankCard' && n.frozen) (data.frozen = true), classes.push('frozen');
    if (victims.has(id)) (data.victim = true), classes.push('victim');
    if (suspects.has(id) && n.label === 'Person') (data.suspect = true), classes.push('suspect');
    nodes.push({ group: 'nodes', data, classes: classes.join(' ') });
  }
  const edges: ElementDefinition[] = [];
  for (const id of Object.keys(g.placeholders).sort()) {
    const p = g.placeholders[id]!;
    const present = p.seeds.filter((s) => g.nodes[s]);
    if (!present.length) continue;
    const data: NodeData = {
      id,
      label: p.label,
      text: moreText(p.label, p.count, locale),
      placeholder: true,
      count: p.count,
      expand: { ids: [...p.seeds], hops: p.hops, labels: [p.label], linkTypes: p.linkTypes ? [...p.linkTypes] : null },
    };
    nodes.push({ group: 'nodes', data, classes: `placeholder ${kebab(p.label)}` });
    for (const s of present.slice(0, MAX_PLACEHOLDER_EDGES)) {
      const e: EdgeData = { id: `${id}|${s}`, source: s, target: id, type: 'MORE', text: '' };
      edges.push({ group: 'edges', data: e, classes: 'more' });
    }
  }
  nodes.sort((a, b) => cmp(a.data.id!, b.data.id!));
  for (const id of Object.keys(g.links)) {
    const l = g.links[id]!;
    if (!g.nodes[l.from] || !g.nodes[l.to]) continue;
    const data: EdgeData = { id, source: l.from, target: l.to, type: l.type, text: linkText(l, locale) };
    const t = toEpoch(l.at ?? (l.type === 'MEMBER_OF' ? l.since : undefined));
    if (t !== undefined) data.t = t;
    const classes = [`link-${kebab(l.type)}`];
    if (l.type === 'TRANSFERRED') {
      if (l.amount !== null && l.amount !== undefined) data.amount = String(l.amount);
      data.width = moneyWidth(l.amount);
      classes.push('money');
    }
    edges.push({ group: 'edges', data, classes: classes.join(' ') });
  }
  edges.sort((a, b) => cmp(a.data.id!, b.data.id!));
  return [...nodes, ...edges];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ElementDiff {
  add: ElementDefinition[];
  remove: string[];
  /** Elements whose data or classes changed: set both on the existing element. */
  update: { id: string; data: ElementDefinition['data']; classes: string }[];
}

/** What turns the elements of `prev` into those of `next` (positions are the canvas's own). */
export function diffElements(prev: readonly ElementDefinition[], next: readonly ElementDefinition[]): ElementDiff {
  const before = new Map(prev.map((e) => [e.data.id!, e]));
  const after = new Set<string>();
  const diff: ElementDiff = { add: [], remove: [], update: [] };
  for (const e of next) {
    const id = e.data.id!;
    after.add(id);
    const old = before.get(id);
    if (!old) diff.add.push(e);
    else if (classesOf(old) !== classesOf(e) || !sameData(old.data, e.data)) diff.update.push({ id, data: e.data, classes: classesOf(e) });
  }
  for (const id of before.keys()) if (!after.has(id)) diff.remove.push(id);
  return diff;
}

function classesOf(e: ElementDefinition): string {
  return Array.isArray(e.classes) ? e.classes.join(' ') : (e.classes ?? '');
}

function sameData(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const va = (a as Record<string, unknown>)[k];
    const vb = (b as Record<string, unknown>)[k];
    if (va !== vb && JSON.stringify(va) !== JSON.stringify(vb)) return false;
  }
  return true;
}
