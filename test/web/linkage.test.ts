import { describe, expect, it } from 'vitest';
import { api, axeViolations, idle, nodeOnPage, shot, waitForNodes, useWebApp } from './harness';

/** Ms Wu's case in the demo (seed/README.md): the 7·30 gang's cards link it to other cases. */
const WU_CASE = 'case:A310112000000202408900821';

/**
 * Issue 6's case linkage in headless Chromium on the demo data: the series list the API gives,
 * one opened on the canvas, and a linked case rejected with a reason from the linked-cases panel.
 */
describe('case linkage in a browser', () => {
  const web = useWebApp({ timeout: 30_000 });

  it('lists the case series with their reasons and opens one on the canvas', async () => {
    const { page, server } = web;
    const { data } = (await api(server.url, '{ caseSeries(limit: 50) { total series { caseIds } } }')) as { data: { caseSeries: { total: number; series: { caseIds: string[] }[] } } };
    expect(data.caseSeries.total).toBeGreaterThan(0);
    await page.goto(`${server.url}/series`);
    await page.getByRole('heading', { name: '串并案件系列' }).waitFor();
    const rows = page.getByTestId('series').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(data.caseSeries.series.length);
    expect(await rows.first().locator('th').innerText()).toMatch(/^\d+ 起案件，共用/);
    await shot(page, 'series');
    expect(await axeViolations(page)).toEqual([]);
    await rows.first().getByRole('button').click();
    await page.waitForURL((url) => url.pathname === '/workspace' && url.searchParams.getAll('open')[0] === data.caseSeries.series[0]!.caseIds[0]);
    // The cases open with the identifiers that join them and every link among them.
    const opened = new URL(page.url()).searchParams.getAll('open');
    const { data: among } = (await api(server.url, `{ subgraph(ids: ${JSON.stringify(opened)}) { nodes { id } links { id } } }`)) as { data: { subgraph: { nodes: { id: string }[]; links: { id: string }[] } } };
    expect(among.subgraph.links.length).toBeGreaterThan(0);
    await waitForNodes(page, `ids.length === ${among.subgraph.nodes.length}`);
    const edges = await page.evaluate(() => (window as unknown as { caseLinkage: { cy: { edges(): { id(): string }[] } } }).caseLinkage.cy.edges().map((e) => e.id()).sort());
    expect(edges).toEqual(among.subgraph.links.map((l) => l.id).sort());
  });

  it('rejects a proposed link with a reason, and the panel shows the judgement', async () => {
    const { page, server } = web;
    await page.goto(`${server.url}/workspace?open=${encodeURIComponent(WU_CASE)}`);
    await waitForNodes(page, `ids.includes('${WU_CASE}')`);
    await idle(page);
    const wu = await nodeOnPage(page, WU_CASE);
    await page.mouse.click(wu.x, wu.y, { button: 'right' });
    // The menu opens at the node, which may sit near the canvas edge: click it wherever it is drawn.
    await page.getByTestId('menu-linked').dispatchEvent('click');
    const list = page.getByTestId('linked-list');
    await list.waitFor();
    const first = list.locator(':scope > li').first();
    expect(await first.getByTestId('linked-score').innerText()).toMatch(/^关联度 \d/);
    await first.getByTestId('judge-reject').click();
    await first.getByTestId('judge-save').click();
    await first.getByText('请填写理由。').waitFor();
    await first.getByTestId('judge-reason').fill('收款卡号录入错误');
    await first.getByTestId('judge-save').click();
    await expect.poll(() => list.locator(':scope > li[data-linked="false"]').count()).toBe(1);
    const rejected = list.locator(':scope > li[data-linked="false"]');
    expect(await rejected.getByTestId('linked-score').innerText()).toBe('已否定');
    expect(await rejected.innerText()).toContain('理由：收款卡号录入错误');
    await shot(page, 'linked-rejected');
  });
});
