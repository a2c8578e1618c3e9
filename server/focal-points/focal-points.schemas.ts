// Request schemas of the focal point endpoints (published under /api/schemas), and the schemas of their answers.
import { arrayOf, boolean, dateTime, integer, mapOf, nullable, object, oneOf, string } from '../http/answer-schemas';

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

// Response schemas (checked against every answer in the tests).
const focalPointView = object(
  {
    id: string,
    roundId: string,
    country: string,
    countryName: string,
    name: string,
    email: string,
    language: string,
    ministry: string,
    link: oneOf(['none', 'active', 'revoked', 'expired']),
    invited: boolean,
    linkOpened: boolean,
    draftStarted: boolean,
    submitted: boolean,
    bounced: boolean,
    latestEmail: nullable(
      object({ id: string, template: string, status: string, at: dateTime }, { lastError: string }),
    ),
  },
  { invitedAt: dateTime, openedAt: dateTime, createdAt: dateTime, bounceReason: string },
);

export const focalPointsAnswerSchema = object({ focalPoints: arrayOf(focalPointView) });
export const focalPointAnswerSchema = object({ focalPoint: focalPointView });

export const focalPointImportSchema = object(
  {
    imported: integer,
    skipped: arrayOf(object({ row: integer, field: string, message: string })),
    focalPoints: integer,
  },
  { skippedOmitted: integer },
);

export const roundStatusSchema = object({
  focalPoints: integer,
  invited: integer,
  opened: integer,
  draftStarted: integer,
  countriesSubmitted: integer,
  approved: integer,
  returned: integer,
  countries: integer,
  bounced: integer,
  countryStates: mapOf(integer),
  latestEmails: object({ queued: integer, sent: integer, failed: integer, bounced: integer }),
});

/** Sent (invited, focalPointIds), or with ?dryRun=true whom it would email. */
export const invitationsAnswerSchema = {
  anyOf: [
    object({ invited: integer, focalPointIds: arrayOf(string) }),
    object({
      dryRun: { const: true },
      wouldInvite: integer,
      focalPoints: arrayOf(object({ id: string, country: string, name: string, email: string, language: string })),
    }),
  ],
};

export const linkAgainAnswerSchema = object({ message: string });
