// The shape a backup's manifest must have before restore trusts any of it.
import { formatName } from './archive-format';

const hex64 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const text = { type: 'string', maxLength: 1000 } as const;

export const manifestSchema = {
  type: 'object',
  required: ['format', 'formatVersion', 'createdAt', 'database', 'app', 'methodologyVersion', 'forms', 'collections'],
  properties: {
    format: { const: formatName },
    formatVersion: { type: 'integer', minimum: 1 },
    createdAt: { type: 'string', format: 'date-time', maxLength: 40 },
    database: text,
    app: { type: 'object', required: ['name', 'version'], properties: { name: text, version: text } },
    methodologyVersion: text,
    forms: {
      type: 'array',
      maxItems: 10_000,
      items: {
        type: 'object',
        required: ['formId', 'versions'],
        properties: {
          formId: text,
          versions: {
            type: 'array',
            maxItems: 10_000,
            items: { type: 'object', required: ['file', 'sha256'], properties: { file: text, sha256: hex64 } },
          },
        },
      },
    },
    collections: {
      type: 'array',
      maxItems: 10_000,
      items: {
        type: 'object',
        required: ['name', 'count', 'checksum', 'indexes'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 255 },
          count: { type: 'integer', minimum: 0 },
          checksum: hex64,
          indexes: {
            type: 'array',
            maxItems: 64,
            items: {
              type: 'object',
              required: ['name', 'key'],
              maxProperties: 50,
              properties: { name: text, key: { type: 'object', maxProperties: 32 } },
            },
          },
        },
      },
    },
  },
} as const;
