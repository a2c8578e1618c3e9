// Derives from a questionnaire the JSON Schema of its answer set: one property per question
// that takes an answer, typed by question type (choices, scale ranges, text lengths). Unknown
// keys are refused. It is published at GET /api/forms/:formId/answer-schema and checked by ajv
// before survey-core checks what only SurveyJS knows (required answers, conditions, validators).
import type { FormJson, FormQuestion } from './form-registry';

export type JsonSchema = Record<string, unknown>;

export interface AnswerSchema extends JsonSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
}

// Lengths when the form gives none: generous for a real answer, far below the body limit.
const defaultTextLength = 2000;
const defaultCommentLength = 10000;

type Choice = { value: unknown } | string | number;

function choiceValues(q: FormQuestion): unknown[] {
  const values = ((q.choices as Choice[] | undefined) ?? []).map((c) => (typeof c === 'object' ? c.value : c));
  if (q.showOtherItem || q.hasOther) values.push('other');
  if (q.showNoneItem || q.hasNone) values.push('none');
  return values;
}

function questionSchema(q: FormQuestion): JsonSchema | undefined {
  switch (q.type) {
    case 'html':
      return undefined;
    case 'radiogroup':
    case 'dropdown':
      return { enum: choiceValues(q) };
    case 'checkbox':
    case 'tagbox':
      return { type: 'array', maxItems: choiceValues(q).length, uniqueItems: true, items: { enum: choiceValues(q) } };
    case 'rating': {
      const values = q.rateValues as Choice[] | undefined;
      if (values?.length) return { enum: values.map((v) => (typeof v === 'object' ? v.value : v)) };
      return {
        type: 'integer',
        minimum: (q.rateMin as number | undefined) ?? 1,
        maximum: (q.rateMax as number | undefined) ?? 5,
      };
    }
    case 'boolean':
      return q.valueTrue !== undefined ? { enum: [q.valueTrue, q.valueFalse] } : { type: 'boolean' };
    case 'comment':
      return { type: 'string', maxLength: (q.maxLength as number | undefined) || defaultCommentLength };
    case 'text':
      if (q.inputType === 'number') {
        return {
          type: 'number',
          ...(q.min !== undefined && { minimum: Number(q.min) }),
          ...(q.max !== undefined && { maximum: Number(q.max) }),
        };
      }
      return { type: 'string', maxLength: (q.maxLength as number | undefined) || defaultTextLength };
    default:
      throw new Error(`question type ${q.type} has no answer schema`);
  }
}

export function deriveAnswerSchema(form: FormJson): AnswerSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const q of form.pages.flatMap((p) => p.elements)) {
    const schema = questionSchema(q);
    if (schema) properties[q.name] = schema;
  }
  return {
    type: 'object',
    additionalProperties: false,
    // Also refuse by name what could never be a question: $-operators, dotted paths, __proto__.
    // No longer than the longest question name: a longer one could not be a question either.
    propertyNames: {
      pattern: '^[A-Za-z][A-Za-z0-9_-]*$',
      maxLength: Math.max(1, ...Object.keys(properties).map((n) => n.length)),
    },
    properties,
  };
}
