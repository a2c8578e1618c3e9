// Sending focal points their personal link: a new country link each time (the previous one is
// revoked once the new email is queued), and an email in the focal point's language.
import { trusted, type Types } from 'mongoose';
import type { Locale } from '../forms/survey-validation';
import { queueEmail } from '../email/queue-email';
import type { EmailTemplate } from '../email/outbox.model';
import { AppError } from '../http/problem';
import { Invitation } from '../invitations/invitation.model';
import { createCountryLink, revokeLink } from '../invitations/links';
import { findRoundOrReject } from '../rounds/find-round';
import { Round } from '../rounds/round.model';
import { FocalPoint } from './focal-point.model';

/** Links stay valid for 30 days after the round's deadline (late answers, corrections). */
const linkGraceDays = 30;

type FocalPointDoc = NonNullable<Awaited<ReturnType<typeof findFocalPoint>>>;
type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

function findFocalPoint(id: string | Types.ObjectId) {
  return FocalPoint.findById(id).lean();
}

export async function findFocalPointOrReject(id: string): Promise<FocalPointDoc> {
  const fp = /^[0-9a-f]{24}$/.test(id) ? await findFocalPoint(id) : null;
  if (!fp) throw new AppError('notFound', 'No such focal point');
  return fp;
}

/**
 * Gives a focal point a new link and queues `template` with it; the previous link stops
 * working. If the email cannot be queued, the new link is withdrawn and the old one kept.
 */
export async function sendNewLink(publicUrl: string, fp: FocalPointDoc, template: EmailTemplate, round?: RoundDoc, dueAt?: Date): Promise<void> {
  const r = round ?? (await findRoundOrReject(String(fp.roundId)));
  const link = await createCountryLink({
    roundId: String(r._id),
    country: fp.country,
    language: fp.language as Locale,
    label: fp.email,
    expiresAt: new Date(r.deadline.getTime() + linkGraceDays * 86400_000),
  });
  try {
    await queueEmail({
      to: fp.email,
      template,
      locale: fp.language as Locale,
      data: {
        name: fp.name,
        countryName: r.countries.find((c) => c.iso3 === fp.country)?.name ?? fp.country,
        roundName: r.name,
        deadline: r.deadline,
        link: `${publicUrl}/respond/${link.token}`,
      },
      roundId: String(r._id),
      focalPointId: String(fp._id),
      dueAt,
    });
  } catch (err) {
    await revokeLink(link.id);
    throw err;
  }
  await FocalPoint.updateOne({ _id: fp._id }, { $set: { invitationId: link.id, ...(fp.invitedAt ? {} : { invitedAt: new Date() }) } });
  if (fp.invitationId) await revokeLink(String(fp.invitationId));
}

/**
 * The focal points of a round to invite, by country and email: the given ones (all of them
 * must be focal points of the round), or all those not yet invited.
 */
export async function focalPointsToInvite(round: Pick<RoundDoc, '_id'>, focalPointIds?: string[]): Promise<FocalPointDoc[]> {
  const filter = focalPointIds ? { roundId: round._id, _id: trusted({ $in: focalPointIds }) } : { roundId: round._id, invitedAt: null };
  const focalPoints = await FocalPoint.find(filter).sort({ country: 1, email: 1 }).lean();
  if (focalPointIds) {
    const found = new Set(focalPoints.map((f) => String(f._id)));
    const unknown = focalPointIds.filter((id) => !found.has(id));
    if (unknown.length) throw new AppError('unprocessable', `Not focal points of this round: ${unknown.join(', ')}`, [{ field: 'body.focalPointIds', message: `${unknown.join(', ')} are not focal points of this round` }]);
  }
  return focalPoints;
}

/** Invites the given focal points of a round, or all those not yet invited. */
export async function inviteFocalPoints(publicUrl: string, roundId: string, focalPointIds?: string[]): Promise<string[]> {
  const round = await findRoundOrReject(roundId);
  const focalPoints = await focalPointsToInvite(round, focalPointIds);
  for (const fp of focalPoints) await sendNewLink(publicUrl, fp, 'invitation', round);
  return focalPoints.map((f) => String(f._id));
}

/** Withdraws a focal point's current link. */
export async function revokeFocalPointLink(fp: FocalPointDoc): Promise<void> {
  if (fp.invitationId) await revokeLink(String(fp.invitationId));
}

/** Marks the focal point of a link as having opened it (the first time only). */
export async function markLinkOpened(invitationId: string): Promise<void> {
  await FocalPoint.updateOne({ invitationId, openedAt: null }, { $set: { openedAt: new Date() } });
}

/**
 * "Send me my link again": a new link for each focal point with this address that was invited,
 * whose link the organizers did not withdraw, in a round whose deadline is not past.
 */
export async function sendLinksAgain(publicUrl: string, email: string): Promise<number> {
  const focalPoints = await FocalPoint.find({ email: email.toLowerCase(), invitedAt: trusted({ $ne: null }) }).lean();
  let sent = 0;
  for (const fp of focalPoints) {
    const round = await Round.findById(fp.roundId).lean();
    if (!round || round.deadline.getTime() < Date.now()) continue;
    const current = fp.invitationId ? await Invitation.findById(fp.invitationId).lean() : null;
    if (current?.revokedAt) continue;
    await sendNewLink(publicUrl, fp, 'link-again', round);
    sent++;
  }
  return sent;
}
