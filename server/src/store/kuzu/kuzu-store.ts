import { CypherGraphStore } from '../cypher-store';
import { KuzuRunner } from './kuzu-runner';

/** The embedded store: a Kuzu database under `dataDir`, schema applied. */
export async function openKuzuStore(dataDir: string): Promise<CypherGraphStore> {
  const store = new CypherGraphStore(await KuzuRunner.open(dataDir));
  await store.applySchema();
  return store;
}
