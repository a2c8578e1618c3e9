// Request schemas of the scoring endpoints (published under /api/schemas).
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
    southDefinition: { enum: ['un-regions', 'world-bank', 'undp-hdi'] },
    southHdiGroups: { type: 'array', uniqueItems: true, items: { enum: ['Very High', 'High', 'Medium', 'Low'] } },
  },
} as const;

export interface ScoringSettingsInput {
  completenessThreshold?: number;
  defaultTargetLevel?: number;
  weights?: { indicator: string; weight: number }[];
  southDefinition?: 'un-regions' | 'world-bank' | 'undp-hdi';
  southHdiGroups?: string[];
}
