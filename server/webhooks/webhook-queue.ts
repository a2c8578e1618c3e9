// The webhook deliveries as a due queue (server/jobs/due-queue.ts): WebhookDue is its due list,
// WebhookClaim its claims, WebhookDelivery its items (pending until an outcome).
import { dueQueue, type Claim } from '../jobs/due-queue';
import { WebhookClaim, WebhookDelivery, WebhookDue } from './webhook.model';

export interface PendingDelivery {
  roundId: string;
  type: string;
  body: string;
}

export type ClaimedDelivery = PendingDelivery & Claim<string>;

export const webhookQueue = dueQueue<PendingDelivery, string>({
  due: WebhookDue,
  claims: WebhookClaim,
  async load(id) {
    const d = await WebhookDelivery.findById(id, { roundId: 1, type: 1, body: 1, status: 1 }).lean();
    if (!d) return null;
    return d.status === 'pending' ? { roundId: d.roundId, type: d.type, body: d.body } : 'done';
  },
  claimRef: (id) => ({ deliveryId: id }),
  // The delivery is stored before its due entry: an entry without one points at nothing to send.
  onMissing: async (id) => void (await WebhookDue.deleteOne({ _id: id })),
});

/**
 * Puts back on the due list every pending delivery without an entry there (the process died
 * between the two inserts). The worker runs it once when it starts; it reads every delivery
 * (on FerretDB, a scan) once.
 */
export async function relistPendingDeliveries(): Promise<number> {
  const pending = await WebhookDelivery.find({ status: 'pending' }, { _id: 1, attempts: 1 }).lean();
  const relisted = await webhookQueue.relist(pending.map((d) => ({ _id: d._id, attempts: d.attempts.length })));
  return relisted.length;
}
