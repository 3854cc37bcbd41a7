import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords hashed with Argon2id (memory-hard), in the PHC string format that carries its own
 * salt and parameters: 19 MiB, 2 passes, the OWASP minimum.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_RULE = { minLength: 10, maxLength: 256 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password or a malformed hash; never throws. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A problem with a chosen password, or null when it will do. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_RULE.minLength) return `A password needs at least ${PASSWORD_RULE.minLength} characters.`;
  if (password.length > PASSWORD_RULE.maxLength) return `A password has at most ${PASSWORD_RULE.maxLength} characters.`;
  return null;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password: 16 characters from an alphabet without look-alikes (about 93 bits). */
export function oneTimePassword(): string {
  return Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
