// Request schemas of the round endpoints (published under /api/schemas), and the schemas of their answers.
import { anyObject, arrayOf, boolean, dateTime, integer, object, oneOf, string } from '../http/answer-schemas';
import { supportedLocales } from '../i18n/locales';
import { scoringSettingsSchema, type ScoringSettingsInput } from '../scoring/scoring.schemas';

const name = { type: 'string', minLength: 1, maxLength: 200 } as const;
const formId = { type: 'string', minLength: 1, maxLength: 100 } as const;
const formVersion = { type: 'integer', minimum: 1 } as const;
const languages = {
  type: 'array',
  minItems: 1,
  maxItems: 3,
  uniqueItems: true,
  items: { enum: [...supportedLocales] },
} as const;
/** Must be in the future. */
const deadline = { type: 'string', format: 'date-time', maxLength: 64 } as const;
const reminders = {
  type: 'object',
  additionalProperties: false,
  properties: {
    max: { type: 'integer', minimum: 0, maximum: 10, default: 3 },
    minDaysApart: { type: 'integer', minimum: 1, maximum: 60, default: 7 },
  },
} as const;

/** Whom respondents may contact about the round; an empty object removes it. */
const contact = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    email: { type: 'string', format: 'email', maxLength: 254 },
  },
} as const;

export const roundCreateSchema = {
  $id: 'round-create',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'formId', 'languages', 'deadline'],
  properties: {
    name,
    formId,
    formVersion,
    languages,
    deadline,
    reminders,
    contact,
    /** The round's first scoring settings (South definition, whose scores count …); later changes: PUT …/scoring. */
    scoring: { type: 'object', additionalProperties: false, properties: scoringSettingsSchema.properties },
  },
} as const;

export interface RoundCreate {
  name: string;
  formId: string;
  formVersion?: number;
  languages: ('en' | 'fr' | 'es')[];
  deadline: string;
  reminders?: { max?: number; minDaysApart?: number };
  contact?: { name?: string; email?: string };
  scoring?: ScoringSettingsInput;
}

/** PATCH: what is sent changes, the rest stays. The questionnaire only while no country has answered. */
export const roundUpdateSchema = {
  $id: 'round-update',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name, formId, formVersion, languages, deadline, reminders, contact },
} as const;

export interface RoundUpdate {
  name?: string;
  formId?: string;
  formVersion?: number;
  languages?: ('en' | 'fr' | 'es')[];
  deadline?: string;
  reminders?: { max?: number; minDaysApart?: number };
  contact?: { name?: string; email?: string };
}

// Response schemas (checked against every answer in the tests).
/** A round as the API shows it: `id` instead of `_id`. */
export const roundViewSchema = object(
  {
    id: string,
    name: string,
    formId: string,
    formVersion: integer,
    languages: arrayOf(oneOf(supportedLocales)),
    deadline: dateTime,
    countries: arrayOf(object({ iso3: string, name: string })),
  },
  {
    demo: boolean,
    contact: object({}, { name: string, email: string }),
    reminders: object({ max: integer, minDaysApart: integer }),
    scoring: anyObject,
    createdAt: dateTime,
    updatedAt: dateTime,
  },
);

export const roundsAnswerSchema = object({ rounds: arrayOf(roundViewSchema) });
export const roundAnswerSchema = object({ round: roundViewSchema });
