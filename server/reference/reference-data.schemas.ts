// JSON Schemas of the three data files in server/reference/data. The loader checks the files
// against them at start, so a hand edit or a broken rebuild stops the service with the file
// and field named instead of surfacing later as wrong scores or matches.
import { groupTypes, hdiGroups, wbIncomeGroups } from './reference.types';

const iso3 = { type: 'string', pattern: '^[A-Z]{3}$' } as const;
const nullableString = { type: ['string', 'null'], minLength: 1 } as const;
const name = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const countriesFileSchema = {
  $id: 'reference-countries-file',
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: [
      'iso3',
      'iso2',
      'm49',
      'names',
      'region',
      'subRegion',
      'intermediateRegion',
      'ldc',
      'lldc',
      'sids',
      'wbRegion',
      'wbIncome',
      'hdiGroup',
      'hdi',
      'borders',
      'languages',
    ],
    properties: {
      iso3,
      iso2: { type: 'string', pattern: '^[A-Z]{2}$' },
      m49: { type: 'string', pattern: '^[0-9]{3}$' },
      names: {
        type: 'object',
        additionalProperties: false,
        required: ['en', 'fr', 'es'],
        properties: { en: name, fr: name, es: name },
      },
      region: nullableString,
      subRegion: nullableString,
      intermediateRegion: nullableString,
      ldc: { type: 'boolean' },
      lldc: { type: 'boolean' },
      sids: { type: 'boolean' },
      wbRegion: nullableString,
      wbIncome: { enum: [...wbIncomeGroups, null] },
      hdiGroup: { enum: [...hdiGroups, null] },
      hdi: { type: ['number', 'null'], minimum: 0, maximum: 1 },
      borders: { type: 'array', items: iso3, uniqueItems: true },
      languages: { type: 'array', items: { type: 'string', pattern: '^[a-z]{3}$' }, uniqueItems: true },
    },
  },
} as const;

export const groupsFileSchema = {
  $id: 'reference-groups-file',
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'name', 'type', 'members'],
    properties: {
      code: { type: 'string', pattern: '^[A-Z][A-Z0-9-]{1,19}$' },
      name,
      type: { enum: [...groupTypes] },
      members: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['iso3'],
          properties: { iso3, since: { type: 'string', format: 'date' }, until: { type: 'string', format: 'date' } },
        },
      },
    },
  },
} as const;

export const corridorsFileSchema = {
  $id: 'reference-corridors-file',
  type: 'object',
  propertyNames: { pattern: '^[A-Z]{3}$' },
  additionalProperties: {
    type: 'object',
    propertyNames: { pattern: '^[A-Z]{3}$' },
    additionalProperties: { type: 'integer', minimum: 1 },
  },
} as const;
