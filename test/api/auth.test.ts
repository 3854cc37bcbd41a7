import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditTrail } from '../../server/src/auth/audit-log';
import { Sessions } from '../../server/src/auth/sessions';
import { runAuditVerify } from '../../server/src/cli/audit-verify';
import { runAddUser } from '../../server/src/cli/user';
import { loadConfig } from '../../server/src/config';
import { createApp, type App } from '../../server/src/http/app';
import { CypherGraphStore } from '../../server/src/store/cypher-store';
import { KuzuRunner } from '../../server/src/store/kuzu/kuzu-runner';
import { SH } from '../contract/fixture';

const ROOT = join(import.meta.dirname, '..', '..');

async function openStore(dir: string) {
  const runner = await KuzuRunner.open(dir);
  const store = new CypherGraphStore(runner);
  await store.applySchema();
  return { runner, store };
}

const post = (app: App, path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.fetch(new Request(`http://test${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));

describe('accounts, sessions and the audit trail', () => {
  let dir: string;
  let runner: KuzuRunner;
  let store: CypherGraphStore;
  let app: App;
  let password: string;
  let leadPassword: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'auth-'));
    ({ runner, store } = await openStore(dir));
    app = createApp({ store, config: loadConfig({}), sessions: new Sessions(store.accounts, Buffer.alloc(32, 7)) });
    const printed = await runAddUser(store, { agency: SH, role: 'INVESTIGATOR', name: 'wu.lei', by: 'cli:test' }, app.sessions.audit);
    expect(printed).toMatch(/^created wu\.lei \(user:wu\.lei\), INVESTIGATOR at sh-psb\none-time password: [A-Za-z0-9]{16}\n/);
    password = /one-time password: (\S+)/.exec(printed)![1]!;
    leadPassword = /one-time password: (\S+)/.exec(await runAddUser(store, { agency: SH, role: 'TASK_FORCE_LEAD', name: 'lead', by: 'cli:test' }, app.sessions.audit))![1]!;
    await runAddUser(store, { agency: 'fj-longyan-psb', role: 'ANALYST', name: 'analyst', by: 'cli:test' }, app.sessions.audit);
  });
  afterAll(() => store.close());

  const login = (name: string, pw: string, address = 'local') => post(app, '/auth/login', { name, password: pw }, { 'x-peer-address': address });
  const gql = async (token: string | null, query: string, variables?: object) => {
    const response = await post(app, '/graphql', { query, variables }, token ? { authorization: `Bearer ${token}` } : {});
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('refuses a bad user on the command line, naming the option', async () => {
    await expect(runAddUser(store, { agency: SH, role: 'CHIEF', name: 'x', by: 't' }, app.sessions.audit)).rejects.toThrow('--role: one of INVESTIGATOR, TASK_FORCE_LEAD, PROSECUTOR, ANALYST, ADMIN (got "CHIEF")');
    await expect(runAddUser(store, { agency: SH, role: 'ANALYST', name: 'wu.lei', by: 't' }, app.sessions.audit)).rejects.toThrow('--name: a user called wu.lei exists already');
    await expect(runAddUser(store, { agency: 'a b', role: 'ANALYST', name: 'y', by: 't' }, app.sessions.audit)).rejects.toThrow('--agency: not an agency id');
  });

  it('logs in with the one-time password, says who the user is, and logs out for good', async () => {
    const response = await login('wu.lei', password);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^clg_session=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=7200$/);
    const body = (await response.json()) as { token: string; user: object; mustChangePassword: boolean };
    expect(body).toMatchObject({ user: { id: 'user:wu.lei', name: 'wu.lei', agency: SH, role: 'INVESTIGATOR' }, mustChangePassword: true });
    const me = await gql(body.token, '{ me { id name role mustChangePassword agency { id } agencies { id } } }');
    expect(me.body.data.me).toEqual({ id: 'user:wu.lei', name: 'wu.lei', role: 'INVESTIGATOR', mustChangePassword: true, agency: { id: SH }, agencies: [{ id: SH }] });
    const cookie = await app.fetch(new Request('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', cookie: `other=1; clg_session=${body.token}` }, body: '{"query":"{ me { name } }"}' }));
    expect(await cookie.json()).toEqual({ data: { me: { name: 'wu.lei' } } });
    expect((await post(app, '/auth/logout', {}, { authorization: `Bearer ${body.token}` })).status).toBe(200);
    expect(await gql(body.token, '{ me { name } }')).toEqual({ status: 401, body: { errors: [{ message: 'Log in first.', extensions: { code: 'UNAUTHENTICATED' } }] } });
  });

  it('changes the password, refusing a wrong current one and a short new one', async () => {
    const { token } = (await (await login('wu.lei', password)).json()) as { token: string };
    const m = 'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }';
    expect((await gql(token, m, { c: 'wrong', n: 'long enough password' })).body.errors![0].extensions).toEqual({ code: 'FORBIDDEN', field: 'current' });
    expect((await gql(token, m, { c: password, n: 'short' })).body.errors![0]).toMatchObject({ message: 'next: A password needs at least 10 characters.', extensions: { code: 'BAD_INPUT', field: 'next' } });
    expect((await gql(token, m, { c: password, n: 'a much better password' })).body.data).toEqual({ changePassword: true });
    password = 'a much better password';
    expect((await login('wu.lei', password)).status).toBe(200);
  });

  it('throttles logins per name and address after five failures, with the same answer for unknown names', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('wu.lei', 'nope', '10.9.9.9')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const throttled = await login('wu.lei', password, '10.9.9.9');
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login('wu.lei', password, '10.9.9.10')).status).toBe(200);
    const unknown = await login('no.such.user', 'nope');
    expect([unknown.status, await unknown.json()]).toEqual([401, { error: 'Wrong name or password.' }]);
  });

  it('refuses a mutation without a session, and an analyst’s mutation, recording the refusal', async () => {
    const m = `mutation { upsertNode(id: "phone:+8613700000001", label: Phone, props: { number: "+8613700000001" }) { id } }`;
    expect((await gql(null, m)).status).toBe(401);
    const { token } = (await (await login('analyst', /* set below */ await analystPassword())).json()) as { token: string };
    const refused = await gql(token, m);
    expect(refused.body.errors![0]).toMatchObject({ message: 'Your role may not change anything.', extensions: { code: 'FORBIDDEN' } });
    const [last] = await store.accounts.searchAudit({ limit: 1 });
    expect(last).toMatchObject({ userId: 'user:analyst', agency: 'fj-longyan-psb', action: 'upsertNode', objectIds: ['phone:+8613700000001'], outcome: 'FORBIDDEN' });
  });

  async function analystPassword(): Promise<string> {
    // The CLI's one-time password was not kept above: set a known one through the port.
    const { hashPassword } = await import('../../server/src/auth/password');
    await store.accounts.setPassword('user:analyst', await hashPassword('analyst password 1'), false);
    return 'analyst password 1';
  }

  it('audits every write with user, agency, ids, outcome and request id, and lets leads read their agency’s trail', async () => {
    const { token } = (await (await login('wu.lei', password)).json()) as { token: string };
    const ok = await post(app, '/graphql', { query: `mutation { upsertNode(id: "phone:+8613700000002", label: Phone, props: { number: "+8613700000002" }) { id } }` }, { authorization: `Bearer ${token}` });
    expect(await ok.json()).toEqual({ data: { upsertNode: { id: 'phone:+8613700000002' } } });
    const requestId = ok.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await gql(token, '{ auditTrail { seq } }')).body.errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
    const lead = ((await (await login('lead', leadPassword)).json()) as { token: string }).token;
    const trail = await gql(lead, '{ auditTrail(action: "upsertNode", limit: 5) { seq at userId agency action objectIds outcome requestId } }');
    expect(trail.body.data.auditTrail[0]).toMatchObject({ userId: 'user:wu.lei', agency: SH, action: 'upsertNode', objectIds: ['phone:+8613700000002'], outcome: 'ok', requestId });
    // A lead reads their own agency only: the Fujian analyst's refusal is not theirs to see.
    expect((await gql(lead, '{ auditTrail(agency: "fj-longyan-psb") { seq } }')).body.data.auditTrail).toEqual([]);
    expect(trail.body.data.auditTrail.every((r: { agency: string }) => r.agency === SH)).toBe(true);
    const logins = await store.accounts.searchAudit({ action: 'login', limit: 100 });
    expect(logins.map((r) => r.outcome)).toEqual(expect.arrayContaining(['ok', 'bad-credentials', 'throttled']));
    expect((await verifyAuditTrail(store.accounts)).broken).toBeNull();
  });

  it('fails an operation whose audit record cannot be written', async () => {
    // The real store, but its audit appends fail (as on a full disk).
    const accounts = Object.assign(Object.create(store.accounts) as typeof store.accounts, { appendAudit: () => Promise.reject(new Error('disk full')) });
    const failing = new Sessions(accounts, Buffer.alloc(32, 7));
    const broken = createApp({ store, config: loadConfig({}), sessions: failing });
    const token = failing.issue({ sub: 'user:wu.lei', name: 'wu.lei', agency: SH, agencies: [SH], role: 'INVESTIGATOR' });
    const before = (await store.accounts.lastAudit())!.seq;
    const m = `mutation { upsertNode(id: "phone:+8613700000009", label: Phone, props: { number: "+8613700000009" }) { id } }`;
    const response = await post(broken, '/graphql', { query: m }, { authorization: `Bearer ${token}` });
    expect(((await response.json()) as { errors: { extensions: unknown }[] }).errors[0]!.extensions).toEqual({ code: 'AUDIT_UNAVAILABLE' });
    // Audit first: the operation never ran, and nothing was recorded.
    expect(await store.getNodes({ agencies: [SH], userId: 'user:wu.lei' }, ['phone:+8613700000009'])).toEqual([]);
    expect((await store.accounts.lastAudit())!.seq).toBe(before);
    // A login whose record cannot be written fails too (serve.ts answers 500).
    await expect(post(broken, '/auth/login', { name: 'wu.lei', password: 'x' })).rejects.toThrow('disk full');
  });

  it('refuses a mutation when the signed head cannot be written (its table gone), and the graph is unchanged', async () => {
    const { token } = (await (await login('wu.lei', password)).json()) as { token: string };
    const before = (await store.accounts.lastAudit())!.seq;
    await runner.session.query('DROP TABLE AuditHead');
    try {
      const refused = await gql(token, `mutation { upsertNode(id: "phone:+8613700000008", label: Phone, props: { number: "+8613700000008" }) { id } }`);
      expect(refused.body.errors![0]).toMatchObject({ extensions: { code: 'AUDIT_UNAVAILABLE' } });
      expect(await store.getNodes({ agencies: [SH], userId: 'user:wu.lei' }, ['phone:+8613700000008'])).toEqual([]);
      // The attempt's record went in before the head failed; the operation it announced never ran.
      const [attempt] = await store.accounts.searchAudit({ limit: 1 });
      expect([attempt!.seq, attempt!.action, attempt!.outcome]).toEqual([before + 1, 'upsertNode', 'started']);
    } finally {
      await store.applySchema();
    }
    // Once the table is back, the next write moves the head on past the unanchored record and the chain verifies.
    const ok = await gql(token, `mutation { upsertNode(id: "phone:+8613700000008", label: Phone, props: { number: "+8613700000008" }) { id } }`);
    expect(ok.body).toEqual({ data: { upsertNode: { id: 'phone:+8613700000008' } } });
    const [started, done] = (await store.accounts.searchAudit({ action: 'upsertNode', limit: 2 })).reverse();
    expect([started!.outcome, done!.outcome, started!.requestId === done!.requestId, done!.seq - started!.seq]).toEqual(['started', 'ok', true, 1]);
    expect((await runAuditVerify(store, Buffer.alloc(32, 7))).result).toEqual({ checked: done!.seq, broken: null, head: done!.seq });
  });

  it('audit:verify finds an edit, a deletion and a swap at the right record, in the store and from the real CLI', async () => {
    const audit = new AuditLog(store.accounts, Buffer.alloc(32, 7));
    for (let i = 0; i < 3; i++) await audit.append({ userId: 'user:t', agency: SH, action: 'test', objectIds: [`x${i}`], outcome: 'ok', requestId: '', detail: '' });
    const total = (await store.accounts.lastAudit())!.seq;
    expect((await runAuditVerify(store, Buffer.alloc(32, 7))).text).toBe(`audit trail intact: ${total} records, hash chain verified up to its signed head`);
    // A head signed with another key is found, at the head's position.
    expect((await runAuditVerify(store, Buffer.alloc(32, 8))).result.broken).toEqual({ index: total - 1, seq: total, problem: 'head-forged' });
    const id = (seq: number) => String(seq).padStart(12, '0');
    const FIELDS = ['at', 'userId', 'agency', 'action', 'objectIds', 'outcome', 'requestId', 'detail', 'prevHash', 'hash'];
    const read = async (seq: number) => (await runner.session.query(`MATCH (a:AuditRecord) WHERE a.id = '${id(seq)}' RETURN ${FIELDS.map((f) => `a.${f} AS ${f}`).join(', ')}`))[0]!;
    const write = (seq: number, row: Record<string, unknown>) =>
      runner.session.query(`MATCH (a:AuditRecord) WHERE a.id = '${id(seq)}' SET ${FIELDS.map((f) => `a.${f} = $${f}`).join(', ')}`, Object.fromEntries(FIELDS.map((f) => [f, row[f]])));
    const [r5, r6, r7] = [await read(5), await read(6), await read(7)];
    await write(5, { ...r5, outcome: 'ok (edited)' });
    expect((await runAuditVerify(store)).text).toBe('audit trail BROKEN at record #5 (index 4): its content does not match its hash (edited); 4 records before it verified');
    await write(5, r5);
    expect((await runAuditVerify(store)).result.broken).toBeNull();
    await write(6, r7);
    await write(7, r6);
    expect((await runAuditVerify(store)).result.broken).toEqual({ index: 5, seq: 6, problem: 'missing-or-reordered' });
    await write(6, r6);
    await write(7, r7);
    // The newest two records deleted: the chain alone still holds, the signed head finds the cut.
    const [last1, last2] = [await read(total - 1), await read(total)];
    await runner.session.query(`MATCH (a:AuditRecord) WHERE a.id >= '${id(total - 1)}' DELETE a`);
    expect((await runAuditVerify(store, Buffer.alloc(32, 7))).text).toBe(
      `audit trail BROKEN at record #${total - 1} (index ${total - 2}): it is missing (the newest records were deleted) — chain ends at record #${total - 2}, head says #${total}; ${total - 2} records before it verified`,
    );
    // Put back, the trail holds again.
    for (const [seq, row] of [[total - 1, last1], [total, last2]] as const) {
      await runner.session.query(`CREATE (a:AuditRecord {id: '${id(seq)}', ${FIELDS.map((f) => `${f}: $${f}`).join(', ')}})`, Object.fromEntries(FIELDS.map((f) => [f, row[f]])));
    }
    expect((await runAuditVerify(store, Buffer.alloc(32, 7))).result.broken).toBeNull();
    await runner.session.query(`MATCH (a:AuditRecord) WHERE a.id = '${id(5)}' DELETE a`);
    expect((await runAuditVerify(store)).result.broken).toEqual({ index: 4, seq: 5, problem: 'missing-or-reordered' });
    await store.close();
    // The real CLI, once, over the same store: exit code 1 and the break named.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/src/cli/audit-verify.ts')], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8' });
    expect([cli.status, cli.stderr.trim()]).toEqual([1, expect.stringMatching(/^audit trail BROKEN at record #5 \(index 4\)/)]);
    ({ runner, store } = await openStore(dir));
  }, 60_000);
});
