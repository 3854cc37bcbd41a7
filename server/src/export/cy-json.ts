import type { EvidenceGraph } from './evidence';

/**
 * graph.cy.json: Cytoscape.js's JSON (`cy.json()` / `cytoscape({ elements })` read it): nodes with
 * their positions, edges with source and target, every property in `data`, and the sources a
 * link cites written out beside their ids.
 */
export function toCytoscapeJson(graph: EvidenceGraph): string {
  const nodes = graph.nodes.map((n) => ({
    data: { id: n.id, label: n.label, caption: n.caption, owners: n.owners, createdAt: n.createdAt, updatedAt: n.updatedAt, ...n.props, ...(n.masked.length > 0 ? { masked: n.masked } : {}) },
    position: { x: n.x, y: n.y },
  }));
  const edges = graph.links.map((l) => ({
    data: {
      id: l.id,
      source: l.from,
      target: l.to,
      type: l.type,
      key: l.key,
      owner: l.owner,
      owners: l.owners,
      createdAt: l.createdAt,
      createdBy: l.createdBy,
      ...l.props,
      sources: l.sources.map((id) => graph.sources.get(id)!),
    },
  }));
  return `${JSON.stringify({ data: { investigation: graph.investigation, asOf: graph.asOf }, elements: { nodes, edges } }, null, 1)}\n`;
}
