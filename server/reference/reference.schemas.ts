// Request schemas of the reference endpoints (published under /api/schemas).

export const groupMembershipSchema = {
  $id: 'group-membership',
  description:
    'Adds a country to a group or replaces its membership dates. A member is in force on d when since ≤ d < until; until must not be before since.',
  type: 'object',
  additionalProperties: false,
  properties: {
    since: { type: 'string', format: 'date', maxLength: 10 },
    until: { type: 'string', format: 'date', maxLength: 10 },
  },
} as const;

export const countriesQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { region: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;
