// An assessment round: one questionnaire version, its languages, a deadline, and the
// countries invited to answer.
import mongoose from 'mongoose';

const roundSchema = new mongoose.Schema(
  {
    name: { type: String, required: true },
    formId: { type: String, required: true },
    formVersion: { type: Number, required: true },
    languages: { type: [String], enum: ['en', 'fr', 'es'], required: true },
    deadline: { type: Date, required: true },
    countries: {
      type: [{ _id: false, iso3: { type: String, match: /^[A-Z]{3}$/, required: true }, name: { type: String, required: true } }],
      default: [],
    },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export const Round = mongoose.model('Round', roundSchema);
