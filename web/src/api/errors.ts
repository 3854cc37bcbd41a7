import type { MessageKey } from '../i18n/messages';

/** What went wrong with a request, in the terms the app explains it to a person. */
export type ApiProblem =
  | 'network'
  | 'server'
  | 'not-found'
  | 'forbidden'
  | 'unauthenticated'
  | 'bad-input'
  | 'limit'
  | 'stale'
  | 'too-large'
  | 'outdated'
  | 'unexpected';

/** A failed request: the problem, the server's own message when it sent one, and the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly problem: ApiProblem,
    readonly detail: string = '',
    readonly status = 0,
  ) {
    super(detail || problem);
    this.name = 'ApiError';
  }
}

const BY_CODE: Record<string, ApiProblem> = {
  NOT_FOUND: 'not-found',
  FORBIDDEN: 'forbidden',
  UNAUTHENTICATED: 'unauthenticated',
  BAD_INPUT: 'bad-input',
  BAD_USER_INPUT: 'bad-input',
  LIMIT: 'limit',
  STALE: 'stale',
  CONFLICT: 'stale',
  // The audit trail could not be written, so nothing was done: a server problem, try again later.
  AUDIT_UNAVAILABLE: 'server',
  GRAPHQL_VALIDATION_FAILED: 'outdated',
  GRAPHQL_PARSE_FAILED: 'outdated',
};

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown };
}

/** The problem a GraphQL error stands for: its code, else the masked "Unexpected error." of a server fault. */
export function problemOf(error: GraphQLErrorLike): ApiProblem {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : '';
  if (code in BY_CODE) return BY_CODE[code] as ApiProblem;
  return error.message === 'Unexpected error.' ? 'server' : 'unexpected';
}

/** The problem an HTTP status without a GraphQL answer stands for. */
export function problemOfStatus(status: number): ApiProblem {
  if (status === 413) return 'too-large';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  return 'unexpected';
}

/** The sentence the app shows for a problem (see the dictionaries under i18n/). */
export const problemMessage = (problem: ApiProblem): MessageKey => `error.${problem}`;
