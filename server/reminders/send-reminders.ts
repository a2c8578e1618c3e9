// Use case: remind the focal points of a round who are due a reminder (plan-reminders.ts
// decides), each in their own language with a fresh link. A dry run only lists the decisions.
import { trusted } from 'mongoose';
import { OutboxEmail } from '../email/outbox.model';
import { FocalPoint } from '../focal-points/focal-point.model';
import { sendNewLink } from '../focal-points/invite';
import { listCountryResponses } from '../responses/country-responses';
import { findRoundOrReject } from '../rounds/find-round';
import { Round } from '../rounds/round.model';
import { planReminders, type ReminderCandidate, type ReminderDecision } from './plan-reminders';

export interface ReminderRun {
  roundId: string;
  dryRun: boolean;
  policy: { max: number; minDaysApart: number };
  decisions: (ReminderDecision & { email: string })[];
  queued: number;
}

export async function remindRound(publicUrl: string, roundId: string, { dryRun = false, now = new Date() } = {}): Promise<ReminderRun> {
  return remindLoadedRound(publicUrl, await findRoundOrReject(roundId), dryRun, now);
}

type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

async function remindLoadedRound(publicUrl: string, round: RoundDoc, dryRun: boolean, now: Date): Promise<ReminderRun> {
  const policy = { max: round.reminders?.max ?? 3, minDaysApart: round.reminders?.minDaysApart ?? 7 };
  const focalPoints = await FocalPoint.find({ roundId: round._id }).sort({ country: 1, email: 1 }).lean();
  const submitted = new Set((await listCountryResponses(round)).filter((r) => r.status === 'submitted').map((r) => r.country));
  const emails = await OutboxEmail.find({ roundId: round._id }, { focalPointId: 1, template: 1, status: 1, dueAt: 1 }).lean();
  const emailsOf = new Map<string, typeof emails>();
  for (const e of emails) {
    const key = String(e.focalPointId);
    const list = emailsOf.get(key);
    if (list) list.push(e);
    else emailsOf.set(key, [e]);
  }
  const candidates: ReminderCandidate[] = focalPoints.map((fp) => {
    const mine = emailsOf.get(String(fp._id)) ?? [];
    return {
      focalPointId: String(fp._id),
      country: fp.country,
      invitedAt: fp.invitedAt,
      bounced: mine.some((e) => e.status === 'bounced'),
      remindersAt: mine.filter((e) => e.template === 'reminder').map((e) => e.dueAt),
    };
  });
  const byId = new Map(focalPoints.map((fp) => [String(fp._id), fp]));
  const decisions = planReminders(candidates, submitted, policy, round.deadline, now).map((d) => ({ ...d, email: byId.get(d.focalPointId)!.email }));
  let queued = 0;
  if (!dryRun) {
    for (const d of decisions.filter((x) => x.remind)) {
      await sendNewLink(publicUrl, byId.get(d.focalPointId)!, 'reminder', round, now); // due now: the pass's own clock
      queued++;
    }
  }
  return { roundId: String(round._id), dryRun, policy, decisions, queued };
}

/** Every round still open: the worker's periodic pass. */
export async function remindOpenRounds(publicUrl: string, now = new Date()): Promise<ReminderRun[]> {
  const open = await Round.find({ deadline: trusted({ $gte: now }) }).lean();
  const runs: ReminderRun[] = [];
  for (const round of open) runs.push(await remindLoadedRound(publicUrl, round, false, now));
  return runs;
}
