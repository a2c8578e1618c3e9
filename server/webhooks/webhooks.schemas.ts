// Request and response schemas of a round's webhook (published under /api/schemas).
import { deliveryStatuses, webhookEventTypes } from './webhook.model';

export const webhookSetSchema = {
  $id: 'webhook-set',
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: {
      type: 'string',
      format: 'uri',
      pattern: '^https://',
      maxLength: 2000,
      description: 'Where deliveries are POSTed: an https:// URL',
    },
  },
} as const;

export interface WebhookSet {
  url: string;
}

export const webhookSecretResponseSchema = {
  $id: 'webhook-secret-response',
  type: 'object',
  additionalProperties: false,
  required: ['url', 'secret'],
  properties: {
    url: { type: 'string', maxLength: 2000 },
    secret: { type: 'string', maxLength: 100, description: 'Signs every delivery; shown only in this answer' },
  },
} as const;

const time = { type: 'string', format: 'date-time', maxLength: 64 } as const;

const attempt = {
  type: 'object',
  required: ['n', 'at', 'outcome'],
  properties: {
    n: { type: 'integer', minimum: 1 },
    at: time,
    outcome: { enum: ['acknowledged', 'retry', 'failed'] },
    httpStatus: { type: 'integer' },
    error: { type: 'string', maxLength: 500 },
  },
} as const;

export const webhookResponseSchema = {
  $id: 'webhook-response',
  type: 'object',
  required: ['webhook'],
  properties: {
    webhook: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['url', 'setAt', 'deliveries'],
          properties: {
            url: { type: 'string', maxLength: 2000 },
            setAt: time,
            deliveries: {
              type: 'array',
              maxItems: 100,
              description: 'The latest deliveries, newest first',
              items: {
                type: 'object',
                required: ['id', 'type', 'occurredAt', 'status', 'attempts'],
                properties: {
                  id: { type: 'string', maxLength: 64 },
                  type: { enum: [...webhookEventTypes] },
                  occurredAt: time,
                  status: { enum: [...deliveryStatuses] },
                  attempts: { type: 'array', maxItems: 100, items: attempt },
                  deliveredAt: time,
                },
              },
            },
          },
        },
      ],
    },
  },
} as const;
