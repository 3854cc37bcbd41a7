import { AGENCIES } from '../../../seed/src/places';
import { assertAgencyId } from '../store/visibility';
import type { AccountStore, Role, UserRecord } from '../store/accounts';
import type { AuditLog } from './audit-log';
import { DEMO_USERS } from './demo-users';
import { USER_NAME, userId } from './authenticator';
import { hashPassword, oneTimePassword } from './password';
import { isRole, ROLES } from './roles';

/** A user the caller asked for that cannot be created; the message names what is wrong. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export interface NewUser {
  agency: string;
  role: string;
  name: string;
  /** Who creates it: `cli`, `demo`, or an admin's user id. */
  by: string;
  /** Demo users keep their password; real ones must choose their own at first login. */
  mustChange?: boolean;
}

/**
 * Creates a local account with a one-time password (returned, never stored in clear), and
 * records the permission change in the audit trail first: no audit, no account.
 */
export async function addUser(accounts: AccountStore, audit: AuditLog, u: NewUser): Promise<{ user: UserRecord; password: string }> {
  const name = u.name.trim();
  if (!USER_NAME.test(name)) throw new UserError(`--name: letters, digits and . _ @ - only, 1 to 64 characters (got ${JSON.stringify(u.name)})`);
  try {
    assertAgencyId(u.agency);
  } catch {
    throw new UserError(`--agency: not an agency id (got ${JSON.stringify(u.agency)})`);
  }
  if (!isRole(u.role)) throw new UserError(`--role: one of ${ROLES.join(', ')} (got ${JSON.stringify(u.role)})`);
  const id = userId(name);
  if (await accounts.getUser(id)) throw new UserError(`--name: a user called ${name} exists already`);
  const password = oneTimePassword();
  const user: UserRecord = {
    id,
    name,
    agency: u.agency,
    role: u.role as Role,
    passwordHash: await hashPassword(password),
    mustChange: u.mustChange ?? true,
    createdAt: new Date().toISOString(),
    createdBy: u.by,
  };
  await audit.append({ userId: u.by, agency: '', action: 'user.add', objectIds: [id, u.agency], outcome: 'ok', requestId: '', detail: `role ${u.role}` });
  if (!(await accounts.createUser(user))) throw new UserError(`--name: a user called ${name} exists already`);
  return { user, password };
}

/** The demo's agencies as profiles, from the seed's list. */
export async function putDemoAgencies(accounts: AccountStore): Promise<void> {
  for (const a of AGENCIES) await accounts.putAgency({ id: a.id, name: a.name, province: a.province, level: a.level });
}

/** Creates the demo agencies and users (those missing); returns the new users' passwords. */
export async function createDemoUsers(accounts: AccountStore, audit: AuditLog): Promise<{ name: string; agency: string; role: Role; password: string }[]> {
  await putDemoAgencies(accounts);
  const created = [];
  for (const d of DEMO_USERS) {
    if (await accounts.getUser(userId(d.name))) continue;
    const { password } = await addUser(accounts, audit, { ...d, by: 'demo', mustChange: false });
    created.push({ ...d, password });
  }
  return created;
}
