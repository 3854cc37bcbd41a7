/**
 * The `export` row of the benchmark: the evidence package of a 2,000-element investigation
 * (about 700 nodes and 1,300 links, every link citing one of 300 sources, Chinese names and
 * references throughout, laid out on a canvas), built from a fresh embedded store in `--dir`
 * (default test/bench/tmp/export). Prints its rows as the last line of JSON (run.ts reads it).
 *
 *   npx tsx test/bench/export.ts [--dir DIR] [--samples 3]
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import type { ApiViewer } from '../../server/src/api/viewer';
import { readCanvas } from '../../server/src/export/collect';
import { exportKeyOf } from '../../server/src/export/keys';
import { buildEvidencePackage } from '../../server/src/export/package';
import { importBundle } from '../../server/src/import/importer';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import type { Row } from './run';
import { rng } from './synthetic';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const BANKS = ['工商银行', '建设银行', '农业银行', '中国银行', '招商银行'];

/** A case-bundle of `nodes` nodes and `links` links joined the way investigations are: cases, people, their cards and phones, money and calls. */
export function investigationBundle(nodes: number, links: number, seed = 11): { lines: string[]; ids: string[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const lines = [JSON.stringify({ kind: 'meta', version: 1, agency: 'sh-psb', agencyName: '上海市公安局' })];
  for (let s = 0; s < 300; s++) {
    lines.push(JSON.stringify({ kind: 'source', id: `src:bench-${s}`, type: s % 2 ? 'BANK_STATEMENT' : 'CALL_RECORDS', reference: `${pick(BANKS)} 交易流水 第${s}号 调证回执`, sha256: (s.toString(16).padStart(4, '0')).repeat(16) }));
  }
  const byLabel: Record<string, string[]> = { Case: [], Person: [], BankCard: [], Phone: [] };
  for (let i = 0; i < nodes; i++) {
    const label = i % 10 === 0 ? 'Case' : i % 10 < 4 ? 'Person' : i % 10 < 7 ? 'BankCard' : 'Phone';
    const id = label === 'Case' ? `case:B${i}` : label === 'Person' ? `person:bench-${i}` : label === 'BankCard' ? `card:6222${String(i).padStart(15, '0')}` : `phone:+86139${String(i).padStart(8, '0')}`;
    byLabel[label]!.push(id);
    const props =
      label === 'Case' ? { caseNo: `沪公刑${2026}${i}`, category: 'IMPERSONATE_AUTHORITY', channel: 'PHONE', loss: 100 * i, province: '上海' }
      : label === 'Person' ? { name: `${pick([...SURNAMES])}${pick([...GIVEN])}${pick([...GIVEN])}`, gender: pick(['F', 'M']) }
      : label === 'BankCard' ? { number: id.slice(5), bank: pick(BANKS) }
      : { number: id.slice(6), carrier: '中国移动' };
    lines.push(JSON.stringify({ kind: 'node', label, id, props }));
  }
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  for (let n = 0; n < links; n++) {
    const source = [`src:bench-${n % 300}`];
    const kind = n % 10;
    const link =
      kind < 4 ? { type: 'TRANSFERRED', from: pick(byLabel.BankCard!), to: pick(byLabel.BankCard!), key: `tx${n}`, props: { txId: `tx${n}`, amount: 1000 + n * 37, at: at(n) } }
      : kind < 7 ? { type: 'CALLED', from: pick(byLabel.Phone!), to: pick(byLabel.Phone!), key: at(n), props: { at: at(n), seconds: n % 600 } }
      : kind === 7 ? { type: 'INVOLVES', from: pick(byLabel.Case!), to: pick([...byLabel.BankCard!, ...byLabel.Phone!]), key: `k${n}`, props: { how: '收款卡' } }
      : kind === 8 ? { type: 'HOLDS', from: pick(byLabel.Person!), to: pick(byLabel.BankCard!), key: `k${n}`, props: {} }
      : { type: 'SUSPECT_IN', from: pick(byLabel.Person!), to: pick(byLabel.Case!), key: `k${n}`, props: {} };
    lines.push(JSON.stringify({ kind: 'link', ...link, sources: source }));
  }
  return { lines, ids: Object.values(byLabel).flat() };
}

export async function benchExport(dir: string, samples = 3): Promise<Row[]> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = await openKuzuStore(join(dir, 'store'));
  try {
    const { lines, ids } = investigationBundle(700, 1300);
    await importBundle(store, (async function* () { yield lines; })(), { by: 'bench' });
    await store.ready();
    const side = Math.ceil(Math.sqrt(ids.length));
    const positions = Object.fromEntries(ids.map((id, i) => [id, { x: (i % side) * 90, y: Math.floor(i / side) * 90 }]));
    const canvas = readCanvas({ graph: { nodes: Object.fromEntries(ids.map((id) => [id, { id }])), links: {} }, positions });
    const viewer: ApiViewer = { agencies: ['sh-psb'], userId: 'bench', role: 'INVESTIGATOR', agency: 'sh-psb', name: 'bench', sessionId: 'bench' };
    const key = exportKeyOf(generateKeyPairSync('ed25519').privateKey);
    const times: number[] = [];
    const cpu: number[] = [];
    let last: Awaited<ReturnType<typeof buildEvidencePackage>> | undefined;
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      const used = process.cpuUsage();
      last = await buildEvidencePackage(store, viewer, { canvas, investigation: { id: 'inv:bench', name: '基准 2,000 元素' }, asOf: new Date().toISOString() }, { key });
      times.push((performance.now() - start) / 1000);
      const spent = process.cpuUsage(used);
      cpu.push((spent.user + spent.system) / 1e6);
    }
    const c = last!.manifest.counts;
    const sizes = last!.files.map((f) => `${f.name} ${Math.round(f.bytes.byteLength / 1024)} KiB`).join(', ');
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    return [
      {
        name: `evidence export of a ${c.nodes + c.links}-element investigation (all files, signed, zipped)`,
        value: Math.round(median * 100) / 100,
        unit: 's',
        target: '≤ 10',
        note: `median of ${samples} (${times.map((t) => t.toFixed(2)).join(', ')} s wall; CPU ${cpu.map((t) => t.toFixed(2)).join(', ')} s, both threads; load average ${loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores); last run's steps in ms: ${Object.entries(last!.timings).map(([k, v]) => `${k} ${v}`).join(', ')}; ${sizes}; zip ${Math.round(last!.zip.byteLength / 1024)} KiB`,
      },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = new Command().option('--dir <dir>', 'work folder (removed after)', join('test', 'bench', 'tmp', 'export')).option('--samples <n>', 'exports to time', Number, 3).parse().opts<{ dir: string; samples: number }>();
  benchExport(opts.dir, opts.samples).then(
    (rows) => console.log(JSON.stringify(rows)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
