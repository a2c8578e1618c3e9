// Schemas of the personal-data endpoints (published under /api/schemas): the query of the
// export, the body of an erasure, the address of a partner's contact in a path, and the answers.
const email = { type: 'string', format: 'email', maxLength: 254 } as const;

export const personalDataQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  // download=true: the same answer as a file to save (Content-Disposition: attachment).
  properties: { email, download: { type: 'string', enum: ['true', 'false'] } },
} as const;

export const personalDataErasureSchema = {
  $id: 'personal-data-erasure',
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  properties: { email },
} as const;

export const partnerContactParamsSchema = {
  type: 'object',
  required: ['id', 'email'],
  properties: { id: { type: 'string', pattern: '^[0-9a-f]{24}$' }, email },
} as const;

const count = { type: 'integer', minimum: 0 } as const;

export const erasureReportSchema = {
  $id: 'personal-data-erasure-report',
  type: 'object',
  required: ['erased'],
  properties: {
    erased: {
      type: 'object',
      required: ['pseudonym', 'focalPoints', 'partnerContacts', 'links', 'messages', 'clientAddresses'],
      properties: {
        pseudonym: { type: 'string', pattern: '^person-[0-9a-f]{16}$' },
        focalPoints: count,
        partnerContacts: count,
        declarations: count,
        links: count,
        introductions: count,
        messages: count,
        clientAddresses: count,
        inlineAddressesKept: count,
        accountKept: { type: 'boolean' },
      },
    },
  },
} as const;

/** The records of one person: bounded only by what was stored about them. */
const records = { type: 'array', maxItems: 1_000_000, items: { type: 'object' } } as const;

export const personalDataExportSchema = {
  $id: 'personal-data-export',
  type: 'object',
  required: [
    'email',
    'pseudonym',
    'accounts',
    'focalPoints',
    'links',
    'outbox',
    'partnerContacts',
    'declarations',
    'introductions',
    'audit',
  ],
  properties: {
    email: { type: 'string', maxLength: 254 },
    pseudonym: { type: 'string', pattern: '^person-[0-9a-f]{16}$' },
    exportedAt: { type: 'string', format: 'date-time', maxLength: 40 },
    accounts: records,
    focalPoints: records,
    links: records,
    outbox: records,
    partnerContacts: records,
    declarations: records,
    introductions: records,
    audit: records,
  },
} as const;
