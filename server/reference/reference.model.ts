// The reference data the service keeps in MongoDB: countries (facts from the data files, not
// edited in the service) and country groups, whose memberships admins may edit. An edited
// membership carries editedBy/editedAt and the seed leaves it alone; a removed one leaves a
// tombstone in `removed` so that the seed does not bring it back. `revision` guards
// read-modify-write edits (no positional updates or transactions: FerretDB).
import mongoose from 'mongoose';
import { groupTypes, hdiGroups, wbIncomeGroups } from './reference.types';

const iso3 = { type: String, match: /^[A-Z]{3}$/, required: true } as const;
const isoDate = { type: String, match: /^\d{4}-\d{2}-\d{2}$/ } as const;
const nullableString = { type: String, default: null } as const;

const referenceCountrySchema = new mongoose.Schema(
  {
    iso3: { ...iso3, unique: true },
    iso2: { type: String, required: true },
    m49: { type: String, required: true },
    names: {
      en: { type: String, required: true },
      fr: { type: String, required: true },
      es: { type: String, required: true },
    },
    region: nullableString,
    subRegion: nullableString,
    intermediateRegion: nullableString,
    ldc: { type: Boolean, required: true },
    lldc: { type: Boolean, required: true },
    sids: { type: Boolean, required: true },
    wbRegion: nullableString,
    wbIncome: { type: String, enum: [...wbIncomeGroups, null], default: null },
    hdiGroup: { type: String, enum: [...hdiGroups, null], default: null },
    hdi: { type: Number, default: null },
    borders: { type: [String], default: [] },
    languages: { type: [String], default: [] },
  },
  { timestamps: true },
);

const memberSchema = new mongoose.Schema(
  {
    iso3,
    since: isoDate,
    until: isoDate,
    editedBy: String,
    editedAt: Date,
  },
  { _id: false },
);

const removedSchema = new mongoose.Schema(
  { iso3, editedBy: { type: String, required: true }, editedAt: { type: Date, required: true } },
  { _id: false },
);

const countryGroupSchema = new mongoose.Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    type: { type: String, enum: groupTypes, required: true },
    members: { type: [memberSchema], default: [] },
    removed: { type: [removedSchema], default: [] },
    revision: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export const ReferenceCountry = mongoose.model('ReferenceCountry', referenceCountrySchema);
export const CountryGroup = mongoose.model('CountryGroup', countryGroupSchema);
