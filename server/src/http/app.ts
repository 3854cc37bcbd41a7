import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { API_LIMITS } from '../api/limits';
import { createServices } from '../api/services';
import { viewerFromRequest } from '../api/viewer';
import type { Config } from '../config';
import { exportKeyDir, loadOrCreateExportKey, type ExportKey } from '../export/keys';
import type { ExportAudit } from '../export/package';
import { createContext } from '../schema/context';
import { graphqlJs } from '../schema/graphql-js';
import { schema } from '../schema/index';
import type { GraphStore } from '../store/graph-store';
import { staticSite } from './static';

export interface App {
  /** Answers one request; does not listen. Tests call it in-process. */
  fetch(request: Request): Promise<Response>;
}

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
 * The HTTP application over a store: /healthz, the GraphQL API at /graphql and the built web app
 * (`webRoot`, default web/dist) everywhere else.
 */
export function createApp({ store, config, webRoot, audit }: { store: GraphStore; config: Config; webRoot?: string; audit?: ExportAudit }): App {
  let key: ExportKey | undefined;
  // Made on first start by main.ts; loaded here on first use, so tests and tools that never export write no key.
  const services = createServices(store, { exports: { key: () => (key ??= loadOrCreateExportKey(exportKeyDir(config.dataDir))), audit } });
  const site = staticSite(webRoot);
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
    plugins: [...armor(config.production), ...(config.production ? [noIntrospection] : [])],
    context: ({ request }) => createContext({ viewer: viewerFromRequest(request, config), services, store }),
  });
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
      if (url.pathname === '/graphql') {
        if (!csrfSafe(request)) return json({ errors: [{ message: 'Send the x-graphql-csrf header with form and multipart requests.', extensions: { code: 'FORBIDDEN' } }] }, 403);
        return yoga.fetch(request);
      }
      return (await site.serve(request)) ?? json({ error: 'not found' }, 404);
    },
  };
}
