import type { Config } from '../config';
import type { GraphStore } from './graph-store';
import { openKuzuStore } from './kuzu/kuzu-store';
import { openNeo4jStore } from './neo4j/neo4j-store';

/** The store the configuration names, schema applied. */
export function openStore(config: Pick<Config, 'graphStore' | 'dataDir' | 'neo4j'>): Promise<GraphStore> {
  return config.graphStore === 'neo4j' ? openNeo4jStore(config.neo4j) : openKuzuStore(config.dataDir);
}
