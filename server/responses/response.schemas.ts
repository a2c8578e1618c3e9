// The envelope of a submitted response; the answers inside are checked against the form's own
// answer schema (server/forms/answer-schema.ts).
import {
  anyObject,
  arrayOf,
  dateTime,
  integer,
  mapOf,
  nullable,
  object,
  oneOf,
  string,
  withMembers,
} from '../http/answer-schemas';
import { supportedLocales } from '../i18n/locales';
import { responseStatuses } from './response-status';

export const responseSubmissionSchema = {
  $id: 'response-submission',
  type: 'object',
  additionalProperties: false,
  required: ['answers'],
  properties: {
    // Far more than any questionnaire has questions; each answer is then checked by the form's schema.
    answers: { type: 'object', maxProperties: 1000 },
    formVersion: { type: 'integer', minimum: 1 },
    locale: { enum: [...supportedLocales] },
    country: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
} as const;

export interface ResponseSubmission {
  answers: Record<string, unknown>;
  formVersion?: number;
  locale?: 'en' | 'fr' | 'es';
  country?: string;
}

// Response schemas (checked against every answer in the tests).
const statusOrNew = oneOf(['new', ...responseStatuses]);

/** A country's response as the API shows it (ResponseState). */
export const responseStateSchema = object(
  { status: statusOrNew, revision: integer, answers: anyObject, answeredAt: mapOf(string) },
  {
    savedAt: dateTime,
    submittedAt: dateTime,
    review: object({ comment: string, questionComments: mapOf(string), at: dateTime }),
  },
);

const responseEvent = object(
  {
    action: oneOf(['submit', 'resubmit', 'approve', 'return', 'reopen']),
    status: oneOf(responseStatuses),
    revision: integer,
    at: dateTime,
    by: object({ kind: oneOf(['account', 'link']), id: string }, { label: string }),
  },
  { comment: string, questionComments: mapOf(string) },
);

export const responseWithHistorySchema = withMembers(responseStateSchema, { history: arrayOf(responseEvent) });

export const openResponseStoredSchema = object({
  id: string,
  formId: string,
  formVersion: integer,
  submittedAt: dateTime,
});

export const openResponsesSchema = object({
  responses: arrayOf(
    object(
      { id: string, formVersion: integer, submittedAt: dateTime, answers: anyObject },
      { country: string, locale: oneOf(supportedLocales) },
    ),
  ),
});

export const returnedResponseSchema = withMembers(responseStateSchema, { focalPointsNotified: nullable(integer) });
