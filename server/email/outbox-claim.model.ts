// Claims of outbox messages: one document per (message, attempt), its _id "<outboxId>:<attempt>"
// (server/jobs/due-queue.models.ts). A conditional findOneAndUpdate / updateOne is NOT a
// compare-and-set on the FerretDB used in tests: under concurrency several callers "win" it;
// a unique _id is, on any MongoDB-compatible server.
import mongoose from 'mongoose';
import { claimSchema } from '../jobs/due-queue.models';

export const OutboxClaim = mongoose.model('OutboxClaim', claimSchema(mongoose.Schema.Types.ObjectId, 'outboxId'));
