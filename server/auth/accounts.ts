// Organizer account use cases, shared by the API and scripts/create-admin.
import { AppError } from '../http/problem';
import { Account } from './account.model';
import { hashPassword, unusableHash, verifyPassword } from './password';
import { assertAcceptablePassword } from './password-policy';
import type { Role } from './roles';
import type { SignedInAccount } from './sessions';

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Creates an account; outside demo mode (config.seedDemo false) the demo password is refused. */
export async function createAccount(input: NewAccount, { demoMode = false } = {}): Promise<SignedInAccount> {
  const email = input.email.trim().toLowerCase();
  assertAcceptablePassword(input.password, { email, name: input.name, demoMode });
  if (await Account.exists({ email })) throw new AppError('conflict', `An account for ${email} already exists`, [{ field: 'body.email', message: 'is already used' }]);
  const account = await Account.create({ email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) });
  return { id: String(account._id), email: account.email, name: account.name, role: account.role as Role };
}

export async function accountExists(email: string): Promise<boolean> {
  return (await Account.exists({ email: email.trim().toLowerCase() })) !== null;
}

/** The account matching email and password, or undefined (same timing either way). */
export async function checkCredentials(email: string, password: string): Promise<SignedInAccount | undefined> {
  const account = await Account.findOne({ email: email.trim().toLowerCase() }).lean();
  const ok = await verifyPassword(password, account?.passwordHash ?? unusableHash);
  if (!account || !ok || account.disabled) return undefined;
  return { id: String(account._id), email: account.email, name: account.name, role: account.role as Role };
}

export async function listAccounts(): Promise<SignedInAccount[]> {
  const rows = await Account.find().sort({ email: 1 }).lean();
  return rows.map((a) => ({ id: String(a._id), email: a.email, name: a.name, role: a.role as Role, disabled: a.disabled }));
}
