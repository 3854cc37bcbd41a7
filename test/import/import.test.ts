import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';

const tsx = join('node_modules', '.bin', 'tsx');
const phone = (i: number) => `phone:+86137${String(i).padStart(8, '0')}`;

function bundle(nodes: number): string {
  const lines = [JSON.stringify({ kind: 'meta', version: 1, agency: 'sh-psb' })];
  for (let i = 0; i < nodes; i++) lines.push(JSON.stringify({ kind: 'node', label: 'Phone', id: phone(i), props: { number: phone(i).slice(6) } }));
  return lines.join('\n') + '\n';
}

describe('npm run import', () => {
  const cli = (dataDir: string, ...args: string[]) =>
    spawnSync(tsx, ['server/src/cli/import.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });

  it('imports, reports, and changes nothing the second time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'a.ndjson');
    writeFileSync(file, bundle(3));
    const first = cli(join(dir, 'data'), file, '--json');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      files: { [file]: { lines: 4, records: 3, batches: 1, nodesCreated: 3, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 } },
      counts: { nodes: 3, links: 0, sources: 0 },
    });
    const again = cli(join(dir, 'data'), file, '--json');
    expect(JSON.parse(again.stdout).counts).toEqual({ nodes: 3, links: 0, sources: 0 });
    expect(JSON.parse(again.stdout).files[file].nodesCreated).toBe(0);
  });

  it('stops at a bad line with its number, exit code 1, and nothing of its batch written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, bundle(2) + '{"kind":"node","label":"Phone","id":"phone:1","props":{"loss":5}}\n');
    const run = cli(join(dir, 'data'), file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}: line 4: props.loss: a Phone has no property loss`);
    expect(run.stderr).toContain('Nothing of the failed batch was written; 0 records before it were.');
    const count = cli(join(dir, 'data'), join(dir, 'empty.ndjson'));
    expect(count.status).toBe(2);
    expect(count.stderr).toContain('empty.ndjson: no such file');
  });

  it('refuses bad flags by name', () => {
    const run = cli(mkdtempSync(join(tmpdir(), 'cli-')), '--batch-size', 'lots', 'x.ndjson');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("option '--batch-size <n>' argument 'lots' is invalid. must be a whole number from 1 to 1000000");
  });

  it('keeps every acknowledged batch whole when the process is killed mid-import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crash-'));
    const file = join(dir, 'big.ndjson');
    writeFileSync(file, bundle(30_000));
    // One process (node with tsx's loader, not the tsx wrapper, which would leave its child running).
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/import/crash-child.ts', join(dir, 'data'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = 0;
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        for (const m of text.matchAll(/committed (\d+)/g)) acknowledged = Number(m[1]);
        if (acknowledged >= 3000 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(acknowledged).toBeGreaterThanOrEqual(3000);
    const store = await openKuzuStore(join(dir, 'data'));
    try {
      const { nodes } = await store.counts();
      // Every acknowledged batch is there, and nothing of a batch is there unless all of it is.
      expect(nodes).toBeGreaterThanOrEqual(acknowledged);
      expect(nodes % 1000).toBe(0);
      expect(nodes).toBeLessThan(30_000);
      const first = await store.getNodes({ agencies: ['sh-psb'], userId: 't' }, [phone(0), phone(acknowledged - 1)]);
      expect(first.map((n) => n.id)).toEqual([phone(0), phone(acknowledged - 1)]);
    } finally {
      await store.close();
    }
  });
});
