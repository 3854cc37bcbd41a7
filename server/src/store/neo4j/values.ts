import neo4j, { type Integer, type Record as Neo4jRecord } from 'neo4j-driver';
import type { Row } from '../runner';

/** Driver values to the plain shapes runner.ts promises: Integer, Node and Relationship stop here. */
export function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof neo4j.types.Node) {
    return { _iid: value.elementId, ...plainMap(value.properties) };
  }
  if (value instanceof neo4j.types.Relationship) {
    return { _type: value.type, _src: value.startNodeElementId, _dst: value.endNodeElementId, ...plainMap(value.properties) };
  }
  return plainMap(value as Record<string, unknown>);
}

function plainMap(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(map)) if (v !== null && v !== undefined) out[k] = plain(v);
  return out;
}

export function plainRecord(record: Neo4jRecord): Row {
  const out: Row = {};
  for (const key of record.keys) out[String(key)] = plain(record.get(key));
  return out;
}

/**
 * Parameters as the driver should send them: a JavaScript number goes over the wire as a
 * float, which Neo4j refuses where it wants an integer (`LIMIT $limit`) and stores as a float
 * (money in fen). Every safe integer becomes the driver's Integer, nested ones included.
 */
export function driverParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(driverParams);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = driverParams(v);
  return out;
}
