import { SESSION_COOKIE, SESSION_TTL_SECONDS, type Sessions } from './sessions';
import type { SessionClaims } from './token';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });

const cookie = (value: string, maxAge: number, secure: boolean) =>
  `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;

/** The one answer to every request that needs a session and has none: missing, forged, expired or logged out alike. */
export const unauthenticated = () => json({ errors: [{ message: 'Log in first.', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);

/**
 * POST /auth/login `{ name, password }`: 200 with the token (also set as an HttpOnly cookie for
 * the web app), 401 for wrong credentials, 429 with Retry-After while throttled.
 */
export async function login(request: Request, sessions: Sessions, meta: { address: string; requestId: string; secure: boolean }): Promise<Response> {
  if (request.method !== 'POST') return json({ error: 'POST a JSON body { name, password }.' }, 405);
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return json({ error: 'Send the credentials as application/json.' }, 415);
  let body: { name?: unknown; password?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return json({ error: 'The body is not JSON.' }, 400);
  }
  if (typeof body?.name !== 'string' || typeof body.password !== 'string' || body.name.length > 64 || body.password.length > 256) {
    return json({ error: 'Send { "name": string, "password": string }.' }, 400);
  }
  const outcome = await sessions.login(body.name, body.password, meta);
  if (!outcome.ok && outcome.reason === 'throttled') {
    return json({ error: 'Too many failed attempts; wait before trying again.', retryAfterSeconds: outcome.retryAfterSeconds }, 429, { 'retry-after': String(outcome.retryAfterSeconds) });
  }
  if (!outcome.ok) return json({ error: 'Wrong name or password.' }, 401);
  const { claims } = outcome;
  return json(
    { token: outcome.token, expiresAt: new Date(claims.exp * 1000).toISOString(), user: { id: claims.sub, name: claims.name, agency: claims.agency, role: claims.role }, mustChangePassword: outcome.mustChange },
    200,
    { 'set-cookie': cookie(outcome.token, SESSION_TTL_SECONDS, meta.secure) },
  );
}

/** POST /auth/logout: ends the session (its token is refused from now on) and clears the cookie. */
export async function logout(request: Request, sessions: Sessions, claims: SessionClaims | null, meta: { requestId: string; secure: boolean }): Promise<Response> {
  if (request.method !== 'POST') return json({ error: 'POST to log out.' }, 405);
  if (!claims) return unauthenticated();
  await sessions.logout(claims, meta.requestId);
  return json({ ok: true }, 200, { 'set-cookie': cookie('', 0, meta.secure) });
}
