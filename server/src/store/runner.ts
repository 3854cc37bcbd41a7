import type { UpsertResult } from '../domain/types';
import type { Engine } from './cypher';
import type { CheckedBatch } from './batch-check';
import type { RecordSet } from './task-forces';

/**
 * A value as runners hand it to the shared store: plain data only. Engine node values become
 * `{ _iid, ...properties }`, relationship values `{ _type, _src, _dst, ...properties }` where
 * `_src`/`_dst` are the `_iid`s of its ends; integers are numbers, nulls are left out.
 */
export type Row = Record<string, unknown>;

/** What an engine adapter provides; everything else is shared (cypher-store.ts). */
export interface CypherRunner {
  readonly engine: Engine;
  readonly kind: 'embedded' | 'neo4j';
  applySchema(): Promise<void>;
  /** Runs the named query from cypher/ with parameters; `bounds` fill marked path-length literals. */
  read(name: string, params: Record<string, unknown>, bounds?: Record<string, number>): Promise<Row[]>;
  /** Writes a checked batch in one transaction. */
  write(batch: CheckedBatch, by: string, now: string): Promise<UpsertResult>;
  /** Runs the named query that writes (application records: investigations) in a write transaction of its own. */
  writeQuery(name: string, params: Record<string, unknown>): Promise<Row[]>;
  /**
   * Grants (`grant`) or withdraws a principal (`~tf:…`, visibility.ts) on stored records in one
   * transaction: each owners string gains or loses that token, every other token stays.
   */
  setGrant(principal: string, records: RecordSet, grant: boolean): Promise<void>;
  close(): Promise<void>;
}
