// Stored scores: one snapshot per computation of a country's response, never updated, so
// every figure shown can be traced to the form version, methodology version, settings and
// response revision it came from. The latest snapshot of a country is its current score.
import mongoose from 'mongoose';

const snapshotSchema = new mongoose.Schema(
  {
    /** What it was computed from (round-scores.ts, snapshotId), so it is stored once. */
    _id: { type: String },
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
  },
  { minimize: false },
);
snapshotSchema.index({ roundId: 1, country: 1, computedAt: -1 });

export const ScoreSnapshot = mongoose.model('ScoreSnapshot', snapshotSchema);
