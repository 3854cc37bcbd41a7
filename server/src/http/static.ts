import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `vite build web` writes the app (`npm run build:web`; `npm start` builds it when stale). */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The app's own scripts and styles only; inline styles because Cytoscape and React set them;
 * data: and blob: images for exported PNG/SVG previews and downloads.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** Vite names everything under assets/ by content hash, so it never changes under one name. */
const cacheControl = (path: string) => (path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');

export interface StaticSite {
  /** The file a GET or HEAD asks for, index.html for an app route, or undefined to let others answer. */
  serve(request: Request): Promise<Response | undefined>;
}

async function fileAt(path: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

/** A route of the single-page app: a browser navigating (it accepts HTML) to a path without an extension. */
const isAppRoute = (request: Request, pathname: string) =>
  extname(pathname) === '' && (request.headers.get('accept') ?? '').includes('text/html');

/** Serves the built web app from `root` with content types, caching and the SPA fallback to index.html. */
export function staticSite(root: string = WEB_DIST): StaticSite {
  const base = resolve(root);
  async function respond(request: Request, path: string, urlPath: string): Promise<Response | undefined> {
    const file = await fileAt(path);
    if (!file) return undefined;
    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': cacheControl(urlPath),
      etag,
      'x-content-type-options': 'nosniff',
    };
    if (type.startsWith('text/html')) headers['content-security-policy'] = CSP;
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    headers['content-length'] = String(file.size);
    return new Response(request.method === 'HEAD' ? null : await readFile(path), { status: 200, headers });
  }
  return {
    async serve(request) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(request.url).pathname);
      } catch {
        return undefined;
      }
      if (pathname.includes('\0')) return undefined;
      const path = resolve(base, `.${pathname}`);
      if (path !== base && !path.startsWith(base + sep)) return undefined;
      const found = pathname.endsWith('/') ? undefined : await respond(request, path, pathname);
      if (found) return found;
      if (!pathname.endsWith('/') && !isAppRoute(request, pathname)) return undefined;
      const index = await respond(request, resolve(base, 'index.html'), '/index.html');
      return (
        index ??
        new Response('The web app is not built yet: run `npm run build:web` (npm start does it when web/dist is missing).', {
          status: 503,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        })
      );
    },
  };
}
