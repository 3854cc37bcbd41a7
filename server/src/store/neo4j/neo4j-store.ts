import { CypherGraphStore } from '../cypher-store';
import type { Neo4jSettings } from './executor';
import { Neo4jRunner } from './neo4j-runner';

/** The Neo4j store, connected and with constraints and indexes applied. */
export async function openNeo4jStore(settings: Neo4jSettings): Promise<CypherGraphStore> {
  const store = new CypherGraphStore(await Neo4jRunner.connect(settings));
  await store.applySchema();
  return store;
}
