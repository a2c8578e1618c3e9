// The email outbox: every message is stored here before any attempt to send it, so nothing is
// lost if the process stops, and every message can be traced (to whom, why, what happened).
// Messages still to be delivered are also listed in OutboxDue; a worker claims them there
// (server/email/outbox-claim.ts) and delivers them (server/email/outbox-worker.ts).
import { supportedLocales } from '../i18n/locales';
import mongoose from 'mongoose';

export const emailTemplates = ['invitation', 'reminder', 'receipt', 'link-again', 'returned'] as const;
export type EmailTemplate = (typeof emailTemplates)[number];
/** Messages rendered by their feature's own templates (server/email/introduction-email.ts). */
export const featureEmailTemplates = ['introduction', 'declaration'] as const;
export type StoredEmailTemplate = EmailTemplate | (typeof featureEmailTemplates)[number];
const emailStatuses = ['queued', 'sent', 'failed', 'bounced'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

const outboxSchema = new mongoose.Schema(
  {
    to: { type: String, required: true },
    template: { type: String, required: true, enum: [...emailTemplates, ...featureEmailTemplates] },
    locale: { type: String, required: true, enum: [...supportedLocales] },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    roundId: { type: mongoose.Schema.Types.ObjectId, index: true },
    focalPointId: { type: mongoose.Schema.Types.ObjectId, index: true },
    /** 'queued' until an outcome: sent, bounced (the recipient's server refused it for good)
     *  or failed (temporary failures until maxAttempts). */
    status: { type: String, required: true, enum: emailStatuses, default: 'queued' },
    /** Attempts made, as of the latest outcome. */
    attempts: { type: Number, required: true, default: 0 },
    /** Not before this time, as asked when queued (a retry's time is on OutboxDue). */
    dueAt: { type: Date, required: true },
    /** The worker claim that recorded the latest outcome. */
    handledBy: { type: String },
    /** When the latest failed attempt will be retried (while queued after a failure). */
    retryAt: { type: Date },
    sentAt: { type: Date },
    messageId: { type: String },
    lastError: { type: String },
  },
  { timestamps: true },
);

export const OutboxEmail = mongoose.model('OutboxEmail', outboxSchema);
