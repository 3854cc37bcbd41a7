import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { KuzuRunner } from '../../server/src/store/kuzu/kuzu-runner';
import { normalizeTime } from '../../server/src/domain/normalize';
import { encodeOwners } from '../../server/src/store/visibility';
import { synthetic, type SyntheticShape } from './synthetic';

const write = (out: WriteStream, line: string) => new Promise<void>((res) => (out.write(line) ? res() : out.once('drain', res)));

/**
 * The floor for import speed: the same graph written straight into Kuzu's own bulk format and
 * loaded with COPY into an empty database, timing the COPY statements alone.
 */
export async function rawKuzuCopy(shape: SyntheticShape, dir: string): Promise<{ recordsPerSecond: number; seconds: number }> {
  const runner = await KuzuRunner.open(dir);
  await runner.applySchema();
  const files = new Map<string, WriteStream>();
  const out = (table: string) => {
    let s = files.get(table);
    if (!s) files.set(table, (s = createWriteStream(join(dir, `${table}.json`))));
    return s;
  };
  const now = new Date().toISOString();
  let records = 0;
  for (const item of synthetic(shape)) {
    records++;
    if ('node' in item) {
      const n = item.node;
      await write(out('Entity'), JSON.stringify({ ...n.props, id: n.id, label: n.label, owners: encodeOwners([n.owner]), createdAt: now, updatedAt: now }) + '\n');
    } else {
      const l = item.link;
      const props = { ...l.props, ...(typeof l.props.at === 'string' ? { at: normalizeTime(l.props.at) } : {}) };
      await write(out(l.type), JSON.stringify({ ...props, from: l.from, to: l.to, key: l.key, owner: l.owner, owners: encodeOwners([l.owner]), sources: [], createdAt: now, createdBy: 'bench' }) + '\n');
    }
  }
  await Promise.all([...files.values()].map((s) => new Promise((res) => s.end(res))));
  const start = performance.now();
  for (const table of ['Entity', ...[...files.keys()].filter((t) => t !== 'Entity')]) {
    await runner.session.query(`COPY ${table} FROM '${join(dir, `${table}.json`)}'`);
  }
  const seconds = (performance.now() - start) / 1000;
  await runner.close();
  for (const table of files.keys()) rmSync(join(dir, `${table}.json`), { force: true });
  return { recordsPerSecond: records / seconds, seconds };
}
