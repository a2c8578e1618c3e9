// A round's webhook and its deliveries.
//   RoundWebhook: the one registered URL of a round, _id the round's id (looked up by _id at
//     every event), with the secret that signs each delivery. The secret is stored because
//     signing needs it; the API shows it once, when it is made, and never logs it.
//   WebhookDelivery: one event to deliver, stored when the event happens, before any attempt
//     (the outbox pattern), _id derived from the event so that the same event is stored once.
//     Its body is serialized once: every attempt sends the same bytes.
//   WebhookDue / WebhookClaim: the due list and the claims of the delivery queue
//     (server/jobs/due-queue.ts, schemas in due-queue.models.ts).
//   WebhookRef: a round's deliveries in the order they were stored ("webhook:round:<id>:<n>"),
//     for listing the latest without a scan.
import mongoose from 'mongoose';
import { claimSchema, dueListSchema } from '../jobs/due-queue.models';

export const webhookEventTypes = ['response.submitted', 'response.approved', 'match.confirmed'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const deliveryStatuses = ['pending', 'delivered', 'failed', 'dropped'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

const roundWebhookSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    url: { type: String, required: true },
    secret: { type: String, required: true },
    setBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);

const attemptSchema = new mongoose.Schema(
  {
    n: { type: Number, required: true },
    at: { type: Date, required: true },
    /** acknowledged (2xx), retry (temporary failure), failed (given up or refused for good). */
    outcome: { type: String, required: true, enum: ['acknowledged', 'retry', 'failed'] },
    httpStatus: { type: Number },
    error: { type: String },
  },
  { _id: false },
);

const webhookDeliverySchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    roundId: { type: String, required: true },
    type: { type: String, required: true, enum: webhookEventTypes },
    occurredAt: { type: Date, required: true },
    /** The JSON body, exactly as sent. */
    body: { type: String, required: true },
    status: { type: String, required: true, enum: deliveryStatuses, default: 'pending' },
    /** One entry per attempt made, in order. */
    attempts: { type: [attemptSchema], default: [] },
    deliveredAt: { type: Date },
    /** The URL of the latest attempt. */
    url: { type: String },
  },
  { versionKey: false },
);

const webhookRefSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    deliveryId: { type: String, required: true },
  },
  { versionKey: false },
);

export const RoundWebhook = mongoose.model('RoundWebhook', roundWebhookSchema);
export const WebhookDelivery = mongoose.model('WebhookDelivery', webhookDeliverySchema);
export const WebhookDue = mongoose.model('WebhookDue', dueListSchema(String));
export const WebhookClaim = mongoose.model('WebhookClaim', claimSchema(String, 'deliveryId'));
export const WebhookRef = mongoose.model('WebhookRef', webhookRefSchema);
