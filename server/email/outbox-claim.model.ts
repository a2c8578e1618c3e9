// Claims of outbox messages: one document per (message, attempt), its _id "<outboxId>:<attempt>".
// Inserting it is the claim: the _id is unique, so of several workers trying to take the same
// attempt of the same message exactly one insert succeeds — on any MongoDB-compatible server.
// (A conditional findOneAndUpdate / updateOne is NOT a compare-and-set on the FerretDB used in
// tests: under concurrency several callers "win" it. See outbox-claim.ts.)
// Documents are small and kept as the record of who tried to send what and when.
import mongoose from 'mongoose';

const outboxClaimSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    outboxId: { type: mongoose.Schema.Types.ObjectId, required: true },
    attempt: { type: Number, required: true },
    owner: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    leaseUntil: { type: Date, required: true },
  },
  { versionKey: false },
);

export const OutboxClaim = mongoose.model('OutboxClaim', outboxClaimSchema);
