import type { EvidenceGraph } from './evidence';

/**
 * bundle.ndjson: the graph as a case bundle v1 (shared/case-bundle.schema.json), so another
 * agency can import it. The meta record names the exporting agency, which owns what names no
 * owner of its own; links keep the agency that recorded them. Masked values are left out
 * rather than written masked: an importer would take `******1234` for the value.
 */
export function toBundle(graph: EvidenceGraph, agency: string): string {
  const lines: string[] = [
    JSON.stringify({
      kind: 'meta',
      version: 1,
      agency,
      exportedAt: graph.asOf,
      description: `Evidence package of ${graph.investigation.name} (${graph.investigation.id ?? 'canvas'}) as of ${graph.asOf}`,
    }),
  ];
  for (const s of graph.sources.values()) {
    lines.push(
      JSON.stringify({
        kind: 'source',
        id: s.id,
        type: s.type,
        reference: s.reference,
        ...(s.sha256 ? { sha256: s.sha256 } : {}),
        ...(s.collectedAt ? { collectedAt: s.collectedAt } : {}),
        ...(s.collectedBy ? { collectedBy: s.collectedBy } : {}),
        ...(s.owner !== agency ? { owner: s.owner } : {}),
      }),
    );
  }
  for (const n of graph.nodes) {
    const props = Object.fromEntries(Object.entries(n.props).filter(([name]) => !n.masked.includes(name)));
    const owner = n.owners.includes(agency) ? agency : n.owners[0];
    lines.push(JSON.stringify({ kind: 'node', label: n.label, id: n.id, ...(owner && owner !== agency ? { owner } : {}), props }));
  }
  for (const l of graph.links) {
    lines.push(
      JSON.stringify({
        kind: 'link',
        type: l.type,
        from: l.from,
        to: l.to,
        ...(l.key ? { key: l.key } : {}),
        ...(l.owner !== agency ? { owner: l.owner } : {}),
        sources: l.sources,
        props: l.props,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
