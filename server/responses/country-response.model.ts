// The one response of a country in a round, shared by all its focal points: a draft that
// anyone with the country's link can save, then a frozen submission. Its _id is
// "<roundId>-<ISO3>", so there can never be two, without relying on a unique index.
// `revision` grows with every write: a save based on an older revision is refused (409).
import mongoose from 'mongoose';

const countryResponseSchema = new mongoose.Schema(
  {
    _id: { type: String },
    roundId: { type: mongoose.Schema.Types.ObjectId, required: true, index: true },
    country: { type: String, required: true, match: /^[A-Z]{3}$/ },
    formId: { type: String, required: true },
    formVersion: { type: Number, required: true },
    status: { type: String, required: true, enum: ['draft', 'submitted'] },
    revision: { type: Number, required: true },
    answers: { type: mongoose.Schema.Types.Mixed, required: true },
    /** When each answer last changed (question name → date), for merging concurrent edits. */
    answeredAt: { type: mongoose.Schema.Types.Mixed, required: true },
    savedAt: { type: Date, required: true },
    savedVia: { type: String },
    locale: { type: String, enum: ['en', 'fr', 'es'] },
    submittedAt: { type: Date },
    submittedBy: { invitationId: String, ip: String, userAgent: String },
    reopenedAt: { type: Date },
    reopenedBy: { type: String },
  },
  { timestamps: true, minimize: false },
);

export const countryResponseId = (roundId: string, country: string) => `${roundId}-${country}`;

export const CountryResponse = mongoose.model('CountryResponse', countryResponseSchema);
