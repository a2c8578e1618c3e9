// Organizer account use cases, shared by the API and scripts/create-admin.
import { isValidObjectId } from 'mongoose';
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
  if (await Account.exists({ email }))
    throw new AppError('conflict', `An account for ${email} already exists`, [
      { field: 'body.email', message: 'is already used' },
    ]);
  const account = await Account.create({
    email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
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
  return rows.map((a) => ({
    id: String(a._id),
    email: a.email,
    name: a.name,
    role: a.role as Role,
    disabled: a.disabled,
  }));
}

/**
 * Replaces an account's password after checking the current one (so a session left open is
 * not enough to take the account over). The new one goes through the same policy as at creation.
 */
export async function changePassword(
  accountId: string,
  current: string,
  next: string,
  { demoMode = false } = {},
): Promise<void> {
  const account = await Account.findById(accountId).lean();
  if (!account || !(await verifyPassword(current, account.passwordHash))) {
    throw new AppError('unprocessable', 'The current password is not right', [
      { field: 'body.current', message: 'is not the current password' },
    ]);
  }
  assertAcceptablePassword(next, { email: account.email, name: account.name, demoMode });
  await Account.updateOne({ _id: account._id }, { $set: { passwordHash: await hashPassword(next) } });
}

export interface AccountChange {
  role?: Role;
  disabled?: boolean;
}

/**
 * Changes an account's role or disables it (its sessions stop at once: findSession checks
 * `disabled`). Admins cannot change or disable their own account, so an admin never locks the
 * service out of its last admin by mistake.
 */
export async function updateAccount(
  accountId: string,
  change: AccountChange,
  by: SignedInAccount,
): Promise<SignedInAccount & { disabled?: boolean }> {
  if (accountId === by.id)
    throw new AppError('unprocessable', 'Change your own account through another admin', [
      { field: 'params.id', message: 'is your own account' },
    ]);
  if (!isValidObjectId(accountId)) throw new AppError('notFound', 'No such account');
  const account = await Account.findByIdAndUpdate(accountId, { $set: change }, { returnDocument: 'after' }).lean();
  if (!account) throw new AppError('notFound', 'No such account');
  return {
    id: String(account._id),
    email: account.email,
    name: account.name,
    role: account.role as Role,
    disabled: account.disabled,
  };
}

/** The account with this address, as stored (no password hash): for the export of personal data. */
export async function accountWithEmail(email: string) {
  const account = await Account.findOne({ email: email.trim().toLowerCase() }, { passwordHash: 0, __v: 0 }).lean();
  return account ? { ...account, _id: undefined, id: String(account._id) } : null;
}
