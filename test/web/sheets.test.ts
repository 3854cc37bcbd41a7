import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { icbcCsv } from '../sheets/samples';
import { A, B, D, of } from '../sheets/scenario';
import { api, axeViolations, canvasNodes, shot, waitForNodes, useWebApp } from './harness';

/**
 * Issue 9's import page in headless Chromium against the real server: a GBK bank statement is
 * uploaded, previewed, imported, and the money trail it created opens on the canvas.
 */
describe('importing a bank statement in a browser', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'web-sheet-')), '工行流水.csv');
  writeFileSync(file, icbcCsv(A, '张三', of(A)));
  const web = useWebApp();

  it('uploads a statement, previews it, imports it and opens the money trail it created', async () => {
    const { page, server } = web;
    await page.goto(`${server.url}/import`);
    await page.getByRole('heading', { name: '导入银行流水和通话详单' }).waitFor();
    await page.getByTestId('sheet-file').setInputFiles(file);
    await page.getByTestId('sheet-preview').click();
    const preview = page.getByTestId('sheet-preview-table');
    await preview.waitFor();
    expect(await preview.locator('tbody tr').count()).toBe(3);
    expect(await preview.locator('tbody tr').first().innerText()).toContain('TX001');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'sheet-preview');
    await page.getByTestId('sheet-import').click();
    await page.getByTestId('sheet-report').waitFor();
    expect(await page.getByTestId('sheet-report').innerText()).toContain('已导入 3 行中的 2 行：新增链接 2 条');
    const { data } = (await api(server.url, `{ moneyTrail(cardIds: ["card:${A}"], depth: 1) { links { key citations { label } } } }`)) as {
      data: { moneyTrail: { links: { key: string; citations: { label: string }[] }[] } };
    };
    expect(data.moneyTrail.links).toEqual([{ key: 'TX001', citations: [{ label: '工行流水.csv!4' }] }]);
    await shot(page, 'sheet-report');
    await page.getByTestId('sheet-open-trail').click();
    await page.waitForURL((url) => url.pathname === '/workspace' && url.searchParams.getAll('open')[0] === `card:${A}`);
    await waitForNodes(page, `ids.includes('card:${B}') && ids.includes('card:${D}')`);
    expect((await canvasNodes(page)).map((n) => n.id).sort()).toEqual([`card:${A}`, `card:${B}`, `card:${D}`].sort());
    await shot(page, 'sheet-trail');
  });
});
