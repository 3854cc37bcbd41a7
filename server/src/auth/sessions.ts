import { randomUUID } from 'node:crypto';
import type { AccountStore, AgencyProfile, UserRecord } from '../store/accounts';
import { AuditLog } from './audit-log';
import { LocalAuthenticator, type Authenticator } from './authenticator';
import { supervisedBy } from './supervision';
import { LoginThrottle } from './throttle';
import { signToken, verifyToken, type SessionClaims } from './token';

export const SESSION_COOKIE = 'clg_session';
/** Sessions last two hours; then the user logs in again. */
export const SESSION_TTL_SECONDS = 2 * 60 * 60;

/** Verified tokens remembered, so a session's requests after its first skip the HMAC and the JSON parse. */
const VERIFIED_CACHE_SIZE = 10_000;

export type LoginOutcome =
  | { ok: true; token: string; claims: SessionClaims; mustChange: boolean }
  | { ok: false; reason: 'bad-credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export interface RequestMeta {
  address: string;
  requestId: string;
}

/**
 * Sessions: login (throttled, audited), logout, and the session a request carries (a bearer
 * token or the session cookie). `now` is injectable for tests.
 */
export class Sessions {
  readonly audit: AuditLog;
  readonly throttle = new LoginThrottle();
  private revoked = new Set<string>();
  private loaded: Promise<void> | undefined;
  /**
   * Tokens whose signature verified, with their claims. Only a well-signed token gets in, and
   * the expiry and the revoked list are still checked on every request.
   */
  private readonly verified = new Map<string, SessionClaims>();

  constructor(
    private readonly store: AccountStore,
    private readonly secret: Buffer,
    private readonly authenticator: Authenticator = new LocalAuthenticator(store),
    private readonly now: () => number = Date.now,
  ) {
    this.audit = new AuditLog(store, secret);
  }

  /** Signs a session for claims chosen by the server itself: logins, and test harnesses. */
  issue(claims: Omit<SessionClaims, 'iat' | 'exp' | 'sid'> & { sid?: string }, ttlSeconds = SESSION_TTL_SECONDS): string {
    const iat = Math.floor(this.now() / 1000);
    return signToken({ ...claims, sid: claims.sid ?? randomUUID(), iat, exp: iat + ttlSeconds }, this.secret);
  }

  async login(name: string, password: string, meta: RequestMeta): Promise<LoginOutcome> {
    const key = LoginThrottle.key(name, meta.address);
    const wait = this.throttle.waitMs(key, this.now());
    const base = { objectIds: [`user:${name.trim().toLowerCase().slice(0, 64)}`], requestId: meta.requestId, detail: `from ${meta.address}` };
    if (wait > 0) {
      await this.audit.append({ ...base, userId: '', agency: '', action: 'login', outcome: 'throttled' });
      return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
    }
    const user = await this.authenticator.authenticate({ name, password });
    if (!user) {
      this.throttle.failed(key, this.now());
      await this.audit.append({ ...base, userId: '', agency: '', action: 'login', outcome: 'bad-credentials' });
      return { ok: false, reason: 'bad-credentials' };
    }
    this.throttle.succeeded(key);
    const token = this.issue(claimsOf(user, await this.store.listAgencies()));
    const claims = verifyToken(token, this.secret, Math.floor(this.now() / 1000))!;
    // Recorded before the session exists: a login whose record cannot be written opens none.
    await this.audit.append({ ...base, objectIds: [user.id, claims.sid], userId: user.id, agency: user.agency, action: 'login', outcome: 'ok' });
    await this.store.putSession({
      id: claims.sid,
      userId: user.id,
      createdAt: new Date(claims.iat * 1000).toISOString(),
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      revokedAt: '',
    });
    return { ok: true, token, claims, mustChange: user.mustChange };
  }

  async logout(claims: SessionClaims, requestId: string): Promise<void> {
    await this.audit.append({ userId: claims.sub, agency: claims.agency, action: 'logout', objectIds: [claims.sid], outcome: 'ok', requestId, detail: '' });
    await this.store.revokeSession(claims.sid, new Date(this.now()).toISOString());
    this.revoked.add(claims.sid);
  }

  /** The live session a request carries, or null. */
  async sessionOf(request: HeaderSource): Promise<SessionClaims | null> {
    const token = tokenOf(request);
    if (!token) return null;
    const claims = this.verify(token);
    if (!claims) return null;
    this.loaded ??= this.store.revokedSessions(new Date(this.now()).toISOString()).then((ids) => ids.forEach((id) => this.revoked.add(id)));
    await this.loaded;
    return this.revoked.has(claims.sid) ? null : claims;
  }

  private verify(token: string): SessionClaims | null {
    const nowSeconds = Math.floor(this.now() / 1000);
    const known = this.verified.get(token);
    if (known) {
      if (known.exp > nowSeconds) return known;
      this.verified.delete(token);
      return null;
    }
    const claims = verifyToken(token, this.secret, nowSeconds);
    if (!claims) return null;
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
    this.verified.set(token, claims);
    return claims;
  }
}

/** A user's session claims; `profiles` say which agencies the user's agency supervises. */
export const claimsOf = (user: UserRecord, profiles: readonly AgencyProfile[] = []): Omit<SessionClaims, 'iat' | 'exp' | 'sid'> => ({
  sub: user.id,
  name: user.name,
  agency: user.agency,
  agencies: [user.agency],
  oversees: supervisedBy(user.agency, profiles),
  role: user.role,
});

/** What a session is read from: a Request, or serve.ts's view of a node:http request. */
export interface HeaderSource {
  headers: { get(name: string): string | null };
}

/** `Authorization: Bearer …`, else the session cookie. */
export function tokenOf(request: HeaderSource): string | null {
  const auth = request.headers.get('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  const cookie = request.headers.get('cookie') ?? '';
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return null;
}
