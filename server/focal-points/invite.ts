// Sending focal points their personal link, by email in their language. Every message carries
// a new link and leaves the focal point's earlier links working (tokens are stored only as
// hashes, so an existing link cannot be sent again); only an organizer withdraws links, by
// revoking them or by resending with `replace`.
import type { Locale } from '../i18n/locales';
import { queueEmail } from '../email/queue-email';
import type { EmailTemplate } from '../email/queue-email';
import type { TemplateData } from '../email/templates';
import { AppError } from '../http/problem';
import { createCountryLink, recordLinkOpened, revokeLink } from '../invitations/links';
import { findRound, findRoundOrReject } from '../rounds/find-round';
import { recordEmailQueued } from './email-summary';
import { FocalPoint } from './focal-point.model';
import { findFocalPoint, listRoundFocalPoints, type FocalPointDoc } from './round-focal-points';

export type { FocalPointDoc };

/** Links stay valid for 30 days after the round's deadline (late answers, corrections). */
const linkGraceDays = 30;

type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

export async function findFocalPointOrReject(id: string): Promise<FocalPointDoc> {
  const fp = /^[0-9a-f]{24}$/.test(id) ? await findFocalPoint(id) : null;
  if (!fp) throw new AppError('notFound', 'No such focal point');
  return fp;
}

export interface NewLinkOptions {
  round?: RoundDoc;
  /** Not before this time (default now). */
  dueAt?: Date;
  /** Withdraw the focal point's earlier links once the new one is queued (organizers only). */
  replace?: boolean;
  /** More for the template than the round, country and link (the review of a returned response). */
  review?: TemplateData['review'];
}

/**
 * Gives a focal point one more link and queues `template` with it; returns the email's id. If
 * the email cannot be queued, the new link is withdrawn and nothing else changes.
 */
export async function sendNewLink(
  publicUrl: string,
  fp: FocalPointDoc,
  template: EmailTemplate,
  options: NewLinkOptions = {},
): Promise<string> {
  const r = options.round ?? (await findRoundOrReject(String(fp.roundId)));
  const expiresAt = new Date(r.deadline.getTime() + linkGraceDays * 86400_000);
  const link = await createCountryLink({
    roundId: String(r._id),
    country: fp.country,
    language: fp.language as Locale,
    label: fp.email,
    focalPointId: String(fp._id),
    expiresAt,
  });
  let emailId: string;
  try {
    emailId = await queueEmail({
      to: fp.email,
      template,
      locale: fp.language as Locale,
      data: {
        name: fp.name,
        countryName: r.countries.find((c) => c.iso3 === fp.country)?.name ?? fp.country,
        roundName: r.name,
        deadline: r.deadline,
        link: `${publicUrl}/respond/${link.token}`,
        ...(options.review && { review: options.review }),
      },
      roundId: String(r._id),
      focalPointId: String(fp._id),
      dueAt: options.dueAt,
    });
  } catch (err) {
    await revokeLink(link.id);
    throw err;
  }
  const now = new Date();
  await FocalPoint.updateOne(
    { _id: fp._id },
    {
      $push: { linkIds: link.id },
      $set: { linkExpiresAt: expiresAt, ...(fp.invitedAt ? {} : { invitedAt: now }) },
      $unset: { linkRevokedAt: 1 },
    },
  );
  await recordEmailQueued(String(fp._id), { emailId, template, at: now });
  if (options.replace) await withdrawLinks(fp, fp.linkIds ?? []);
  return emailId;
}

/**
 * Withdraws the given links of a focal point: revoked first, then taken off its list, so a stop
 * in between leaves a withdrawn link listed, never a working one unlisted. Only these are
 * taken off: a link added meanwhile stays listed (and is withdrawn by the next revoke).
 */
async function withdrawLinks(fp: FocalPointDoc, linkIds: string[], set: Record<string, unknown> = {}): Promise<void> {
  for (const id of linkIds) await revokeLink(id);
  await FocalPoint.updateOne({ _id: fp._id }, { $pullAll: { linkIds }, ...(Object.keys(set).length && { $set: set }) });
}

/**
 * The focal points of a round to invite, by country and email: the given ones (all of them
 * must be focal points of the round), or all those not yet invited.
 */
export async function focalPointsToInvite(
  round: Pick<RoundDoc, '_id'>,
  focalPointIds?: string[],
): Promise<FocalPointDoc[]> {
  const all = await listRoundFocalPoints(round._id);
  if (!focalPointIds) return all.filter((f) => !f.invitedAt);
  const wanted = new Set(focalPointIds);
  const focalPoints = all.filter((f) => wanted.has(String(f._id)));
  const found = new Set(focalPoints.map((f) => String(f._id)));
  const unknown = focalPointIds.filter((id) => !found.has(id));
  if (unknown.length)
    throw new AppError('unprocessable', `Not focal points of this round: ${unknown.join(', ')}`, [
      { field: 'body.focalPointIds', message: `${unknown.join(', ')} are not focal points of this round` },
    ]);
  return focalPoints;
}

/** Whom inviteFocalPoints would email (a dry run): each focal point's country, name, address, language. */
export async function listFocalPointsToInvite(roundId: string, focalPointIds?: string[]) {
  const round = await findRoundOrReject(roundId);
  return (await focalPointsToInvite(round, focalPointIds)).map((f) => ({
    id: String(f._id),
    country: f.country,
    name: f.name,
    email: f.email,
    language: f.language,
  }));
}

/** Invites the given focal points of a round, or all those not yet invited. */
export async function inviteFocalPoints(
  publicUrl: string,
  roundId: string,
  focalPointIds?: string[],
): Promise<string[]> {
  const round = await findRoundOrReject(roundId);
  const focalPoints = await focalPointsToInvite(round, focalPointIds);
  for (const fp of focalPoints) await sendNewLink(publicUrl, fp, 'invitation', { round });
  return focalPoints.map((f) => String(f._id));
}

/** Withdraws all of a focal point's links; "send me my link again" then sends it none. */
export async function revokeFocalPointLinks(fp: FocalPointDoc): Promise<void> {
  if (fp.linkIds?.length) await withdrawLinks(fp, fp.linkIds, { linkRevokedAt: new Date() });
}

/** Records the opening of a link, and of its focal point's first opening of any of its links. */
export async function markLinkOpened(linkId: string): Promise<void> {
  const focalPointId = await recordLinkOpened(linkId);
  if (focalPointId)
    await FocalPoint.updateOne({ _id: focalPointId, openedAt: null }, { $set: { openedAt: new Date() } });
}

/**
 * "Send me my link again": one more link (the earlier ones keep working) for each focal point
 * with this address that was invited, whose links the organizers did not withdraw, in a round
 * whose deadline is not past. Anonymous, so it never withdraws anything.
 */
export async function sendLinksAgain(publicUrl: string, email: string): Promise<number> {
  const focalPoints = await FocalPoint.find({ email: email.toLowerCase() }).lean();
  let sent = 0;
  for (const fp of focalPoints) {
    if (!fp.invitedAt || fp.linkRevokedAt) continue;
    const round = await findRound(String(fp.roundId));
    if (!round || round.deadline.getTime() < Date.now()) continue;
    await sendNewLink(publicUrl, fp, 'link-again', { round });
    sent++;
  }
  return sent;
}

/**
 * Tells a country's focal points that its response was returned: each gets one more link with
 * the reviewer's comment, in their language. Those whose links the organizers withdrew, never
 * invited, or whose address bounced are left out. Returns how many emails were queued.
 */
export async function notifyResponseReturned(
  publicUrl: string,
  roundId: string,
  country: string,
  review: NonNullable<TemplateData['review']>,
): Promise<number> {
  const round = await findRoundOrReject(roundId);
  const focalPoints = (await listRoundFocalPoints(round._id)).filter(
    (fp) => fp.country === country && fp.invitedAt && !fp.linkRevokedAt && !fp.bouncedAt,
  );
  for (const fp of focalPoints) await sendNewLink(publicUrl, fp, 'returned', { round, review });
  return focalPoints.length;
}
