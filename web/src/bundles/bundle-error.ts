import { ApiError } from '../api/errors';

/**
 * The server names a bundle's bad line as `line N: reason` (importer.ts, in English). The line is
 * said in the app's language; the reason, a schema or model rule, is kept as the server wrote it.
 */
export function bundleError(error: ApiError, sayLine: (line: number, reason: string) => string): ApiError {
  const m = /^line (\d+): ([\s\S]*)$/.exec(error.detail);
  return m ? new ApiError(error.problem, sayLine(Number(m[1]), m[2]!), error.status) : error;
}
