import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvText, icbcCsv } from '../sheets/samples';
import { A, B, C, D, of } from '../sheets/scenario';
import { api, axeViolations, canvasNodes, shot, waitForNodes, useWebApp } from './harness';

/**
 * Issue 9's import page in headless Chromium against the real server: a GBK bank statement is
 * uploaded, previewed, imported, and the money trail it created opens on the canvas.
 */
describe('importing a bank statement in a browser', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'web-sheet-')), '工行流水.csv');
  writeFileSync(file, icbcCsv(A, '张三', of(A)));
  // A rural bank's layout no built-in mapping knows (帐 for 账, 变动金额, 凭证号).
  const odd = join(mkdtempSync(join(tmpdir(), 'web-sheet-')), '农商行流水.csv');
  writeFileSync(
    odd,
    csvText([
      ['某农商银行账户明细'],
      ['银行帐号', '入帐时间', '变动金额', '对方帐号', '对方姓名', '凭证号'],
      [C, '2026-02-07 09:30:00', '-88.00', B, '李四', 'NS01'],
      [C, '2026-02-07 11:00:00', '20.00', D, '王五', 'NS02'],
    ]),
  );
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
    await page.waitForURL((url) => url.pathname === '/workspace' && url.searchParams.getAll('open')[0] === `card:${A}` && url.searchParams.get('trail') === `card:${A}`);
    // The statement's own card's money trail, in the money panel: what left A (TX001), beside the statement's other counterparty.
    await page.getByTestId('money-summary').waitFor();
    expect(await page.getByTestId('money-summary').innerText()).toMatch(/^2 张卡，1 笔转账，/);
    await waitForNodes(page, `ids.includes('card:${B}') && ids.includes('card:${D}')`);
    expect((await canvasNodes(page)).map((n) => n.id).sort()).toEqual([`card:${A}`, `card:${B}`, `card:${D}`].sort());
    await shot(page, 'sheet-trail');
  });

  it('maps the columns of a statement no mapping knows, saves the mapping under a name, imports with it and offers it again', async () => {
    const { page, server } = web;
    await page.goto(`${server.url}/import`);
    await page.getByRole('heading', { name: '导入银行流水和通话详单' }).waitFor();
    await page.getByTestId('sheet-file').setInputFiles(odd);
    await page.getByTestId('sheet-preview').click();
    const editor = page.getByTestId('sheet-mapping-editor');
    await editor.waitFor();
    expect(await page.getByTestId('sheet-preview-table').locator('ul').innerText()).toContain('农商行流水.csv：没有可识别的表头');
    expect(await editor.locator('tbody th').allInnerTexts()).toEqual(['银行帐号', '入帐时间', '变动金额', '对方帐号', '对方姓名', '凭证号']);
    await page.getByTestId('sheet-editor-save').click();
    expect(await page.getByTestId('sheet-editor-problems').locator('li').allInnerTexts()).toEqual([
      '请填写映射名称（如银行或运营商名）',
      '缺少必填字段：请为本方卡号或本方账号选择一列',
      '缺少必填字段：请为交易时间或交易日期选择一列',
      '缺少必填字段：请为交易金额或借方金额（支出）或贷方金额（收入）选择一列',
    ]);
    for (const [i, field] of ['card', 'time', 'amount', 'counterAccount', 'counterName'].entries()) await page.getByTestId(`sheet-editor-field-${i}`).selectOption(field);
    // The preview follows the columns as they are assigned, before anything is saved: without a
    // transaction id column each row's key is made from its time and amount; with it, the id.
    const live = page.getByTestId('sheet-preview-table');
    await live.locator('li', { hasText: '规格 正在编辑的映射' }).waitFor();
    await live.locator('tbody tr').first().filter({ hasText: '~' }).waitFor();
    await page.getByTestId('sheet-editor-field-5').selectOption('txId');
    await live.locator('tbody tr').first().filter({ hasText: 'NS01' }).waitFor();
    expect(await live.locator('tbody tr').count()).toBe(2);
    await page.getByTestId('sheet-editor-zone').selectOption('Asia/Shanghai');
    await page.getByTestId('sheet-editor-name').fill('某农商银行');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'sheet-mapping-editor');
    await page.getByTestId('sheet-editor-save').click();
    await editor.waitFor({ state: 'detached' });
    const preview = page.getByTestId('sheet-preview-table');
    await preview.locator('li', { hasText: '规格 某农商银行' }).waitFor();
    expect(await preview.locator('tbody tr').count()).toBe(2);
    expect(await preview.locator('tbody tr').first().innerText()).toContain('NS01');
    expect(await page.getByTestId('sheet-mapping').inputValue()).toBe('某农商银行');
    await shot(page, 'sheet-mapped-preview');
    // Every state the progress shows on the way is recorded: bytes sent first, then (the server
    // reporting no progress) an indeterminate bar without a value; no percentage is made up.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid=sheet-progress]');
        if (!el) return;
        const bar = el.querySelector('progress')!;
        const state = `${el.getAttribute('data-phase')}:${bar.hasAttribute('value') ? 'value' : 'indeterminate'}`;
        if (seen[seen.length - 1] !== state) seen.push(state);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.getByTestId('sheet-import').click();
    await page.getByTestId('sheet-report').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen[0]).toBe('sending:value');
    expect(seen.filter((s) => s.startsWith('server:'))).toEqual(seen.includes('server:indeterminate') ? ['server:indeterminate'] : []);
    expect(await page.getByTestId('sheet-report').innerText()).toContain('已导入 2 行中的 2 行：新增链接 2 条');
    expect(await page.getByTestId('sheet-took').innerText()).toMatch(/^完成，用时 [\d.]+ 秒，共 2 行$/);
    const { data } = (await api(server.url, `{ moneyTrail(cardIds: ["card:${C}"], depth: 1) { links { key } } }`)) as { data: { moneyTrail: { links: { key: string }[] } } };
    expect(data.moneyTrail.links.map((l) => l.key)).toEqual(['NS01']); // the money C paid out (NS02 paid into C)
    await page.reload();
    await page.getByRole('heading', { name: '导入银行流水和通话详单' }).waitFor();
    await page.locator('[data-testid=sheet-mapping] option[value="某农商银行"]').waitFor({ state: 'attached' });
    expect(await page.getByTestId('sheet-mapping').locator('option').allInnerTexts()).toContain('某农商银行（sh-psb 保存）');
    await page.getByTestId('sheet-file').setInputFiles(odd);
    await page.getByTestId('sheet-mapping').selectOption('某农商银行');
    await page.getByTestId('sheet-preview').click();
    await page.getByTestId('sheet-preview-table').waitFor();
    expect(await page.getByTestId('sheet-preview-table').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('sheet-mapping-editor').count()).toBe(0);
  });

  it('imports a case bundle another agency sent, and names the line of a bad one without writing anything of it', async () => {
    const { page, server } = web;
    const dir = mkdtempSync(join(tmpdir(), 'web-bundle-'));
    const [caller, victim] = ['phone:+8617100000731', 'phone:+8613900000731'];
    const records = [
      { kind: 'meta', version: 1, agency: 'sh-psb' },
      { kind: 'source', id: 'src:sh-psb:bundle-test:cdr', type: 'CALL_RECORDS', reference: '受害人手机通话详单', sha256: 'a'.repeat(64), collectedAt: '2026-02-07T10:00:00+08:00', collectedBy: '反诈中心', owner: 'sh-psb' },
      { kind: 'node', label: 'Phone', id: caller, owner: 'sh-psb', props: { number: '+8617100000731' } },
      { kind: 'node', label: 'Phone', id: victim, owner: 'sh-psb', props: { number: '+8613900000731' } },
      { kind: 'link', type: 'CALLED', from: caller, to: victim, key: '2026-02-07T09:30:00+08:00', owner: 'sh-psb', sources: ['src:sh-psb:bundle-test:cdr'], props: { at: '2026-02-07T09:30:00+08:00', seconds: 95 } },
    ].map((r) => JSON.stringify(r));
    const bad = join(dir, '坏的案件包.ndjson');
    writeFileSync(bad, [...records.slice(0, 3), '{"kind":"node","label":"Phone","id":"phone:+8613900000732","props":{"number":"+8613900000732"},"owner":"sh-psb","extra":1}', ...records.slice(3)].join('\n'));
    const good = join(dir, '案件包.ndjson');
    writeFileSync(good, records.join('\n'));
    await page.goto(`${server.url}/import`);
    const form = page.getByTestId('bundle-import');
    await form.getByRole('heading', { name: '导入案件包' }).waitFor();
    await page.getByTestId('bundle-file').setInputFiles(bad);
    await page.getByTestId('bundle-submit').click();
    const notice = form.getByRole('alert');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('请求的内容有误：第 4 行：extra: unknown field');
    const nodes = async () => ((await api(server.url, `{ nodes(ids: ["${caller}", "${victim}"]) { id } }`)) as { data: { nodes: { id: string }[] } }).data.nodes.map((n) => n.id);
    expect(await nodes()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'bundle-bad-line');
    await page.getByTestId('bundle-file').setInputFiles(good);
    await page.getByTestId('bundle-submit').click();
    await page.getByTestId('bundle-summary').waitFor();
    expect(await page.getByTestId('bundle-summary').innerText()).toBe('已导入 5 行中的 4 条记录\n\n新增节点 2 个，更新 0 个；新增关系 1 条，更新 0 条；新增证据来源 1 个。');
    expect(await nodes()).toEqual([caller, victim]);
    await shot(page, 'bundle-imported');
  });
});
