// An assessment round: one questionnaire version, its languages, a deadline, and the
// countries invited to answer.
import { supportedLocales } from '../i18n/locales';
import mongoose from 'mongoose';
import { defaultSouthSettings, southDefinitions } from '../reference/global-south';

const roundSchema = new mongoose.Schema(
  {
    name: { type: String, required: true },
    formId: { type: String, required: true },
    formVersion: { type: Number, required: true },
    languages: { type: [String], enum: [...supportedLocales], required: true },
    deadline: { type: Date, required: true },
    countries: {
      type: [
        {
          _id: false,
          iso3: { type: String, match: /^[A-Z]{3}$/, required: true },
          name: { type: String, required: true },
        },
      ],
      default: [],
    },
    demo: { type: Boolean, default: false },
    /** Whom respondents may contact about the round (shown on their page); optional. */
    contact: { type: { _id: false, name: String, email: String }, default: undefined },
    /** Reminders to focal points who have not submitted: at most `max`, at least `minDaysApart` days apart. */
    reminders: {
      max: { type: Number, min: 0, max: 10, default: 3 },
      minDaysApart: { type: Number, min: 1, max: 60, default: 7 },
    },
    /** How this round is scored (server/scoring); changing it and recomputing gives new snapshots. */
    scoring: {
      completenessThreshold: { type: Number, default: 0.5 },
      defaultTargetLevel: { type: Number, default: 4 },
      /** Weight overrides by indicator ("A1.1" cannot be a key, hence a list). */
      weights: { type: [{ _id: false, indicator: String, weight: Number }], default: [] },
      /** Which "global South" the aggregates use, and which HDI groups count for 'undp-hdi'. */
      southDefinition: { type: String, enum: [...southDefinitions], default: 'un-regions' },
      southHdiGroups: { type: [String], default: () => [...defaultSouthSettings.hdiSouthGroups] },
      /** Whose scores count in the overview, aggregates, exports and matching (server/scoring/scores-from.ts). */
      scoresFrom: { type: String, enum: ['approved', 'submitted'], default: 'approved' },
    },
  },
  { timestamps: true },
);

export const Round = mongoose.model('Round', roundSchema);
