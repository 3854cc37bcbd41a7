import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { API_LIMITS } from '../api/limits';
import { PEER, type App } from './app';
import { mayAnswer } from './json-post';

/** The largest request body read: a bundle upload and its multipart wrapping. */
const MAX_BODY_BYTES = API_LIMITS.bundleBytes.max + 1024 * 1024;

class TooLarge extends Error {}

/**
 * The body, read with 'data' events: an async iterator over the request cost a promise and a
 * generator step per chunk, a visible share of a small query's time. Past the limit the request
 * is destroyed (its socket too), as ending the iteration early did.
 */
function bodyOf(req: IncomingMessage): Promise<Buffer<ArrayBuffer> | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve(undefined);
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.reject(new TooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer<ArrayBuffer>[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer<ArrayBuffer>) => {
      bytes += chunk.length;
      if (bytes <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.destroy();
      reject(new TooLarge());
    });
    req.on('end', () => resolve(chunks.length === 0 ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toRequest(app: App, req: IncomingMessage, origin: string, body: Buffer<ArrayBuffer> | undefined): Request {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    // The client's address for login throttling: from the socket, never from what the client sent.
    if (name === PEER) continue;
    if (Array.isArray(value)) value.forEach((v) => headers.push([name, v]));
    else if (value !== undefined) headers.push([name, value]);
  }
  headers.push([PEER, req.socket.remoteAddress ?? 'unknown']);
  return new app.Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body });
}

/**
 * A plain JSON query answered by app.answer, or null. node:http keeps the first of a header sent
 * twice where a Request joins them; such requests go the Request's way.
 */
async function answered(app: App, req: IncomingMessage, res: ServerResponse, body: Buffer | undefined): Promise<boolean> {
  if (body === undefined || !mayAnswer(req.method ?? '', req.headers['content-type'] ?? null)) return false;
  if (req.rawHeaders.length !== 2 * Object.keys(req.headers).length) return false;
  const answer = await app.answer({ url: req.url ?? '', header: (name) => (req.headers[name] as string | undefined) ?? null, body: body.toString() });
  if (!answer) return false;
  const headers: string[] = [];
  for (const name in answer.headers) headers.push(name, answer.headers[name]!);
  // The text goes to the socket as it is (encoded there), not copied into a Buffer first.
  headers.push('content-length', String(Buffer.byteLength(answer.body)));
  res.writeHead(answer.status, headers);
  res.end(answer.body);
  return true;
}

/**
 * Headers go as one flat list (a header sent twice, as Set-Cookie may be, stays twice). yoga's
 * responses hand back their body as a Buffer already, which is sent as it is rather than copied.
 */
async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: string[] = [];
  response.headers.forEach((value, name) => headers.push(name, value));
  const body: ArrayBuffer | Uint8Array = await response.arrayBuffer();
  res.writeHead(response.status, headers);
  res.end(ArrayBuffer.isView(body) ? body : Buffer.from(body));
}

/** Serves an App on a port: the only place that touches node:http. */
export function serve(app: App, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    bodyOf(req)
      .then(async (body) => (await answered(app, req, res, body)) || send(res, await app.fetch(toRequest(app, req, `http://localhost:${port}`, body))))
      .catch((error: unknown) => {
        res.statusCode = error instanceof TooLarge ? 413 : 500;
        res.setHeader('connection', 'close');
        res.end(error instanceof TooLarge ? 'Request body too large.' : 'Unexpected error.');
      });
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
