// The schemas of a due queue's two collections (server/jobs/due-queue.ts), for each feature to
// register under its own model names: the due list and the claims.
import mongoose from 'mongoose';

type IdType = typeof String | typeof mongoose.Schema.Types.ObjectId;

export interface DueEntryDoc {
  _id: unknown;
  dueAt: Date;
  attempts: number;
}

export interface ClaimDoc {
  _id: string;
  attempt: number;
  owner: string;
  claimedAt: Date;
  leaseUntil: Date;
}

/**
 * The due list: one small document per item still to be delivered, its _id the item's; removed
 * once the item has an outcome.
 */
export function dueListSchema(idType: IdType): mongoose.Schema<DueEntryDoc> {
  const schema = new mongoose.Schema<DueEntryDoc>(
    {
      _id: { type: idType, required: true },
      /** When anyone should next look at the item: queued time, retry time, or the end of the
       *  current claim's lease (so other workers skip an item being delivered). */
      dueAt: { type: Date, required: true },
      /** Claims made so far: attempt n+1 is claimed by inserting the claim "<id>:<n+1>". */
      attempts: { type: Number, required: true, default: 0 },
    },
    { versionKey: false },
  );
  schema.index({ dueAt: 1 });
  return schema;
}

/**
 * Claims: one document per (item, attempt), its _id "<itemId>:<attempt>". Inserting it is the
 * claim: the _id is unique, so of several workers trying to take the same attempt of the same
 * item exactly one insert succeeds — on any MongoDB-compatible server. Kept as the record of
 * who tried to deliver what and when. `itemField` names the item's id (e.g. outboxId).
 */
export function claimSchema<F extends string>(
  idType: IdType,
  itemField: F,
): mongoose.Schema<ClaimDoc & Record<F, unknown>> {
  return new mongoose.Schema<ClaimDoc & Record<F, unknown>>(
    {
      _id: { type: String, required: true },
      [itemField]: { type: idType, required: true },
      attempt: { type: Number, required: true },
      owner: { type: String, required: true },
      claimedAt: { type: Date, required: true },
      leaseUntil: { type: Date, required: true },
    },
    { versionKey: false },
  );
}
