// Small named values the service keeps for itself (e.g. the secret demo links derive from).
import mongoose from 'mongoose';

const settingSchema = new mongoose.Schema(
  { _id: { type: String }, value: { type: String, required: true } },
  { timestamps: true },
);

export const Setting = mongoose.model('Setting', settingSchema);
