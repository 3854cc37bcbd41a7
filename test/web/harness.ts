import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildWebIfStale } from '../../scripts/web-build';
import { AGENCIES } from '../../seed/src/places';
import { SECRET_FILE } from '../../server/src/auth/secret';
import { signToken } from '../../server/src/auth/token';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'web');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** The folder the server keeps its data in (its session secret, demo-users.txt). */
  dataDir: string;
  /** A session token for the tests' investigator, who sees every agency of the demo (see `testToken`). */
  token: string;
  stop(): Promise<void>;
}

/**
 * The tests' own session: an investigator who sees every agency of the demo, signed with the
 * server's secret as the server signs logins. No login gives several agencies; this lets the
 * walkthrough keep the whole demo on one canvas. Tests of access itself log in as demo users.
 */
function testToken(dataDir: string): string {
  const secret = Buffer.from(readFileSync(join(dataDir, SECRET_FILE), 'utf8').trim(), 'hex');
  const iat = Math.floor(Date.now() / 1000);
  const agencies = AGENCIES.map((a) => a.id);
  return signToken({ sid: `test-${iat}`, sub: 'investigator-1', name: 'investigator-1', agency: 'sh-psb', agencies, role: 'INVESTIGATOR', iat, exp: iat + 4 * 3600 }, secret);
}

const tokens = new Map<string, string>();


/** The demo users' passwords, as `npm start` printed them into the data folder. */
export function demoPasswords(server: RunningServer): Map<string, string> {
  const text = readFileSync(join(server.dataDir, 'demo-users.txt'), 'utf8');
  return new Map(text.split('\n').filter((l) => l.trim()).map((l) => l.trim().split(/\s+/) as [string, string]));
}

/** The web app as `npm start` would build it (only when web/dist is stale). */
export const buildWeb = () => buildWebIfStale({ quiet: true });

/**
 * The real server as `npm start` runs it (server/src/main.ts), as a child on a free port, over a
 * temporary data folder it seeds with the demo. It serves web/dist from disk on each request, so
 * the app may be built while it starts.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'web-test-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 110_000; // under the hook timeout (120 s); a loaded CI machine needs more than a minute
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 110 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const token = testToken(dataDir);
  tokens.set(url, token);
  return {
    url,
    dataDir,
    token,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen, for the tests to assert there were none. */
  errors: string[];
  /**
   * While true (the default), requests to a test server without a session of their own carry the
   * tests' investigator session (`RunningServer.token`). Tests of login itself turn it off.
   */
  autoSession: boolean;
}

/** Headless system Chromium (never a downloaded one); CSP bypassed only so axe-core can be injected. */
export async function openBrowser(): Promise<Session> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, bypassCSP: true, locale: 'zh-CN', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  mkdirSync(ARTIFACTS, { recursive: true });
  const session: Session = { browser, context, page, errors, autoSession: true };
  await context.route(/\/graphql(\?|$)/, (route) => {
    const request = route.request();
    const token = tokens.get(new URL(request.url()).origin);
    const headers = request.headers();
    if (!session.autoSession || !token || headers.authorization || /clg_session=/.test(headers.cookie ?? '')) return route.continue();
    return route.continue({ headers: { ...headers, authorization: `Bearer ${token}` } });
  });
  return session;
}

/** What a browser test file drives: the server, the browser session and its one page. */
export interface WebApp {
  server: RunningServer;
  session: Session;
  page: Page;
}

/**
 * The hooks of a browser test file: before its tests, the real server on the demo data, headless
 * Chromium and the built app, started together; after them, the browser closed and the server
 * stopped. The fields are set once the hook has run, so read them inside the tests.
 * `timeout` is the page's default for each action and wait.
 */
export function useWebApp({ timeout = 20_000 }: { timeout?: number } = {}): WebApp {
  const app = {} as WebApp;
  beforeAll(async () => {
    const started = Date.now();
    [app.server, app.session] = await Promise.all([startServer(), openBrowser(), buildWeb()]);
    console.log(`server, build and browser ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    app.page = app.session.page;
    app.page.setDefaultTimeout(timeout);
  }, 120_000);
  afterAll(async () => {
    await app.session?.browser.close();
    await app.server?.stop();
  });
  return app;
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical accessibility violations axe-core finds on the page, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

export interface CyNode {
  id: string;
  label?: string;
  layer?: string;
  x: number;
  y: number;
  /** Where it is drawn on the page. */
  px: number;
  py: number;
  classes: string[];
}

/** The canvas's nodes as Cytoscape draws them (window.caseLinkage.cy, the canvas's test hook). */
export async function canvasNodes(page: Page): Promise<CyNode[]> {
  return page.evaluate(() => {
    const cy = window.caseLinkage!.cy;
    const box = cy.container()!.getBoundingClientRect();
    return cy.nodes().map((n) => ({
      id: n.id(),
      label: n.data('label') as string | undefined,
      layer: n.data('layer') as string | undefined,
      x: n.position().x,
      y: n.position().y,
      px: box.left + n.renderedPosition().x,
      py: box.top + n.renderedPosition().y,
      classes: n.classes() as unknown as string[],
    }));
  });
}

export const waitForNodes = (page: Page, predicate: string) =>
  page.waitForFunction(`(() => { const cy = window.caseLinkage && window.caseLinkage.cy; if (!cy) return false; const ids = cy.nodes().map(n => n.id()); return ${predicate}; })()`, undefined, { timeout: 20_000 });

/** Waits until nothing is being fetched or laid out. */
export const idle = (page: Page) => page.waitForSelector('[data-testid=workspace][data-busy=false]', { timeout: 20_000 });

/**
 * A point on a node, a few pixels off its centre: Cytoscape's hit test for polygon shapes misses a
 * point whose x is exactly a vertex's (the diamond of a phone, clicked dead centre).
 */
export async function nodeOnPage(page: Page, id: string): Promise<{ x: number; y: number }> {
  const node = (await canvasNodes(page)).find((n) => n.id === id);
  if (!node) throw new Error(`${id} is not on the canvas`);
  return { x: node.px + 3, y: node.py + 2 };
}

/** A GraphQL request to the running server as the tests' investigator: the expected answers of the tests. */
export async function api(url: string, query: string, token = tokens.get(url)): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}
