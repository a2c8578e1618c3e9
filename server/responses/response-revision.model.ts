// Claims of a country response's revisions: one document per (response, revision), its _id
// "<responseId>:<revision>". Writing revision n+1 starts by inserting its claim; the _id is
// unique, so of two colleagues saving from revision n at the same moment exactly one gets it
// and the other is told to merge (409) — on any MongoDB-compatible server. (A conditional
// update on { revision: n } is not a compare-and-set on the FerretDB used in tests: under
// concurrency several writers "win" it; see server/email/outbox-claim.ts.)
// Kept as the record of which link or organizer wrote which revision, and when.
import mongoose from 'mongoose';

const responseRevisionSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    responseId: { type: String, required: true, index: true },
    revision: { type: Number, required: true },
    /** The invitation id of the link that saved, or the organizer's email (a reopening). */
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const responseRevisionId = (responseId: string, revision: number) => `${responseId}:${revision}`;

export const ResponseRevision = mongoose.model('ResponseRevision', responseRevisionSchema);
