import type { Label } from './model';
import type { CaseFacts, CaseIncidence, IdentifierUse } from './types';

/**
 * A CaseIncidence from the rows an engine returns: `cases` asked for, `rows` (case, identifier)
 * for what they involve, and `reach` (identifier, case) for every visible case of each of those
 * identifiers. Without `reach`, `cases` are every visible case and `rows` tell it all.
 */
export function incidenceFrom(
  cases: Omit<CaseFacts, 'identifiers'>[],
  rows: Iterable<{ caseId: string; id: string; label: Label }>,
  options: { casesPerIdentifier: number; sharedOnly?: boolean; reach?: Iterable<{ id: string; caseId: string }> },
): CaseIncidence {
  const { casesPerIdentifier, reach } = options;
  const byCase = new Map<string, Set<string>>(cases.map((c) => [c.id, new Set<string>()]));
  const byIdentifier = new Map<string, { label: Label; cases: Set<string> }>();
  for (const row of rows) {
    const own = byCase.get(row.caseId);
    if (!own) continue;
    own.add(row.id);
    const use = byIdentifier.get(row.id) ?? { label: row.label, cases: new Set<string>() };
    if (!reach) use.cases.add(row.caseId);
    byIdentifier.set(row.id, use);
  }
  for (const r of reach ?? []) byIdentifier.get(r.id)?.cases.add(r.caseId);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    cases: cases.map((c) => ({ ...c, identifiers: [...byCase.get(c.id)!].sort() })).sort(byId),
    identifiers: [...byIdentifier]
      .filter(([, u]) => !options.sharedOnly || u.cases.size > 1)
      .map(([id, u]): IdentifierUse => ({ id, label: u.label, caseCount: u.cases.size, cases: u.cases.size <= casesPerIdentifier ? [...u.cases].sort() : [] }))
      .sort(byId),
  };
}

/** What linkage weighs of a case node (its identifiers left empty). */
export function caseFactsOf(node: { id: string; props: Record<string, unknown> }): CaseFacts {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return { id: node.id, category: text(node.props.category), reportedAt: text(node.props.reportedAt), city: text(node.props.city), district: text(node.props.district), identifiers: [] };
}
