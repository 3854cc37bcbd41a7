import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackage, verifyPackage } from '../../server/src/export/verify';
import { api, idle, nodeOnPage, shot, waitForNodes, useWebApp } from './harness';

const CALLER_PHONE = 'phone:+8617093073001';

/** Issue 8's browser check: the evidence package of a saved investigation, downloaded and verified. */
describe('the evidence export in a browser', () => {
  const web = useWebApp({ timeout: 30_000 });

  it('exports a saved investigation and the package verifies against the server’s key', async () => {
    const { page, server, session } = web;
    await page.goto(server.url);
    await page.getByTestId('search-input').fill('+8617093073001');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('search-results').getByRole('button', { name: '在画布上打开: +8617093073001' }).click();
    await waitForNodes(page, `ids.length === 1`);
    await idle(page);
    const phone = await nodeOnPage(page, CALLER_PHONE);
    await page.mouse.dblclick(phone.x, phone.y);
    await waitForNodes(page, `ids.length > 5`);
    await idle(page);
    await page.getByTestId('investigation-name').fill('证据包导出');
    await page.getByTestId('save').click();
    await page.getByTestId('save-state').getByText('已保存（第 1 版）').waitFor();
    const investigationId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-evidence').click()]);
    expect(download.suggestedFilename()).toMatch(/^evidence-.*\.zip$/);
    const zip = join(mkdtempSync(join(tmpdir(), 'evidence-web-')), download.suggestedFilename());
    await download.saveAs(zip);
    await page.getByTestId('evidence-state').waitFor();
    await shot(page, 'evidence-exported');

    const { data } = (await api(server.url, '{ exportKey { publicKey fingerprint } }')) as { data: { exportKey: { publicKey: string; fingerprint: string } } };
    const files = readPackage(zip);
    const result = verifyPackage(files, { expectedKey: data.exportKey.publicKey });
    expect(result).toMatchObject({ ok: true, failures: [], fingerprint: data.exportKey.fingerprint });
    const manifest = JSON.parse(Buffer.from(files.get('manifest.json')!).toString('utf8'));
    expect(manifest).toMatchObject({ investigation: { id: investigationId, name: '证据包导出' }, exportedBy: { userId: 'investigator-1', role: 'INVESTIGATOR' } });
    expect(manifest.counts.nodes).toBeGreaterThan(5);
    expect(await page.getByTestId('evidence-state').innerText()).toContain(data.exportKey.fingerprint.slice(0, 4));
    expect(session.errors).toEqual([]);
  }, 180_000);
});
