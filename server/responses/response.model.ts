// A stored answer set. Answer keys are question names, already checked against the form
// (no dots, no $), so they are safe as MongoDB field names.
import { supportedLocales } from '../i18n/locales';
import mongoose from 'mongoose';

const responseSchema = new mongoose.Schema(
  {
    formId: { type: String, required: true, index: true },
    formVersion: { type: Number, required: true },
    locale: { type: String, required: true, enum: [...supportedLocales] },
    country: { type: String, match: /^[A-Z]{3}$/ },
    answers: { type: mongoose.Schema.Types.Mixed, required: true },
    submittedAt: { type: Date, required: true },
  },
  { timestamps: true, minimize: false },
);

export const ResponseDoc = mongoose.model('Response', responseSchema);
