// Use cases of a round's webhook: register (or replace) its URL — which makes a new secret,
// shown once in the answer —, remove it, and read it with its latest deliveries.
import { latestInSequence, readSequence } from '../db/append-sequence';
import { AppError } from '../http/problem';
import { roundDeliveriesKey } from './record-event';
import { webhookUrlProblem } from './webhook-address';
import { RoundWebhook, WebhookDelivery, WebhookRef, type DeliveryStatus } from './webhook.model';
import { newWebhookSecret } from './webhook-signature';

export interface DeliveryView {
  id: string;
  type: string;
  occurredAt: string;
  status: DeliveryStatus;
  attempts: { n: number; at: string; outcome: string; httpStatus?: number; error?: string }[];
  deliveredAt?: string;
}

export interface WebhookView {
  url: string;
  setAt: string;
  deliveries: DeliveryView[];
}

/** Deliveries shown with a round's webhook: the latest first. */
export const recentDeliveries = 20;

/** Registers the round's webhook at `url` (replacing any); returns the new secret. */
export async function setRoundWebhook(
  roundId: string,
  url: string,
  setBy: string,
  allowPrivate: boolean,
): Promise<{ url: string; secret: string }> {
  const problem = await webhookUrlProblem(url, allowPrivate);
  if (problem)
    throw new AppError('unprocessable', `The webhook URL ${problem}`, [{ field: 'body.url', message: problem }]);
  const secret = newWebhookSecret();
  await RoundWebhook.replaceOne({ _id: roundId }, { _id: roundId, url, secret, setBy }, { upsert: true });
  return { url, secret };
}

/** Removes the round's webhook; false when it had none. Pending deliveries are then dropped. */
export async function removeRoundWebhook(roundId: string): Promise<boolean> {
  return (await RoundWebhook.deleteOne({ _id: roundId })).deletedCount > 0;
}

/** The round's webhook (never its secret) and its latest deliveries; null when it has none. */
export async function getRoundWebhook(roundId: string): Promise<WebhookView | null> {
  const hook = await RoundWebhook.findById(roundId, { url: 1, updatedAt: 1 }).lean<{ url: string; updatedAt: Date }>();
  if (!hook) return null;
  return { url: hook.url, setAt: hook.updatedAt.toISOString(), deliveries: await listRoundDeliveries(roundId) };
}

export async function listRoundDeliveries(roundId: string, limit = recentDeliveries): Promise<DeliveryView[]> {
  const key = roundDeliveriesKey(roundId);
  const top = await latestInSequence(WebhookRef, key);
  const numbers: number[] = [];
  for (let n = top; n >= 1 && numbers.length < limit; n--) numbers.push(n);
  const refs = await readSequence<{ deliveryId: string }>(WebhookRef, key, numbers);
  const docs = await Promise.all(
    refs.map((r) => (r ? WebhookDelivery.findById(r.deliveryId, { body: 0 }).lean() : null)),
  );
  return docs.flatMap((d) =>
    d
      ? [
          {
            id: d._id,
            type: d.type,
            occurredAt: d.occurredAt.toISOString(),
            status: d.status,
            attempts: d.attempts.map((a) => ({
              n: a.n,
              at: a.at.toISOString(),
              outcome: a.outcome,
              ...(a.httpStatus != null && { httpStatus: a.httpStatus }),
              ...(a.error != null && { error: a.error }),
            })),
            ...(d.deliveredAt && { deliveredAt: d.deliveredAt.toISOString() }),
          },
        ]
      : [],
  );
}
