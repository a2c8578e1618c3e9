// Recording an event for a round's webhook at the moment it happens (the use case other
// features call: a response submitted or approved, a match confirmed). Stored first, delivered
// later by the webhook worker (webhook-worker.ts), so a slow or absent receiver never slows the
// action, and nothing is lost if the process stops.
//
// The delivery's _id is derived from the event (round, type, what it is about), so the same
// event recorded twice — a retried request, two instances racing — is stored once: the insert
// is the claim. Inserted before its due entry: if the process dies between the two, the
// worker puts the delivery back on the due list when it starts (webhook-queue.ts).
// There are no transactions: an event whose action was stored and whose delivery was not
// (a crash between the two writes) is not sent.
import { createHash } from 'node:crypto';
import { appendToSequence } from '../db/append-sequence';
import { isDuplicateKey } from '../db/claim-number';
import { RoundWebhook, WebhookDelivery, WebhookDue, WebhookRef, type WebhookEventType } from './webhook.model';

export const roundDeliveriesKey = (roundId: string) => `webhook:round:${roundId}`;

export interface WebhookEvent {
  type: WebhookEventType;
  roundId: string;
  /** What the event is about, unique within the round and type (e.g. "ETH:r5", a match id). */
  subject: string;
  /** Plain JSON for integrators: codes, ids, links; never a name or an email address. */
  data: Record<string, unknown>;
  occurredAt?: Date;
}

export const deliveryIdOf = (e: Pick<WebhookEvent, 'roundId' | 'type' | 'subject'>) =>
  `evt_${createHash('sha256').update(`${e.roundId}|${e.type}|${e.subject}`).digest('hex').slice(0, 32)}`;

/** Stores the event for delivery if the round has a webhook; returns the delivery id, or null. */
export async function recordWebhookEvent(event: WebhookEvent): Promise<string | null> {
  if (!(await RoundWebhook.exists({ _id: event.roundId }))) return null;
  const id = deliveryIdOf(event);
  const occurredAt = event.occurredAt ?? new Date();
  const body = JSON.stringify({
    id,
    type: event.type,
    occurredAt: occurredAt.toISOString(),
    roundId: event.roundId,
    data: event.data,
  });
  try {
    await WebhookDelivery.create({ _id: id, roundId: event.roundId, type: event.type, occurredAt, body });
  } catch (err) {
    if (isDuplicateKey(err)) return id; // recorded already
    throw err;
  }
  await WebhookDue.create({ _id: id, dueAt: occurredAt, attempts: 0 });
  await appendToSequence(WebhookRef, roundDeliveriesKey(event.roundId), () => ({ deliveryId: id }));
  return id;
}
