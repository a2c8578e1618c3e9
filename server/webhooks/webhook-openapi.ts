// The webhook events as OpenAPI 3.1 describes them (the document's top-level `webhooks`): one
// operation per event type, the POST that capgap makes to a round's registered URL, with its
// signature headers and payload schema. Built from the same event list and header names the
// worker uses.
import { webhookEventTypes, type WebhookEventType } from './webhook.model';
import { webhookHeaders } from './webhook-signature';

const links = (names: string[]) => ({
  type: 'object',
  description: 'API paths, relative to the service’s address, to read the rest (with an account)',
  required: names,
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string', maxLength: 200 }])),
});

const country = { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code' };
const revision = { type: 'integer', minimum: 1, description: 'The response revision the event is about' };

const dataOf: Record<WebhookEventType, { summary: string; data: object }> = {
  'response.submitted': {
    summary: 'A country submitted its response (first time, or again after it was returned)',
    data: {
      type: 'object',
      required: ['country', 'revision', 'status', 'links'],
      properties: {
        country,
        revision,
        status: { enum: ['submitted', 'resubmitted'] },
        links: links(['response', 'scores']),
      },
    },
  },
  'response.approved': {
    summary: 'An organizer approved a country’s response',
    data: {
      type: 'object',
      required: ['country', 'revision', 'links'],
      properties: { country, revision, links: links(['response', 'scores']) },
    },
  },
  'match.confirmed': {
    summary: 'An organizer confirmed a proposed match; both sides are introduced by email',
    data: {
      type: 'object',
      required: ['matchId', 'run', 'country', 'area', 'providerKind', 'providerId', 'links'],
      properties: {
        matchId: { type: 'string', description: 'Stable within the round: <country>-<area>-<provider>' },
        run: { type: 'integer', minimum: 1, description: 'The matching run the match was proposed in' },
        country: { ...country, description: 'The country helped (ISO 3166-1 alpha-3)' },
        area: { type: 'string', description: 'The capacity area' },
        providerKind: { type: 'string', description: 'partner, or government for a peer country' },
        providerId: { type: 'string' },
        providerCountry: { ...country, description: 'The helping country, for a peer government' },
        links: links(['run']),
      },
    },
  },
};

const headerParameters = [
  {
    name: webhookHeaders.id,
    in: 'header',
    required: true,
    description: 'The delivery id, the same on every attempt and as the payload’s id: drop repeats',
    schema: { type: 'string' },
  },
  {
    name: webhookHeaders.event,
    in: 'header',
    required: true,
    description: 'The event type',
    schema: { type: 'string' },
  },
  {
    name: webhookHeaders.timestamp,
    in: 'header',
    required: true,
    description: 'Seconds since 1970 when this attempt was signed; refuse one too old (e.g. 5 minutes)',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  {
    name: webhookHeaders.signature,
    in: 'header',
    required: true,
    description:
      'v1=<hex>: HMAC-SHA256, keyed with the round’s webhook secret, of "<Capgap-Timestamp>.<raw request body>". ' +
      'Compute it over the body’s bytes as received, and compare in constant time.',
    schema: { type: 'string', pattern: '^v1=[0-9a-f]{64}$' },
  },
];

/** The `webhooks` section of the OpenAPI document. */
export function webhooksOpenApi(): Record<string, object> {
  return Object.fromEntries(
    webhookEventTypes.map((type) => [
      type,
      {
        post: {
          operationId: `webhook${type.replace(/(^|\.)(\w)/g, (_m, _dot, c: string) => c.toUpperCase())}`,
          summary: dataOf[type].summary,
          description:
            'POSTed to the URL registered with PUT /api/rounds/{roundId}/webhook. Answer 2xx to acknowledge: ' +
            'network errors, timeouts, 408, 429 and 5xx are retried with exponential backoff; other answers fail ' +
            'the delivery; redirects are not followed.',
          parameters: headerParameters,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'type', 'occurredAt', 'roundId', 'data'],
                  properties: {
                    id: { type: 'string', description: 'The delivery id (as in Capgap-Delivery)' },
                    type: { const: type },
                    occurredAt: { type: 'string', format: 'date-time' },
                    roundId: { type: 'string' },
                    data: dataOf[type].data,
                  },
                },
              },
            },
          },
          responses: { '2XX': { description: 'Acknowledged: the delivery is not sent again' } },
        },
      },
    ]),
  );
}
