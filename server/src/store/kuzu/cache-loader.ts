import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allLinkProps, allNodeProps, LABEL_NAMES, LINK_TYPE_NAMES, type Label, type PropDef } from '../../domain/model';
import { fieldEnd, fieldValue, intField, scanRecords } from '../cache/csv';
import { GraphCache, grown } from '../cache/graph-cache';
import { LINK_COLUMNS, NODE_COLUMNS } from '../cache/layout';
import type { KuzuSession } from './kuzu-runner';
import { exportColumn } from './table-export';

const nodeProps = allNodeProps();
const linkProps = allLinkProps();

function column(variable: string, name: string, def: PropDef | undefined): string {
  if (name === '_row') return `offset(id(${variable}))`;
  if (name === '_from') return 'offset(id(a))';
  if (name === '_to') return 'offset(id(b))';
  return exportColumn(variable, name, def);
}

const nodeExport = (file: string) => `COPY (MATCH (n:Entity) RETURN ${NODE_COLUMNS.map((c) => column('n', c, nodeProps[c])).join(', ')}) TO '${file}'`;
const linkExport = (type: string, file: string) =>
  `COPY (MATCH (a:Entity)-[r:${type}]->(b:Entity) RETURN ${LINK_COLUMNS.map((c) => column('r', c, linkProps[c])).join(', ')}) TO '${file}'`;

async function countRows(session: KuzuSession): Promise<number> {
  const [row] = await session.query('MATCH (n:Entity) RETURN max(offset(id(n))) AS top');
  return Number(row?.top ?? 0);
}

/** Byte ranges of the first `count` fields of each record, and of each record. */
function records(buf: Uint8Array, count: number, onRecord: (slot: number, fields: Int32Array) => void): { start: Uint32Array; end: Uint32Array } {
  let start = new Uint32Array(1024);
  let end = new Uint32Array(1024);
  let n = 0;
  const fields = new Int32Array(count * 2);
  scanRecords(buf, (s, e) => {
    if (n === start.length) {
      start = grown(start, n + 1);
      end = grown(end, n + 1);
    }
    start[n] = s;
    end[n] = e;
    let pos = s;
    for (let f = 0; f < count; f++) {
      const stop = fieldEnd(buf, pos, e);
      fields[2 * f] = pos;
      fields[2 * f + 1] = stop;
      pos = stop + 1;
    }
    onRecord(n++, fields);
  });
  return { start: start.subarray(0, n), end: end.subarray(0, n) };
}

/**
 * Exports the graph with Kuzu's own COPY TO (parallel, a second for millions of records) into
 * `dir`, reads it into a GraphCache and removes the files. Runs inside one exclusive slot of
 * the runner, so no write lands between the node and the link exports.
 */
export async function loadGraphCache(session: KuzuSession, dir: string): Promise<GraphCache> {
  mkdirSync(dir, { recursive: true });
  const cache = new GraphCache();
  const nodesFile = join(dir, 'nodes.csv');
  const linkFiles = LINK_TYPE_NAMES.map((t) => join(dir, `${t}.csv`));
  try {
    await session.query(nodeExport(nodesFile));
    // Kuzu exports the next link table on its own threads while this one parses the last.
    let exporting = session.query(linkExport(LINK_TYPE_NAMES[0]!, linkFiles[0]!));

    const byRow = new Int32Array(1 + (await countRows(session)));
    const buf = readFileSync(nodesFile);
    const file = cache.nodeRows.length;
    const refs = records(buf, 4, (slot, f) => {
      const row = intField(buf, f[0]!, f[1]!);
      const label = fieldValue(buf, f[4]!, f[5]!) as Label;
      if (!LABEL_NAMES.includes(label)) throw new Error(`cache: node ${fieldValue(buf, f[2]!, f[3]!)} has no known label`);
      const owners = cache.ownerSet(fieldValue(buf, f[6]!, f[7]!) ?? '');
      // An unquoted id's bytes are the id; a quoted one (a comma in it) is decoded first.
      byRow[row] = buf[f[2]!] === 0x22 ? cache.addNode(fieldValue(buf, f[2]!, f[3]!)!, label, owners, file, slot) : cache.addNodeBytes(buf, f[2]!, f[3]!, label, owners, file, slot);
    });
    cache.addNodeRows({ buffer: buf, ...refs });

    for (const [i, type] of LINK_TYPE_NAMES.entries()) {
      await exporting;
      if (i + 1 < LINK_TYPE_NAMES.length) exporting = session.query(linkExport(LINK_TYPE_NAMES[i + 1]!, linkFiles[i + 1]!));
      const lbuf = readFileSync(linkFiles[i]!);
      rmSync(linkFiles[i]!, { force: true });
      const lfile = cache.linkRows.length;
      const lrefs = records(lbuf, 4, (slot, f) => {
        const from = byRow[intField(lbuf, f[0]!, f[1]!)]!;
        const to = byRow[intField(lbuf, f[2]!, f[3]!)]!;
        const owners = cache.ownerSet(fieldValue(lbuf, f[4]!, f[5]!) ?? '');
        const at = f[6] === f[7] ? NaN : Date.parse(fieldValue(lbuf, f[6]!, f[7]!)!);
        cache.addLink(from, to, type, at, owners, lfile, slot);
      });
      cache.addLinkRows({ buffer: lbuf, ...lrefs });
    }
    cache.buildAdjacency();
    return cache;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
