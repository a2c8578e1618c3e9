// Request schemas of the matching endpoints (published under /api/schemas).
import { matchingTerms } from '../matching/matching-settings';

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
