import { toLinkInput, toNodeInput, toSource } from '../bundle/to-batch';
import { parseRecord } from '../bundle/validate';
import type { Batch, UpsertResult } from '../domain/types';
import { BatchError, type GraphStore } from '../store/graph-store';

export interface ImportOptions {
  /** Owner of records that name none, until a meta record names the bundle's agency. */
  agency?: string;
  /** Who is importing, recorded on every link created. */
  by: string;
  /** Records per transaction. */
  batchSize?: number;
  /** Called after each committed batch with the number of lines read so far. */
  onBatch?: (progress: ImportSummary) => void;
}

export interface ImportSummary extends UpsertResult {
  lines: number;
  records: number;
  batches: number;
}

/** A line that cannot be imported. Batches before its batch are committed; nothing of its own is. */
export class ImportError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly committed: ImportSummary,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'ImportError';
  }
}

/**
 * Large: the embedded engine's COPY into a link table costs time in proportion to the links it
 * already holds (a second 100,000-link COPY into a table took twice the first), so a bundle goes
 * in fastest in few batches.
 */
export const DEFAULT_BATCH_SIZE = 1_000_000;

interface Pending {
  batch: Batch;
  lines: { node: number[]; link: number[]; source: number[] };
}

const empty = (): Pending => ({ batch: { nodes: [], links: [], sources: [] }, lines: { node: [], link: [], source: [] } });

/**
 * Imports case-bundle NDJSON lines into the store, one transaction per batch. Every line is
 * parsed and checked before its batch is written; the first bad line stops the import with its
 * number and reason, and nothing of its batch is written. Importing the same lines again
 * changes nothing.
 */
export async function importBundle(
  store: GraphStore,
  lines: AsyncIterable<string | string[]>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const summary: ImportSummary = { lines: 0, records: 0, batches: 0, nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 };
  let agency = options.agency;
  let pending = empty();
  let count = 0;

  // The store writes one batch while the next is parsed and checked: the engine works on its
  // own threads, so the two overlap. Batches still commit one after another, in file order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (count === 0) return;
    const { batch, lines: at } = pending;
    const records = count;
    pending = empty();
    count = 0;
    await writing;
    writing = store.upsert(batch, options.by).then(
      (result) => {
        for (const key of Object.keys(result) as (keyof UpsertResult)[]) summary[key] += result[key];
        summary.records += records;
        summary.batches++;
        options.onBatch?.({ ...summary });
      },
      (error: unknown) => {
        if (error instanceof BatchError) throw new ImportError(at[error.kind][error.index]!, error.message, { ...summary });
        throw error;
      },
    );
    // Seen by the next flush or the end of the import; this only keeps it from counting as unhandled meanwhile.
    writing.catch(() => undefined);
  };

  let lineNo = 0;
  /** Parses one line into the pending batch; throws ImportError naming the line. */
  const add = async (raw: string) => {
    lineNo++;
    const line = raw.trim();
    if (line.length === 0) return;
    try {
      const record = parseRecord(line);
      if (record.kind === 'meta') {
        agency = record.agency;
        return;
      }
      const owner = record.owner ?? agency;
      if (!owner) throw new Error('no owner: the record names none, there is no meta record before it, and no --agency was given');
      if (record.kind === 'node') pending.batch.nodes.push(toNodeInput(record, owner));
      if (record.kind === 'link') pending.batch.links.push(toLinkInput(record, owner));
      if (record.kind === 'source') pending.batch.sources.push(toSource(record, owner));
      pending.lines[record.kind].push(lineNo);
    } catch (error) {
      await writing;
      throw new ImportError(lineNo, (error as Error).message, { ...summary, lines: lineNo - 1 });
    }
    count++;
    summary.lines = lineNo;
    if (count >= size) await flush();
  };

  // Lines come one by one or in chunks (readLines yields a chunk at a time: cheaper to iterate).
  for await (const item of lines) {
    if (typeof item === 'string') await add(item);
    else for (const raw of item) await add(raw);
  }
  summary.lines = lineNo;
  await flush();
  await writing;
  return summary;
}
