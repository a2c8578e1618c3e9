// A partner organization in the registry (international organization, civil society, private
// sector, academia, a government agency outside the round): what it offers, where, in which
// languages, for how many partnerships at once, and whom to write to. The registry is small
// (hundreds to a few thousand), so matching reads it whole. Archived partners stay for the
// match runs that named them.
import mongoose from 'mongoose';

const contactSchema = new mongoose.Schema(
  {
    name: { type: String, required: true },
    email: { type: String, required: true },
    language: { type: String, required: true },
  },
  { _id: false },
);

const partnerSchema = new mongoose.Schema(
  {
    name: { en: { type: String, required: true }, fr: String, es: String },
    kind: { type: String, required: true },
    areas: [{ _id: false, area: { type: String, required: true }, indicators: { type: [String], default: undefined } }],
    modalities: [String],
    scope: { global: { type: Boolean, required: true }, regions: [String], countries: [String] },
    languages: [String],
    slots: { total: { type: Number, required: true }, perArea: { type: mongoose.Schema.Types.Mixed } },
    contacts: [contactSchema],
    notes: String,
    archived: { type: Boolean, default: false },
    createdBy: { type: String, required: true },
    updatedBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false, minimize: false },
);

export const Partner = mongoose.model('Partner', partnerSchema);
