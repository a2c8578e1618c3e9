// Small named values the privacy primitives keep for themselves: the key pseudonyms are derived
// with, the first day a client address was stored, and the last day the retention sweep emptied.
import mongoose from 'mongoose';

const privacyStateSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, value: { type: String, required: true } },
  { versionKey: false, timestamps: true },
);

export const PrivacyState = mongoose.model('PrivacyState', privacyStateSchema);
