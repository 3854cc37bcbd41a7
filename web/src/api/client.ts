import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { ApiError, problemOf, problemOfStatus } from './errors';

/** Dispatched on window when the server answers 401: the session ended (expired, or logged out elsewhere). */
export const SESSION_ENDED = 'case-linkage:session-ended';

export interface RequestOptions {
  /** Not sent: the session cookie says who asks. Accepted so callers may pass the viewer they hold. */
  viewer?: unknown;
  signal?: AbortSignal;
  /** The API's address; the app is served by the same server. */
  endpoint?: string;
}

/** Where an upload is: sending the file (bytes sent of total), or sent and waiting for the server's answer. */
export type UploadProgress = { phase: 'sending'; sent: number; total: number } | { phase: 'server' };

export interface UploadOptions extends RequestOptions {
  /** Hears the bytes sent as the browser reports them, then once when the whole request is sent. */
  onProgress?: (progress: UploadProgress) => void;
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

/**
 * Sends one typed operation with the session cookie and returns its data, or throws an ApiError that says
 * what went wrong. An aborted request rethrows the AbortError untouched.
 */
export async function gqlRequest<R, V>(document: TadaDocumentNode<R, V>, variables: V, options: RequestOptions): Promise<R> {
  return post<R>(
    { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    JSON.stringify({ query: print(document), variables }),
    options,
  );
}

/**
 * Sends one typed operation with a file, as a GraphQL multipart request (the file fills the
 * variable `fileVariable`). The CSRF header tells the server a script, not a cross-site form, sent it.
 */
export async function gqlUpload<R, V, K extends keyof V & string>(document: TadaDocumentNode<R, V>, variables: Omit<V, K>, file: File, fileVariable: K, options: UploadOptions): Promise<R> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: print(document), variables: { ...variables, [fileVariable]: null } }));
  form.set('map', JSON.stringify({ 0: [`variables.${fileVariable}`] }));
  form.set('0', file);
  const headers = { accept: 'application/graphql-response+json, application/json', 'x-graphql-csrf': '1' };
  return options.onProgress ? postWithProgress<R>(headers, form, options, options.onProgress) : post<R>(headers, form, options);
}

/**
 * `post` over XMLHttpRequest, whose upload reports the bytes sent (fetch does not, for a form
 * body); the answer is read as `post` reads it.
 */
function postWithProgress<R>(headers: Record<string, string>, body: FormData, options: RequestOptions, onProgress: (p: UploadProgress) => void): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', options.endpoint ?? '/graphql');
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress({ phase: 'sending', sent: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.upload.onload = () => onProgress({ phase: 'server' });
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    xhr.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'));
    xhr.onerror = () => reject(new ApiError('network', 'the upload failed'));
    xhr.onload = () => {
      options.signal?.removeEventListener('abort', abort);
      let result: GraphQLResponse<R> | undefined;
      try {
        result = JSON.parse(xhr.responseText) as GraphQLResponse<R>;
      } catch {
        result = undefined;
      }
      try {
        resolve(answer(xhr.status, result));
      } catch (error) {
        reject(error);
      }
    };
    xhr.send(body);
  });
}

/** Posts one request and turns what comes back into its data or an ApiError (a 401 also ends the session). */
async function post<R>(headers: Record<string, string>, body: BodyInit, options: RequestOptions): Promise<R> {
  let response: Response;
  try {
    response = await fetch(options.endpoint ?? '/graphql', { method: 'POST', headers, credentials: 'same-origin', body, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', error instanceof Error ? error.message : String(error));
  }
  let result: GraphQLResponse<R> | undefined;
  try {
    result = (await response.json()) as GraphQLResponse<R>;
  } catch {
    result = undefined;
  }
  return answer(response.status, result);
}

/** The data of an answer, or the ApiError it means (a 401 also ends the session). */
function answer<R>(status: number, result: GraphQLResponse<R> | undefined): R {
  if (status === 401) dispatchEvent(new Event(SESSION_ENDED));
  const first = result?.errors?.[0];
  if (first) throw new ApiError(problemOf(first), typeof first.message === 'string' ? first.message : '', status);
  if (status < 200 || status >= 300 || !result?.data) throw new ApiError(problemOfStatus(status), '', status);
  return result.data;
}
