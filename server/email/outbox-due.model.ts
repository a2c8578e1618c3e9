// The outbox's due list: one small document per message still to be delivered, its _id the
// OutboxEmail's _id; removed once the message is sent, bounced or failed. Workers look here,
// not at the outbox itself: on FerretDB (no filter pushdown) a query costs time for every
// document in the collection, so a list of pending messages only keeps each look cheap however
// long the outbox's history grows (measured: a due query over 2,000 stored emails took ~450 ms).
import mongoose from 'mongoose';

const outboxDueSchema = new mongoose.Schema(
  {
    _id: { type: mongoose.Schema.Types.ObjectId, required: true },
    /** When anyone should next look at the message: queued time, retry time, or the end of
     *  the current claim's lease (so other workers skip a message being sent). */
    dueAt: { type: Date, required: true },
    /** Claims made so far: attempt n+1 is claimed by inserting OutboxClaim "<id>:<n+1>". */
    attempts: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);
outboxDueSchema.index({ dueAt: 1 });

export const OutboxDue = mongoose.model('OutboxDue', outboxDueSchema);
