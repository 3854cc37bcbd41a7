import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngScale } from '../../web/src/workspace/export';
import { api, ARTIFACTS, demoPasswords, axeViolations, canvasNodes, idle, nodeOnPage, shot, useWebApp, waitForNodes, type WebApp } from './harness';

/** The demo's story numbers (seed/README.md). */
const CALLER_PHONE = 'phone:+8617093073001';
const TEAM_LEADER = 'person:441581198610150028'; // 陈文杰, who made Ms Wang's call
const WU_CASE = 'case:A310112000000202408900821';
const WU_CARD = 'card:6212261001730821007';
const COLLECTION_CARDS = ['card:6212261002730821001', 'card:6212261002730821002', 'card:6212261002730821003'];

/**
 * Issue 5's "done means", in headless Chromium against the real server on the demo data. The
 * steps run in order on one page, each leaving a screenshot in test-artifacts/web/.
 */
describe('the investigation workspace in a browser', () => {
  const web = useWebApp({ timeout: 15_000 });
  /** The steps build on each other: after one fails, the rest fail at once instead of waiting out their timeouts. */
  let broken = '';
  const step = (name: string, fn: (app: WebApp) => Promise<void>) =>
    it(name, async () => {
      if (broken) throw new Error(`not run: "${broken}" failed`);
      try {
        await fn(web);
      } catch (error) {
        broken = name;
        await shot(web.page, `failed-${name.slice(0, 40).replace(/[^\w]+/g, '-')}`).catch(() => undefined);
        throw error;
      }
    });

  step('opens on the first screen in Chinese, with the stories and the search box, accessible', async ({ page, server }) => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: '从一个号码开始，查清整个团伙' }).waitFor();
    expect(await page.locator('[data-testid^=story-]').count()).toBe(4);
    await shot(page, '01-home');
    expect(await axeViolations(page)).toEqual([]);
  });

  step('searches the 7·30 gang’s caller number and opens it on the canvas', async ({ page }) => {
    await page.getByTestId('search-input').fill('+8617093073001');
    await page.getByTestId('search-input').press('Enter');
    const results = page.getByTestId('search-results');
    await results.waitFor();
    expect((await results.locator('h3').allInnerTexts()).map((s) => s.trim())).toEqual(['电话 1']);
    await shot(page, '02-search');
    await results.getByRole('button', { name: '在画布上打开: +8617093073001' }).click();
    await waitForNodes(page, `ids.length === 1 && ids[0] === '${CALLER_PHONE}'`);
    await idle(page);
    expect(new URL(page.url()).pathname).toBe('/workspace');
  });

  step('expands twice: the phone by double-click, its team leader from the context menu', async ({ page }) => {
    const phone = await nodeOnPage(page, CALLER_PHONE);
    await page.mouse.dblclick(phone.x, phone.y);
    await waitForNodes(page, `ids.includes('${TEAM_LEADER}')`);
    await idle(page);
    const leader = await nodeOnPage(page, TEAM_LEADER);
    await page.mouse.click(leader.x, leader.y, { button: 'right' });
    await page.getByTestId('context-menu').waitFor();
    await shot(page, '03-context-menu');
    await page.getByTestId('menu-expand').click();
    await waitForNodes(page, `ids.includes('person:360122198712130017')`); // 郑志强, his boss
    await idle(page);
    await shot(page, '04-expanded-twice');
  });

  step('lays the gang out as a hierarchy: every manager above every caller', async ({ page }) => {
    await page.getByTestId('layout-select').selectOption('hierarchy');
    await page.waitForSelector('[data-testid=workspace][data-layout=hierarchy]');
    await idle(page);
    const nodes = await canvasNodes(page);
    const managers = nodes.filter((n) => n.layer === 'MANAGEMENT');
    const callers = nodes.filter((n) => n.layer === 'CALLER');
    expect(managers.map((n) => n.id)).toEqual(['person:360122198712130017']);
    // 陈文杰 and the eight callers of his team (seed/README.md: callers in teams of about eight).
    expect(callers.map((n) => n.id).sort()).toEqual([
      'person:310107199105050017',
      'person:310117198008260010',
      'person:350102198607030017',
      'person:360122198106050017',
      'person:360122200103020023',
      'person:410102198004190018',
      'person:420106198412070012',
      'person:430111199409280024',
      TEAM_LEADER,
    ]);
    expect(Math.max(...managers.map((n) => n.py))).toBeLessThan(Math.min(...callers.map((n) => n.py)));
    expect(nodes.filter((n) => n.id.startsWith('band:')).map((n) => n.id)).toEqual(['band:MANAGEMENT', 'band:CALLER']);
    await shot(page, '05-gang-hierarchy');
    expect(await axeViolations(page)).toEqual([]);
  });

  step('finds the shortest paths between two selected people and highlights them', async ({ page, server }) => {
    const boss = await nodeOnPage(page, 'person:360122198712130017');
    const caller = await nodeOnPage(page, 'person:310107199105050017');
    await page.mouse.click(boss.x, boss.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(caller.x, caller.y);
    await page.keyboard.up('Shift');
    await page.getByTestId('tab-paths').click();
    await page.getByRole('button', { name: '查找最短路径' }).click();
    await idle(page);
    const { data } = await api(server.url, `{ paths(from: "person:360122198712130017", to: "person:310107199105050017", maxHops: 6, k: 5) { paths { nodeIds linkIds } } }`);
    const expected = (data as { paths: { paths: { nodeIds: string[]; linkIds: string[] }[] } }).paths.paths;
    expect(expected.length).toBeGreaterThan(0);
    await page.getByText(`找到 ${expected.length} 条路径，已在画布上高亮。`).waitFor();
    const lit = await page.evaluate(() => window.caseLinkage!.cy.$('.highlighted').map((e) => e.id()).sort());
    expect(lit).toEqual([...new Set(expected.flatMap((p) => [...p.nodeIds, ...p.linkIds]))].sort());
    await shot(page, '05b-paths');
  });

  let beforeTrail: string[] = [];
  step('opens the money trail of Ms Wu’s case', async ({ page }) => {
    beforeTrail = (await canvasNodes(page)).map((n) => n.id).sort();
    await page.getByTestId('search-input').fill('A310112000000202408900821');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('search-dropdown').getByRole('button', { name: '加到画布: A310112000000202408900821' }).click();
    await waitForNodes(page, `ids.includes('${WU_CASE}')`);
    await idle(page);
    const wu = await nodeOnPage(page, WU_CASE);
    await page.mouse.click(wu.x, wu.y, { button: 'right' });
    await page.getByTestId('menu-money').click();
    await page.getByTestId('money-summary').waitFor();
    await idle(page);
    const nodes = await canvasNodes(page);
    const at = (id: string) => nodes.find((n) => n.id === id)!;
    for (const card of COLLECTION_CARDS) expect(at(card).x).toBeGreaterThan(at(WU_CARD).x);
    expect(await page.getByTestId('workspace').getAttribute('data-layout')).toBe('money');
    expect(await page.getByTestId('money-summary').innerText()).toMatch(/^\d+ 张卡，\d+ 笔转账，冻结 /);
    // From the keyboard: a transfer's first cell is a button that shows it, and its cards, on the canvas.
    await page.locator('table.transfers:not([data-testid]) tbody tr').first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.caseLinkage!.cy.$('.highlighted').map((e) => (e.isEdge() ? 'edge' : 'node')).sort().join())).toBe('edge,node,node');
    await shot(page, '06-money-trail');
  });

  let afterUndo: string[] = [];
  step('undoes the money trail with Ctrl+Z, and redoes it', async ({ page }) => {
    await page.getByTestId('canvas').focus();
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid=workspace][data-layout=hierarchy]');
    afterUndo = (await canvasNodes(page)).map((n) => n.id).sort();
    expect(afterUndo).toContain(WU_CASE);
    for (const card of [WU_CARD, ...COLLECTION_CARDS]) expect(afterUndo).not.toContain(card);
    expect(afterUndo).toEqual([...new Set([...beforeTrail, WU_CASE])].sort());
    await shot(page, '07-undone');
    // Redo brings the trail back (Ctrl+Shift+Z, and Ctrl+Y after another undo).
    await page.keyboard.press('Control+Shift+z');
    await page.waitForSelector('[data-testid=workspace][data-layout=money]');
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid=workspace][data-layout=hierarchy]');
    await page.keyboard.press('Control+y');
    await page.waitForSelector('[data-testid=workspace][data-layout=money]');
    expect((await canvasNodes(page)).map((n) => n.id)).toEqual(expect.arrayContaining([WU_CARD, ...COLLECTION_CARDS]));
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid=workspace][data-layout=hierarchy]');
  });

  let savedUrl = '';
  step('saves the investigation, opens it from its shared link and from the recent list', async ({ page }) => {
    await page.getByTestId('investigation-name').fill('“7·30”团伙研判');
    await page.getByTestId('save').click();
    await page.waitForURL(/\/investigations\/inv%3A/);
    await page.getByTestId('save-state').getByText('已保存（第 1 版）').waitFor();
    savedUrl = page.url();
    const saved = (await canvasNodes(page)).map((n) => [n.id, Math.round(n.x), Math.round(n.y)]).sort();
    await shot(page, '08-saved');

    await page.goto(savedUrl);
    await waitForNodes(page, `ids.length === ${saved.length}`);
    await idle(page);
    expect(await page.getByTestId('investigation-name').inputValue()).toBe('“7·30”团伙研判');
    expect((await canvasNodes(page)).map((n) => [n.id, Math.round(n.x), Math.round(n.y)]).sort()).toEqual(saved);
    expect(await page.getByTestId('workspace').getAttribute('data-layout')).toBe('hierarchy');
    await shot(page, '09-reopened-from-link');

    await page.getByRole('link', { name: '案件串并分析' }).click();
    await page.getByTestId('recent').getByRole('link', { name: '“7·30”团伙研判' }).click();
    await waitForNodes(page, `ids.length === ${saved.length}`);
    await idle(page);
    expect(new URL(page.url()).href).toBe(savedUrl);
  });

  step('exports the view as PNG and SVG', async ({ page }) => {
    const box = await page.evaluate(() => {
      const cy = window.caseLinkage!.cy;
      const bb = cy.elements().boundingBox();
      return {
        w: bb.w,
        h: bb.h,
        ratio: (cy as unknown as { renderer(): { getPixelRatio(): number } }).renderer().getPixelRatio(),
        texts: cy.nodes().map((n) => String(n.data('text') ?? '')),
      };
    });
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/^“7·30”团伙研判-\d{8}-\d{4}\.png$/);
    const bytes = readFileSync(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const scale = pngScale(box) * box.ratio;
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([Math.floor(Math.ceil(box.w) * scale), Math.floor(Math.ceil(box.h) * scale)]);

    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const text = readFileSync(await svg.path(), 'utf8');
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '') };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    // Every node's label is in the drawing, the team leader and Ms Wu's case among them.
    const drawn = new Set(parsed.texts);
    expect(box.texts.flatMap((t) => t.split('\n')).filter((line) => line && !drawn.has(line))).toEqual([]);
    expect(box.texts).toEqual(expect.arrayContaining(['陈文杰（文哥）', 'A310112000000202408900821']));
    await shot(page, '11-exported');
  });

  step('switches to English, and keeps the panels and dialogs accessible', async ({ page, server, session }) => {
    await page.getByTestId('lang-switch').click();
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    const leader = await nodeOnPage(page, TEAM_LEADER);
    await page.mouse.click(leader.x, leader.y);
    await page.getByTestId('tab-details').click();
    await page.getByTestId('details').waitFor();
    // Who contributed the record, by the agencies' names.
    const { data } = (await api(server.url, `{ nodes(ids: ["${TEAM_LEADER}"]) { owners } agencies { id name } }`)) as { data: { nodes: { owners: string[] }[]; agencies: { id: string; name: string }[] } };
    const names = data.nodes[0]!.owners.map((o) => data.agencies.find((a) => a.id === o)!.name);
    expect(names.length).toBeGreaterThan(0);
    await page.getByTestId('details').getByText(names.join(', '), { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('session-who').waitFor();
    expect(await page.getByTestId('session-who').textContent()).toBe('上海市公安局反电信网络诈骗中心 · Investigator');
    await shot(page, '12-english-session');
    await page.getByTestId('lang-switch').click();
    // canvas2svg (inside cytoscape-svg) logs this for every node icon it draws; the SVG is whole all the same.
    expect(session.errors.filter((e) => e !== 'console: Attempted to apply path command to node g')).toEqual([]);
    expect(readFileSync(join(ARTIFACTS, '01-home.png')).length).toBeGreaterThan(1000);
  });
  step('filters the canvas by a window brushed on the timeline, and undoes it', async ({ page }) => {
    await page.getByTestId('timeline-toggle').click();
    const strip = page.getByTestId('timeline').locator('svg');
    const box = (await strip.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.getByText(/^时间筛选中：/).waitFor();
    const filtered = await page.evaluate(() => window.caseLinkage!.cy.$('.hidden-by-time').length);
    expect(filtered).toBeGreaterThan(0);
    await shot(page, '13-timeline');
    await page.keyboard.press('Control+z');
    await page.getByText(/^时间筛选中：/).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.caseLinkage!.cy.$('.hidden-by-time').length)).toBe(0);
    await page.getByTestId('timeline-toggle').click();
  });

  step('says what was searched when nothing is found', async ({ page }) => {
    await page.getByTestId('search-input').fill('没有这个人');
    await page.getByTestId('search-input').press('Enter');
    expect(await page.getByTestId('search-empty').innerText()).toContain('没有找到与“没有这个人”相符的号码、卡号、姓名、案件或账号。');
    await page.getByTestId('search-input').press('Escape');
  });

  step('groups the nodes by label, and undoes it', async ({ page }) => {
    await page.getByRole('button', { name: '按类型分组' }).click();
    await page.waitForSelector('[data-testid=workspace][data-layout=grid]');
    const parents = await page.evaluate(() =>
      window.caseLinkage!.cy.nodes().filter((n) => !n.isParent()).map((n) => [n.data('label') as string, (n.data('parent') as string | undefined) ?? '']),
    );
    expect(parents.length).toBeGreaterThan(0);
    expect(parents.filter(([label, parent]) => parent !== `group:${label}`)).toEqual([]);
    await shot(page, '13b-grouped');
    await page.keyboard.press('Control+z');
    await page.waitForSelector('[data-testid=workspace][data-layout=hierarchy]');
    expect(await page.evaluate(() => window.caseLinkage!.cy.nodes(':parent').length)).toBe(0);
  });

  step('keeps a hub from flooding the canvas: a placeholder stands for the rest and expands on demand', async ({ page }) => {
    await page.getByRole('button', { name: '清空画布' }).click();
    await page.getByTestId('search-input').fill('96110');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('search-dropdown').getByRole('button', { name: '加到画布: 96110' }).click();
    await waitForNodes(page, `ids.length === 1 && ids[0] === 'phone:96110'`);
    await idle(page);
    const hub = await nodeOnPage(page, 'phone:96110');
    await page.mouse.dblclick(hub.x, hub.y);
    const placeholder = 'more:Phone:phone:96110';
    await waitForNodes(page, `ids.includes('${placeholder}')`);
    await idle(page);
    const count = () => page.evaluate((id) => window.caseLinkage!.cy.getElementById(id).data('count') as number | undefined, placeholder);
    const phones = () => page.evaluate(() => window.caseLinkage!.cy.nodes('.phone').filter((n) => !n.hasClass('placeholder')).length);
    const [before, phonesBefore] = [await count(), await phones()];
    expect(before).toBeGreaterThan(100);
    expect(await page.evaluate((id) => window.caseLinkage!.cy.getElementById(id).data('text') as string, placeholder)).toBe(`还有 ${before} 个电话号码`);
    await shot(page, '14-hub-placeholder');
    const more = await nodeOnPage(page, placeholder);
    await page.mouse.dblclick(more.x, more.y);
    await page.waitForFunction(([id, n]) => window.caseLinkage!.cy.getElementById(id as string).data('count') !== n, [placeholder, before] as const);
    await idle(page);
    const [after, phonesAfter] = [(await count()) ?? 0, await phones()];
    expect(before! - after).toBe(phonesAfter - phonesBefore);
    expect(phonesAfter - phonesBefore).toBe(100);
    await shot(page, '15-hub-expanded');
  });
  step('labels a hovered node on the canvas, and in a graph of over 1,000 elements with a tip over the canvas that leaves its style alone', async ({ page }) => {
    const target = (await canvasNodes(page)).find((n) => n.label === 'Phone')!;
    const text = await page.evaluate((id) => window.caseLinkage!.cy.getElementById(id).data('text') as string, target.id);
    const point = await nodeOnPage(page, target.id);
    const labelled = () => page.evaluate((id) => window.caseLinkage!.cy.getElementById(id).hasClass('show-label'), target.id);
    const away = async () => {
      const box = (await page.getByTestId('canvas').boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + box.height - 2);
    };
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction((id) => window.caseLinkage!.cy.getElementById(id).hasClass('show-label'), target.id);
    expect(await page.getByTestId('hover-tip').count()).toBe(0);
    await away();
    expect(await labelled()).toBe(false);
    // Over 1,000 elements (added straight to Cytoscape, far off screen, and taken away after).
    await page.evaluate(() => void window.caseLinkage!.cy.add(Array.from({ length: 1000 }, (_, i) => ({ group: 'nodes' as const, data: { id: `far:${i}`, text: '' }, position: { x: 1e6 + i, y: 1e6 } }))));
    await page.mouse.move(point.x, point.y);
    await page.getByTestId('hover-tip').waitFor();
    expect(await page.getByTestId('hover-tip').innerText()).toBe(text);
    expect(await labelled()).toBe(false);
    await shot(page, '15b-hover-tip');
    await away();
    await page.getByTestId('hover-tip').waitFor({ state: 'detached' });
    await page.evaluate(() => void window.caseLinkage!.cy.remove('[id ^= "far:"]'));
  });
  step('says in words what went wrong, and retries the same request', async ({ page, server }) => {
    await page.goto(`${server.url}/investigations/inv%3Ano-such-investigation`);
    const alert = page.getByRole('alert');
    await alert.getByText('加载时出错').waitFor();
    expect(await alert.innerText()).toContain('要找的内容不存在，或您无权查看。');
    await alert.getByRole('button', { name: '重试' }).click();
    await idle(page);
    await page.getByRole('alert').getByText('加载时出错').waitFor();
    await shot(page, '16-error');
  });
  step('logs out to the login screen, refuses a wrong password, and logs in as a demo user of one agency', async ({ page, server, session }) => {
    session.autoSession = false;
    await page.getByTestId('logout').click();
    await page.getByTestId('login').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('login-name').fill('fj.investigator');
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-problem').getByText('登录名或密码错误。').waitFor();
    await page.getByTestId('login-password').fill(demoPasswords(server).get('fj.investigator')!);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('session-who').getByText('福建省龙岩市公安局 · 侦查员').waitFor();
    await shot(page, '17-logged-in-fujian');
  });
});
