// Request schemas of the focal point endpoints (published under /api/schemas).

export const invitationsRequestSchema = {
  $id: 'invitations-request',
  type: 'object',
  additionalProperties: false,
  properties: {
    /** Whom to invite; default: every focal point of the round not yet invited. */
    focalPointIds: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[0-9a-f]{24}$' },
    },
  },
} as const;

export const linkAgainSchema = {
  $id: 'link-again',
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
  },
} as const;

/** The columns of a focal point CSV import (first line), in any order. */
export const focalPointCsvColumns = ['country', 'name', 'email', 'language', 'ministry'] as const;

/** Bounds of a focal point CSV import: rows per file, characters per field. */
export const focalPointCsvLimits = {
  maxRows: 5000,
  maxLength: { country: 60, name: 200, email: 254, language: 20, ministry: 200 },
} as const;
