import { LABEL_NAMES, LINK_TYPE_NAMES, type Label, type LinkType } from '../../domain/model';
import type { GraphLink, GraphNode, Viewer } from '../../domain/types';
import { encodeRecordOwners, principalsOf, visibleEncoded } from '../visibility';
import { IdIndex } from './id-index';
import { decodeLink, decodeNode, decodeNodeText, LIST_SEPARATOR } from './layout';

const LABEL_CODE = new Map<Label, number>(LABEL_NAMES.map((l, i) => [l, i]));
const TYPE_CODE = new Map<LinkType, number>(LINK_TYPE_NAMES.map((t, i) => [t, i]));

/** `array`, or a copy at least twice as long when it holds fewer than `need`. */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(array: T, need: number): T {
  if (need <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(need, array.length * 2, 1024));
  next.set(array);
  return next;
}

/** Where a row's text lies: which file buffer, and the byte range in it. */
interface RowRefs {
  buffer: Uint8Array;
  start: Uint32Array;
  end: Uint32Array;
}

/**
 * The whole graph in memory, for the traversals an embedded engine runs too slowly (see
 * README): ids, labels, owners and link ends in typed arrays with an adjacency index, and each
 * record's row kept as the bytes the engine exported, decoded only when a read returns it.
 * Written only by its loader and by the store after a committed write; never by a read.
 */
export class GraphCache {
  private readonly ids = new IdIndex();
  nodeLabel = new Uint8Array(0);
  nodeOwners = new Uint16Array(0);
  nodeCount = 0;

  linkFrom = new Int32Array(0);
  linkTo = new Int32Array(0);
  linkType = new Uint8Array(0);
  /** Epoch milliseconds of `at`, NaN when the link has none. */
  linkAt = new Float64Array(0);
  linkOwners = new Uint16Array(0);
  linkCount = 0;

  private readonly visibleSets = new Map<string, Uint8Array>();
  /** Owner sets (`|a|b|`) interned: records point at one by number. */
  readonly ownerSets: string[] = [];
  private readonly ownerSetIndex = new Map<string, number>();

  private adjStart = new Uint32Array(1);
  private adjLinks = new Int32Array(0);
  /** Links added after the adjacency index was built, by node. */
  private readonly extraAdj = new Map<number, number[]>();
  /** Nodes with a link from themselves to themselves. */
  private readonly selfLinked = new Set<number>();

  readonly nodeRows: RowRefs[] = [];
  private nodeRowFile = new Uint8Array(0);
  private nodeRowSlot = new Uint32Array(0);
  readonly linkRows: RowRefs[] = [];
  private linkRowFile = new Uint8Array(0);
  private linkRowSlot = new Uint32Array(0);
  /** Rows rewritten since the load, decoded. */
  private readonly nodeOverride = new Map<number, GraphNode>();
  private readonly linkOverride = new Map<number, GraphLink>();

  ownerSet(encoded: string): number {
    let code = this.ownerSetIndex.get(encoded);
    if (code === undefined) {
      code = this.ownerSets.length;
      if (code > 0xffff) throw new Error('more than 65,536 distinct owner sets');
      this.ownerSets.push(encoded);
      this.ownerSetIndex.set(encoded, code);
    }
    return code;
  }

  /** Registers a file of rows; records refer to it by the number returned. */
  addNodeRows(rows: RowRefs): number {
    return this.nodeRows.push(rows) - 1;
  }

  addLinkRows(rows: RowRefs): number {
    return this.linkRows.push(rows) - 1;
  }

  /** Makes room for `n` nodes in all. */
  reserveNodes(n: number): void {
    this.nodeLabel = grown(this.nodeLabel, n);
    this.nodeOwners = grown(this.nodeOwners, n);
    this.nodeRowFile = grown(this.nodeRowFile, n);
    this.nodeRowSlot = grown(this.nodeRowSlot, n);
  }

  /** Makes room for `n` links in all. */
  reserveLinks(n: number): void {
    this.linkFrom = grown(this.linkFrom, n);
    this.linkTo = grown(this.linkTo, n);
    this.linkType = grown(this.linkType, n);
    this.linkAt = grown(this.linkAt, n);
    this.linkOwners = grown(this.linkOwners, n);
    this.linkRowFile = grown(this.linkRowFile, n);
    this.linkRowSlot = grown(this.linkRowSlot, n);
  }

  /** The number of the node `id`, if cached. */
  indexOf(id: string): number | undefined {
    return this.ids.get(id);
  }

  nodeId(v: number): string {
    return this.ids.id(v);
  }

  /** Adds a node whose id is the UTF-8 text `src[start, end)` (the loader's rows). */
  addNodeBytes(src: Uint8Array, start: number, end: number, label: Label, owners: number, file: number, slot: number): number {
    const i = this.ids.addBytes(src, start, end);
    this.setNode(i, label, owners, file, slot);
    return i;
  }

  addNode(id: string, label: Label, owners: number, file: number, slot: number): number {
    const i = this.ids.add(id);
    this.setNode(i, label, owners, file, slot);
    return i;
  }

  private setNode(i: number, label: Label, owners: number, file: number, slot: number): void {
    this.nodeCount = i + 1;
    if (i >= this.nodeLabel.length) this.reserveNodes(i + 1);
    this.nodeLabel[i] = LABEL_CODE.get(label)!;
    this.nodeOwners[i] = owners;
    this.nodeRowFile[i] = file;
    this.nodeRowSlot[i] = slot;
  }

  addLink(from: number, to: number, type: LinkType, at: number, owners: number, file: number, slot: number): number {
    const i = this.linkCount++;
    if (i === this.linkFrom.length) this.reserveLinks(i + 1);
    this.linkFrom[i] = from;
    this.linkTo[i] = to;
    this.linkType[i] = TYPE_CODE.get(type)!;
    this.linkAt[i] = at;
    this.linkOwners[i] = owners;
    this.linkRowFile[i] = file;
    this.linkRowSlot[i] = slot;
    return i;
  }

  /** Builds the adjacency index over every link added so far (both directions). */
  buildAdjacency(): void {
    const degree = new Uint32Array(this.nodeCount + 1);
    for (let l = 0; l < this.linkCount; l++) {
      degree[this.linkFrom[l]!]!++;
      if (this.linkTo[l] !== this.linkFrom[l]) degree[this.linkTo[l]!]!++;
    }
    const start = new Uint32Array(this.nodeCount + 1);
    for (let v = 0; v < this.nodeCount; v++) start[v + 1] = start[v]! + degree[v]!;
    const links = new Int32Array(start[this.nodeCount]!);
    const fill = start.slice(0, this.nodeCount);
    for (let l = 0; l < this.linkCount; l++) {
      const a = this.linkFrom[l]!;
      const b = this.linkTo[l]!;
      links[fill[a]!++] = l;
      if (b !== a) links[fill[b]!++] = l;
      else this.selfLinked.add(a);
    }
    this.adjStart = start;
    this.adjLinks = links;
    this.extraAdj.clear();
  }

  /** How many links node `v` has (a link to itself counts once). */
  degree(v: number): number {
    const stored = v + 1 < this.adjStart.length ? this.adjStart[v + 1]! - this.adjStart[v]! : 0;
    return stored + (this.extraAdj.get(v)?.length ?? 0);
  }

  /** Whether node `v` has a link to itself. */
  linksItself(v: number): boolean {
    return this.selfLinked.has(v);
  }

  /** Calls `visit(link)` for every link at node `v`, either direction. */
  forEachLink(v: number, visit: (link: number) => void): void {
    if (v + 1 < this.adjStart.length) {
      const end = this.adjStart[v + 1]!;
      for (let k = this.adjStart[v]!; k < end; k++) visit(this.adjLinks[k]!);
    }
    const extra = this.extraAdj.get(v);
    if (extra) for (const l of extra) visit(l);
  }

  /** Adds a link after the adjacency index was built. */
  appendLink(from: number, to: number, row: GraphLink): number {
    const l = this.addLink(from, to, row.type, NaN, 0, 0, 0);
    this.putLinkRow(l, row);
    if (from === to) this.selfLinked.add(from);
    for (const v of from === to ? [from] : [from, to]) {
      const list = this.extraAdj.get(v);
      if (list) list.push(l);
      else this.extraAdj.set(v, [l]);
    }
    return l;
  }

  /** Adds or rewrites a node from its stored row. */
  putNode(row: GraphNode): number {
    const owners = this.ownerSet(encodeRecordOwners(row.owners, row.grants));
    let i = this.ids.get(row.id);
    if (i === undefined) i = this.addNode(row.id, row.label, owners, 0, 0);
    else this.nodeOwners[i] = owners;
    this.nodeOverride.set(i, row);
    return i;
  }

  /** Rewrites a link's row (its ends and type never change). */
  putLinkRow(l: number, row: GraphLink): void {
    this.linkOwners[l] = this.ownerSet(encodeRecordOwners(row.owners, row.grants));
    this.linkAt[l] = typeof row.props.at === 'string' ? Date.parse(row.props.at) : NaN;
    this.linkOverride.set(l, row);
  }

  /** Whether node `v`'s row was rewritten since the load (reads take it from the rewrite). */
  rewritten(v: number): boolean {
    return this.nodeOverride.has(v);
  }

  /** The nodes rewritten or added since the load. */
  rewrittenNodes(): IterableIterator<number> {
    return this.nodeOverride.keys();
  }

  label(v: number): Label {
    return LABEL_NAMES[this.nodeLabel[v]!]!;
  }

  type(l: number): LinkType {
    return LINK_TYPE_NAMES[this.linkType[l]!]!;
  }

  node(v: number): GraphNode {
    const override = this.nodeOverride.get(v);
    if (override) return override;
    const rows = this.nodeRows[this.nodeRowFile[v]!]!;
    const slot = this.nodeRowSlot[v]!;
    return decodeNode(rows.buffer, rows.start[slot]!, rows.end[slot]!);
  }

  /** The named string properties of node `v`, decoding no more of its row than they need. */
  nodeText(v: number, names: readonly string[]): Record<string, string> {
    const override = this.nodeOverride.get(v);
    if (override) {
      // As a row holds them: a list's items joined by LIST_SEPARATOR, empty values absent.
      const text = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(LIST_SEPARATOR) : '');
      return Object.fromEntries(names.flatMap((n) => (text(override.props[n]) === '' ? [] : [[n, text(override.props[n])]])));
    }
    const rows = this.nodeRows[this.nodeRowFile[v]!]!;
    const slot = this.nodeRowSlot[v]!;
    return decodeNodeText(rows.buffer, rows.start[slot]!, rows.end[slot]!, names);
  }

  /** Link `l`; `from` and `to`, when the caller has its ends' ids at hand, spare decoding them again. */
  link(l: number, from?: string, to?: string): GraphLink {
    const override = this.linkOverride.get(l);
    if (override) return override;
    const rows = this.linkRows[this.linkRowFile[l]!]!;
    const slot = this.linkRowSlot[l]!;
    return decodeLink(rows.buffer, rows.start[slot]!, rows.end[slot]!, this.type(l), from ?? this.ids.id(this.linkFrom[l]!), to ?? this.ids.id(this.linkTo[l]!));
  }

  /** The link of `type` from → to with `key`, if cached. */
  findLink(from: number, to: number, type: LinkType, key: string): number | undefined {
    const code = TYPE_CODE.get(type)!;
    let found: number | undefined;
    this.forEachLink(from, (l) => {
      if (found === undefined && this.linkType[l] === code && this.linkFrom[l] === from && this.linkTo[l] === to && this.link(l).key === key) found = l;
    });
    return found;
  }

  /** Which owner sets a viewer may see, by number; remembered per agency list until a new set appears. */
  visibleOwnerSets(viewer: Viewer): Uint8Array {
    const key = principalsOf(viewer).join(',');
    const known = this.visibleSets.get(key);
    if (known && known.length === this.ownerSets.length) return known;
    const visible = visibleEncoded(viewer);
    const mask = Uint8Array.from(this.ownerSets, (set) => (visible(set) ? 1 : 0));
    if (this.visibleSets.size >= 1000) this.visibleSets.clear();
    this.visibleSets.set(key, mask);
    return mask;
  }
}
