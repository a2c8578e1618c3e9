// Request schemas of the matching endpoints (published under /api/schemas), and the schemas of their answers.
import {
  anyObject,
  arrayOf,
  boolean,
  dateTime,
  integer,
  nullable,
  number,
  object,
  oneOf,
  string,
  withMembers,
} from '../http/answer-schemas';
import { matchingTerms } from '../matching/matching-settings';
import { matchDecisionStatuses } from './matching-runs.model';

const iso3 = { type: 'string', pattern: '^[A-Z]{3}$' } as const;
const area = { type: 'string', pattern: '^A[0-9]{1,2}$' } as const;
/** `gov:<ISO3>` for a peer government, the registry id (24 hex digits) for an organization. */
const provider = { type: 'string', pattern: '^(gov:[A-Z]{3}|[0-9a-f]{24})$' } as const;

const pair = {
  type: 'object',
  additionalProperties: false,
  required: ['country', 'area', 'provider'],
  properties: { country: iso3, area, provider },
} as const;

export const matchingPinsSchema = {
  $id: 'matching-pins',
  type: 'object',
  additionalProperties: false,
  required: ['pins', 'exclusions'],
  properties: {
    pins: { type: 'array', maxItems: 1000, items: pair },
    exclusions: { type: 'array', maxItems: 5000, items: pair },
  },
} as const;

export interface PairInput {
  country: string;
  area: string;
  provider: string;
}

export interface MatchingPinsInput {
  pins: PairInput[];
  exclusions: PairInput[];
}

export const matchingSettingsSchema = {
  $id: 'matching-settings',
  type: 'object',
  additionalProperties: false,
  properties: {
    partnersPerArea: { type: 'integer', minimum: 1, maximum: 20 },
    priorityThreshold: { type: 'number', minimum: 0, maximum: 100 },
    allowMaybe: { type: 'boolean' },
    peerSlotsPerArea: { type: 'integer', minimum: 0, maximum: 1000 },
    peerMinCapacity: { type: 'number', minimum: 0, maximum: 100 },
    peerMinMargin: { type: 'number', minimum: 0, maximum: 100 },
    weights: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(matchingTerms.map((t) => [t, { type: 'number', minimum: 0, maximum: 1000 }])),
    },
    showSuggestions: { type: 'boolean' },
  },
} as const;

export interface MatchingSettingsBody {
  partnersPerArea?: number;
  priorityThreshold?: number;
  allowMaybe?: boolean;
  peerSlotsPerArea?: number;
  peerMinCapacity?: number;
  peerMinMargin?: number;
  weights?: Partial<Record<(typeof matchingTerms)[number], number>>;
  showSuggestions?: boolean;
}

// Response schemas (checked against every answer in the tests).
const byLocale = object({ en: string, fr: string, es: string });
const pairView = object({ country: string, area: string, provider: string });
const answerOfSide = nullable(object({ answer: oneOf(['accepted', 'declined']), at: dateTime }));

export const decisionSchema = object({
  id: string,
  country: string,
  area: string,
  providerId: string,
  run: integer,
  status: oneOf(matchDecisionStatuses),
  decidedBy: string,
  decidedAt: dateTime,
  requester: answerOfSide,
  provider: answerOfSide,
});

const storedMatch = object({
  id: string,
  country: string,
  area: string,
  providerId: string,
  countryName: byLocale,
  areaName: byLocale,
  providerKind: string,
  providerCountry: nullable(string),
  providerName: byLocale,
  score: number,
  value: number,
  pinned: boolean,
  kept: boolean,
});

const counts = object({ demand: integer, providers: integer, candidates: integer, matches: integer, unmet: integer });

/** A run as organizers read it: each match with the current decision on its pair. */
const runWithDecisions = object(
  {
    roundId: string,
    n: integer,
    createdAt: dateTime,
    createdBy: string,
    methodologyVersion: string,
    settings: anyObject,
    counts,
    matches: arrayOf(
      withMembers(storedMatch, {
        status: oneOf(['proposed', ...matchDecisionStatuses]),
        decision: nullable(decisionSchema),
      }),
    ),
    unmet: arrayOf(anyObject),
  },
  { date: string },
);

export const runAnswerSchema = object({ run: runWithDecisions });
export const runsAnswerSchema = object({
  runs: arrayOf(object({ n: integer, createdAt: dateTime, createdBy: string, counts, methodologyVersion: string })),
});

const scoreFlags = object({ score: number, pinned: boolean, kept: boolean });
export const runDiffSchema = object({
  from: nullable(integer),
  to: integer,
  added: arrayOf(storedMatch),
  removed: arrayOf(storedMatch),
  changed: arrayOf(object({ id: string, before: scoreFlags, after: scoreFlags })),
});

export const matchingSettingsAnswerSchema = object(
  { stored: anyObject, showSuggestions: boolean, settings: anyObject },
  { defaults: anyObject },
);

export const pinsAnswerSchema = object({ pins: arrayOf(pairView), exclusions: arrayOf(pairView) });

/** Confirmed (with the introductions queued to each side), or rejected. */
export const matchDecisionAnswerSchema = {
  anyOf: [
    object({ decision: decisionSchema, introductions: object({ requester: integer, provider: integer }) }),
    object({ decision: decisionSchema }),
  ],
};

export const coverageSchema = object({ run: integer, unmet: integer, rows: arrayOf(anyObject) }, { date: string });

/** A side's answer to an introduction, and the decision as it stands after it. */
export const introductionAnswerSchema = object({ side: oneOf(['requester', 'provider']), decision: decisionSchema });
