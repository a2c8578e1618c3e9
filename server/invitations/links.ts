// Country links: creating one (the token is returned once, only its hash kept, as the link's
// _id), resolving a token back to its round and country (one lookup by _id), withdrawing one.
import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../db/claim-number';
import { hashToken } from '../http/token-hash';
import { AppError } from '../http/problem';
import { findRound } from '../rounds/find-round';
import { CountryLink } from './invitation.model';
import type { Locale } from '../i18n/locales';

export { hashToken };

/** 144 random bits, URL-safe. */
const newToken = () => randomBytes(18).toString('base64url');

export interface NewLink {
  roundId: string;
  country: string;
  language: Locale;
  label?: string;
  focalPointId?: string;
  expiresAt?: Date;
  /** A known token (demo links derive theirs); a random one otherwise. */
  token?: string;
}

/**
 * Stores a new link. A known token that is already stored keeps its stored link as it is (a
 * withdrawn demo link stays withdrawn), so seeding known tokens can be repeated.
 */
export async function createCountryLink(input: NewLink): Promise<{ token: string; id: string }> {
  const { token = newToken(), ...fields } = input;
  const id = hashToken(token);
  try {
    await CountryLink.create({ ...fields, _id: id });
  } catch (err) {
    if (!(input.token && isDuplicateKey(err))) throw err;
  }
  return { token, id };
}

export interface ResolvedLink {
  /** The link's id (the SHA-256 of its token). */
  invitationId: string;
  language: Locale;
  round: { id: string; name: string; formId: string; formVersion: number; deadline: Date; languages: string[] };
  country: { iso3: string; name: string };
}

/** The round and country of a token; 404 when unknown, 410 when expired or revoked. */
export async function resolveLink(token: string): Promise<ResolvedLink> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new AppError('linkNotFound');
  const link = await CountryLink.findById(hashToken(token)).lean();
  if (!link) throw new AppError('linkNotFound');
  if (link.revokedAt) throw new AppError('linkNotValid', 'This link has been withdrawn');
  if (link.expiresAt && link.expiresAt.getTime() < Date.now())
    throw new AppError('linkNotValid', 'This link has expired');
  const round = await findRound(String(link.roundId));
  const country = round?.countries.find((c) => c.iso3 === link.country);
  if (!round || !country) throw new AppError('linkNotFound');
  return {
    invitationId: link._id,
    language: link.language as Locale,
    round: {
      id: String(round._id),
      name: round.name,
      formId: round.formId,
      formVersion: round.formVersion,
      deadline: round.deadline,
      languages: round.languages,
    },
    country: { iso3: country.iso3, name: country.name },
  };
}

/** Withdraws a link (idempotent: an already revoked link keeps its first revocation time). */
export async function revokeLink(linkId: string): Promise<void> {
  await CountryLink.updateOne({ _id: linkId, revokedAt: null }, { $set: { revokedAt: new Date() } });
}

/**
 * Records the first opening of a link; returns the focal point it was sent to when this is the
 * link's first opening (so the caller records the focal point's first opening), else null.
 */
export async function recordLinkOpened(linkId: string, at = new Date()): Promise<string | null> {
  const link = await CountryLink.findById(linkId, { openedAt: 1, focalPointId: 1 }).lean();
  if (!link || link.openedAt) return null;
  await CountryLink.updateOne({ _id: linkId }, { $set: { openedAt: at } });
  return link.focalPointId ? String(link.focalPointId) : null;
}
