// Request schemas of the reference endpoints (published under /api/schemas), and the schemas of their answers.
import { arrayOf, boolean, dateTime, nullable, object, oneOf, string } from '../http/answer-schemas';
import { groupTypes, hdiGroups, wbIncomeGroups } from './reference.types';

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

// Response schemas (checked against every answer in the tests).
const nullableString = { type: ['string', 'null'] } as const;

const countryFacts = object({
  iso3: string,
  iso2: string,
  m49: string,
  names: object({ en: string, fr: string, es: string }),
  region: nullableString,
  subRegion: nullableString,
  intermediateRegion: nullableString,
  ldc: boolean,
  lldc: boolean,
  sids: boolean,
  wbRegion: nullableString,
  wbIncome: nullable(oneOf(wbIncomeGroups)),
  hdiGroup: nullable(oneOf(hdiGroups)),
  hdi: { type: ['number', 'null'] },
  borders: arrayOf(string),
  languages: arrayOf(string),
});

const membershipDates = { since: string, until: string, editedBy: string, editedAt: dateTime };

const groupView = object(
  {
    code: string,
    name: string,
    type: oneOf(groupTypes),
    members: arrayOf(object({ iso3: string, active: boolean }, membershipDates)),
    removed: arrayOf(object({ iso3: string, editedBy: string, editedAt: dateTime })),
  },
  { updatedAt: dateTime },
);

export const countriesAnswerSchema = object({ countries: arrayOf(countryFacts) });
export const countryAnswerSchema = object({
  country: countryFacts,
  groups: arrayOf(object({ code: string, name: string, type: oneOf(groupTypes), active: boolean }, membershipDates)),
});
export const groupsAnswerSchema = object({ groups: arrayOf(groupView) });
export const groupAnswerSchema = object({ group: groupView });
