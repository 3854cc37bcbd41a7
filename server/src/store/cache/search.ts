import type { Label } from '../../domain/model';
import type { GraphNode, SearchHit, Viewer } from '../../domain/types';
import type { GraphCache } from './graph-cache';

export interface SearchParams {
  text: string;
  phone: string;
  digits: string;
  labels: readonly Label[];
  limit: number;
}

/** Candidates beyond this many (a text as common as "1") are left to the engine's own scan. */
const MAX_CANDIDATES = 20_000;

const RANK: Record<string, number> = { name: 2, partial: 3, 'card-suffix': 1, 'phone-suffix': 1 };

/** cypher/search.cypher's CASE, for one node. */
function matchedBy(n: GraphNode, t: SearchParams): string {
  const p = n.props as Record<string, unknown>;
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
  const has = (k: string, s: string) => str(k)?.includes(s) ?? false;
  if (n.id === t.text) return 'id';
  if (str('caseNo') === t.text) return 'caseNo';
  if (t.phone !== '' && n.label === 'Phone' && str('number') === t.phone) return 'phone';
  if (t.digits !== '' && n.label === 'BankCard' && str('number') === t.digits) return 'card';
  if (str('handle') === t.text) return 'handle';
  if (t.digits.length >= 4 && n.label === 'BankCard' && (str('number')?.endsWith(t.digits) ?? false)) return 'card-suffix';
  if (t.digits.length >= 4 && n.label === 'Phone' && (str('number')?.endsWith(t.digits) ?? false)) return 'phone-suffix';
  if (has('name', t.text) || has('holderName', t.text) || (Array.isArray(p.aliases) && p.aliases.includes(t.text))) return 'name';
  if (has('caseNo', t.text) || has('handle', t.text)) return 'partial';
  return '';
}

/** Kuzu orders strings by their UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * search.cypher answered from the cache: every text the search can match lies somewhere in a
 * node's exported row, so the rows holding the text (or its phone or digit form) are found with
 * the native `indexOf` over the export's bytes, and only those are decoded and tested. Returns
 * null, leaving the search to the engine, when the text could be quoted in the export or is too
 * common to gather its candidates quickly.
 */
export function cachedSearch(cache: GraphCache, viewer: Viewer, t: SearchParams): SearchHit[] | null {
  const needles = [...new Set([t.text, t.phone, t.digits].filter((s) => s !== ''))];
  if (cache.nodeRows.length !== 1 || needles.some((s) => /["\n\r,]/.test(s))) return null;
  const candidates = new Set<number>();
  for (const rows of cache.nodeRows) {
    for (const needle of needles) {
      const bytes = Buffer.from(needle, 'utf8');
      const buf = rows.buffer as Buffer;
      for (let at = buf.indexOf(bytes); at >= 0; at = buf.indexOf(bytes, at + 1)) {
        candidates.add(cache.nodeAtRow(rows, at));
        if (candidates.size > MAX_CANDIDATES) return null;
        // Every later occurrence in this row adds nothing: go to the row's end.
        at = Math.max(at, rows.end[cache.rowSlot(rows, at)]! - 1);
      }
    }
  }
  for (const v of cache.rewritten()) candidates.add(v);
  const visible = cache.visibleOwnerSets(viewer);
  const labels = new Set(t.labels);
  const hits: { node: GraphNode; matchedBy: string; rank: number }[] = [];
  for (const v of candidates) {
    if (v < 0 || visible[cache.nodeOwners[v]!] !== 1 || !labels.has(cache.label(v))) continue;
    const node = cache.node(v);
    const by = matchedBy(node, t);
    if (by !== '') hits.push({ node, matchedBy: by, rank: RANK[by] ?? 0 });
  }
  hits.sort((a, b) => a.rank - b.rank || byBytes(a.node.id, b.node.id));
  return hits.slice(0, t.limit).map(({ node, matchedBy: by }) => ({ node, matchedBy: by }));
}
