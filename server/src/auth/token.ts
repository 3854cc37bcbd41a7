import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRole, type Role } from './roles';

/**
 * A session token: the claims as base64url JSON, a dot, and their HMAC-SHA256 under the
 * server's secret. Short-lived (`exp`); a logged-out session's id is refused until it expires.
 */
export interface SessionClaims {
  /** Session id. */
  sid: string;
  /** User id. */
  sub: string;
  /** Login name, for display. */
  name: string;
  /** The user's agency. */
  agency: string;
  /** The agencies whose records the session sees as its own (the user's one agency, for a login). */
  agencies: string[];
  /** The agencies the user's agency supervises (supervision.ts): their records are visible, not owned. */
  oversees?: string[];
  role: Role;
  /** Issued and expiry times, seconds since the epoch. */
  iat: number;
  exp: number;
}

const b64 = (buf: Buffer) => buf.toString('base64url');
const mac = (payload: string, secret: Buffer) => createHmac('sha256', secret).update(payload).digest();

export function signToken(claims: SessionClaims, secret: Buffer): string {
  const payload = b64(Buffer.from(JSON.stringify(claims)));
  return `${payload}.${b64(mac(payload, secret))}`;
}

/** The claims of a well-signed, unexpired token; null otherwise. */
export function verifyToken(token: string, secret: Buffer, nowSeconds: number): SessionClaims | null {
  if (token.length > 4096) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: Partial<SessionClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SessionClaims>;
  } catch {
    return null;
  }
  const ok =
    typeof claims.sid === 'string' &&
    typeof claims.sub === 'string' &&
    typeof claims.name === 'string' &&
    typeof claims.agency === 'string' &&
    Array.isArray(claims.agencies) &&
    claims.agencies.every((a) => typeof a === 'string') &&
    (claims.oversees === undefined || (Array.isArray(claims.oversees) && claims.oversees.every((a) => typeof a === 'string'))) &&
    isRole(claims.role) &&
    typeof claims.iat === 'number' &&
    typeof claims.exp === 'number';
  if (!ok || claims.exp! <= nowSeconds) return null;
  return claims as SessionClaims;
}
