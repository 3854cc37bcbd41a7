import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { API_LIMITS } from '../api/limits';
import { PEER, type App } from './app';

/** The largest request body read: a bundle upload and its multipart wrapping. */
const MAX_BODY_BYTES = API_LIMITS.bundleBytes.max + 1024 * 1024;

class TooLarge extends Error {}

async function toRequest(app: App, req: IncomingMessage, origin: string): Promise<Request> {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    // The client's address for login throttling: from the socket, never from what the client sent.
    if (name === PEER) continue;
    if (Array.isArray(value)) value.forEach((v) => headers.push([name, v]));
    else if (value !== undefined) headers.push([name, value]);
  }
  headers.push([PEER, req.socket.remoteAddress ?? 'unknown']);
  const chunks: Buffer[] = [];
  let bytes = 0;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw new TooLarge();
    for await (const chunk of req) {
      bytes += (chunk as Buffer).length;
      if (bytes > MAX_BODY_BYTES) throw new TooLarge();
      chunks.push(chunk as Buffer);
    }
  }
  return new app.Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
  });
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
    toRequest(app, req, `http://localhost:${port}`)
      .then((request) => app.fetch(request))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        res.statusCode = error instanceof TooLarge ? 413 : 500;
        res.setHeader('connection', 'close');
        res.end(error instanceof TooLarge ? 'Request body too large.' : 'Unexpected error.');
      });
  });
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
