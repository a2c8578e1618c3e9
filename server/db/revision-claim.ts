// Optimistic concurrency that holds on FerretDB too: a document with a `revision` is written
// as revision n+1 only by the writer that first claims n+1, by inserting RevisionClaim
// "<scope>:<docId>:<n+1>" (a unique _id). A conditional update on { revision: n } would be
// the usual way, but on FerretDB v1 it is not a compare-and-set: of twelve simultaneous saves
// of a country response from the same revision, two or three "won" and overwrote each other.
// Used by country groups (scope 'group'); the claims stay as the record of who wrote which
// revision, and when. The claim and the write are two steps, so a writer that stalls between
// them can still write over a newer revision: country responses, where that matters, store
// each revision as a document of its own instead (server/responses/country-response.model.ts).
import mongoose, { type Model } from 'mongoose';
import { claimNumber } from './claim-number';

const revisionClaimSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    docId: { type: String, required: true },
    revision: { type: Number, required: true },
    /** Who wrote it: an invitation id, an organizer's email, "seed". */
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const RevisionClaim = mongoose.model('RevisionClaim', revisionClaimSchema);

export const revisionClaimId = (scope: string, docId: string, revision: number) => `${scope}:${docId}:${revision}`;

/** A claim this old whose revision never reached the document: its writer died. */
const abandonedAfterMs = 30_000;

export interface RevisionToClaim {
  scope: string;
  /** The collection of the document being written (to read its stored revision). */
  model: Model<any>;
  docId: string;
  /** The revision the writer read. */
  current: number;
  by: string;
  now?: Date;
}

/**
 * Claims the revision after `current`; returns its number, or null when a concurrent writer has
 * it (answer: reload, merge, try again). If the writer holding that number died before writing
 * (its claim is old and the document never reached it), the next number is claimed instead: a
 * document can skip a revision number, never get stuck on one.
 */
export function claimRevision({
  scope,
  model,
  docId,
  current,
  by,
  now = new Date(),
}: RevisionToClaim): Promise<number | null> {
  return claimNumber(
    current + 1,
    (revision) =>
      RevisionClaim.create({ _id: revisionClaimId(scope, docId, revision), scope, docId, revision, by, at: now }),
    async (revision) => {
      const taken = await RevisionClaim.findById(revisionClaimId(scope, docId, revision)).lean();
      if (!taken || now.getTime() - taken.at.getTime() <= abandonedAfterMs) return false;
      const stored = await model.findById(docId, { revision: 1 }).lean<{ revision?: number }>();
      return (stored?.revision ?? 0) < revision;
    },
  );
}
