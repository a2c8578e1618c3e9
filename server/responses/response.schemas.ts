// The envelope of a submitted response; the answers inside are checked against the form's own
// answer schema (server/forms/answer-schema.ts).
import { supportedLocales } from '../i18n/locales';

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
