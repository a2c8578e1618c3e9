// The one ajv instance of the service: every request body, query, configuration and form
// metadata is checked with it, so formats and error reporting behave the same everywhere.
import Ajv, { type ErrorObject, type Schema, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeEs from 'ajv-i18n/localize/es';
import localizeFr from 'ajv-i18n/localize/fr';
import type { Locale } from '../i18n/locales';

// Strict about schema mistakes (unknown keywords), lenient where JSON Schema idioms need it.
export const ajv = new Ajv({
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  coerceTypes: false,
});
addFormats(ajv);

// Size bounds are checked first, alone, stopping at the first one broken: with allErrors, ajv
// runs every keyword over an oversized value anyway (uniqueItems over 43,000 items is quadratic)
// and reports one error per element, so the bounds must hold before the full validation runs.
const boundsAjv = new Ajv({ allErrors: false, strict: false });

const cache = new WeakMap<object, ValidateFunction>();

/** Compiles (once) the validator of a schema object; it checks the schema's size bounds first. */
export function compileSchema<T>(schema: Schema): ValidateFunction<T> {
  const key = schema as object;
  let fn = cache.get(key);
  if (!fn) {
    fn = boundsFirst(ajv.compile(schema), sizeBoundsOf(schema));
    cache.set(key, fn);
  }
  return fn as ValidateFunction<T>;
}

function boundsFirst(full: ValidateFunction, bounds: Record<string, unknown> | undefined): ValidateFunction {
  if (!bounds) return full;
  const checkBounds = boundsAjv.compile(bounds);
  const validate = ((data: unknown) => {
    const ok = checkBounds(data) && full(data);
    validate.errors = checkBounds.errors ?? full.errors;
    return ok;
  }) as ValidateFunction;
  return Object.assign(validate, { schema: full.schema, schemaEnv: full.schemaEnv });
}

const isSchemaObject = (s: unknown): s is Record<string, unknown> =>
  typeof s === 'object' && s !== null && !Array.isArray(s);
const sizeKeywords = ['maxItems', 'maxLength', 'maxProperties'];

/**
 * The schema reduced to its size bounds and the structure that leads to them (properties,
 * items, allOf…); undefined when it has none. Branches taken by choice (anyOf, oneOf, if) and
 * $refs are left to the full validation.
 */
export function sizeBoundsOf(schema: unknown): Record<string, unknown> | undefined {
  if (!isSchemaObject(schema)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of sizeKeywords) if (schema[k] !== undefined) out[k] = schema[k];
  for (const k of ['additionalProperties', 'additionalItems', 'propertyNames']) {
    const sub = sizeBoundsOf(schema[k]);
    if (sub) out[k] = sub;
  }
  for (const k of ['properties', 'patternProperties']) {
    if (!isSchemaObject(schema[k])) continue;
    const subs = Object.entries(schema[k]).map(([name, s]) => [name, sizeBoundsOf(s)] as const);
    // Every name is kept (as {}) so additionalProperties still means the same names.
    if (subs.some(([, s]) => s) || out.additionalProperties)
      out[k] = Object.fromEntries(subs.map(([name, s]) => [name, s ?? {}]));
  }
  if (Array.isArray(schema.items)) {
    const subs = schema.items.map(sizeBoundsOf);
    if (subs.some(Boolean) || out.additionalItems) out.items = subs.map((s) => s ?? {});
  } else {
    const sub = sizeBoundsOf(schema.items);
    if (sub) out.items = sub;
  }
  if (Array.isArray(schema.allOf)) {
    const subs = schema.allOf.map(sizeBoundsOf).filter(Boolean);
    if (subs.length) out.allOf = subs;
  }
  return Object.keys(out).length ? out : undefined;
}

export interface FieldError {
  field: string;
  /** In English; `fieldErrorIn` gives it in another language when it came from ajv. */
  message: string;
}

// The ajv error behind each field error, so that the answer can say it in the request's language
// (known only when the error is rendered); a WeakMap keeps FieldError a plain {field, message}.
const causes = new WeakMap<FieldError, ErrorObject>();

/** Turns ajv's errors into "field + message" pairs, the field as a dotted path under `root`. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, root: string): FieldError[] {
  // propertyNames failures come twice (the name's own error, then propertyNames): keep the latter.
  const named = (errors ?? [])
    .filter((e) => e.propertyName === undefined)
    .map((e) => {
      const segments = e.instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      if (e.keyword === 'required') segments.push(String(e.params.missingProperty));
      if (e.keyword === 'additionalProperties') segments.push(String(e.params.additionalProperty));
      if (e.keyword === 'propertyNames') segments.push(String(e.params.propertyName));
      const field = [root, ...segments].filter(Boolean).join('.');
      const fieldError = { field, message: describe(e, 'en') };
      causes.set(fieldError, e);
      return fieldError;
    });
  // One message per field: the first is the most telling (e.g. a bad name before "unknown field").
  const seen = new Set<string>();
  return named.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

/** A field error said in `locale`: ajv's are described again; others (survey-core's…) already are. */
export function fieldErrorIn(error: FieldError, locale: Locale): FieldError {
  const cause = causes.get(error);
  return cause && locale !== 'en' ? { ...error, message: describe(cause, locale) } : error;
}

// Our wording where the field path already names the property (ajv's would name it again) or
// where the allowed values help; ajv's own message (ajv-i18n's translation of it) otherwise.
const ownWords: Record<Locale, Record<string, (e: ErrorObject) => string>> = {
  en: {
    required: () => 'is required',
    additionalProperties: () => 'is not a known field',
    propertyNames: () => 'is not an allowed field name',
    enum: (e) => `must be one of ${allowedValues(e)}`,
  },
  fr: {
    required: () => 'est obligatoire',
    additionalProperties: () => "n'est pas un champ connu",
    propertyNames: () => "n'est pas un nom de champ permis",
    enum: (e) => `doit être l'une des valeurs ${allowedValues(e)}`,
  },
  es: {
    required: () => 'es obligatorio',
    additionalProperties: () => 'no es un campo conocido',
    propertyNames: () => 'no es un nombre de campo permitido',
    enum: (e) => `debe ser uno de los valores ${allowedValues(e)}`,
  },
};

const allowedValues = (e: ErrorObject) =>
  (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');

const ajvTranslations: Record<Exclude<Locale, 'en'>, (errors: ErrorObject[]) => void> = {
  fr: localizeFr,
  es: localizeEs,
};

function describe(e: ErrorObject, locale: Locale): string {
  const own = ownWords[locale][e.keyword];
  if (own) return own(e);
  if (locale === 'en') return e.message ?? 'is invalid';
  const copy = { ...e }; // ajv-i18n rewrites the message in place
  ajvTranslations[locale]([copy]);
  return copy.message ?? e.message ?? 'is invalid';
}
