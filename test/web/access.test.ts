import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, axeViolations, demoPasswords, idle, nodeOnPage, shot, useWebApp, waitForNodes, type RunningServer } from './harness';

/** In the demo data, Shanghai Pudong and Fujian Longyan both have a case with this collection card (seed/README.md). */
const CARD = 'card:6228276089516806214';
const FJ_CASE = 'case:A350800000000202402000002';
/** Pudong's case with the same card. */
const PUDONG_CASE = 'case:A310115000000202406000014';

/** Logs out whoever is signed in (once the app knows whether anyone is), then in as a demo user. */
async function logIn(page: Page, server: RunningServer, name: string, who: string) {
  const [loginName, logout] = [page.getByTestId('login-name'), page.getByTestId('logout')];
  await loginName.or(logout).first().waitFor();
  if (await logout.isVisible()) await logout.click();
  await loginName.fill(name);
  await page.getByTestId('login-password').fill(demoPasswords(server).get(name)!);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('session-who').getByText(who).waitFor();
}

/** What the signed-in user's own session sees of some nodes (the page's cookie). */
const nodesSeen = (page: Page, ids: string[]) =>
  page.evaluate(async (ids) => {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } }) });
    return ((await response.json()) as { data: { nodes: { id: string }[] } }).data.nodes.map((n) => n.id);
  }, ids);

/**
 * Issue 7's browser check: users of two agencies. Pudong sees that Fujian Longyan also holds a
 * card of its case — and nothing of Longyan's — asks for access, Longyan grants it, and Pudong
 * then opens Longyan's case on its canvas.
 */
describe('deconfliction and a request for access, between two agencies in a browser', () => {
  const web = useWebApp({ timeout: 30_000 });

  it('shows the hit, sends the request, the other agency grants it, and the requester sees the granted records', async () => {
    const { page, server, session } = web;
    const { data } = (await api(server.url, `{ nodes(ids: ["${CARD}", "${FJ_CASE}"]) { id owners } }`)) as { data: { nodes: { id: string; owners: string[] }[] } };
    expect(data.nodes.find((n) => n.id === CARD)!.owners).toEqual(expect.arrayContaining(['sh-pudong-psb', 'fj-longyan-psb']));
    expect(data.nodes.find((n) => n.id === FJ_CASE)!.owners).toEqual(['fj-longyan-psb']);

    session.autoSession = false;
    await page.goto(server.url);
    await logIn(page, server, 'pudong.investigator', '上海市公安局浦东分局 · 侦查员');
    expect(await nodesSeen(page, [CARD, FJ_CASE])).toEqual([CARD]);

    // The home page's stories: Pudong's own opens; the others say who holds them and whom to log in as.
    await page.getByTestId('story-wu').getByText('此案例的记录由上海市公安局闵行分局掌握，您所在的机构看不到；以演示用户 minhang.investigator 登录即可打开。').waitFor();
    expect(await page.getByTestId('story-hidden').count()).toBe(3);
    expect(await page.getByTestId('story-boss').getByRole('link', { name: '查看串并案件' }).count()).toBe(1);
    expect(await page.getByTestId('story-wu').getByRole('link').count()).toBe(0);

    // The hit on the card: Longyan holds it too, by name only.
    await page.goto(`${server.url}/workspace?open=${encodeURIComponent(CARD)}`);
    await waitForNodes(page, `ids.includes('${CARD}')`);
    await idle(page);
    const card = await nodeOnPage(page, CARD);
    await page.mouse.click(card.x, card.y);
    await page.getByTestId('tab-details').click();
    const hit = page.getByTestId('deconfliction-hit').getByTestId('hit-fj-longyan-psb');
    await hit.getByText('福建省龙岩市公安局也掌握此银行卡').waitFor();
    expect(await page.getByTestId('deconfliction-hit').innerText()).not.toContain('A350800000000202402000002');
    await shot(page, 'access-1-hit');

    // The request, with its reason.
    await hit.getByTestId('hit-request').click();
    await page.getByTestId('request-access-send').click();
    await page.getByTestId('request-access-dialog').getByText('请填写理由（至少 4 个字符）。').waitFor();
    await page.getByTestId('request-access-reason').fill('浦东 A310115000000202406000014 案收款卡与贵局案件重合，请求串并核查');
    await page.getByTestId('request-access-send').click();
    await hit.getByTestId('hit-status').getByText('已发送访问请求，等待对方决定').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'access-2-requested');

    // Longyan grants it.
    await logIn(page, server, 'fj.investigator', '福建省龙岩市公安局 · 侦查员');
    await page.getByTestId('nav-access').click();
    const incoming = page.getByTestId('access-incoming');
    const row = incoming.locator('tbody tr').filter({ hasText: '上海市公安局浦东分局' });
    await row.getByText('浦东 A310115000000202406000014 案收款卡与贵局案件重合，请求串并核查').waitFor();
    expect(await row.getByTestId('access-status').innerText()).toContain('待决定');
    await row.getByTestId('access-note').fill('同意，联系人：龙岩市局反诈中心');
    await shot(page, 'access-3-incoming');
    await row.getByTestId('access-grant').click();
    await row.getByTestId('access-status').getByText('已同意').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'access-4-granted');

    // Pudong now sees Longyan's case, and opens it on the canvas.
    await logIn(page, server, 'pudong.investigator', '上海市公安局浦东分局 · 侦查员');
    expect(await nodesSeen(page, [CARD, FJ_CASE])).toEqual([CARD, FJ_CASE]);
    await page.getByTestId('nav-access').click();
    const outgoing = page.getByTestId('access-outgoing').locator('tbody tr').filter({ hasText: '福建省龙岩市公安局' });
    await outgoing.getByTestId('access-status').getByText('已同意').waitFor();
    expect(await outgoing.getByTestId('access-status').innerText()).toContain('同意，联系人：龙岩市局反诈中心');
    await outgoing.getByTestId('access-open-granted').click();
    await waitForNodes(page, `ids.includes('${FJ_CASE}') && ids.includes('${CARD}')`);
    await idle(page);
    await shot(page, 'access-5-granted-on-canvas');
    // Before each login the app asks who is signed in, and the server answers 401: that is how the login screen shows.
    expect(session.errors.filter((e) => e !== 'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)')).toEqual([]);
  }, 240_000);

  it('a task force: the lead invites two agencies, Pudong shares its case into it, Longyan sees it and the request between them', async () => {
    const { page, server, session } = web;
    session.autoSession = false;
    await page.goto(server.url);
    await logIn(page, server, 'sh.lead', '上海市公安局反电信网络诈骗中心 · 专案组组长');
    await page.getByRole('link', { name: '专案组' }).click();
    await page.getByTestId('tf-name').fill('沪闽 6214 卡专案组');
    await page.getByTestId('tf-purpose').fill('浦东与龙岩收款卡串并');
    await page.getByTestId('tf-create').click();
    await page.getByTestId('tf-title').getByText('沪闽 6214 卡专案组').waitFor();
    for (const agency of ['福建省龙岩市公安局', '上海市公安局浦东分局']) {
      await page.getByTestId('tf-add-agency').selectOption({ label: agency });
      await page.getByTestId('tf-add-member').click();
      await page.getByTestId('tf-members').getByText(agency).waitFor();
    }
    const address = page.url();
    await shot(page, 'access-6-task-force-members');

    // Pudong shares its case into it.
    await logIn(page, server, 'pudong.investigator', '上海市公安局浦东分局 · 侦查员');
    await page.goto(address);
    await page.getByTestId('tf-share-case').fill(PUDONG_CASE.replace('case:', ''));
    await page.getByTestId('tf-share').click();
    await page.getByTestId('tf-shares').getByText(PUDONG_CASE.replace('case:', '')).waitFor();

    // Longyan sees the shared case, and on the same page the request Pudong sent it.
    await logIn(page, server, 'fj.investigator', '福建省龙岩市公安局 · 侦查员');
    expect(await nodesSeen(page, [PUDONG_CASE])).toEqual([PUDONG_CASE]);
    await page.goto(address);
    await page.getByTestId('tf-shares').getByText(PUDONG_CASE.replace('case:', '')).waitFor();
    const request = page.getByTestId('tf-requests-incoming').locator('tbody tr').filter({ hasText: '上海市公安局浦东分局' });
    await request.getByTestId('access-status').getByText('已同意').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'access-7-task-force-shared');
    await page.getByTestId('tf-shares').getByRole('button', { name: '在画布上打开' }).click();
    await waitForNodes(page, `ids.includes('${PUDONG_CASE}')`);

    // Longyan takes its grant back: from the next request on, Pudong no longer sees Longyan's case.
    await page.getByTestId('nav-access').click();
    const granted = page.getByTestId('access-incoming').locator('tbody tr').filter({ hasText: '上海市公安局浦东分局' });
    await granted.getByTestId('access-note').fill('案件移送起诉，收回授权');
    await granted.getByTestId('access-withdraw').click();
    await granted.getByTestId('access-status').getByText('已收回').waitFor();
    expect(await granted.getByTestId('access-status').innerText()).toContain('案件移送起诉，收回授权');
    expect(await granted.getByTestId('access-withdraw').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'access-8-withdrawn');
    await logIn(page, server, 'pudong.investigator', '上海市公安局浦东分局 · 侦查员');
    expect(await nodesSeen(page, [CARD, FJ_CASE])).toEqual([CARD]);
    expect(session.errors.filter((e) => e !== 'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)')).toEqual([]);
  }, 240_000);

  it('the audit trail: the admin filters it by the action the request above recorded and sees exactly those records; an investigator has no link to it', async () => {
    const { page, server, session } = web;
    session.autoSession = false;
    await page.goto(server.url);
    await logIn(page, server, 'pudong.investigator', '上海市公安局浦东分局 · 侦查员');
    await page.getByTestId('nav-access').waitFor();
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    const forbidden = (await api(server.url, '{ auditTrail(limit: 1) { seq } }')) as { errors?: { extensions?: { code?: string } }[] };
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await logIn(page, server, 'mps.admin', '公安部刑事侦查局 · 管理员');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'clg_session')!.value;
    const { data } = (await api(server.url, '{ auditTrail(action: "requestAccess", limit: 50) { seq userId agency action outcome detail } }', cookie)) as {
      data: { auditTrail: { seq: number; userId: string; agency: string; action: string; outcome: string; detail: string }[] };
    };
    const expected = data.auditTrail;
    expect(expected.map((r) => [r.userId, r.agency, r.action, r.outcome])).toContainEqual(['user:pudong.investigator', 'sh-pudong-psb', 'requestAccess', 'ok']);
    expect(expected.every((r) => r.action === 'requestAccess')).toBe(true);

    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('audit-action').fill('requestAccess');
    await page.getByTestId('audit-apply').click();
    const seqs = JSON.stringify(expected.map((r) => String(r.seq)));
    await page.waitForFunction(`JSON.stringify([...document.querySelectorAll('[data-testid=audit-table] tbody tr')].map((tr) => tr.dataset.seq)) === ${JSON.stringify(seqs)}`);
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    for (const [i, r] of expected.entries()) {
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      expect(cells.slice(1, 4)).toEqual([r.userId, r.agency, 'requestAccess']);
      expect(cells[5]).toBe(r.outcome === 'ok' ? '成功' : r.outcome);
      expect(cells[6]).toBe(r.detail);
    }
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'access-8-audit-trail');
    expect(session.errors.filter((e) => e !== 'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)')).toEqual([]);
  }, 240_000);

  it('the Shanghai centre sees its district bureaus’ records: every demo story opens, and the report says what it counts', async () => {
    const { page, server, session } = web;
    session.autoSession = false;
    await page.goto(server.url);
    await logIn(page, server, 'sh.investigator', '上海市公安局反电信网络诈骗中心 · 侦查员');
    expect(await nodesSeen(page, [PUDONG_CASE, FJ_CASE])).toEqual([PUDONG_CASE]);
    await page.getByTestId('story-wu').getByRole('link').first().waitFor();
    expect(await page.getByTestId('story-hidden').count()).toBe(0);

    const cookie = (await page.context().cookies()).find((c) => c.name === 'clg_session')!.value;
    const { data } = (await api(server.url, '{ stats { cases { cases } } }', cookie)) as { data: { stats: { cases: { cases: number } } } };
    expect(data.stats.cases.cases).toBeGreaterThan(0);
    await page.getByRole('link', { name: '年度数据' }).click();
    const scope = '统计范围：上海市公安局反电信网络诈骗中心及所辖 6 个单位（上海市公安局宝山分局、上海市公安局静安分局、上海市公安局闵行分局、上海市公安局浦东分局、上海市公安局松江分局、上海市公安局徐汇分局）的记录，以及共享给本单位的记录。';
    await page.getByTestId('report-scope').getByText(scope).waitFor();
    await expect.poll(async () => /(\d+)\s*起/.exec(await page.getByTestId('figure-reported').innerText())?.[1]).toBe(`${data.stats.cases.cases}`);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'access-9-centre-report');
  }, 120_000);
});
