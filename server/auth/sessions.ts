// Creating, finding and ending organizer sessions.
import { randomBytes } from 'node:crypto';
import { hashToken } from '../http/token-hash';
import { Account } from './account.model';
import type { Role } from './roles';
import { Session } from './session.model';

export interface SignedInAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  account: SignedInAccount;
}

export async function createSession(
  accountId: string,
  hours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await Session.create({ _id: hashToken(token), accountId, csrfToken, expiresAt });
  await Session.deleteMany({ expiresAt: { $lt: new Date() } });
  return { token, csrfToken, expiresAt };
}

/** The live session of a cookie token, with its account, or undefined. */
export async function findSession(token: string): Promise<ActiveSession | undefined> {
  const session = await Session.findById(hashToken(token)).lean();
  if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
  const account = await Account.findById(session.accountId).lean();
  if (!account || account.disabled) return undefined;
  return {
    id: String(session._id),
    csrfToken: session.csrfToken,
    account: { id: String(account._id), email: account.email, name: account.name, role: account.role as Role },
  };
}

export async function endSession(token: string): Promise<void> {
  await Session.deleteOne({ _id: hashToken(token) });
}
