import { LABELS, LINK_TYPES, type PropDef } from '../domain/model';
import type { PropValue } from '../domain/types';
import type { EvidenceGraph } from './evidence';
import { xml } from './xml';

/**
 * graph.graphml: every node and link with all their properties as typed GraphML attributes
 * (long for money and counts, boolean, string; lists as JSON text), keyed by name. Written for
 * what Gephi, yEd, Cytoscape desktop and networkx read: one directed graph, parallel edges with
 * their own ids, attributes declared once with <key>, no yFiles extensions needed.
 */

type GraphmlType = 'string' | 'long' | 'double' | 'boolean';

interface Key {
  id: string;
  name: string;
  type: GraphmlType;
}

const typeOf = (def: PropDef): GraphmlType => (def.type === 'int' || def.type === 'money' ? 'long' : def.type === 'boolean' ? 'boolean' : 'string');

function text(value: PropValue): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** Node keys: the common ones, then every model property of the labels present, merged by name. */
function nodeKeys(graph: EvidenceGraph): Key[] {
  const keys: Key[] = [
    { id: 'label', name: 'label', type: 'string' },
    { id: 'caption', name: 'caption', type: 'string' },
    { id: 'owners', name: 'owners', type: 'string' },
    { id: 'createdAt', name: 'createdAt', type: 'string' },
    { id: 'updatedAt', name: 'updatedAt', type: 'string' },
    { id: 'masked', name: 'masked', type: 'string' },
    { id: 'x', name: 'x', type: 'double' },
    { id: 'y', name: 'y', type: 'double' },
  ];
  const seen = new Map<string, GraphmlType>();
  for (const label of graph.labels) {
    for (const [name, def] of Object.entries(LABELS[label].props as Record<string, PropDef>)) seen.set(name, typeOf(def));
  }
  for (const name of [...seen.keys()].sort()) keys.push({ id: `n_${name}`, name, type: seen.get(name)! });
  return keys;
}

function linkKeys(graph: EvidenceGraph): Key[] {
  const keys: Key[] = [
    { id: 'type', name: 'type', type: 'string' },
    { id: 'key', name: 'key', type: 'string' },
    { id: 'owner', name: 'owner', type: 'string' },
    { id: 'owners', name: 'owners', type: 'string' },
    { id: 'createdAt', name: 'createdAt', type: 'string' },
    { id: 'createdBy', name: 'createdBy', type: 'string' },
    { id: 'sources', name: 'sources', type: 'string' },
    { id: 'sourceReferences', name: 'sourceReferences', type: 'string' },
    { id: 'sourceHashes', name: 'sourceHashes', type: 'string' },
  ];
  const seen = new Map<string, GraphmlType>();
  for (const type of graph.linkTypes) {
    for (const [name, def] of Object.entries(LINK_TYPES[type].props as Record<string, PropDef>)) seen.set(name, typeOf(def));
  }
  for (const name of [...seen.keys()].sort()) keys.push({ id: `e_${name}`, name, type: seen.get(name)! });
  return keys;
}

const data = (key: string, value: PropValue | undefined) =>
  value === undefined || value === null ? '' : `<data key="${key}">${xml(text(value))}</data>`;

export function toGraphml(graph: EvidenceGraph): string {
  const nk = nodeKeys(graph);
  const ek = linkKeys(graph);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  // Node and edge keys share one id space in GraphML; edge keys that repeat a node key's name get their own id.
  for (const k of nk) out.push(`  <key id="${k.id}" for="node" attr.name="${k.name}" attr.type="${k.type}"/>`);
  for (const k of ek) out.push(`  <key id="${nk.some((n) => n.id === k.id) ? `e_${k.id}` : k.id}" for="edge" attr.name="${k.name}" attr.type="${k.type}"/>`);
  const edgeKeyId = (id: string) => (nk.some((n) => n.id === id) ? `e_${id}` : id);
  out.push(`  <graph id="${xml(graph.investigation.id ?? 'canvas')}" edgedefault="directed">`);
  for (const n of graph.nodes) {
    const parts = [
      data('label', n.label),
      data('caption', n.caption),
      data('owners', n.owners.join(',')),
      data('createdAt', n.createdAt),
      data('updatedAt', n.updatedAt),
      n.masked.length > 0 ? data('masked', n.masked.join(',')) : '',
      data('x', n.x),
      data('y', n.y),
      ...Object.keys(n.props).sort().map((p) => data(`n_${p}`, n.props[p])),
    ];
    out.push(`    <node id="${xml(n.id)}">${parts.join('')}</node>`);
  }
  for (const l of graph.links) {
    const cited = l.sources.map((s) => graph.sources.get(s)!);
    const parts = [
      data(edgeKeyId('type'), l.type),
      data(edgeKeyId('key'), l.key),
      data(edgeKeyId('owner'), l.owner),
      data(edgeKeyId('owners'), l.owners.join(',')),
      data(edgeKeyId('createdAt'), l.createdAt),
      data(edgeKeyId('createdBy'), l.createdBy),
      data(edgeKeyId('sources'), l.sources.join(',')),
      cited.length > 0 ? data(edgeKeyId('sourceReferences'), cited.map((s) => s.reference).join(' | ')) : '',
      cited.length > 0 ? data(edgeKeyId('sourceHashes'), cited.map((s) => s.sha256 ?? '').join(',')) : '',
      ...Object.keys(l.props).map((p) => data(`e_${p}`, l.props[p])),
    ];
    out.push(`    <edge id="${xml(l.id)}" source="${xml(l.from)}" target="${xml(l.to)}">${parts.join('')}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
