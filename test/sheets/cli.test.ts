import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { csvText, icbcCsv } from './samples';
import { A, B, D, of } from './scenario';

const cli = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/import-sheet.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, GRAPH_STORE: 'embedded' } });

describe('npm run import-sheet', () => {
  it('imports a statement, stops on a bad one writing nothing but the bad rows file, and skips bad rows when asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheet-cli-'));
    const good = join(dir, 'icbc.csv');
    writeFileSync(good, icbcCsv(A, '张三', of(A)));
    const ok = cli([good, '--agency', 'sh-psb', '--json'], join(dir, 'data'));
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split('\n').pop()!)).toMatchObject({ rows: 3, imported: 2, linksCreated: 2, stopped: false });

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, iconv.encode(csvText([['交易卡号', '交易时间', '交易金额', '收付标志', '对方账号'], [A, '2026-02-05 14:05:32', '1.00', '出', B], [A, 'soon', '2.00', '出', B]]), 'gbk'));
    const stopped = cli([bad, '--agency', 'sh-psb', '--mapping', 'bank-statement'], join(dir, 'data'));
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toContain('bad.csv!3 交易时间: not a time ("soon")');
    expect(stopped.stderr).toContain('nothing was written');
    expect(readFileSync(`${bad}.errors.csv`, 'utf8')).toContain('bad.csv,3,交易时间,soon,not a time');

    const errors = join(dir, 'out.csv');
    const skipped = cli([bad, '--agency', 'sh-psb', '--on-error', 'skip', '--errors', errors, '--json'], join(dir, 'data'));
    expect(skipped.status).toBe(0);
    expect(JSON.parse(skipped.stdout.trim().split('\n').pop()!)).toMatchObject({ rows: 2, imported: 1, errorCount: 1, linksCreated: 1 });
    expect(existsSync(errors)).toBe(true);
  });

  it('leaves links that a store opened the usual way (compressing) reads back whole, row citations included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheet-cli-'));
    const file = join(dir, 'icbc.csv');
    writeFileSync(file, icbcCsv(A, '张三', of(A)));
    const ok = cli([file, '--agency', 'sh-psb', '--json'], join(dir, 'data'));
    expect(ok.status).toBe(0);
    const { source } = JSON.parse(ok.stdout.trim().split('\n').pop()!) as { source: string };
    const store = await openKuzuStore(join(dir, 'data'));
    try {
      const { links } = await store.subgraph({ agencies: ['sh-psb'], userId: 'test' }, [`card:${A}`, `card:${B}`, `card:${D}`]);
      expect(links.map((l) => ({ key: l.key, amount: l.props.amount, sources: l.sources })).sort((x, y) => x.key.localeCompare(y.key))).toEqual([
        { key: 'TX001', amount: 123450, sources: [`${source}#icbc.csv!4`] },
        { key: 'TX004', amount: 1, sources: [`${source}#icbc.csv!5`] },
      ]);
    } finally {
      await store.close();
    }
  });
});
