// What the API's path parameters look like, by name, for the OpenAPI document: a value of
// another shape names no record and gets 404. Names mean the same thing on every route.
interface PathParameterSchema {
  type: 'string' | 'integer';
  pattern?: string;
  enum?: string[];
  minimum?: number;
  description?: string;
}

const recordId: PathParameterSchema = {
  type: 'string',
  pattern: '^[0-9a-fA-F]{24}$',
  description: 'A record id: 24 hexadecimal digits',
};
const countryCode: PathParameterSchema = {
  type: 'string',
  pattern: '^[A-Z]{3}$',
  description: 'ISO 3166-1 alpha-3 country code',
};

export const pathParameterSchemas: Readonly<Record<string, PathParameterSchema>> = {
  roundId: recordId,
  id: recordId,
  country: countryCode,
  iso3: countryCode,
  n: { type: 'integer', minimum: 1, description: 'The number of a match run in its round: 1, 2, 3 …' },
  format: { type: 'string', enum: ['csv', 'xlsx'] },
  decision: { type: 'string', enum: ['confirm', 'reject'] },
  answer: { type: 'string', enum: ['accept', 'decline'] },
  email: { type: 'string', pattern: '^[^@/\\s]+@[^@/\\s]+$', description: 'An email address' },
};

// Compiled once: the check runs on every request under /api (unanswered-api-requests.ts).
const patterns = new Map(
  Object.entries(pathParameterSchemas).flatMap(([name, s]) => (s.pattern ? [[name, new RegExp(s.pattern)]] : [])),
);

/** Whether a decoded path segment has the shape its parameter's name promises (any shape if none). */
export function pathParameterFits(name: string, value: string): boolean {
  const schema = pathParameterSchemas[name];
  if (!schema) return true;
  if (schema.enum) return schema.enum.includes(value);
  if (schema.type === 'integer') return /^[0-9]{1,15}$/.test(value) && Number(value) >= (schema.minimum ?? 0);
  return patterns.get(name)?.test(value) ?? true;
}
