import type { AccountStore, UserRecord } from '../store/accounts';
import { hashPassword, verifyPassword } from './password';

/**
 * Who a login is. Local accounts answer here; an OIDC provider would implement the same
 * interface (exchanging its code for a user id and agency) and the rest stays as it is.
 */
export interface Authenticator {
  /** The user whose credentials these are, or null; takes about as long either way. */
  authenticate(credentials: { name: string; password: string }): Promise<UserRecord | null>;
}

export const userId = (name: string) => `user:${name.trim().toLowerCase()}`;
export const USER_NAME = /^[A-Za-z0-9_.@-]{1,64}$/;

let dummy: Promise<string> | undefined;

/** Local accounts: argon2id hashes in the store's User records. */
export class LocalAuthenticator implements Authenticator {
  constructor(private readonly store: Pick<AccountStore, 'getUser'>) {}

  async authenticate({ name, password }: { name: string; password: string }): Promise<UserRecord | null> {
    const user = USER_NAME.test(name.trim()) ? await this.store.getUser(userId(name)) : null;
    // An unknown name costs one hash too, so timing does not tell which names exist.
    dummy ??= hashPassword('not a password of anyone');
    const ok = await verifyPassword(user?.passwordHash ?? (await dummy), password);
    return user && ok ? user : null;
  }
}
