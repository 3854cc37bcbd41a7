import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackage, verifyPackage } from '../../server/src/export/verify';
import { FJ, SH } from '../contract/fixture';
import { fixtureDocument, fixtureStore, investigator } from './fixture';

const run = (script: string, args: string[], dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join('server', 'src', 'cli', script), ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, GRAPH_STORE: 'embedded' } });

describe('npm run export and export:key', () => {
  it('writes a saved investigation’s package and its zip, signed with the key export:key shows', async () => {
    // The fixture store's folder is the data folder the CLI opens.
    const storeDir = mkdtempSync(join(tmpdir(), 'export-cli-store-'));
    const store = await fixtureStore(storeDir);
    const saved = await store.saveInvestigation(investigator, { name: '7·30 专案', document: JSON.stringify(fixtureDocument()), elementCount: 34 });
    await store.close();
    const dataDir = mkdtempSync(join(tmpdir(), 'export-cli-'));

    const key = run('export-key.ts', [], storeDir);
    expect(key.status, key.stderr).toBe(0);
    const publicKey = /^base64:\s+(\S+)$/m.exec(key.stdout)![1]!;

    const out = join(dataDir, 'package');
    const exported = run('export.ts', ['--investigation', saved.id, '--agencies', `${SH},${FJ}`, '--user', 'officer-7', '--out', out, '--as-of', '2099-01-01T00:00:00Z'], storeDir);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('15 nodes, 19 links (1 without a source)');
    expect(existsSync(`${out}.zip`)).toBe(true);
    expect(verifyPackage(readPackage(out), { expectedKey: publicKey })).toMatchObject({ ok: true });
    expect(verifyPackage(readPackage(`${out}.zip`), { expectedKey: publicKey })).toMatchObject({ ok: true });

    const strict = run('export.ts', ['--investigation', saved.id, '--agencies', SH, '--out', out, '--strict'], storeDir);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('1 link(s) have no source: KNOWS:');
    const unknown = run('export.ts', ['--investigation', 'inv:nope', '--agencies', SH, '--out', out], storeDir);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No investigation inv:nope.');
  }, 180_000);
});
