// Puts back on the due list (OutboxDue) every message still waiting that has no entry there:
// messages queued by a capgap from before the due list existed, some of them left in that
// version's 'sending' state. Without this they would wait forever after an upgrade.
// A worker runs it once when it starts; it reads the whole outbox once (on FerretDB, a scan).
import { outboxQueue } from './outbox-claim';
import { OutboxEmail } from './outbox.model';

/** Returns how many messages were put back on the due list. */
export async function relistWaitingMessages(): Promise<number> {
  // 'sending' is no longer a status of the model: the filter is typed as a plain string list.
  const waitingStatuses = ['queued', 'sending'] as unknown as ['queued'];
  const waiting = await OutboxEmail.find(
    { status: { $in: waitingStatuses } },
    { _id: 1, attempts: 1, dueAt: 1, status: 1 },
  ).lean();
  const relisted = await outboxQueue.relist(waiting);
  const stale = new Set(waiting.filter((m) => m.status !== 'queued').map((m) => String(m._id)));
  for (const id of relisted)
    if (stale.has(String(id)))
      await OutboxEmail.updateOne(
        { _id: id },
        { $set: { status: 'queued' }, $unset: { leaseOwner: 1, leaseUntil: 1 } },
        { strict: false },
      );
  return relisted.length;
}
