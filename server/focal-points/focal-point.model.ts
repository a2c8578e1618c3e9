// A focal point: the person who answers (or helps answer) for one country in one round. It
// holds its working links (a reminder or "send me my link again" adds one; only an organizer
// withdraws them) and a summary of its emails (the latest one, a bounce, its reminders), kept
// up to date as messages are queued and delivered, so following a round never reads the outbox.
import { supportedLocales } from '../i18n/locales';
import mongoose from 'mongoose';

const latestEmailSchema = new mongoose.Schema(
  {
    id: { type: String, required: true },
    template: { type: String, required: true },
    status: { type: String, required: true },
    at: { type: Date, required: true },
    lastError: { type: String },
  },
  { _id: false },
);

const focalPointSchema = new mongoose.Schema(
  {
    roundId: { type: mongoose.Schema.Types.ObjectId, required: true },
    country: { type: String, required: true, match: /^[A-Z]{3}$/ },
    name: { type: String, required: true },
    email: { type: String, required: true, lowercase: true, trim: true, index: true },
    language: { type: String, required: true, enum: [...supportedLocales] },
    ministry: { type: String, required: true },
    /** Its working links (ids of CountryLink); emptied when an organizer withdraws them. */
    linkIds: { type: [String], default: undefined },
    /** When its newest link expires. */
    linkExpiresAt: { type: Date },
    /** When an organizer last withdrew its links (cleared by a new link). */
    linkRevokedAt: { type: Date },
    /** When the first invitation was queued. */
    invitedAt: { type: Date },
    /** When a link was first opened (any of this focal point's links). */
    openedAt: { type: Date },
    /** The latest email queued for it, with its latest outcome. */
    latestEmail: { type: latestEmailSchema },
    /** The latest bounce of an email to it. */
    bouncedAt: { type: Date },
    bounceReason: { type: String },
    /** When each reminder was queued (the claims in ReminderClaim are the record). */
    remindersAt: { type: [{ type: Date }], default: undefined },
  },
  { timestamps: true },
);
focalPointSchema.index({ roundId: 1, email: 1 }, { unique: true });

export const FocalPoint = mongoose.model('FocalPoint', focalPointSchema);
