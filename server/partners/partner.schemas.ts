// The request schema of a partner (POST/PUT /api/partners, one CSV row, a self-declaration once
// confirmed). Published under /api/schemas. Shapes and bounds only: whether a region, country
// or language exists is checked against the reference data in partner-facts.ts.
import { arrayOf, boolean, dateTime, integer, object, string } from '../http/answer-schemas';
import { contactLanguages, frameworkAreas, partnerKinds, partnerLimits, partnerModalities } from './partner-vocabulary';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;

export const partnerInputSchema = {
  $id: 'partner',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'kind', 'areas', 'modalities', 'scope', 'languages', 'slots', 'contacts'],
  properties: {
    name: {
      type: 'object',
      additionalProperties: false,
      required: ['en'],
      properties: {
        en: text(partnerLimits.nameLength),
        fr: text(partnerLimits.nameLength),
        es: text(partnerLimits.nameLength),
      },
    },
    kind: { type: 'string', enum: [...partnerKinds] },
    areas: {
      type: 'array',
      minItems: 1,
      maxItems: frameworkAreas.length,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['area'],
        properties: {
          area: { type: 'string', enum: [...frameworkAreas] },
          indicators: {
            type: 'array',
            maxItems: partnerLimits.indicatorsPerArea,
            items: { type: 'string', pattern: '^a([1-9]|10)_[1-9]$' },
          },
        },
      },
    },
    modalities: {
      type: 'array',
      minItems: 1,
      maxItems: partnerModalities.length,
      uniqueItems: true,
      items: { type: 'string', enum: [...partnerModalities] },
    },
    scope: {
      type: 'object',
      additionalProperties: false,
      required: ['global'],
      properties: {
        global: { type: 'boolean' },
        regions: { type: 'array', maxItems: partnerLimits.regions, items: text(80) },
        countries: {
          type: 'array',
          maxItems: partnerLimits.countries,
          items: { type: 'string', pattern: '^[A-Z]{3}$' },
        },
      },
    },
    /** Working languages, ISO 639-3 (as the reference data's official languages). */
    languages: {
      type: 'array',
      minItems: 1,
      maxItems: partnerLimits.languages,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z]{3}$' },
    },
    slots: {
      type: 'object',
      additionalProperties: false,
      required: ['total'],
      properties: {
        total: { type: 'integer', minimum: 0, maximum: partnerLimits.slots },
        perArea: {
          type: 'object',
          additionalProperties: false,
          maxProperties: frameworkAreas.length,
          properties: Object.fromEntries(
            frameworkAreas.map((a) => [a, { type: 'integer', minimum: 0, maximum: partnerLimits.slots }]),
          ),
        },
      },
    },
    contacts: {
      type: 'array',
      minItems: 1,
      maxItems: partnerLimits.contacts,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'email', 'language'],
        properties: {
          name: text(partnerLimits.nameLength),
          email: { type: 'string', format: 'email', maxLength: 254 },
          language: { type: 'string', enum: [...contactLanguages] },
        },
      },
    },
    notes: { type: 'string', maxLength: partnerLimits.notesLength },
  },
} as const;

export interface PartnerInput {
  name: { en: string; fr?: string; es?: string };
  kind: (typeof partnerKinds)[number];
  areas: { area: (typeof frameworkAreas)[number]; indicators?: string[] }[];
  modalities: (typeof partnerModalities)[number][];
  scope: { global: boolean; regions?: string[]; countries?: string[] };
  languages: string[];
  slots: { total: number; perArea?: Partial<Record<(typeof frameworkAreas)[number], number>> };
  contacts: { name: string; email: string; language: (typeof contactLanguages)[number] }[];
  notes?: string;
}

// Response schemas (checked against every answer in the tests).
/** A partner as the API shows it: its offer (as sent), with its id, state and history. */
export const partnerViewSchema = {
  type: 'object',
  required: [...partnerInputSchema.required, 'id', 'archived', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'],
  properties: {
    ...partnerInputSchema.properties,
    // Erasing a contact (server/personal-data) may leave a partner with none until one is added.
    contacts: { ...partnerInputSchema.properties.contacts, minItems: 0 },
    id: string,
    archived: boolean,
    createdAt: dateTime,
    updatedAt: dateTime,
    createdBy: string,
    updatedBy: string,
  },
} as const;

export const partnersAnswerSchema = object({ partners: arrayOf(partnerViewSchema) });
export const partnerAnswerSchema = object({ partner: partnerViewSchema });
export const partnerImportSchema = object(
  { imported: integer, skipped: arrayOf(object({ row: integer, field: string, message: string })) },
  { skippedOmitted: integer },
);
