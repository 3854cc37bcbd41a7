import type { Config } from '../config';
import type { GraphStore } from '../store/graph-store';

export interface App {
  /** Answers one request; does not listen. Tests call it in-process. */
  fetch(request: Request): Promise<Response>;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The HTTP application over a store. The GraphQL API and the web app mount here as they land. */
export function createApp({ store }: { store: GraphStore; config: Config }): App {
  return {
    async fetch(request) {
      const url = new URL(request.url);
      if (url.pathname === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
        try {
          return json({ status: 'ok', store: store.kind, counts: await store.counts() });
        } catch {
          return json({ status: 'unavailable', store: store.kind }, 503);
        }
      }
      return json({ error: 'not found' }, 404);
    },
  };
}
