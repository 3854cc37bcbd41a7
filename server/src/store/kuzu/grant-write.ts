import { LINK_TYPE_NAMES } from '../../domain/model';
import type { RecordSet } from '../task-forces';
import { withGrant, withoutGrant } from '../visibility';
import type { KuzuSession } from './kuzu-runner';

/**
 * Grants (`grant`) or withdraws `principal` on records, inside the caller's transaction: each
 * stored owners string gains or loses that one token, every other token stays (visibility.ts).
 * The importer reads a stored link's owners from its table (stored-links.ts), so its merge of a
 * later batch keeps the grant.
 */
export async function writeGrant(s: KuzuSession, principal: string, records: RecordSet, grant: boolean): Promise<void> {
  const change = (owners: unknown) => (grant ? withGrant(owners, principal) : withoutGrant(owners, principal));
  if (records.nodes.length > 0) {
    const rows = await s.query('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n.owners AS owners', { ids: [...new Set(records.nodes)] });
    const changed = rows.map((r) => ({ id: r.id as string, owners: change(r.owners) })).filter((r, i) => r.owners !== rows[i]!.owners);
    if (changed.length > 0) await s.query('UNWIND $rows AS r MATCH (n:Entity {id: r.id}) SET n.owners = r.owners', { rows: changed });
  }
  for (const link of records.links) {
    if (!LINK_TYPE_NAMES.includes(link.type)) throw new Error(`unknown link type ${JSON.stringify(link.type)}`);
    const match = `MATCH (a:Entity {id: $from})-[r:${link.type}]->(b:Entity {id: $to}) WHERE r.key = $key`;
    const params = { from: link.from, to: link.to, key: link.key };
    const [row] = await s.query(`${match} RETURN r.owners AS owners`, params);
    if (!row) continue;
    const owners = change(row.owners);
    if (owners === row.owners) continue;
    await s.query(`${match} SET r.owners = $owners`, { ...params, owners });
  }
}
