// The email summary of a focal point (its latest email and its latest outcome, the latest
// bounce, when its reminders were queued), written when a message is queued and when the outbox
// records an outcome, so lists and reminder planning read one document per focal point instead
// of the outbox, whose size grows with every round ever run.
import { FocalPoint } from './focal-point.model';

/** A message was queued for the focal point: it is now its latest email. */
export async function recordEmailQueued(
  focalPointId: string,
  email: { emailId: string; template: string; at: Date },
): Promise<void> {
  await FocalPoint.updateOne(
    { _id: focalPointId },
    { $set: { latestEmail: { id: email.emailId, template: email.template, status: 'queued', at: email.at } } },
  );
}

export interface EmailOutcome {
  emailId: string;
  status: string;
  lastError?: string;
  at: Date;
}

/** An outcome of one of its messages: shown if it is still the latest; a bounce is kept. */
export async function recordEmailOutcome(focalPointId: string, outcome: EmailOutcome): Promise<void> {
  const status = { 'latestEmail.status': outcome.status, 'latestEmail.at': outcome.at };
  await FocalPoint.updateOne(
    { _id: focalPointId, 'latestEmail.id': outcome.emailId },
    outcome.lastError
      ? { $set: { ...status, 'latestEmail.lastError': outcome.lastError } }
      : { $set: status, $unset: { 'latestEmail.lastError': 1 } },
  );
  if (outcome.status === 'bounced') {
    await FocalPoint.updateOne(
      { _id: focalPointId },
      { $set: { bouncedAt: outcome.at, ...(outcome.lastError && { bounceReason: outcome.lastError }) } },
    );
  }
}

/** A reminder was queued for it (idempotent: the same reminder noted twice counts once). */
export async function recordReminderQueued(focalPointId: string, at: Date): Promise<void> {
  await FocalPoint.updateOne({ _id: focalPointId }, { $addToSet: { remindersAt: at } });
}
