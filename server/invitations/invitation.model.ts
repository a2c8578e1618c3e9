// A personal link, stored under the SHA-256 of its token (the token itself is never stored):
// resolving a link is one lookup by _id. Its subject is what the holder answers for: a country
// in a round (the capacity questionnaire; several links of one country share the country's
// response, and a focal point may hold several working links at once) or a partner
// organization (its offer, the partner-offer questionnaire).
import { supportedLocales } from '../i18n/locales';
import mongoose from 'mongoose';

export const linkSubjects = ['country', 'partner'] as const;
export type LinkSubject = (typeof linkSubjects)[number];

function isCountryLink(this: { subject?: LinkSubject }): boolean {
  return (this.subject ?? 'country') === 'country';
}

const linkSchema = new mongoose.Schema(
  {
    /** SHA-256 of the token, hex. */
    _id: { type: String, required: true },
    /** Links stored before partners had links have none: they are country links. */
    subject: { type: String, enum: [...linkSubjects], default: 'country' },
    roundId: { type: mongoose.Schema.Types.ObjectId, required: isCountryLink },
    country: { type: String, required: isCountryLink, match: /^[A-Z]{3}$/ },
    partnerId: {
      type: mongoose.Schema.Types.ObjectId,
      required: function (this: { subject?: LinkSubject }) {
        return this.subject === 'partner';
      },
    },
    language: { type: String, required: true, enum: [...supportedLocales] },
    label: { type: String },
    /** The focal point it was sent to (none for demo and test links). */
    focalPointId: { type: mongoose.Schema.Types.ObjectId },
    /** The partner contact it was sent to. */
    sentTo: { type: String },
    expiresAt: { type: Date },
    revokedAt: { type: Date },
    /** When it was first opened. */
    openedAt: { type: Date },
  },
  { timestamps: true, versionKey: false },
);

// The model keeps its first name, so the collection (and backups) keep theirs: countrylinks.
export const Link = mongoose.model('CountryLink', linkSchema);
