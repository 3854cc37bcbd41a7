import { readFileSync, rmSync } from 'node:fs';
import type { PropDef } from '../../domain/model';
import type { PropValue } from '../../domain/types';
import { fieldEnd, fieldValue, scanRecords } from '../cache/csv';
import { LIST_SEPARATOR, typed } from '../cache/layout';
import { sourcesColumn } from './cited';
import { timeColumn } from './split-time';
import type { KuzuSession } from './kuzu-runner';

/**
 * Up to this many stored records are read back one primary-key join each (about a millisecond
 * a record here); more are found in one export of their whole table with Kuzu's parallel
 * COPY TO (a second or so a million rows, where the join took minutes and reading a
 * result row by row through the driver cost several times the export), which costs in
 * proportion to the table whatever the batch.
 */
export const JOIN_LIMIT = 1_000;

/**
 * The expression that exports `variable.name`: a list joined by LIST_SEPARATOR (decoded by
 * `exportedValue`); a link's sources with its split-off row citation in front (cited.ts); a link's
 * time as text from whichever column holds it (split-time.ts).
 */
export function exportColumn(variable: string, name: string, def: PropDef | undefined): string {
  if (name === 'sources') return `list_to_string('${LIST_SEPARATOR}', ${sourcesColumn(variable)})`;
  if (name === 'at') return timeColumn(variable);
  return def?.type === 'stringList' && name !== 'owners' ? `list_to_string('${LIST_SEPARATOR}', ${variable}.${name})` : `${variable}.${name}`;
}

/** An exported field as the value the driver would have given; null stays null. */
export function exportedValue(def: PropDef | undefined, value: string | null): PropValue | null {
  if (value === null) return null;
  return def ? typed(def, value) : value;
}

/**
 * Runs `COPY (query) TO file` and calls `onRecord` with each record's fields (null for a null;
 * the array is reused between calls), then removes the file.
 */
export async function exportRecords(s: KuzuSession, query: string, file: string, onRecord: (fields: (string | null)[]) => void): Promise<void> {
  if (file.includes("'")) throw new Error(`temporary file ${file} has a quote in its name`);
  await s.query(`COPY (${query}) TO '${file}'`);
  const buf = readFileSync(file);
  rmSync(file, { force: true });
  const fields: (string | null)[] = [];
  scanRecords(buf, (start, end) => {
    fields.length = 0;
    for (let pos = start; pos <= end; ) {
      const stop = fieldEnd(buf, pos, end);
      fields.push(fieldValue(buf, pos, stop));
      pos = stop + 1;
    }
    onRecord(fields);
  });
}
