// A partner organization's self-declaration: what it says it offers, answered through its
// personal link on the partner-offer questionnaire. Each save is a revision of its own,
// _id "declaration:<partnerId>:<n>" (db/append-sequence.ts): inserting revision n is the claim,
// so two people of one organization saving at once never overwrite each other. The head, one
// per organization, carries what organizers list (small: one per partner) and the links sent.
// The partner id is also the declaration's: an organization not yet in the registry gets its
// id when invited, and keeps it when an organizer approves its first declaration.
import mongoose from 'mongoose';
import { responseStatuses } from '../responses/response-status';
import { supportedLocales } from '../i18n/locales';

const eventSchema = new mongoose.Schema(
  {
    action: { type: String, required: true },
    status: { type: String, required: true },
    revision: { type: Number, required: true },
    at: { type: Date, required: true },
    by: { kind: { type: String, required: true }, id: { type: String, required: true } },
    comment: String,
  },
  { _id: false },
);

const revisionSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    partnerId: { type: String, required: true },
    revision: { type: Number, required: true },
    formId: { type: String, required: true },
    formVersion: { type: Number, required: true },
    status: { type: String, required: true, enum: [...responseStatuses] },
    answers: { type: mongoose.Schema.Types.Mixed, required: true },
    answeredAt: { type: mongoose.Schema.Types.Mixed, required: true },
    savedAt: { type: Date, required: true },
    submittedAt: Date,
    locale: { type: String, enum: [...supportedLocales] },
    /** The link (its id) or the account that wrote this revision. */
    savedBy: { type: String, required: true },
    history: { type: [eventSchema], default: [] },
  },
  { versionKey: false, minimize: false },
);

export const DeclarationRevision = mongoose.model('DeclarationRevision', revisionSchema);

const headSchema = new mongoose.Schema(
  {
    /** The partner's id. */
    _id: { type: String, required: true },
    /** Who was invited, for an organization not yet in the registry. */
    invitee: {
      organization: String,
      name: String,
      email: String,
      language: { type: String, enum: [...supportedLocales] },
    },
    /** The links sent, newest last (ids: the SHA-256 of their tokens). */
    linkIds: { type: [String], default: [] },
    /** The status of the latest revision as last written (listing only; the revisions decide). */
    status: { type: String },
  },
  { timestamps: true, versionKey: false },
);

export const DeclarationHead = mongoose.model('DeclarationHead', headSchema);
