// The envelope of a submitted response; the answers inside are checked against the form's own
// answer schema (server/forms/answer-schema.ts).
export const responseSubmissionSchema = {
  $id: 'response-submission',
  type: 'object',
  additionalProperties: false,
  required: ['answers'],
  properties: {
    answers: { type: 'object' },
    formVersion: { type: 'integer', minimum: 1 },
    locale: { enum: ['en', 'fr', 'es'] },
    country: { type: 'string', pattern: '^[A-Z]{3}$' },
  },
} as const;

export interface ResponseSubmission {
  answers: Record<string, unknown>;
  formVersion?: number;
  locale?: 'en' | 'fr' | 'es';
  country?: string;
}
