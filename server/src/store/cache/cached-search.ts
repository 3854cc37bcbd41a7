import { LABEL_NAMES, type Label } from '../../domain/model';
import type { SearchTerms } from '../../domain/normalize';
import type { SearchHit, Viewer } from '../../domain/types';
import type { GraphCache } from './graph-cache';
import { LIST_SEPARATOR } from './layout';
import { visibleNodes } from './cached-reads';

/**
 * Search over a GraphCache with the matches, order and limit of cypher/search.cypher, which
 * Kuzu answers by reading every node (over half a second at city scale, on the one connection
 * every other query waits for). The searched text of every node is kept in two strings, the
 * text fields in one and the card and phone numbers in the other, each value between NUL
 * characters; a search runs `indexOf` over them to find candidates, and each candidate found
 * is then judged by the query's own CASE, in the query's order.
 */

const SEP = '\u0000';
/** The properties search.cypher reads. */
const READ = ['caseNo', 'handle', 'name', 'holderName', 'aliases', 'number'] as const;
type Text = Partial<Record<(typeof READ)[number], string>>;

/** What one stretch of the text string holds. */
const enum Field {
  CaseNo,
  Handle,
  Name,
  HolderName,
  Alias,
  Number,
}

/** The rank search.cypher orders by, for each way of matching. */
const RANK: Record<string, number> = { id: 0, caseNo: 0, phone: 0, card: 0, handle: 0, 'card-suffix': 1, 'phone-suffix': 1, name: 2, partial: 3 };

/**
 * Values between NULs in one string, and for each value (a stretch) where it starts, its node
 * and its field, in order of `start`. `grams`, when made: for each trigram key (gramKey), the
 * stretches that hold it, so that a search of three characters or more reads only those.
 */
interface Shelf {
  text: string;
  start: Int32Array;
  node: Int32Array;
  field: Uint8Array;
  grams?: { first: Uint32Array; stretches: Int32Array };
}

/** A character's class in a trigram key: digits and ASCII letters and _ apart, every other character one class. */
function charClass(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 29;
  return c === 95 ? 62 : 63;
}
const GRAM_KEYS = 64 * 64 * 64;
const gramKey = (text: string, i: number) => charClass(text.charCodeAt(i)) * 4096 + charClass(text.charCodeAt(i + 1)) * 64 + charClass(text.charCodeAt(i + 2));

class ShelfBuilder {
  private readonly parts: string[] = [SEP];
  private length = 1;
  private readonly start: number[] = [];
  private readonly node: number[] = [];
  private readonly field: number[] = [];

  add(v: number, field: Field, value: string | undefined): void {
    if (value === undefined || value === '') return;
    this.start.push(this.length);
    this.node.push(v);
    this.field.push(field);
    this.parts.push(value, SEP);
    this.length += value.length + 1;
  }

  build(withGrams: boolean): Shelf {
    const shelf: Shelf = { text: this.parts.join(''), start: Int32Array.from(this.start), node: Int32Array.from(this.node), field: Uint8Array.from(this.field) };
    if (withGrams) shelf.grams = gramsOf(shelf);
    return shelf;
  }
}

/** Each trigram key's stretches, each once, in order. */
function gramsOf(shelf: Shelf): { first: Uint32Array; stretches: Int32Array } {
  const count = new Uint32Array(GRAM_KEYS + 1);
  const last = new Int32Array(GRAM_KEYS).fill(-1);
  const each = (visit: (key: number, s: number) => void) => {
    for (let s = 0; s < shelf.start.length; s++) {
      const end = stretchEnd(shelf, s);
      for (let i = shelf.start[s]!; i + 3 <= end; i++) {
        const key = gramKey(shelf.text, i);
        if (last[key] !== s) {
          last[key] = s;
          visit(key, s);
        }
      }
    }
  };
  each((key) => count[key + 1]!++);
  for (let k = 0; k < GRAM_KEYS; k++) count[k + 1]! += count[k]!;
  const stretches = new Int32Array(count[GRAM_KEYS]!);
  const fill = count.slice(0, GRAM_KEYS);
  last.fill(-1);
  each((key, s) => (stretches[fill[key]!++] = s));
  return { first: count, stretches };
}

/** Where stretch `s` ends: the NUL after it. */
const stretchEnd = (shelf: Shelf, s: number) => (s + 1 < shelf.start.length ? shelf.start[s + 1]! - 1 : shelf.text.length - 1);

/**
 * Calls `visit` once for each stretch of the shelf that holds `needle` (no NUL in it), with
 * where its first occurrence there starts and where the stretch starts and ends (its NUL).
 */
function scan(shelf: Shelf, needle: string, visit: (stretch: number, at: number, start: number, end: number) => void): void {
  if (shelf.grams && needle.length >= 3) {
    // Only the stretches that hold the needle's rarest trigram can hold it.
    const { first, stretches } = shelf.grams;
    let from = 0;
    let to = stretches.length + 1;
    for (let i = 0; i + 3 <= needle.length; i++) {
      const key = gramKey(needle, i);
      if (first[key + 1]! - first[key]! < to - from) [from, to] = [first[key]!, first[key + 1]!];
    }
    for (let k = from; k < to; k++) {
      const s = stretches[k]!;
      const start = shelf.start[s]!;
      const end = stretchEnd(shelf, s);
      const at = shelf.text.slice(start, end).indexOf(needle);
      if (at >= 0) visit(s, start + at, start, end);
    }
    return;
  }
  for (let at = shelf.text.indexOf(needle); at >= 0; ) {
    let lo = 0;
    let hi = shelf.start.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (shelf.start[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const end = stretchEnd(shelf, lo);
    visit(lo, at, shelf.start[lo]!, end);
    at = shelf.text.indexOf(needle, end + 1);
  }
}

/** Whether every character of `text` is Latin-1 (V8 then keeps it one byte a character, and searches it fastest). */
const latin1 = (text: string) => !/[^\u0000-\u00ff]/.test(text);

interface SearchIndex {
  /** Nodes [0, indexed) are on the shelves, less those rewritten since (GraphCache.rewritten) and `odd`. */
  indexed: number;
  /** Text values that are all Latin-1 (case numbers, handles), and the others (names). */
  narrow: Shelf;
  wide: Shelf;
  /** Card and phone numbers. */
  numbers: Shelf;
  /** Nodes with a NUL in a searched value (it would break the shelves' stretches): judged whole at each search. */
  odd: number[];
}

const indexes = new WeakMap<GraphCache, SearchIndex>();

/** The search index of a cache, built on first use (about a second per million nodes). */
export function searchIndex(cache: GraphCache): SearchIndex {
  let index = indexes.get(cache);
  if (!index) {
    index = buildIndex(cache);
    indexes.set(cache, index);
  }
  return index;
}

function buildIndex(cache: GraphCache): SearchIndex {
  const narrow = new ShelfBuilder();
  const wide = new ShelfBuilder();
  const numbers = new ShelfBuilder();
  const odd: number[] = [];
  const add = (v: number, field: Field, value: string | undefined) => (value !== undefined && latin1(value) ? narrow : wide).add(v, field, value);
  const indexed = cache.nodeCount;
  for (let v = 0; v < indexed; v++) {
    if (cache.rewritten(v)) continue;
    const t: Text = cache.nodeText(v, READ);
    if (READ.some((name) => t[name]?.includes(SEP))) {
      odd.push(v);
      continue;
    }
    add(v, Field.CaseNo, t.caseNo);
    add(v, Field.Handle, t.handle);
    add(v, Field.Name, t.name);
    add(v, Field.HolderName, t.holderName);
    if (t.aliases) for (const alias of t.aliases.split(LIST_SEPARATOR)) add(v, Field.Alias, alias);
    numbers.add(v, Field.Number, t.number);
  }
  // Names (the wide shelf) are short and mostly Chinese, searched by one or two characters: scanned whole.
  return { indexed, narrow: narrow.build(true), wide: wide.build(false), numbers: numbers.build(true), odd };
}

/** search.cypher's CASE for one node: how it matched, or '' when it did not. */
export function matchedBy(cache: GraphCache, v: number, terms: SearchTerms): string {
  const { text } = terms;
  const phone = terms.phone ?? '';
  const digits = terms.digits ?? '';
  const t: Text = cache.nodeText(v, READ);
  const label = cache.label(v);
  const aliases = t.aliases === undefined ? [] : t.aliases.split(LIST_SEPARATOR);
  if (cache.nodeId(v) === text) return 'id';
  if (t.caseNo === text) return 'caseNo';
  if (phone !== '' && label === 'Phone' && t.number === phone) return 'phone';
  if (digits !== '' && label === 'BankCard' && t.number === digits) return 'card';
  if (t.handle === text) return 'handle';
  if (digits.length >= 4 && label === 'BankCard' && t.number?.endsWith(digits)) return 'card-suffix';
  if (digits.length >= 4 && label === 'Phone' && t.number?.endsWith(digits)) return 'phone-suffix';
  if (t.name?.includes(text) || t.holderName?.includes(text) || aliases.includes(text)) return 'name';
  if (t.caseNo?.includes(text) || t.handle?.includes(text)) return 'partial';
  return '';
}

/** cypher/search.cypher over the cache: visible nodes of `labels` that match, by rank then id, at most `limit`. */
export function cachedSearch(cache: GraphCache, viewer: Viewer, terms: SearchTerms, labels: readonly Label[], limit: number): SearchHit[] {
  const index = searchIndex(cache);
  const visible = visibleNodes(cache, viewer);
  const asked = new Uint8Array(LABEL_NAMES.length);
  for (const l of labels) asked[LABEL_NAMES.indexOf(l)] = 1;
  const wanted = (v: number) => asked[cache.nodeLabel[v]!] === 1 && visible(v);
  /** Candidates and the best rank the strings show for each; judged exactly below. */
  const best = new Map<number, number>();
  const consider = (v: number, rank: number) => {
    if (cache.rewritten(v) || !wanted(v)) return;
    const known = best.get(v);
    if (known === undefined || rank < known) best.set(v, rank);
  };
  const { text } = terms;
  const id = cache.indexOf(text);
  if (id !== undefined && id < index.indexed) consider(id, 0);
  if (terms.digits) {
    const { digits } = terms;
    // Numbers ending with the digits; the digits whole are a full card number (or the phone asked).
    scan(index.numbers, digits, (stretch, _, start, end) => {
      if (!index.numbers.text.startsWith(digits, end - digits.length)) return;
      const whole = end - start === digits.length;
      const v = index.numbers.node[stretch]!;
      const label = cache.label(v);
      if (label === 'BankCard') consider(v, whole ? 0 : 1);
      else if (label === 'Phone') consider(v, whole && terms.phone === digits ? 0 : 1);
    });
  }
  if (terms.phone && terms.phone !== terms.digits) {
    const { phone } = terms;
    scan(index.numbers, phone, (stretch, at, start, end) => {
      const v = index.numbers.node[stretch]!;
      if (at === start && end - start === phone.length && cache.label(v) === 'Phone') consider(v, 0);
    });
  }
  if (!text.includes(SEP)) {
    const found = (shelf: Shelf) => (stretch: number, at: number, start: number, end: number) => {
      const whole = at === start && end - start === text.length;
      switch (shelf.field[stretch] as Field) {
        case Field.CaseNo:
        case Field.Handle:
          consider(shelf.node[stretch]!, whole ? 0 : 3);
          break;
        case Field.Name:
        case Field.HolderName:
          consider(shelf.node[stretch]!, 2);
          break;
        case Field.Alias:
          if (whole) consider(shelf.node[stretch]!, 2);
          break;
      }
    };
    // A value of Latin-1 characters holds no text with others.
    if (latin1(text)) scan(index.narrow, text, found(index.narrow));
    scan(index.wide, text, found(index.wide));
  }
  // Text holding a NUL could match across stretches: every indexed node is judged below instead.
  // Nodes the strings do not hold as they are now: rewritten or added since, or odd ones.
  const judged = new Map<number, string>();
  const judge = (v: number) => {
    if (!wanted(v)) return;
    const how = matchedBy(cache, v, terms);
    if (how !== '') judged.set(v, how);
  };
  for (const v of cache.rewrittenNodes()) judge(v);
  for (let v = index.indexed; v < cache.nodeCount; v++) if (!cache.rewritten(v)) judge(v);
  for (const v of index.odd) if (!cache.rewritten(v)) judge(v);
  if (text.includes(SEP)) for (let v = 0; v < index.indexed; v++) if (!cache.rewritten(v)) judge(v);
  for (const [v, how] of judged) best.set(v, RANK[how]!);

  // By rank, then id; only the ranks the limit reaches are ordered.
  const byRank: number[][] = [[], [], [], []];
  for (const [v, rank] of best) byRank[rank]!.push(v);
  const out: SearchHit[] = [];
  for (const group of byRank) {
    if (out.length >= limit) break;
    for (const { v } of firstById(cache, group, limit - out.length)) out.push({ node: cache.node(v), matchedBy: judged.get(v) ?? matchedBy(cache, v, terms) });
  }
  return out;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The `k` nodes of `group` first in id order, in that order. */
function firstById(cache: GraphCache, group: number[], k: number): { v: number; id: string }[] {
  if (group.length <= 4 * k) return group.map((v) => ({ v, id: cache.nodeId(v) })).sort(byId).slice(0, k);
  // A large group (a few digits found in thousands of case numbers): keep the first k in one pass.
  const top: { v: number; id: string }[] = [];
  for (const v of group) {
    const id = cache.nodeId(v);
    if (top.length === k && id >= top[k - 1]!.id) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (top[mid]!.id < id) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, { v, id });
    if (top.length > k) top.pop();
  }
  return top;
}
