// A personal link to answer for one country in one round, stored under the SHA-256 of its token
// (the token itself is never stored): resolving a link is one lookup by _id. A focal point may
// hold several working links at once (a reminder or "send me my link again" adds one); several
// links of one country share the country's response.
import { supportedLocales } from '../i18n/locales';
import mongoose from 'mongoose';

const countryLinkSchema = new mongoose.Schema(
  {
    /** SHA-256 of the token, hex. */
    _id: { type: String, required: true },
    roundId: { type: mongoose.Schema.Types.ObjectId, required: true },
    country: { type: String, required: true, match: /^[A-Z]{3}$/ },
    language: { type: String, required: true, enum: [...supportedLocales] },
    label: { type: String },
    /** The focal point it was sent to (none for demo and test links). */
    focalPointId: { type: mongoose.Schema.Types.ObjectId },
    expiresAt: { type: Date },
    revokedAt: { type: Date },
    /** When it was first opened. */
    openedAt: { type: Date },
  },
  { timestamps: true, versionKey: false },
);

export const CountryLink = mongoose.model('CountryLink', countryLinkSchema);
