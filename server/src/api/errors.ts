import { createGraphQLError } from 'graphql-yoga';

/**
 * The codes a client may act on; any other error reaches it only as "Unexpected error.".
 * CONFLICT: someone else saved the record since the version the client sent.
 * UNAUTHENTICATED: no live session (only /auth/login and /healthz answer without one).
 * AUDIT_UNAVAILABLE: the audit record of the operation could not be written, so it did not run.
 */
export type ErrorCode = 'NOT_FOUND' | 'BAD_INPUT' | 'FORBIDDEN' | 'LIMIT' | 'CONFLICT' | 'UNAUTHENTICATED' | 'AUDIT_UNAVAILABLE';

export function apiError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}
