/**
 * Login throttling per (login name, client address): after `free` failures within `window`,
 * every further attempt waits a lockout that doubles with each failure, up to `maxLockout`.
 * A success clears the key. Pure bookkeeping over an injected clock (milliseconds).
 */
export interface ThrottleRules {
  free: number;
  windowMs: number;
  baseLockoutMs: number;
  maxLockoutMs: number;
}

export const THROTTLE_RULES: ThrottleRules = { free: 5, windowMs: 15 * 60_000, baseLockoutMs: 30_000, maxLockoutMs: 15 * 60_000 };

interface Entry {
  failures: number;
  first: number;
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly rules: ThrottleRules = THROTTLE_RULES) {}

  static key(name: string, address: string): string {
    return `${name.trim().toLowerCase()}|${address}`;
  }

  /** 0 when an attempt may go ahead, else the milliseconds to wait. */
  waitMs(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    if (now - e.first > this.rules.windowMs && now >= e.lockedUntil) {
      this.entries.delete(key);
      return 0;
    }
    return Math.max(0, e.lockedUntil - now);
  }

  failed(key: string, now: number): void {
    const e = this.entries.get(key) ?? { failures: 0, first: now, lockedUntil: 0 };
    e.failures += 1;
    if (e.failures >= this.rules.free) {
      const lockout = Math.min(this.rules.maxLockoutMs, this.rules.baseLockoutMs * 2 ** (e.failures - this.rules.free));
      e.lockedUntil = now + lockout;
    }
    this.entries.set(key, e);
    if (this.entries.size > 100_000) this.entries.delete(this.entries.keys().next().value!);
  }

  succeeded(key: string): void {
    this.entries.delete(key);
  }
}
