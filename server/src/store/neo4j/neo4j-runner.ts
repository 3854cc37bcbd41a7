import type { UpsertResult } from '../../domain/types';
import type { CheckedBatch } from '../batch-check';
import { loadQueries, statements, withBounds } from '../cypher';
import type { CypherRunner, Row } from '../runner';
import type { RecordSet } from '../task-forces';
import { assertPrincipal } from '../visibility';
import { num } from '../mapping';
import { Executor, type Neo4jSettings } from './executor';

/** Rows per statement inside one batch's transaction, to keep each UNWIND's memory modest. */
const CHUNK = 5_000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Neo4j 5 through the official driver. */
export class Neo4jRunner implements CypherRunner {
  readonly engine = 'neo4j' as const;
  readonly kind = 'neo4j' as const;
  private readonly queries = loadQueries('neo4j');

  private constructor(private readonly executor: Executor) {}

  static async connect(settings: Neo4jSettings): Promise<Neo4jRunner> {
    return new Neo4jRunner(await Executor.connect(settings));
  }

  async applySchema(): Promise<void> {
    for (const ddl of statements(this.named('schema'))) await this.executor.write((run) => run(ddl, {}));
  }

  read(name: string, params: Record<string, unknown>, bounds: Record<string, number> = {}): Promise<Row[]> {
    return this.executor.read(withBounds(this.named(name), bounds), params);
  }

  write(batch: CheckedBatch, by: string, now: string): Promise<UpsertResult> {
    return this.executor.write(async (run) => {
      const result: UpsertResult = { nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 };
      for (const rows of chunks(batch.sources)) {
        const [r] = await run(this.named('upsert-sources'), { rows, now });
        result.sourcesCreated += num(r?.created);
      }
      for (const rows of chunks(batch.nodes)) {
        const [r] = await run(this.named('upsert-nodes'), { rows, now });
        result.nodesCreated += num(r?.created);
        result.nodesUpdated += num(r?.updated);
      }
      for (const rows of chunks(batch.links)) {
        const [r] = await run(this.named('upsert-links'), { rows, now, by });
        result.linksCreated += num(r?.created);
        result.linksUpdated += num(r?.updated);
      }
      return result;
    });
  }

  writeQuery(name: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.executor.write((run) => run(this.named(name), params));
  }

  async setGrant(principal: string, records: RecordSet, grant: boolean): Promise<void> {
    assertPrincipal(principal);
    const params = { principal, token: `|${principal}|`, grant };
    await this.executor.write(async (run) => {
      for (const ids of chunks([...new Set(records.nodes)])) await run(this.named('grant-nodes'), { ...params, ids });
      for (const links of chunks(records.links)) await run(this.named('grant-links'), { ...params, links });
    });
  }

  close(): Promise<void> {
    return this.executor.close();
  }

  private named(name: string): string {
    const query = this.queries.get(name);
    if (!query) throw new Error(`no query named ${name} in cypher/`);
    return query;
  }
}
