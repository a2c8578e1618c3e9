// Use case: remind the focal points of a round who are due a reminder (plan-reminders.ts
// decides), each in their own language with one more link (earlier links keep working). A dry
// run only lists the decisions. Each reminder is claimed first (reminder-claim.model.ts), so
// any number of simultaneous passes send it once.
import { claimNumber } from '../db/claim-number';
import { recordReminderQueued } from '../focal-points/email-summary';
import { sendNewLink, type FocalPointDoc } from '../focal-points/invite';
import { listRoundFocalPoints } from '../focal-points/round-focal-points';
import { awaitsRespondent } from '../responses/response-status';
import { responseStatusesOf } from '../responses/response-statuses';
import { findRoundOrReject, listOpenRounds } from '../rounds/find-round';
import { planReminders, type ReminderCandidate, type ReminderDecision } from './plan-reminders';
import { ReminderClaim, reminderClaimId } from './reminder-claim.model';

export interface ReminderRun {
  roundId: string;
  dryRun: boolean;
  policy: { max: number; minDaysApart: number };
  decisions: (ReminderDecision & { email: string })[];
  queued: number;
}

/** A claim this old that has no email yet: the pass that took it died before queueing. */
const abandonedAfterMs = 10 * 60_000;

export async function remindRound(
  publicUrl: string,
  roundId: string,
  { dryRun = false, now = new Date() } = {},
): Promise<ReminderRun> {
  return remindLoadedRound(publicUrl, await findRoundOrReject(roundId), dryRun, now);
}

type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

async function remindLoadedRound(publicUrl: string, round: RoundDoc, dryRun: boolean, now: Date): Promise<ReminderRun> {
  const policy = { max: round.reminders?.max ?? 3, minDaysApart: round.reminders?.minDaysApart ?? 7 };
  const [focalPoints, responses] = await Promise.all([
    listRoundFocalPoints(round._id),
    responseStatusesOf(
      String(round._id),
      round.countries.map((c) => c.iso3),
    ),
  ]);
  // Countries that answered (under review or approved) are not reminded; returned ones are.
  const submitted = new Set(
    [...responses].filter(([, status]) => !awaitsRespondent(status)).map(([country]) => country),
  );
  const candidates: ReminderCandidate[] = focalPoints.map((fp) => ({
    focalPointId: String(fp._id),
    country: fp.country,
    invitedAt: fp.invitedAt,
    bounced: Boolean(fp.bouncedAt),
    linksWithdrawn: Boolean(fp.invitedAt) && !fp.linkIds?.length,
    remindersAt: (fp.remindersAt ?? []) as Date[],
  }));
  const byId = new Map(focalPoints.map((fp) => [String(fp._id), fp]));
  const decisions = planReminders(candidates, submitted, policy, round.deadline, now).map((d) => ({
    ...d,
    email: byId.get(d.focalPointId)!.email,
  }));
  let queued = 0;
  if (!dryRun) {
    for (const d of decisions.filter((x) => x.remind)) {
      if (await sendReminder(publicUrl, byId.get(d.focalPointId)!, round, now)) queued++;
    }
  }
  return { roundId: String(round._id), dryRun, policy, decisions, queued };
}

/** Claims the focal point's next reminder and queues it; false when another pass holds it. */
async function sendReminder(publicUrl: string, fp: FocalPointDoc, round: RoundDoc, now: Date): Promise<boolean> {
  const focalPointId = String(fp._id);
  const n = await claimNumber(
    (fp.remindersAt?.length ?? 0) + 1,
    (k) => ReminderClaim.create({ _id: reminderClaimId(focalPointId, k), focalPointId: fp._id, at: now }),
    (k) => claimAbandoned(focalPointId, k),
  );
  if (n === null) return false;
  const claimId = reminderClaimId(focalPointId, n);
  let emailId: string;
  try {
    emailId = await sendNewLink(publicUrl, fp, 'reminder', { round, dueAt: now }); // due now: the pass's own clock
  } catch (err) {
    await ReminderClaim.deleteOne({ _id: claimId }); // nothing was queued: a later pass may try again
    throw err;
  }
  await ReminderClaim.updateOne({ _id: claimId }, { $set: { emailId } });
  await recordReminderQueued(focalPointId, now);
  return true;
}

/**
 * Whether reminder `n`, already claimed, was given up by its pass (no email long after its
 * claim). A claim whose email was queued is the record of a reminder the focal point's summary
 * may not show yet (its pass stopped in between): it is noted there, and not sent again.
 */
async function claimAbandoned(focalPointId: string, n: number): Promise<boolean> {
  const claim = await ReminderClaim.findById(reminderClaimId(focalPointId, n)).lean();
  if (!claim) return true;
  if (claim.emailId) {
    await recordReminderQueued(focalPointId, claim.at);
    return false;
  }
  return Date.now() - (claim.createdAt ?? claim.at).getTime() > abandonedAfterMs;
}

/** Every round still open: the worker's periodic pass. */
export async function remindOpenRounds(publicUrl: string, now = new Date()): Promise<ReminderRun[]> {
  const open = await listOpenRounds(now);
  const runs: ReminderRun[] = [];
  for (const round of open) runs.push(await remindLoadedRound(publicUrl, round, false, now));
  return runs;
}
