// The outbox in the order messages were queued, for listing: "outbox:<n>" for every message and
// "outbox:round:<roundId>:<n>" for a round's, each pointing at an OutboxEmail. Written only by
// appending (server/db/append-sequence.ts), so a page of the listing is a few lookups by _id —
// on FerretDB v1 any other query, sorted or filtered, reads the whole outbox.
import mongoose from 'mongoose';

const outboxRefSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    emailId: { type: mongoose.Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);

export const OutboxRef = mongoose.model('OutboxRef', outboxRefSchema);
