// The outbox's due list: one small document per message still to be delivered, its _id the
// OutboxEmail's _id; removed once the message is sent, bounced or failed. Workers look here,
// not at the outbox itself: on FerretDB (no filter pushdown) a query costs time for every
// document in the collection, so a list of pending messages only keeps each look cheap however
// long the outbox's history grows (measured: a due query over 2,000 stored emails took ~450 ms).
import mongoose from 'mongoose';
import { dueListSchema } from '../jobs/due-queue.models';

export const OutboxDue = mongoose.model('OutboxDue', dueListSchema(mongoose.Schema.Types.ObjectId));
