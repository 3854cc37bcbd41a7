import { describe, expect, it } from 'vitest';
import { LoginThrottle, THROTTLE_RULES } from './throttle';

describe('login throttling per name and address', () => {
  it('lets five failures through, then locks for 30 s, doubling with each further failure', () => {
    const t = new LoginThrottle();
    const key = LoginThrottle.key('Sh.Investigator ', '10.0.0.1');
    expect(key).toBe('sh.investigator|10.0.0.1');
    for (let i = 0; i < 4; i++) {
      expect(t.waitMs(key, 1000)).toBe(0);
      t.failed(key, 1000);
    }
    expect(t.waitMs(key, 1000)).toBe(0);
    t.failed(key, 1000);
    expect(t.waitMs(key, 1000)).toBe(30_000);
    expect(t.waitMs(key, 31_000)).toBe(0);
    t.failed(key, 31_000);
    expect(t.waitMs(key, 31_000)).toBe(60_000);
    // Another address, or another name, is not held back.
    expect(t.waitMs(LoginThrottle.key('sh.investigator', '10.0.0.2'), 31_000)).toBe(0);
  });

  it('caps the lockout, and forgets a key after a success or once its window has passed', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 30; i++) t.failed('k', 0);
    expect(t.waitMs('k', 0)).toBe(THROTTLE_RULES.maxLockoutMs);
    t.succeeded('k');
    expect(t.waitMs('k', 0)).toBe(0);
    t.failed('j', 0);
    expect(t.waitMs('j', THROTTLE_RULES.windowMs + 1)).toBe(0);
  });
});
