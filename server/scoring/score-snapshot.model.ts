// Stored scores: one snapshot per computation of a country's response, never updated, so
// every figure shown can be traced to the form version, methodology version, settings and
// response revision it came from.
// A country's snapshots are numbered 1, 2, 3… and the number is in the _id
// ("<roundId>-<ISO3>-s<N>"): storing snapshot N is inserting that _id, so of two writers
// only one can store it, and the newest snapshot is found by looking _ids up, never by a query
// over the collection (which, on FerretDB, reads every round's snapshots).
// CurrentScore "<roundId>-<ISO3>" keeps a copy of the newest snapshot (without the answers
// behind each area) so that a round's current scores are one _id lookup per country; it is a
// shortcut, not the truth: readers still check that snapshot N+1 does not exist (score-store.ts).
import mongoose from 'mongoose';

/** What a snapshot records; the current copy has the same fields, its areas without `indicators`. */
const snapshotFields = {
  _id: { type: String },
  /** The country's snapshot number, from 1. */
  sequence: { type: Number, required: true },
  roundId: { type: mongoose.Schema.Types.ObjectId, required: true },
  country: { type: String, required: true, match: /^[A-Z]{3}$/ },
  formId: { type: String, required: true },
  formVersion: { type: Number, required: true },
  methodologyVersion: { type: String, required: true },
  /** The settings used; weights as a list, since indicator ids ("A1.1") cannot be keys. */
  settings: {
    completenessThreshold: Number,
    defaultTargetLevel: Number,
    weights: [{ _id: false, indicator: String, weight: Number }],
  },
  responseRevision: { type: Number, required: true },
  computedAt: { type: Date, required: true },
  reason: { type: String, enum: ['submitted', 'recomputed'], required: true },
  areas: { type: [mongoose.Schema.Types.Mixed], required: true },
};

export const snapshotId = (roundId: string, country: string, sequence: number) => `${roundId}-${country}-s${sequence}`;
export const currentScoreId = (roundId: string, country: string) => `${roundId}-${country}`;

export const ScoreSnapshot = mongoose.model(
  'ScoreSnapshot',
  new mongoose.Schema(snapshotFields, { minimize: false, versionKey: false }),
);

export const CurrentScore = mongoose.model(
  'CurrentScore',
  new mongoose.Schema(snapshotFields, { minimize: false, versionKey: false }),
);
