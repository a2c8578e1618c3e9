// Claiming due messages: which worker may send which message, and until when (a lease). The
// outbox is a due queue (server/jobs/due-queue.ts explains the claims): OutboxDue is its due
// list, OutboxClaim its claims, OutboxEmail its items.
import type { Types } from 'mongoose';
import { dueQueue, type Claim } from '../jobs/due-queue';
import { OutboxClaim } from './outbox-claim.model';
import { OutboxDue } from './outbox-due.model';
import { OutboxEmail } from './outbox.model';

export interface ClaimedEmail extends Claim<Types.ObjectId> {
  to: string;
  subject: string;
  text: string;
  html: string;
}

type Message = Omit<ClaimedEmail, keyof Claim<Types.ObjectId>>;

export const defaultLeaseMs = 5 * 60_000;

/** A due entry whose message never arrived (its insert failed) is dropped after this long. */
const orphanAfterMs = 60_000;

export const outboxQueue = dueQueue<Message, Types.ObjectId>({
  due: OutboxDue,
  claims: OutboxClaim,
  async load(id) {
    const found = await OutboxEmail.findById(id, { to: 1, subject: 1, text: 1, html: 1, status: 1 }).lean();
    if (!found) return null;
    const { status, _id, ...message } = found;
    return status === 'queued' ? message : 'done';
  },
  claimRef: (id) => ({ outboxId: id }),
  /**
   * A due entry without its message: queueEmail's second insert has not landed yet (give it
   * time) or failed (drop the entry after orphanAfterMs; the caller saw the error).
   */
  async onMissing(id, now) {
    if (now.getTime() - id.getTimestamp().getTime() > orphanAfterMs) await OutboxDue.deleteOne({ _id: id });
  },
});

/** Claims one due message, or null when none is due. */
export async function claimNext(
  owner: string,
  leaseMs: number = defaultLeaseMs,
  now: Date = new Date(),
): Promise<ClaimedEmail | null> {
  return (await outboxQueue.claimBatch(owner, leaseMs, 1, now))[0] ?? null;
}

/** Claims up to `max` due messages (see dueQueue's claimBatch). */
export function claimBatch(
  owner: string,
  leaseMs: number,
  max: number,
  now: Date = new Date(),
): Promise<ClaimedEmail[]> {
  return outboxQueue.claimBatch(owner, leaseMs, max, now);
}

/** Whether this claim still holds its message (see dueQueue's stillHeld). */
export function stillHeld(message: ClaimedEmail): Promise<boolean> {
  return outboxQueue.stillHeld(message);
}
