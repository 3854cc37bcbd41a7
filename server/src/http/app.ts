import { randomBytes, randomUUID } from 'node:crypto';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { API_LIMITS } from '../api/limits';
import { createServices } from '../api/services';
import { viewerOf } from '../api/viewer';
import { login, logout, unauthenticated } from '../auth/http';
import { Sessions } from '../auth/sessions';
import type { SessionClaims } from '../auth/token';
import type { Config } from '../config';
import { exportKeyDir, loadOrCreateExportKey, type ExportKey } from '../export/keys';
import type { ExportAudit } from '../export/package';
import { exportAudit } from '../auth/export-audit';
import { createContext } from '../schema/context';
import { graphqlJs } from '../schema/graphql-js';
import { schema } from '../schema/index';
import type { GraphStore } from '../store/graph-store';
import { compiledExecution } from './compiled-execution';
import { jsonPost, mayAnswer, type Answer, type JsonPost } from './json-post';
import { staticSite } from './static';

export interface App {
  /** Answers one request; does not listen. Tests call it in-process. */
  fetch(request: Request): Promise<Response>;
  /**
   * Answers a plain JSON query to /graphql without yoga's pipeline (json-post.ts), x-request-id
   * included; null when the request must go to `fetch`. serve.ts asks this first.
   */
  answer(post: JsonPost): Promise<Answer | null>;
  /** Logins, logouts and the session a request carries. */
  sessions: Sessions;
  /**
   * The Request class the app reads fastest (graphql-yoga's): serve.ts builds each request with
   * it. Node's own Request streams even a small JSON body through web streams, ten times the
   * cost; any standard Request works with `fetch` all the same.
   */
  Request: typeof Request;
}

/** The client's address, as serve.ts set it from the socket (in-process requests have none). */
export const PEER = 'x-peer-address';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** Armor's rejections carry code LIMIT and never say what the limit is. */
const limitError = (_: unknown, error: GraphQLError) => {
  (error.extensions as Record<string, unknown>).code = 'LIMIT';
};
const armor = (production: boolean) =>
  new EnvelopArmor({
    maxDepth: { n: API_LIMITS.depth, exposeLimits: false, errorMessage: 'Query is too deep.', onReject: [limitError] },
    maxAliases: { n: API_LIMITS.aliases, exposeLimits: false, errorMessage: 'Too many aliases.', onReject: [limitError] },
    maxTokens: { n: API_LIMITS.tokens, exposeLimits: false, errorMessage: 'Query is too long.', onReject: [limitError] },
    costLimit: { maxCost: API_LIMITS.cost, exposeLimits: false, errorMessage: 'Query is too costly.', onReject: [limitError] },
    maxDirectives: { n: API_LIMITS.directives, exposeLimits: false, errorMessage: 'Too many directives.', onReject: [limitError] },
    blockFieldSuggestion: { enabled: production },
  }).protect().plugins;

const noIntrospection: Plugin = {
  onValidate: ({ addValidationRule }) => addValidationRule(graphqlJs.NoSchemaIntrospectionCustomRule),
};

/**
 * A browser sends a cross-site POST without preflight only as form data or text/plain; such
 * requests (uploads among them) must carry a header a form cannot set.
 */
function csrfSafe(request: Request): boolean {
  if (request.method !== 'POST') return true;
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || type === 'application/graphql-response+json') return true;
  return !!(request.headers.get('x-graphql-csrf') || request.headers.get('graphql-preflight'));
}

/**
 * The HTTP application over a store: /healthz, /auth/login and /auth/logout, the GraphQL API at
 * /graphql and the built web app (`webRoot`, default web/dist) everywhere else. Nothing but
 * /healthz, /auth/login and the web app's files answers without a live session. `sessions`
 * defaults to one signing with a secret that lives as long as the app (main.ts passes the
 * data folder's).
 */
export function createApp({ store, config, webRoot, audit, sessions = new Sessions(store.accounts, randomBytes(32)) }: { store: GraphStore; config: Config; webRoot?: string; audit?: ExportAudit; sessions?: Sessions }): App {
  let key: ExportKey | undefined;
  // Made on first start by main.ts; loaded here on first use, so tests and tools that never export write no key.
  const services = createServices(store, { exports: { key: () => (key ??= loadOrCreateExportKey(exportKeyDir(config.dataDir))), audit: audit ?? exportAudit(sessions.audit) } });
  const secure = config.production;
  const site = staticSite(webRoot);
  const compiled = compiledExecution(schema);
  // The viewer's task forces are looked up per request: a membership or share change holds from the next one.
  const contextFor = async (claims: SessionClaims, requestId: string) =>
    createContext({ viewer: await services.taskForces.withGrants(viewerOf(claims)), services, store, requestId, audit: sessions.audit });
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: !config.production,
    landingPage: false,
    // serve.ts reads at most MAX_BODY_BYTES of a body before a Request exists; yoga's own limit
    // re-streams every body through a TransformStream (a third of a small query's time).
    maxRequestBodySize: false,
    logging: false,
    maskedErrors: { isDev: false },
    // No CORS headers unless origins are configured: another site's page never reads an answer.
    cors: config.corsOrigins.length > 0 ? { origin: config.corsOrigins, credentials: true } : false,
    plugins: [...armor(config.production), ...(config.production ? [noIntrospection] : []), compiled.plugin],
    context: ({ claims, requestId }: { claims: SessionClaims; requestId: string }) => contextFor(claims, requestId),
  });
  const fast = jsonPost({ compiled, sessions, contextFor, fetchAPI: yoga.fetchAPI, cors: config.corsOrigins.length > 0 });
  const answer = async (post: JsonPost): Promise<Answer | null> => {
    const requestId = randomUUID();
    const answered = await fast(post, requestId);
    if (answered) answered.headers['x-request-id'] = requestId;
    return answered;
  };
  return {
    sessions,
    Request: yoga.fetchAPI.Request,
    answer,
    async fetch(request) {
      if (mayAnswer(request.method, request.headers.get('content-type'))) {
        // The body is read once: for json-post.ts, else for a copy of the request that goes on as before.
        const body = await request.text();
        const url = new URL(request.url);
        const answered = await answer({ url: url.pathname + url.search, header: (name) => request.headers.get(name), body });
        if (answered) return new yoga.fetchAPI.Response(answered.body, { status: answered.status, headers: answered.headers });
        request = new yoga.fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body });
      }
      const requestId = randomUUID();
      const response = await route(request, request.headers.get(PEER) ?? 'local', requestId);
      try {
        response.headers.set('x-request-id', requestId);
      } catch {
        // an immutable response (none so far) goes without the header
      }
      return response;
    },
  };

  async function route(request: Request, address: string, requestId: string): Promise<Response> {
    {
      const url = new URL(request.url);
      if (url.pathname === '/auth/login') return login(request, sessions, { address, requestId, secure });
      if (url.pathname === '/auth/logout') return logout(request, sessions, await sessions.sessionOf(request), { requestId, secure });
      if (url.pathname === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
        try {
          // The store answers, or this fails; its totals stay out of an answer anyone may read (counts of other agencies' records).
          await store.counts();
          return json({ status: 'ok', store: store.kind });
        } catch {
          return json({ status: 'unavailable', store: store.kind }, 503);
        }
      }
      if (url.pathname === '/graphql') {
        const claims = await sessions.sessionOf(request);
        if (!claims) return unauthenticated();
        if (!csrfSafe(request)) return json({ errors: [{ message: 'Send the x-graphql-csrf header with form and multipart requests.', extensions: { code: 'FORBIDDEN' } }] }, 403);
        return yoga.fetch(request, { claims, requestId });
      }
      return (await site.serve(request)) ?? json({ error: 'not found' }, 404);
    }
  }
}
