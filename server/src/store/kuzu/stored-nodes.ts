import { join } from 'node:path';
import { allNodeProps } from '../../domain/model';
import type { Props } from '../../domain/types';
import type { KuzuSession } from './kuzu-runner';
import { exportColumn, exportedValue, exportRecords, JOIN_LIMIT } from './table-export';

const NODE_PROPS = allNodeProps();
/** Every column but the id, which comes first. */
const COLUMNS = Object.keys(NODE_PROPS).filter((p) => p !== 'id');

/**
 * The stored nodes among `ids`, by id, each with its set properties (owners included; nulls
 * left out, as the driver's rows give them): a join for few, an export of the node table
 * (table-export.ts) in `dir` for many.
 */
export async function storedNodes(s: KuzuSession, ids: readonly string[], dir: string): Promise<Map<string, Props>> {
  const stored = new Map<string, Props>();
  if (ids.length <= JOIN_LIMIT) {
    const rows = await s.query('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n', { ids });
    for (const r of rows) stored.set((r.n as Props).id as string, r.n as Props);
    return stored;
  }
  const wanted = new Set(ids);
  // Owners are one encoded string (visibility.ts), not a list.
  const defs = COLUMNS.map((c) => (c === 'owners' ? undefined : NODE_PROPS[c]));
  const query = `MATCH (n:Entity) RETURN n.id${COLUMNS.map((c) => `, ${exportColumn('n', c, NODE_PROPS[c])}`).join('')}`;
  await exportRecords(s, query, join(dir, 'stored-Entity.csv'), (fields) => {
    const id = fields[0]!;
    if (!wanted.has(id)) return;
    const node: Props = { id };
    COLUMNS.forEach((c, i) => {
      const v = exportedValue(defs[i], fields[1 + i]!);
      if (v !== null) node[c] = v;
    });
    stored.set(id, node);
  });
  return stored;
}
