// Schemas of the answers of the respondent endpoints (checked against every answer in the tests).
import { arrayOf, dateTime, integer, nullable, object, oneOf, string, withMembers } from '../http/answer-schemas';
import { supportedLocales } from '../i18n/locales';
import { responseStateSchema } from '../responses/response.schemas';
import { areaCell } from '../scoring/scoring.schemas';

/** The country's gap profile as the respondent sees it once submitted; null before. */
const respondentScores = nullable(
  object({
    methodologyVersion: string,
    areas: arrayOf(withMembers(areaCell, { area: string, applicable: integer })),
  }),
);

export const respondentStateSchema = object({
  round: object(
    {
      id: string,
      name: string,
      formId: string,
      formVersion: integer,
      deadline: dateTime,
      languages: arrayOf(string),
    },
    { contact: object({}, { name: string, email: string }) },
  ),
  country: object({ iso3: string, name: string }),
  language: oneOf(supportedLocales),
  response: responseStateSchema,
  scores: respondentScores,
});

export const submittedStateSchema = withMembers(responseStateSchema, { scores: respondentScores });

const partnerNamed = { partner: string, partnerKind: string };

export const partnershipsAnswerSchema = object({
  language: oneOf(supportedLocales),
  approved: { type: 'boolean' },
  partnerships: arrayOf(
    object({
      role: oneOf(['requester', 'provider']),
      area: string,
      areaName: string,
      ...partnerNamed,
      status: oneOf(['confirmed', 'accepted']),
      explanation: nullable(string),
    }),
  ),
  suggestions: arrayOf(
    object({ area: string, areaName: string, partners: arrayOf(object({ ...partnerNamed, explanation: string })) }),
  ),
});
