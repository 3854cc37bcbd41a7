import type { ExecutionResult, GraphQLError } from 'graphql';
import { maskError, processRegularResult, type FetchAPI } from 'graphql-yoga';
import type { SessionClaims } from '../auth/token';
import type { Sessions } from '../auth/sessions';
import type { CompiledExecution } from './compiled-execution';

/** A POST as json-post.ts reads it, from a Request (app.ts) or straight from node:http (serve.ts). */
export interface JsonPost {
  /** The request target: path and query string. */
  url: string;
  /** A header's value, null when absent. */
  header(name: string): string | null;
  body: string;
}

/** Whether a request may be one json-post.ts answers, before its body is read. */
export const mayAnswer = (method: string, contentType: string | null) => method === 'POST' && contentType !== null && contentType.toLowerCase().startsWith('application/json');

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The Accept headers answered here (spaces removed, lower case), and the media type yoga answers each with. */
const MEDIA_TYPES = new Map([
  ['*/*', 'application/json'],
  ['application/json', 'application/json'],
  ['application/graphql-response+json', 'application/graphql-response+json'],
  // graphql-http's client and the web app; yoga takes the first of the two it can answer.
  ['application/graphql-response+json,application/json', 'application/graphql-response+json'],
  ['application/json,application/graphql-response+json', 'application/json'],
]);

const PARAMS = new Set(['query', 'variables', 'operationName']);

type Params = { query: string; variables?: Record<string, unknown> | null; operationName?: string | null };

/** The body's GraphQL parameters when they are plain (what yoga would take without a word), else null. */
function paramsOf(body: string): Params | null {
  let params: unknown;
  try {
    params = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return null;
  for (const key in params) if (!PARAMS.has(key)) return null;
  const { query, variables, operationName } = params as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  return params as Params;
}

/**
 * The common request answered without yoga's per-request pipeline (about half of a small
 * query's server time went to building, parsing and answering it through web Request and
 * Response objects, envelop's hooks and yoga's plugins): a POST of `application/json` to
 * /graphql with a live session, whose document yoga has already parsed, validated and executed
 * (compiled-execution.ts remembers those by text), as a query that graphql-jit compiled, with
 * variables graphql-js accepts, and an Accept header of the usual few.
 *
 * It answers as yoga would: the same context, errors masked by yoga's own maskError and
 * serialised by yoga's own processRegularResult, the same status and content type, and no CORS
 * headers (with origins configured, a request that names its origin is yoga's).
 * Everything else is null, and the caller hands the request to yoga: GET, multipart and other
 * content types, other Accept headers, preflights, unknown or invalid documents, mutations,
 * subscriptions, refused variables, requests without a live session, and a failure to build the
 * context or to execute.
 */
export function jsonPost({ compiled, sessions, contextFor, fetchAPI, cors }: {
  compiled: CompiledExecution;
  sessions: Sessions;
  contextFor: (claims: SessionClaims, requestId: string) => Promise<unknown>;
  fetchAPI: FetchAPI;
  /** Whether yoga answers other origins (config.corsOrigins): then a request naming its origin is left to yoga. */
  cors: boolean;
}) {
  return async function answer(post: JsonPost, requestId: string): Promise<Answer | null> {
    if (post.url !== '/graphql') return null;
    const type = post.header('content-type')?.toLowerCase();
    // yoga reads any type that contains application/json; these two are all clients send.
    if (type !== 'application/json' && type !== 'application/json; charset=utf-8') return null;
    const media = MEDIA_TYPES.get((post.header('accept') ?? '*/*').replace(/\s/g, '').toLowerCase());
    if (!media || post.header('access-control-request-method') !== null || post.header('access-control-request-headers') !== null) return null;
    if (cors && post.header('origin') !== null) return null;
    const params = paramsOf(post.body);
    if (!params) return null;
    const entry = compiled.known(params.query, params.operationName);
    if (!entry || entry.kind !== 'query' || compiled.refuses(entry, params.variables)) return null;
    const claims = await sessions.sessionOf({ headers: { get: (name) => post.header(name) } });
    if (!claims) return null;
    let result: ExecutionResult;
    try {
      result = await compiled.run(entry, await contextFor(claims, requestId), params.variables);
    } catch {
      // A query has no effects to repeat: yoga answers it afresh, as it would any failure.
      return null;
    }
    if (!result.errors?.length && result.extensions === undefined) {
      return { status: 200, headers: { 'Content-Type': `${media}; charset=utf-8` }, body: JSON.stringify(result) };
    }
    const masked = result.errors ? { ...result, errors: result.errors.map((e) => maskError(e, 'Unexpected error.', false) as GraphQLError) } : result;
    const response = await processRegularResult(masked, fetchAPI, media);
    const headers: Record<string, string> = {};
    // The length is the sender's to set (serve.ts, or the Response app.ts makes).
    response.headers.forEach((value, name) => name !== 'content-length' && (headers[name] = value));
    return { status: response.status, headers, body: await response.text() };
  };
}
