// How a delivery is signed: HMAC-SHA256, keyed with the round's webhook secret, over
// "<timestamp>.<raw body>" (the timestamp in seconds since 1970, as sent in Capgap-Timestamp).
// Signing the timestamp with the body lets a receiver refuse a replayed old delivery.
import { createHmac, randomBytes } from 'node:crypto';

export const webhookHeaders = {
  id: 'Capgap-Delivery',
  event: 'Capgap-Event',
  timestamp: 'Capgap-Timestamp',
  signature: 'Capgap-Signature',
} as const;

/** A new secret: 32 random bytes, prefixed so that it is recognizable in a secret scanner. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** The Capgap-Signature header value: "v1=<hex>" (a version, so the scheme can change). */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
