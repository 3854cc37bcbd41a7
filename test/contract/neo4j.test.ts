import neo4j from 'neo4j-driver';
import { describe, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { openNeo4jStore } from '../../server/src/store/neo4j/neo4j-store';
import { describeGraphStoreContract } from './graph-store.contract';

const uri = process.env.NEO4J_URI;

if (!uri) {
  const reason = 'NEO4J_URI is not set: the Neo4j contract run needs a server (docker compose up -d neo4j, then NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=case-linkage-dev npm test)';
  console.warn(`skipped: ${reason}`);
  describe.skip(`GraphStore contract: neo4j — ${reason}`, () => it('runs against Neo4j', () => undefined));
} else {
  const settings = loadConfig({ ...process.env, GRAPH_STORE: 'neo4j' }).neo4j;
  /** Empties the test database: this suite owns the server it is pointed at. */
  const wipe = async () => {
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password));
    try {
      await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: settings.database });
    } finally {
      await driver.close();
    }
  };
  describeGraphStoreContract('neo4j', async () => {
    await wipe();
    return openNeo4jStore(settings);
  });
}
