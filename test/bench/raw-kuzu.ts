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
