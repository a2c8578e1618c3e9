// Building blocks of the response schemas that routes declare with respondsWith: short to
// write, so each feature states what it sends next to its request schemas. Objects stay open
// (clients must tolerate new members); `required` and the types say what is always there.
export type JsonSchema = Record<string, unknown>;

export const string = { type: 'string' } as const;
export const integer = { type: 'integer' } as const;
export const number = { type: 'number' } as const;
export const boolean = { type: 'boolean' } as const;
/** A date as JSON carries it: ISO 8601 text. */
export const dateTime = { type: 'string', format: 'date-time' } as const;
export const anyObject = { type: 'object' } as const;

/** An object with the `required` members always there, and the `optional` ones when they apply. */
export function object(required: Record<string, object>, optional: Record<string, object> = {}): JsonSchema {
  return { type: 'object', required: Object.keys(required), properties: { ...required, ...optional } };
}

export const arrayOf = (items: object): JsonSchema => ({ type: 'array', items });

export const nullable = (schema: object): JsonSchema => ({ anyOf: [{ type: 'null' }, schema] });

/** One of the given values. */
export const oneOf = (values: readonly unknown[]): JsonSchema => ({ enum: [...values] });

/** A map from names to values of one schema. */
export const mapOf = (values: object): JsonSchema => ({ type: 'object', additionalProperties: values });

/** An object schema made with `object`, with more members: `required` always there, `optional` when they apply. */
export function withMembers(
  base: JsonSchema,
  required: Record<string, object>,
  optional: Record<string, object> = {},
): JsonSchema {
  return {
    ...base,
    required: [...(base.required as string[]), ...Object.keys(required)],
    properties: { ...(base.properties as object), ...required, ...optional },
  };
}
