// The audit log's collections. AuditEntry is the hash chain itself (_id "audit:<seq>"), written
// only by appending (server/db/append-sequence.ts) and never updated. AuditRef holds the same
// entries' numbers again in per-round and per-actor sequences ("round:<id>:<n>",
// "actor:<id>:<n>", "person:<pseudonym>:<n>"), so that listing one round's or one actor's
// actions, or finding the entries about one person, reads only theirs.
import mongoose from 'mongoose';

const partySchema = new mongoose.Schema(
  {
    kind: { type: String, required: true },
    id: { type: String, required: true },
    label: { type: String },
  },
  { _id: false },
);

const auditEntrySchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: { type: partySchema, required: true },
    action: { type: String, required: true },
    target: { type: partySchema },
    roundId: { type: String },
    requestId: { type: String },
    ip: { type: String },
    clientAddress: { type: String },
    people: { type: [String], default: undefined },
    details: { type: mongoose.Schema.Types.Mixed },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);

export const AuditEntry = mongoose.model('AuditEntry', auditEntrySchema);

const auditRefSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
  },
  { versionKey: false },
);

export const AuditRef = mongoose.model('AuditRef', auditRefSchema);
