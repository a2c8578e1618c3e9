// Personal links: creating one (the token is returned once, only its hash kept, as the link's
// _id), resolving a token back to its subject — a round's country or a partner organization —
// in one lookup by _id, withdrawing one. A token of the other subject is unknown (404): a
// partner's link never opens a country's answers, nor the reverse.
import { randomBytes } from 'node:crypto';
import { isDuplicateKey } from '../db/claim-number';
import { hashToken } from '../http/token-hash';
import { AppError, problemDetails, type ProblemName } from '../http/problem';
import { findRound } from '../rounds/find-round';
import { Link, type LinkSubject } from './invitation.model';
import type { Locale } from '../i18n/locales';

export { hashToken };

/** 144 random bits, URL-safe. */
const newToken = () => randomBytes(18).toString('base64url');

interface NewLinkFields {
  language: Locale;
  label?: string;
  expiresAt?: Date;
  /** A known token (demo links derive theirs); a random one otherwise. */
  token?: string;
}

export interface NewLink extends NewLinkFields {
  roundId: string;
  country: string;
  focalPointId?: string;
}

export interface NewPartnerLink extends NewLinkFields {
  partnerId: string;
  /** The contact's email it is sent to (shown to organizers). */
  sentTo?: string;
}

/**
 * Stores a new link. A known token that is already stored keeps its stored link as it is (a
 * withdrawn demo link stays withdrawn), so seeding known tokens can be repeated.
 */
async function storeLink(
  subject: LinkSubject,
  { token: knownToken, ...fields }: NewLinkFields & Record<string, unknown>,
): Promise<{ token: string; id: string }> {
  const token = knownToken ?? newToken();
  const id = hashToken(token);
  try {
    await Link.create({ ...fields, subject, _id: id });
  } catch (err) {
    if (!(knownToken && isDuplicateKey(err))) throw err;
  }
  return { token, id };
}

/** A link to answer for a country in a round. */
export const createCountryLink = (input: NewLink) => storeLink('country', { ...input });

/** A link for a partner organization to declare its offer. */
export const createPartnerLink = (input: NewPartnerLink) => storeLink('partner', { ...input });

export interface ResolvedLink {
  /** The link's id (the SHA-256 of its token). */
  invitationId: string;
  language: Locale;
  round: {
    id: string;
    name: string;
    formId: string;
    formVersion: number;
    deadline: Date;
    languages: string[];
    /** The organizers' contact for respondents, when the round gives one. */
    contact?: { name?: string; email?: string };
  };
  country: { iso3: string; name: string };
}

/** What resolving a link can answer, for the routes that take one: unknown (404), withdrawn or expired (410). */
export const linkProblems: ProblemName[] = ['linkNotFound', 'linkNotValid'];

/** The stored link of a token of this subject; 404 when unknown, 410 when expired or revoked. */
async function usableLink(token: string, subject: LinkSubject) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new AppError('linkNotFound');
  const link = await Link.findById(hashToken(token)).lean();
  if (!link || (link.subject ?? 'country') !== subject) throw new AppError('linkNotFound');
  if (link.revokedAt) throw new AppError('linkNotValid', problemDetails.linkWithdrawn);
  if (link.expiresAt && link.expiresAt.getTime() < Date.now())
    throw new AppError('linkNotValid', problemDetails.linkExpired);
  return link;
}

/** The round and country of a token; 404 when unknown, 410 when expired or revoked. */
export async function resolveLink(token: string): Promise<ResolvedLink> {
  const link = await usableLink(token, 'country');
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
      ...(round.contact?.name || round.contact?.email
        ? { contact: { name: round.contact.name ?? undefined, email: round.contact.email ?? undefined } }
        : {}),
    },
    country: { iso3: country.iso3, name: country.name },
  };
}

export interface ResolvedPartnerLink {
  /** The link's id (the SHA-256 of its token). */
  invitationId: string;
  language: Locale;
  partnerId: string;
}

/** The partner of a token; 404 when unknown, 410 when expired or revoked. */
export async function resolvePartnerLink(token: string): Promise<ResolvedPartnerLink> {
  const link = await usableLink(token, 'partner');
  return { invitationId: link._id, language: link.language as Locale, partnerId: String(link.partnerId) };
}

export interface LinkState {
  id: string;
  language: Locale;
  sentTo?: string;
  createdAt: Date;
  expiresAt?: Date;
  revokedAt?: Date;
  openedAt?: Date;
}

/** The state of the given links, read by _id (unknown ids left out), in the order given. */
export async function linkStates(ids: readonly string[]): Promise<LinkState[]> {
  const docs = await Promise.all(ids.map((id) => Link.findById(id).lean()));
  return docs
    .filter((d): d is NonNullable<typeof d> => d !== null)
    .map((d) => ({
      id: d._id,
      language: d.language as Locale,
      ...(d.sentTo && { sentTo: d.sentTo }),
      createdAt: d.createdAt,
      ...(d.expiresAt && { expiresAt: d.expiresAt }),
      ...(d.revokedAt && { revokedAt: d.revokedAt }),
      ...(d.openedAt && { openedAt: d.openedAt }),
    }));
}

/** Withdraws a link (idempotent: an already revoked link keeps its first revocation time). */
export async function revokeLink(linkId: string): Promise<void> {
  await Link.updateOne({ _id: linkId, revokedAt: null }, { $set: { revokedAt: new Date() } });
}

/**
 * Records the first opening of a link; returns the focal point it was sent to when this is the
 * link's first opening (so the caller records the focal point's first opening), else null.
 */
export async function recordLinkOpened(linkId: string, at = new Date()): Promise<string | null> {
  const link = await Link.findById(linkId, { openedAt: 1, focalPointId: 1 }).lean();
  if (!link || link.openedAt) return null;
  await Link.updateOne({ _id: linkId }, { $set: { openedAt: at } });
  return link.focalPointId ? String(link.focalPointId) : null;
}
