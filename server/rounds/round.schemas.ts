// Request schemas of the round endpoints (published under /api/schemas).
import { supportedLocales } from '../i18n/locales';

export const roundCreateSchema = {
  $id: 'round-create',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'formId', 'languages', 'deadline'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    formId: { type: 'string', minLength: 1, maxLength: 100 },
    formVersion: { type: 'integer', minimum: 1 },
    languages: { type: 'array', minItems: 1, maxItems: 3, uniqueItems: true, items: { enum: [...supportedLocales] } },
    /** Must be in the future. */
    deadline: { type: 'string', format: 'date-time', maxLength: 64 },
    reminders: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max: { type: 'integer', minimum: 0, maximum: 10, default: 3 },
        minDaysApart: { type: 'integer', minimum: 1, maximum: 60, default: 7 },
      },
    },
  },
} as const;

export interface RoundCreate {
  name: string;
  formId: string;
  formVersion?: number;
  languages: ('en' | 'fr' | 'es')[];
  deadline: string;
  reminders?: { max?: number; minDaysApart?: number };
}
