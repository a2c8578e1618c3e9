// The response of a country in a round, shared by all its focal points: a draft that anyone
// with the country's link can save, then a frozen submission. Every save is a revision of its
// own, never changed once stored:
//   CountryResponseRevision  _id "<roundId>-<ISO3>-r<N>": revision N. Inserting it is the claim
//                            of number N, so of two writers from the same revision exactly one
//                            stores anything, and nothing stored is ever overwritten.
//   CountryResponse          _id "<roundId>-<ISO3>": a copy of the latest revision, kept only to
//                            start from. It is moved after each insert and may lag behind (a
//                            writer died, or a slow one moved it back): readers check for the
//                            next revisions (country-response-store.ts).
// Responses stored before revisions had documents of their own are just such a copy.
// Old revisions are kept (who saved what, when); every read is by _id, so they cost nothing.
// Should they ever be pruned, empty them rather than delete them: a number must stay taken, as
// a stale pointer may start below it and a writer would otherwise store that number again.
import { supportedLocales } from '../i18n/locales';
import mongoose from 'mongoose';
import { responseStatuses } from './response-status';

function responseFields() {
  return {
    _id: { type: String },
    roundId: { type: mongoose.Schema.Types.ObjectId, required: true },
    country: { type: String, required: true, match: /^[A-Z]{3}$/ },
    formId: { type: String, required: true },
    formVersion: { type: Number, required: true },
    status: { type: String, required: true, enum: responseStatuses },
    revision: { type: Number, required: true },
    answers: { type: mongoose.Schema.Types.Mixed, required: true },
    /** When each answer last changed (question name → date), for merging concurrent edits. */
    answeredAt: { type: mongoose.Schema.Types.Mixed, required: true },
    savedAt: { type: Date, required: true },
    /** The invitation (link) this revision was saved through. */
    savedVia: { type: String },
    locale: { type: String, enum: [...supportedLocales] },
    submittedAt: { type: Date },
    submittedBy: { invitationId: String, clientAddress: String, ip: String, userAgent: String },
    reopenedAt: { type: Date },
    reopenedBy: { type: String },
    /** Submissions and review steps, oldest first (country-response-store.ts ResponseEvent). */
    history: { type: [mongoose.Schema.Types.Mixed], default: undefined },
  };
}

export const countryResponseId = (roundId: string, country: string) => `${roundId}-${country}`;
export const countryResponseRevisionId = (roundId: string, country: string, revision: number) =>
  `${countryResponseId(roundId, country)}-r${revision}`;

export const CountryResponse = mongoose.model(
  'CountryResponse',
  new mongoose.Schema(responseFields(), { minimize: false, versionKey: false }),
);
export const CountryResponseRevision = mongoose.model(
  'CountryResponseRevision',
  new mongoose.Schema(responseFields(), { minimize: false, versionKey: false }),
);
