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
}

/** The rank search.cypher orders by, for each way of matching. */
const RANK: Record<string, number> = { id: 0, caseNo: 0, phone: 0, card: 0, handle: 0, 'card-suffix': 1, 'phone-suffix': 1, name: 2, partial: 3 };

interface SearchIndex {
  /** Nodes [0, indexed) are in the strings, less those rewritten since (GraphCache.rewritten) and `odd`. */
  indexed: number;
  text: string;
  /** Per stretch of `text`: where it starts, its node and its field; in order of `start`. */
  textStart: Int32Array;
  textNode: Int32Array;
  textField: Uint8Array;
  numbers: string;
  numberStart: Int32Array;
  numberNode: Int32Array;
  /** Nodes with a NUL in a searched value (it would break the strings' stretches): judged whole at each search. */
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
  const text: string[] = [SEP];
  const numbers: string[] = [SEP];
  let textLength = 1;
  let numbersLength = 1;
  const textStart: number[] = [];
  const textNode: number[] = [];
  const textField: number[] = [];
  const numberStart: number[] = [];
  const numberNode: number[] = [];
  const odd: number[] = [];
  const addText = (v: number, field: Field, value: string | undefined) => {
    if (value === undefined || value === '') return;
    textStart.push(textLength);
    textNode.push(v);
    textField.push(field);
    text.push(value, SEP);
    textLength += value.length + 1;
  };
  const indexed = cache.nodeCount;
  for (let v = 0; v < indexed; v++) {
    if (cache.rewritten(v)) continue;
    const t: Text = cache.nodeText(v, READ);
    if (READ.some((name) => t[name]?.includes(SEP))) {
      odd.push(v);
      continue;
    }
    addText(v, Field.CaseNo, t.caseNo);
    addText(v, Field.Handle, t.handle);
    addText(v, Field.Name, t.name);
    addText(v, Field.HolderName, t.holderName);
    if (t.aliases) for (const alias of t.aliases.split(LIST_SEPARATOR)) addText(v, Field.Alias, alias);
    if (t.number) {
      numberStart.push(numbersLength);
      numberNode.push(v);
      numbers.push(t.number, SEP);
      numbersLength += t.number.length + 1;
    }
  }
  return {
    indexed,
    text: text.join(''),
    textStart: Int32Array.from(textStart),
    textNode: Int32Array.from(textNode),
    textField: Uint8Array.from(textField),
    numbers: numbers.join(''),
    numberStart: Int32Array.from(numberStart),
    numberNode: Int32Array.from(numberNode),
    odd,
  };
}

/** The stretch (index into `starts`) that holds position `at`. */
function stretchAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
  const inNumbers = (needle: string, rank: number, label: Label, whole: boolean) => {
    const find = whole ? `${SEP}${needle}${SEP}` : `${needle}${SEP}`;
    for (let at = index.numbers.indexOf(find); at >= 0; at = index.numbers.indexOf(find, at + 1)) {
      const v = index.numberNode[stretchAt(index.numberStart, whole ? at + 1 : at)]!;
      if (cache.label(v) === label) consider(v, rank);
    }
  };
  if (terms.phone) inNumbers(terms.phone, 0, 'Phone', true);
  if (terms.digits) {
    inNumbers(terms.digits, 0, 'BankCard', true);
    inNumbers(terms.digits, 1, 'BankCard', false);
    inNumbers(terms.digits, 1, 'Phone', false);
  }
  if (text.includes(SEP)) {
    // Text holding a NUL could match across stretches: every indexed node is judged below instead.
  } else {
    for (let at = index.text.indexOf(text); at >= 0; ) {
      const s = stretchAt(index.textStart, at);
      const start = index.textStart[s]!;
      const end = s + 1 < index.textStart.length ? index.textStart[s + 1]! - 1 : index.text.length - 1;
      const whole = at === start && end - start === text.length;
      switch (index.textField[s] as Field) {
        case Field.CaseNo:
        case Field.Handle:
          consider(index.textNode[s]!, whole ? 0 : 3);
          break;
        case Field.Name:
        case Field.HolderName:
          consider(index.textNode[s]!, 2);
          break;
        case Field.Alias:
          if (whole) consider(index.textNode[s]!, 2);
          break;
      }
      // One match per stretch is all a node needs.
      at = index.text.indexOf(text, end + 1);
    }
  }
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
