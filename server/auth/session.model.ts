// Organizer sessions live in MongoDB so any app instance can serve any request. The cookie
// holds a random token; only its SHA-256 is stored, so a database leak gives no live session.
// Expiry is checked on read (FerretDB has no TTL indexes) and old rows are swept on sign-in.
import mongoose from 'mongoose';

const sessionSchema = new mongoose.Schema(
  {
    _id: { type: String },
    accountId: { type: mongoose.Schema.Types.ObjectId, required: true, index: true },
    csrfToken: { type: String, required: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { timestamps: true },
);

export const Session = mongoose.model('Session', sessionSchema);
