import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import kuzu, { type Connection, type Database, type KuzuValue, type PreparedStatement, type QueryResult } from 'kuzu';
import type { UpsertResult } from '../../domain/types';
import type { CheckedBatch } from '../batch-check';
import { loadQueries, statements, withBounds } from '../cypher';
import { StoreLockedError } from '../graph-store';
import type { CypherRunner, Row } from '../runner';
import { writeBatch, type ColumnCache } from './bulk-write';
import { writeGrant } from './grant-write';
import type { RecordSet } from '../task-forces';
import { inline } from './literals';
import { plainRow } from './values';

const CHECKPOINT_BYTES = 256 * 2 ** 20;
const PREPARED_CACHE_SIZE = 500;

/** Runs one statement at a time on one connection: a write transaction must not interleave with reads. */
class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export interface KuzuSession {
  /** Runs a statement with bound parameters (prepared and cached) and returns its rows as plain data. */
  query(text: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** The embedded engine: a Kuzu database in a folder on disk. */
export class KuzuRunner implements CypherRunner {
  readonly engine = 'kuzu' as const;
  readonly kind = 'embedded' as const;
  private readonly queries = loadQueries('kuzu');
  private readonly prepared = new Map<string, PreparedStatement>();
  private readonly serial = new Serial();
  private readonly columns: ColumnCache = new Map();

  private constructor(
    private readonly db: Database,
    private readonly conn: Connection,
    readonly path: string,
  ) {}

  /**
   * Opens (creating if needed) the database file `<dataDir>/graph.kuzu`. `compression: false`
   * writes what this process stores uncompressed (kuzu-store.ts says when that pays).
   */
  static async open(dataDir: string, options: { compression?: boolean } = {}): Promise<KuzuRunner> {
    const path = resolve(dataDir, 'graph.kuzu');
    mkdirSync(dirname(path), { recursive: true });
    // Checkpoint when the write-ahead log passes 256 MiB rather than Kuzu's 16 MiB: a bulk import
    // otherwise spends as long checkpointing after each batch as writing it.
    const db = new kuzu.Database(path, 0, options.compression ?? true, false, 0, true, CHECKPOINT_BYTES);
    try {
      await db.init();
    } catch (error) {
      if (/lock/i.test(String(error))) throw new StoreLockedError(path);
      throw error;
    }
    const conn = new kuzu.Connection(db);
    await conn.init();
    return new KuzuRunner(db, conn, path);
  }

  async applySchema(): Promise<void> {
    for (const ddl of statements(this.named('schema'))) await this.session.query(ddl);
  }

  read(name: string, params: Record<string, unknown>, bounds: Record<string, number> = {}): Promise<Row[]> {
    const { text, bound } = inline(withBounds(this.named(name), bounds), params);
    return this.serial.run(() => this.execute(text, bound));
  }

  write(batch: CheckedBatch, by: string, now: string): Promise<UpsertResult> {
    return this.serial.run(async () => {
      const session: KuzuSession = { query: (text, params) => this.execute(text, params ?? {}) };
      await this.execute('BEGIN TRANSACTION', {});
      try {
        const result = await writeBatch(session, batch, by, now, this.columns);
        await this.execute('COMMIT', {});
        return result;
      } catch (error) {
        await this.execute('ROLLBACK', {}).catch(() => undefined);
        throw error;
      }
    });
  }

  setGrant(principal: string, records: RecordSet, grant: boolean): Promise<void> {
    return this.serial.run(async () => {
      const session: KuzuSession = { query: (text, params) => this.execute(text, params ?? {}) };
      await this.execute('BEGIN TRANSACTION', {});
      try {
        await writeGrant(session, principal, records, grant);
        await this.execute('COMMIT', {});
      } catch (error) {
        await this.execute('ROLLBACK', {}).catch(() => undefined);
        throw error;
      }
    });
  }

  /** One statement is one transaction in Kuzu: a named write runs like a read. */
  writeQuery(name: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.read(name, params);
  }

  async close(): Promise<void> {
    await this.serial.run(async () => {
      await this.conn.close();
      await this.db.close();
    });
  }

  /** Runs `task` with the connection to itself: no other statement runs until it settles. */
  exclusive<T>(task: (session: KuzuSession) => Promise<T>): Promise<T> {
    return this.serial.run(() => task({ query: (text, params) => this.execute(text, params ?? {}) }));
  }

  /** Direct access for the schema and for benchmarks that measure the raw engine. */
  get session(): KuzuSession {
    return { query: (text, params) => this.serial.run(() => this.execute(text, params ?? {})) };
  }

  private named(name: string): string {
    const query = this.queries.get(name);
    if (!query) throw new Error(`no query named ${name} in cypher/`);
    return query;
  }

  private async execute(text: string, params: Record<string, unknown>): Promise<Row[]> {
    let result: QueryResult | QueryResult[];
    if (Object.keys(params).length === 0) {
      result = await this.conn.query(text);
    } else {
      let statement = this.prepared.get(text);
      if (!statement) {
        statement = await this.conn.prepare(text);
        if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
        // Inlined viewer and filter values make statements per viewer and time window: keep the
        // cache bounded, dropping the oldest.
        if (this.prepared.size >= PREPARED_CACHE_SIZE) this.prepared.delete(this.prepared.keys().next().value!);
        this.prepared.set(text, statement);
      }
      result = await this.conn.execute(statement, params as Record<string, KuzuValue>);
    }
    // Results are closed here, not left to the garbage collector: one collected after its
    // database was closed crashes the process (Kuzu 0.11's native binding).
    const results = Array.isArray(result) ? result : [result];
    try {
      // getAllSync: the rows are already computed, and the async getAll costs a thread-pool round trip per row.
      const rows = results[results.length - 1]!.getAllSync();
      return rows.map(plainRow);
    } finally {
      for (const r of results) r.close();
    }
  }
}
