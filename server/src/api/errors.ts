import { createGraphQLError } from 'graphql-yoga';

/** The codes a client may act on; any other error reaches it only as "Unexpected error.". */
export type ErrorCode = 'NOT_FOUND' | 'BAD_INPUT' | 'FORBIDDEN' | 'LIMIT';

export function apiError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return createGraphQLError(message, { extensions: { code, ...extra } });
}
