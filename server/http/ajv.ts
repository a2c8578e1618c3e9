// The one ajv instance of the service: every request body, query, configuration and form
// metadata is checked with it, so formats and error reporting behave the same everywhere.
import Ajv, { type ErrorObject, type Schema, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// Strict about schema mistakes (unknown keywords), lenient where JSON Schema idioms need it.
export const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, coerceTypes: false });
addFormats(ajv);

const cache = new WeakMap<object, ValidateFunction>();

/** Compiles (once) and returns the validator of a schema object. */
export function compileSchema<T>(schema: Schema): ValidateFunction<T> {
  const key = schema as object;
  let fn = cache.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    cache.set(key, fn);
  }
  return fn as ValidateFunction<T>;
}

export interface FieldError {
  field: string;
  message: string;
}

/** Turns ajv's errors into "field + message" pairs, the field as a dotted path under `root`. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, root: string): FieldError[] {
  // propertyNames failures come twice (the name's own error, then propertyNames): keep the latter.
  const named = (errors ?? []).filter((e) => e.propertyName === undefined).map((e) => {
    const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (e.keyword === 'required') segments.push(String(e.params.missingProperty));
    if (e.keyword === 'additionalProperties') segments.push(String(e.params.additionalProperty));
    if (e.keyword === 'propertyNames') segments.push(String(e.params.propertyName));
    const field = [root, ...segments].filter(Boolean).join('.');
    return { field, message: describe(e) };
  });
  // One message per field: the first is the most telling (e.g. a bad name before "unknown field").
  const seen = new Set<string>();
  return named.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required': return 'is required';
    case 'additionalProperties': return 'is not a known field';
    case 'propertyNames': return 'is not an allowed field name';
    case 'enum': return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default: return e.message ?? 'is invalid';
  }
}
