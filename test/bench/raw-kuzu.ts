import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { LINK_TYPE_NAMES } from '../../server/src/domain/model';
import { KuzuRunner } from '../../server/src/store/kuzu/kuzu-runner';
import { normalizeTime } from '../../server/src/domain/normalize';
import { CsvLines, csvOptions, tableColumns } from '../../server/src/store/kuzu/staging';
import { encodeOwners } from '../../server/src/store/visibility';
import { synthetic, type SyntheticShape } from './synthetic';

const write = (out: WriteStream, line: string) => new Promise<void>((res) => (out.write(line) ? res() : out.once('drain', res)));

/**
 * The floor for import speed: the same graph written straight into CSV files (Kuzu's fastest
 * bulk format; the same encoding the importer's staging files use, staging.ts) and loaded with
 * one COPY per table into an empty database, timing the COPY statements alone. Nothing is
 * checked, merged or looked up, and no link-identity rows are written.
 */
export async function rawKuzuCopy(shape: SyntheticShape, dir: string): Promise<{ recordsPerSecond: number; seconds: number }> {
  const runner = await KuzuRunner.open(dir);
  await runner.applySchema();
  const tables = new Map<string, { out: WriteStream; csv: CsvLines; buffer: string[] }>();
  const rels = new Set<string>(LINK_TYPE_NAMES);
  const table = async (name: string) => {
    let t = tables.get(name);
    if (!t) {
      const csv = new CsvLines(await tableColumns(runner.session, name, rels.has(name)));
      t = { out: createWriteStream(join(dir, `${name}.csv`)), csv, buffer: [csv.header] };
      tables.set(name, t);
    }
    return t;
  };
  const add = async (name: string, row: Record<string, unknown>) => {
    const t = await table(name);
    const line = t.csv.line(row);
    if (line === null) throw new Error(`the synthetic graph has a value CSV cannot carry: ${JSON.stringify(row)}`);
    t.buffer.push(line);
    if (t.buffer.length === 10_000) {
      await write(t.out, t.buffer.join('\n') + '\n');
      t.buffer = [];
    }
  };
  const now = new Date().toISOString();
  let records = 0;
  for (const item of synthetic(shape)) {
    records++;
    if ('node' in item) {
      const n = item.node;
      await add('Entity', { ...n.props, id: n.id, label: n.label, owners: encodeOwners([n.owner]), createdAt: now, updatedAt: now });
    } else {
      const l = item.link;
      const props = { ...l.props, ...(typeof l.props.at === 'string' ? { at: normalizeTime(l.props.at) } : {}) };
      await add(l.type, { ...props, from: l.from, to: l.to, key: l.key, owner: l.owner, owners: encodeOwners([l.owner]), sources: [], createdAt: now, createdBy: 'bench' });
    }
  }
  for (const t of tables.values()) {
    if (t.buffer.length > 0) await write(t.out, t.buffer.join('\n') + '\n');
    await new Promise((res) => t.out.end(res));
  }
  const start = performance.now();
  for (const name of ['Entity', ...[...tables.keys()].filter((t) => t !== 'Entity')]) {
    await runner.session.query(`COPY ${name} FROM '${join(dir, `${name}.csv`)}' (${csvOptions(tables.get(name)!.csv.lineBreaks)})`);
  }
  const seconds = (performance.now() - start) / 1000;
  await runner.close();
  for (const name of tables.keys()) rmSync(join(dir, `${name}.csv`), { force: true });
  return { recordsPerSecond: records / seconds, seconds };
}

/**
 * The same graph loaded from Parquet: the tables of a database `rawKuzuCopy` filled are
 * exported with Kuzu's own COPY TO (in each table's column order) and loaded with one COPY per
 * table into an empty database in `dir`, timing those COPY statements alone. Kuzu reads Parquet
 * faster than CSV, so this is the lower floor; the importer stages CSV (no Parquet writer among
 * its dependencies), and the import row notes both.
 */
export async function rawKuzuParquetCopy(loaded: string, dir: string, records: number): Promise<{ recordsPerSecond: number; seconds: number }> {
  const source = await KuzuRunner.open(loaded);
  const tables = ['Entity', ...LINK_TYPE_NAMES];
  const rels = new Set<string>(LINK_TYPE_NAMES);
  const files: string[] = [];
  for (const name of tables) {
    const rel = rels.has(name);
    const { names } = await tableColumns(source.session, name, rel);
    const [count] = await source.session.query(rel ? `MATCH ()-[r:${name}]->() RETURN count(r) AS n` : `MATCH (n:${name}) RETURN count(n) AS n`);
    if (Number(count?.n ?? 0) === 0) continue;
    const columns = names.map((c) => (c === 'from' ? 'a.id' : c === 'to' ? 'b.id' : `${rel ? 'r' : 'n'}.${c}`)).join(', ');
    const file = join(dir, `${name}.parquet`);
    await source.session.query(`COPY (${rel ? `MATCH (a:Entity)-[r:${name}]->(b:Entity)` : `MATCH (n:${name})`} RETURN ${columns}) TO '${file}'`);
    files.push(name);
  }
  await source.close();
  const runner = await KuzuRunner.open(join(dir, 'db'));
  await runner.applySchema();
  const start = performance.now();
  for (const name of files) await runner.session.query(`COPY ${name} FROM '${join(dir, `${name}.parquet`)}'`);
  const seconds = (performance.now() - start) / 1000;
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
  return { recordsPerSecond: records / seconds, seconds };
}
