import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { staticSite, type StaticSite } from './static';

const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('the static web app', () => {
  let site: StaticSite;
  let emptySite: StaticSite;
  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>案件</title>');
    writeFileSync(join(root, 'assets', 'main-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'main-abc123.css'), 'body{}');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    writeFileSync(join(tmpdir(), 'secret.txt'), 'no');
    site = staticSite(root);
    emptySite = staticSite(mkdtempSync(join(tmpdir(), 'web-empty-')));
  });
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET', on = site) =>
    on.serve(new Request(`http://test${path}`, { method, headers }));

  it('serves index.html at / without caching it', async () => {
    const response = await get('/');
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response?.headers.get('cache-control')).toBe('no-cache');
    expect(response?.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response?.text()).toBe('<!doctype html><title>案件</title>');
  });

  it('serves hashed assets with their type, cached for a year', async () => {
    const js = await get('/assets/main-abc123.js');
    expect(js?.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js?.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js?.text()).toBe('console.log(1)');
    expect((await get('/assets/main-abc123.css'))?.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/favicon.svg'))?.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers a repeated request with 304 when the ETag matches, and HEAD without a body', async () => {
    const first = await get('/assets/main-abc123.js');
    const etag = first?.headers.get('etag') ?? '';
    expect((await get('/assets/main-abc123.js', { 'if-none-match': etag }))?.status).toBe(304);
    const head = await get('/assets/main-abc123.js', {}, 'HEAD');
    expect(head?.headers.get('content-length')).toBe('14');
    expect(await head?.text()).toBe('');
  });

  it('falls back to index.html for app routes a browser navigates to', async () => {
    const response = await get('/investigations/inv-1', HTML);
    expect(response?.status).toBe(200);
    expect(await response?.text()).toContain('<title>案件</title>');
  });

  it('leaves missing files, non-HTML requests and other methods to the caller', async () => {
    expect(await get('/assets/missing.js', HTML)).toBeUndefined();
    expect(await get('/nope')).toBeUndefined();
    expect(await get('/', {}, 'POST')).toBeUndefined();
  });

  it('never serves a file outside its folder', async () => {
    expect(await get('/../secret.txt')).toBeUndefined();
    expect(await get('/%2e%2e/secret.txt')).toBeUndefined();
    expect(await get('/assets/%2e%2e%2f..%2fsecret.txt')).toBeUndefined();
  });

  it('says how to build the app when it is not built', async () => {
    const response = await get('/', HTML, 'GET', emptySite);
    expect(response?.status).toBe(503);
    expect(await response?.text()).toContain('npm run build:web');
  });
});
