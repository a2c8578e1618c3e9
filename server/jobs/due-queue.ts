// A queue of work stored before it is done (the outbox pattern), shared by every feature that
// delivers something outside the service later: emails (server/email) and webhooks
// (server/webhooks). A feature keeps its items in a collection of its own and, next to it:
//   - a due list (one small document per item still to be delivered: { _id, dueAt, attempts });
//     workers look there, never at the items, so each look stays cheap however long the
//     history grows (on FerretDB v1 any filter reads the whole collection);
//   - claims: one document per (item, attempt), _id "<itemId>:<attempt>".
//
// Why not one findOneAndUpdate: on the FerretDB this project runs on, a filtered
// findOneAndUpdate (or updateOne) is not a compare-and-set — measured: 6 concurrent claimers
// over 40 queued messages obtained 131 claims, 80 "successful" conditional updateOnes where 40
// were possible. What every MongoDB-compatible server does enforce is a unique _id. So:
//   1. read a few due entries of the due list;
//   2. insert the claim "<id>:<n+1>". Exactly one claimer's insert succeeds; the others get a
//      duplicate key error and try the next entry. A stale read (the entry was claimed,
//      delivered or retried meanwhile) always hits an existing key, because every attempt
//      number is claimed in order;
//   3. the winner writes attempts = n+1 and dueAt = the lease's end on the entry, so other
//      workers skip the item until then — and take it again if the winner dies.
// If a claimer dies between 2 and 3, the entry still reads attempts = n and every claimer hits
// key n+1; once that claim's lease is over, the next attempt number (n+2) is tried instead.
// attempts doubles as a fencing token for recording the outcome (stillHeld).
// Every write here is by _id, which FerretDB serves from its index; other filters scan.
import type { Model } from 'mongoose';
import { claimNumber, isDuplicateKey } from '../db/claim-number';

/** What a claim adds to the item it took. */
export interface Claim<Id> {
  _id: Id;
  /** This claim's attempt number. */
  attempts: number;
  /** This claim's owner and lease. */
  owner: string;
  leaseUntil: Date;
}

/** An item as its feature loads it: 'done' once it has an outcome, null when it is not stored. */
export type Loaded<T> = T | 'done' | null;

export interface DueQueueSpec<T, Id> {
  due: Model<any>;
  claims: Model<any>;
  /** The item to deliver, by the due entry's _id. */
  load(id: Id): Promise<Loaded<T>>;
  /** The claim document's reference to its item (e.g. { outboxId: id }). */
  claimRef(id: Id): Record<string, unknown>;
  /** A due entry whose item is not stored (its insert has not landed, or failed). */
  onMissing(id: Id, now: Date): Promise<void>;
}

interface DueEntry<Id> {
  _id: Id;
  attempts: number;
  dueAt?: Date;
}

/** Entries read per look at least: enough to get past a few held by other claimers. */
const candidatesPerLook = 20;

export interface DueQueue<T, Id> {
  /**
   * Claims up to `max` due items. No two claimers ever hold the same attempt of the same item.
   * The read takes entries in stored order (no sort: sorting makes FerretDB read the whole
   * list) and a few more than needed, and each claimer starts at a random place in them, so
   * claimers rarely collide.
   */
  claimBatch(owner: string, leaseMs: number, max: number, now?: Date): Promise<Array<T & Claim<Id>>>;
  /**
   * Whether this claim still holds its item: the due entry is there and no later attempt was
   * claimed (which happens only after this claim's lease ran out). A read, then the caller's
   * write: on a server without compare-and-set this is as close as it gets; the window is the
   * few milliseconds between the two, after a lease of minutes has already run out.
   */
  stillHeld(claim: Claim<Id>): Promise<boolean>;
  /** After the item's outcome is written: off the due list, or due again at the retry time. */
  reschedule(id: Id, next: 'done' | Date): Promise<void>;
  /**
   * Puts waiting items back on the due list when they have no entry there (a process died
   * between storing an item and listing it, or stored it before the list existed); returns
   * those it listed. Reads the whole due list, which holds waiting items only.
   */
  relist(waiting: DueEntry<Id>[], now?: Date): Promise<Id[]>;
}

export function dueQueue<T extends object, Id>(spec: DueQueueSpec<T, Id>): DueQueue<T, Id> {
  const { due, claims } = spec;

  /** Inserts the claim of the entry's next attempt; null if another claimer holds it. */
  const insertClaim = (entry: DueEntry<Id>, owner: string, now: Date, leaseUntil: Date) => {
    const claimId = (attempt: number) => `${String(entry._id)}:${attempt}`;
    return claimNumber(
      entry.attempts + 1,
      (attempt) =>
        claims.create({
          _id: claimId(attempt),
          ...spec.claimRef(entry._id),
          attempt,
          owner,
          claimedAt: now,
          leaseUntil,
        }),
      // Taken. Move on to the next attempt number only if that claim expired without ever
      // reaching the due entry (its claimer died between the insert and the update).
      async (attempt) => {
        const taken = await claims.findById(claimId(attempt), { leaseUntil: 1 }).lean<{ leaseUntil: Date }>();
        if (!taken || taken.leaseUntil >= now) return false;
        const current = await due.findById(entry._id, { attempts: 1 }).lean<DueEntry<Id>>();
        return Boolean(current && current.attempts < attempt);
      },
    );
  };

  return {
    async claimBatch(owner, leaseMs, max, now = new Date()) {
      const candidates = await due
        .find({ dueAt: { $lte: now } }, { _id: 1, attempts: 1 })
        .limit(Math.max(candidatesPerLook, max * 4))
        .lean<DueEntry<Id>[]>();
      const offset = candidates.length ? Math.floor(Math.random() * candidates.length) : 0;
      const leaseUntil = new Date(now.getTime() + leaseMs);
      const claimed: Array<T & Claim<Id>> = [];
      for (let i = 0; i < candidates.length && claimed.length < max; i++) {
        const entry = candidates[(i + offset) % candidates.length];
        const item = await spec.load(entry._id);
        if (item === null) {
          await spec.onMissing(entry._id, now);
          continue;
        }
        if (item === 'done') {
          // Its outcome was written but not the removal from the list (a crash between the two).
          await due.deleteOne({ _id: entry._id });
          continue;
        }
        const attempt = await insertClaim(entry, owner, now, leaseUntil);
        if (attempt === null) continue;
        await due.updateOne({ _id: entry._id }, { $set: { attempts: attempt, dueAt: leaseUntil } });
        claimed.push({ ...item, _id: entry._id, attempts: attempt, owner, leaseUntil });
      }
      return claimed;
    },

    async stillHeld(claim) {
      const entry = await due.findById(claim._id, { attempts: 1 }).lean<DueEntry<Id>>();
      return entry !== null && entry.attempts === claim.attempts;
    },

    async reschedule(id, next) {
      if (next === 'done') await due.deleteOne({ _id: id });
      else await due.updateOne({ _id: id }, { $set: { dueAt: next } });
    },

    async relist(waiting, now = new Date()) {
      const listed = new Set((await due.find({}, { _id: 1 }).lean<{ _id: Id }[]>()).map((d) => String(d._id)));
      const relisted: Id[] = [];
      for (const item of waiting) {
        if (listed.has(String(item._id))) continue;
        // attempts stays: the claims of the attempts already made exist, the next one is claimed.
        await due.create({ _id: item._id, dueAt: item.dueAt ?? now, attempts: item.attempts }).catch((err: unknown) => {
          if (!isDuplicateKey(err)) throw err; // another instance relisted it meanwhile
        });
        relisted.push(item._id);
      }
      return relisted;
    },
  };
}

/** Retry delay after the given attempt: doubled each attempt, capped. */
export function backoffMs(attempts: number, { baseMs, maxMs }: { baseMs: number; maxMs: number }): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
