// Country links: creating one (the token is returned once, only its hash kept) and resolving
// a token back to its round and country.
import { randomBytes } from 'node:crypto';
import { hashToken } from '../http/token-hash';
import { AppError } from '../http/problem';
import { Round } from '../rounds/round.model';
import { Invitation } from './invitation.model';
import type { Locale } from '../forms/survey-validation';

export { hashToken };

/** 144 random bits, URL-safe. */
const newToken = () => randomBytes(18).toString('base64url');

export interface NewLink {
  roundId: string;
  country: string;
  language: Locale;
  label?: string;
  expiresAt?: Date;
  /** A known token (demo links derive theirs); a random one otherwise. */
  token?: string;
}

export async function createCountryLink(input: NewLink): Promise<{ token: string; id: string }> {
  const { token = newToken(), ...fields } = input;
  const doc = await Invitation.create({ ...fields, tokenHash: hashToken(token) });
  return { token, id: String(doc._id) };
}

export interface ResolvedLink {
  invitationId: string;
  language: Locale;
  round: { id: string; name: string; formId: string; formVersion: number; deadline: Date; languages: string[] };
  country: { iso3: string; name: string };
}

/** The round and country of a token; 404 when unknown, 410 when expired or revoked. */
export async function resolveLink(token: string): Promise<ResolvedLink> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new AppError('linkNotFound');
  const invitation = await Invitation.findOne({ tokenHash: hashToken(token) }).lean();
  if (!invitation) throw new AppError('linkNotFound');
  if (invitation.revokedAt) throw new AppError('linkNotValid', 'This link has been withdrawn');
  if (invitation.expiresAt && invitation.expiresAt.getTime() < Date.now()) throw new AppError('linkNotValid', 'This link has expired');
  const round = await Round.findById(invitation.roundId).lean();
  const country = round?.countries.find((c) => c.iso3 === invitation.country);
  if (!round || !country) throw new AppError('linkNotFound');
  return {
    invitationId: String(invitation._id),
    language: invitation.language as Locale,
    round: { id: String(round._id), name: round.name, formId: round.formId, formVersion: round.formVersion, deadline: round.deadline, languages: round.languages },
    country: { iso3: country.iso3, name: country.name },
  };
}

/** Withdraws a link (idempotent: an already revoked link keeps its first revocation time). */
export async function revokeLink(invitationId: string): Promise<void> {
  await Invitation.updateOne({ _id: invitationId, revokedAt: null }, { $set: { revokedAt: new Date() } });
}
