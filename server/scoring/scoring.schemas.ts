// Request schemas of the scoring endpoints (published under /api/schemas), and the schemas of their answers.
import { anyObject, arrayOf, boolean, integer, object, string } from '../http/answer-schemas';
import { southDefinitions, type SouthDefinition } from '../reference/global-south';
import { hdiGroups } from '../reference/reference.types';
import { groupingDimensions } from './country-groupings';
import { BANDS } from './score';
import { scoresFromValues, type ScoresFrom } from './scores-from';
import { responseStatuses } from '../responses/response-status';

export const scoringSettingsSchema = {
  $id: 'scoring-settings',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    completenessThreshold: { type: 'number', minimum: 0, maximum: 1 },
    defaultTargetLevel: { type: 'integer', minimum: 1, maximum: 4 },
    weights: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['indicator', 'weight'],
        properties: {
          indicator: { type: 'string', pattern: '^A[0-9]{1,2}\\.[0-9]{1,2}$' },
          weight: { type: 'number', minimum: 0, maximum: 1000 },
        },
      },
    },
    southDefinition: { enum: [...southDefinitions] },
    southHdiGroups: { type: 'array', maxItems: hdiGroups.length, uniqueItems: true, items: { enum: [...hdiGroups] } },
    /** Whose scores count: approved responses only (default), or every submitted one. */
    scoresFrom: { enum: [...scoresFromValues] },
  },
} as const;

export interface ScoringSettingsInput {
  completenessThreshold?: number;
  defaultTargetLevel?: number;
  weights?: { indicator: string; weight: number }[];
  southDefinition?: SouthDefinition;
  southHdiGroups?: string[];
  scoresFrom?: ScoresFrom;
}

// Response schemas (published, and checked against real answers in the integration tests).
const nullableNumber = { type: ['number', 'null'] } as const;
const band = { enum: [...BANDS, null] } as const;
const areaStatus = { enum: ['scored', 'insufficient data'] } as const;

export const areaCell = {
  type: 'object',
  required: ['status', 'capacity', 'target', 'gap', 'priority', 'band', 'completeness'],
  properties: {
    status: areaStatus,
    capacity: nullableNumber,
    target: { type: 'number' },
    gap: nullableNumber,
    priority: nullableNumber,
    band,
    completeness: { type: 'number' },
  },
} as const;

export const overviewResponseSchema = {
  $id: 'round-overview',
  type: 'object',
  required: ['round', 'scoresFrom', 'areas', 'countries'],
  properties: {
    scoresFrom: { enum: [...scoresFromValues] },
    round: { type: 'object', required: ['id', 'name', 'formId', 'formVersion'] },
    areas: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 200 } },
    countries: {
      type: 'array',
      maxItems: 300,
      items: {
        type: 'object',
        required: ['iso3', 'name', 'response', 'methodologyVersion', 'computedAt', 'areas'],
        properties: {
          iso3: { type: 'string', pattern: '^[A-Z]{3}$' },
          name: { type: 'string', maxLength: 200 },
          response: { enum: ['none', ...responseStatuses] },
          methodologyVersion: { type: ['string', 'null'], maxLength: 100 },
          computedAt: { type: ['string', 'null'], maxLength: 100 },
          areas: { type: 'object', additionalProperties: areaCell },
        },
      },
    },
  },
} as const;

export const countryProfileResponseSchema = {
  $id: 'country-profile',
  type: 'object',
  required: ['country', 'response', 'scores'],
  properties: {
    country: { type: 'object', required: ['iso3', 'name'] },
    response: { type: 'object', required: ['status'] },
    scores: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: [
            'formId',
            'formVersion',
            'methodologyVersion',
            'settings',
            'responseRevision',
            'computedAt',
            'areas',
          ],
          properties: {
            areas: {
              type: 'array',
              maxItems: 100,
              items: {
                type: 'object',
                required: [
                  'area',
                  'status',
                  'capacity',
                  'target',
                  'gap',
                  'priority',
                  'band',
                  'completeness',
                  'confidence',
                  'indicators',
                ],
                properties: {
                  area: { type: 'string', maxLength: 200 },
                  status: areaStatus,
                  capacity: nullableNumber,
                  gap: nullableNumber,
                  priority: nullableNumber,
                  band,
                  indicators: {
                    type: 'array',
                    maxItems: 1000,
                    items: {
                      type: 'object',
                      required: ['id', 'question', 'weight', 'answer', 'evidence'],
                      properties: {
                        answer: { enum: [0, 1, 2, 3, 4, 'na', 'dk', null] },
                        evidence: { type: 'boolean' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      ],
    },
  },
} as const;

const stats = {
  anyOf: [{ type: 'null' }, { type: 'object', required: ['n', 'mean', 'median', 'min', 'max'] }],
} as const;

export const aggregatesResponseSchema = {
  $id: 'round-aggregates',
  type: 'object',
  required: ['roundId', 'by', 'scoresFrom', 'southDefinition', 'countriesScored', 'groups'],
  properties: {
    scoresFrom: { enum: [...scoresFromValues] },
    by: { enum: [...groupingDimensions] },
    groups: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['group', 'countries', 'areas'],
        properties: {
          areas: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'object',
              required: ['area', 'scored', 'insufficientData', 'capacity', 'gap', 'priority', 'bands'],
              properties: { capacity: stats, gap: stats, priority: stats, bands: { type: 'object' } },
            },
          },
        },
      },
    },
  },
} as const;

/** ?by= and ?south= of the aggregates (checked by dimensionOf and southDefinitionOf). */
export const aggregatesQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { by: { enum: [...groupingDimensions] }, south: { enum: [...southDefinitions] } },
} as const;

export const scoringAnswerSchema = object({ scoring: anyObject });

export const recomputeAnswerSchema = object({
  roundId: string,
  methodologyVersion: string,
  settings: anyObject,
  recomputed: integer,
  unchanged: integer,
  countries: arrayOf(object({ country: string, changes: arrayOf(anyObject), first: boolean })),
});
