// The focal points of a round, listed by import: each import inserts one batch under the id
// "<roundId>-<n>" (n = 1, 2, …) naming the focal points it added. Reading a round's focal
// points probes these ids and then reads each focal point by _id, so it never reads other
// rounds' focal points (on FerretDB any other filter reads the whole collection). Batches are
// never updated, so concurrent imports cannot lose each other's entries.
import mongoose from 'mongoose';

const focalPointBatchSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    roundId: { type: mongoose.Schema.Types.ObjectId, required: true },
    focalPointIds: { type: [mongoose.Schema.Types.ObjectId], required: true },
  },
  { timestamps: true, versionKey: false },
);

export const FocalPointBatch = mongoose.model('FocalPointBatch', focalPointBatchSchema);
