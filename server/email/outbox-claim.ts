// Claiming due messages: which worker may send which message, and until when (a lease).
// Several workers (in one process or in several instances of the service) may claim at once.
//
// Why not one findOneAndUpdate: on the FerretDB this project runs on, a filtered
// findOneAndUpdate (or updateOne) is not a compare-and-set — measured: 6 concurrent claimers
// over 40 queued messages obtained 131 claims, 80 "successful" conditional updateOnes where 40
// were possible. What every MongoDB-compatible server does enforce is a unique _id. So:
//   1. read a few due entries of the due list (OutboxDue: { _id, dueAt, attempts: n });
//   2. insert OutboxClaim { _id: "<id>:<n+1>" }. Exactly one claimer's insert succeeds; the
//      others get a duplicate key error and try the next entry. A stale read (the entry was
//      claimed, sent or retried meanwhile) always hits an existing key, because every attempt
//      number is claimed in order;
//   3. the winner writes attempts = n+1 and dueAt = the lease's end on the entry, so other
//      workers skip the message until then — and take it again if the winner dies.
// If a claimer dies between 2 and 3, the entry still reads attempts = n and every claimer hits
// key n+1; once that claim's lease is over, the next attempt number (n+2) is tried instead.
// attempts doubles as a fencing token for recording the outcome (outbox-worker.ts).
// Every write here is by _id, which FerretDB serves from its index; other filters scan.
import type { Types } from 'mongoose';
import { claimNumber } from '../db/claim-number';
import { OutboxClaim } from './outbox-claim.model';
import { OutboxDue } from './outbox-due.model';
import { OutboxEmail } from './outbox.model';

export interface ClaimedEmail {
  _id: Types.ObjectId;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** This claim's attempt number. */
  attempts: number;
  /** This claim's owner and lease. */
  owner: string;
  leaseUntil: Date;
}

interface DueEntry {
  _id: Types.ObjectId;
  attempts: number;
}

export const defaultLeaseMs = 5 * 60_000;

/** Entries read per look at least: enough to get past a few held by other claimers. */
const candidatesPerLook = 20;

/** A due entry whose message never arrived (its insert failed) is dropped after this long. */
const orphanAfterMs = 60_000;

/** Claims one due message, or null when none is due. */
export async function claimNext(
  owner: string,
  leaseMs: number = defaultLeaseMs,
  now: Date = new Date(),
): Promise<ClaimedEmail | null> {
  return (await claimBatch(owner, leaseMs, 1, now))[0] ?? null;
}

/**
 * Claims up to `max` due messages. No two claimers ever hold the same attempt of the same
 * message. The read takes entries in stored order (no sort: sorting makes FerretDB read the
 * whole list) and a few more than needed, and each claimer starts at a random place in them,
 * so claimers rarely collide.
 */
export async function claimBatch(
  owner: string,
  leaseMs: number,
  max: number,
  now: Date = new Date(),
): Promise<ClaimedEmail[]> {
  const candidates = await OutboxDue.find({ dueAt: { $lte: now } }, { _id: 1, attempts: 1 })
    .limit(Math.max(candidatesPerLook, max * 4))
    .lean<DueEntry[]>();
  const offset = candidates.length ? Math.floor(Math.random() * candidates.length) : 0;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed: ClaimedEmail[] = [];
  for (let i = 0; i < candidates.length && claimed.length < max; i++) {
    const entry = candidates[(i + offset) % candidates.length];
    const { status, ...message } =
      (await OutboxEmail.findById(entry._id, { to: 1, subject: 1, text: 1, html: 1, status: 1 }).lean()) ?? {};
    if (!status) {
      await dropOrphan(entry._id, now);
      continue;
    }
    if (status !== 'queued') {
      // Its outcome was written but not the removal from the list (a crash between the two).
      await OutboxDue.deleteOne({ _id: entry._id });
      continue;
    }
    const attempt = await insertClaim(entry, owner, now, leaseUntil);
    if (attempt === null) continue;
    await OutboxDue.updateOne({ _id: entry._id }, { $set: { attempts: attempt, dueAt: leaseUntil } });
    claimed.push({
      ...(message as Omit<ClaimedEmail, '_id' | 'attempts' | 'owner' | 'leaseUntil'>),
      _id: entry._id,
      attempts: attempt,
      owner,
      leaseUntil,
    });
  }
  return claimed;
}

/** Inserts the claim of the entry's next attempt; null if another claimer holds it. */
function insertClaim(entry: DueEntry, owner: string, now: Date, leaseUntil: Date): Promise<number | null> {
  const claimId = (attempt: number) => `${String(entry._id)}:${attempt}`;
  return claimNumber(
    entry.attempts + 1,
    (attempt) =>
      OutboxClaim.create({ _id: claimId(attempt), outboxId: entry._id, attempt, owner, claimedAt: now, leaseUntil }),
    // Taken. Move on to the next attempt number only if that claim expired without ever
    // reaching the due entry (its claimer died between the insert and the update).
    async (attempt) => {
      const taken = await OutboxClaim.findById(claimId(attempt), { leaseUntil: 1 }).lean();
      if (!taken || taken.leaseUntil >= now) return false;
      const current = await OutboxDue.findById(entry._id, { attempts: 1 }).lean();
      return Boolean(current && current.attempts < attempt);
    },
  );
}

/**
 * A due entry without its message: queueEmail's second insert has not landed yet (give it
 * time) or failed (drop the entry after orphanAfterMs; the caller saw the error).
 */
async function dropOrphan(id: Types.ObjectId, now: Date): Promise<void> {
  if (now.getTime() - id.getTimestamp().getTime() > orphanAfterMs) await OutboxDue.deleteOne({ _id: id });
}

/**
 * Whether this claim still holds its message: the due entry is there and no later attempt was
 * claimed (which happens only after this claim's lease ran out). A read, then the caller's
 * write: on a server without compare-and-set this is as close as it gets; the window is the
 * few milliseconds between the two, after a lease of minutes has already run out.
 */
export async function stillHeld(message: ClaimedEmail): Promise<boolean> {
  const entry = await OutboxDue.findById(message._id, { attempts: 1 }).lean();
  return entry !== null && entry.attempts === message.attempts;
}
