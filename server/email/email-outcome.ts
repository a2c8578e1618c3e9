// Passing a delivery outcome (sent, bounced, failed, queued again after a failure) on to the
// focal point the message was for, whose email summary the organizers' lists read instead of
// the outbox. Called by the outbox worker right after it records an outcome on the message.
import type { Types } from 'mongoose';
import { recordEmailOutcome } from '../focal-points/email-summary';
import { OutboxEmail } from './outbox.model';

export async function reportEmailOutcome(
  emailId: Types.ObjectId | string,
  outcome: { status?: unknown; lastError?: unknown },
): Promise<void> {
  try {
    const email = await OutboxEmail.findById(emailId, { focalPointId: 1 }).lean();
    if (!email?.focalPointId) return;
    await recordEmailOutcome(String(email.focalPointId), {
      emailId: String(emailId),
      status: String(outcome.status),
      ...(typeof outcome.lastError === 'string' && { lastError: outcome.lastError }),
      at: new Date(),
    });
  } catch {
    // The outcome itself is recorded on the message; a summary left behind must not stop delivery.
  }
}
