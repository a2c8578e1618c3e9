// Puts back on the due list (OutboxDue) every message still waiting that has no entry there:
// messages queued by a capgap from before the due list existed, some of them left in that
// version's 'sending' state. Without this they would wait forever after an upgrade.
// A worker runs it once when it starts; it reads the whole outbox once (on FerretDB, a scan).
import { OutboxDue } from './outbox-due.model';
import { OutboxEmail } from './outbox.model';

/** Returns how many messages were put back on the due list. */
export async function relistWaitingMessages(): Promise<number> {
  // 'sending' is no longer a status of the model: the filter is typed as a plain string list.
  const waitingStatuses = ['queued', 'sending'] as unknown as ['queued'];
  const waiting = await OutboxEmail.find(
    { status: { $in: waitingStatuses } },
    { _id: 1, attempts: 1, dueAt: 1, status: 1 },
  ).lean();
  const listed = new Set((await OutboxDue.find({}, { _id: 1 }).lean()).map((d) => String(d._id)));
  let relisted = 0;
  for (const message of waiting) {
    if (listed.has(String(message._id))) continue;
    // attempts stays: the claims of the attempts already made exist, the next one is claimed.
    await OutboxDue.create({ _id: message._id, dueAt: message.dueAt, attempts: message.attempts }).catch(
      (err: { code?: number }) => {
        if (err.code !== 11000) throw err; // another instance relisted it meanwhile
      },
    );
    if (message.status !== 'queued')
      await OutboxEmail.updateOne(
        { _id: message._id },
        { $set: { status: 'queued' }, $unset: { leaseOwner: 1, leaseUntil: 1 } },
        { strict: false },
      );
    relisted++;
  }
  return relisted;
}
