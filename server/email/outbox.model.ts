// The email outbox: every message is stored here before any attempt to send it, so nothing is
// lost if the process stops, and every message can be traced (to whom, why, what happened).
// A worker claims due messages with a lease (server/email/outbox-worker.ts).
import mongoose from 'mongoose';

export const emailTemplates = ['invitation', 'reminder', 'receipt', 'link-again'] as const;
export type EmailTemplate = (typeof emailTemplates)[number];
export const emailStatuses = ['queued', 'sending', 'sent', 'failed', 'bounced'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

const outboxSchema = new mongoose.Schema(
  {
    to: { type: String, required: true },
    template: { type: String, required: true, enum: emailTemplates },
    locale: { type: String, required: true, enum: ['en', 'fr', 'es'] },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    roundId: { type: mongoose.Schema.Types.ObjectId, index: true },
    focalPointId: { type: mongoose.Schema.Types.ObjectId, index: true },
    status: { type: String, required: true, enum: emailStatuses, default: 'queued' },
    attempts: { type: Number, required: true, default: 0 },
    /** When the message may be (re)tried. */
    dueAt: { type: Date, required: true },
    /** A claim: who holds the message and until when (another worker may take it after). */
    leaseOwner: { type: String },
    leaseUntil: { type: Date },
    sentAt: { type: Date },
    messageId: { type: String },
    lastError: { type: String },
  },
  { timestamps: true },
);
outboxSchema.index({ status: 1, dueAt: 1 });

export const OutboxEmail = mongoose.model('OutboxEmail', outboxSchema);
