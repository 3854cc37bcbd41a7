import { describe, expect, it } from 'vitest';
import { api, axeViolations, shot, useWebApp } from './harness';

/**
 * Issue 6's dashboard and call-first list in headless Chromium on the demo data: the figures the
 * API computes are the ones shown, a figure opens the cases behind it, and a warning opens on the canvas.
 */
describe('the yearly report and early warning in a browser', () => {
  const web = useWebApp();

  it('shows the figures of the graph, and the cases behind one of them', async () => {
    const { page, server } = web;
    const { data } = (await api(server.url, '{ stats { cases { cases } suspects byStatus { key cases } } cases(status: SOLVED) { total } }')) as {
      data: { stats: { cases: { cases: number }; suspects: number; byStatus: { key: string; cases: number }[] }; cases: { total: number } };
    };
    const solved = data.stats.byStatus.find((b) => b.key === 'SOLVED')?.cases ?? 0;
    expect(data.cases.total).toBe(solved);
    await page.goto(`${server.url}/report`);
    await page.getByRole('heading', { name: '反诈年度数据（由图谱实时计算）' }).waitFor();
    await expect.poll(() => page.getByTestId('figure-reported').innerText()).toContain(`${data.stats.cases.cases}`);
    expect(await page.getByTestId('figure-suspects').innerText()).toContain(`${data.stats.suspects}`);
    await page.getByTestId('figure-solved').click();
    await page.getByRole('heading', { name: `破获案件：共 ${solved} 起案件` }).waitFor();
    expect(await page.getByTestId('report-cases').locator('tbody tr').count()).toBe(Math.min(20, solved));
    await shot(page, 'report');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lists whom to warn first and opens one on the canvas', async () => {
    const { page, server } = web;
    await page.goto(`${server.url}/warnings`);
    await page.getByTestId('warnings').waitFor();
    const { data } = (await api(server.url, '{ earlyWarnings(limit: 100) { node { id caption } } }')) as { data: { earlyWarnings: { node: { id: string; caption: string } }[] } };
    expect(await page.getByTestId('warnings').locator('tbody tr').count()).toBe(data.earlyWarnings.length);
    await shot(page, 'warnings');
    await page.getByTestId('warnings').locator('tbody tr').first().getByRole('button').click();
    await page.waitForURL((url) => url.pathname === '/workspace' && url.searchParams.getAll('open')[0] === data.earlyWarnings[0]!.node.id);
  });
});
