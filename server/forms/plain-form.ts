// A fast path for "plain" forms: forms in which survey-core, given answers that already passed
// the ajv shape check, can only ever report missing required answers and fill in defaults.
// The capacity questionnaire is one: no conditions, no validators, no panels. For those, the
// check takes microseconds instead of ~20 ms through a survey-core model (see
// scripts/bench-responses.ts). A form is plain only if every key of the form, its pages and its
// questions is on the lists below — any condition, validator or other behaviour sends it back to
// survey-core (survey-validation.ts). test/unit/plain-form.test.ts checks, with generated answer
// sets, that both paths give the same errors, messages and kept answers.
import { Helpers, surveyLocalization } from 'survey-core';
import type { FieldError } from '../http/ajv';
import type { LoadedForm } from './form-registry';
import type { Locale } from '../i18n/locales';
import type { SurveyCheck } from './survey-validation';

const formKeys = new Set(['title', 'description', 'formId', 'formVersion', 'showQuestionNumbers', 'pages']);
const pageKeys = new Set(['name', 'title', 'description', 'elements']);
const questionKeys = new Set(['type', 'name', 'title', 'description', 'isRequired', 'defaultValue']);
/** Per question type, the keys that change nothing about validation once ajv has checked the shape. */
const typeKeys: Record<string, Set<string>> = {
  radiogroup: new Set(['choices']),
  dropdown: new Set(['choices']),
  rating: new Set(['rateMin', 'rateMax']),
  text: new Set(['maxLength']), // no inputType: a number or date input would add range checks
  comment: new Set(['maxLength']),
  html: new Set(['html']),
};
const isCapgapKey = (key: string) => key.startsWith('capgap');

interface PlainQuestion {
  name: string;
  required: boolean;
  defaultValue: unknown;
}

type Json = Record<string, unknown>;

const onlyKeys = (obj: Json, allowed: (key: string) => boolean) => Object.keys(obj).every(allowed);

/** The questions of a plain form, in order; null when survey-core must check the form. */
export function plainQuestions(json: Json): PlainQuestion[] | null {
  if (!onlyKeys(json, (k) => formKeys.has(k)) || !Array.isArray(json.pages)) return null;
  const questions: PlainQuestion[] = [];
  for (const page of json.pages as Json[]) {
    if (!onlyKeys(page, (k) => pageKeys.has(k))) return null;
    for (const q of (page.elements ?? []) as Json[]) {
      const own = typeKeys[String(q.type)];
      if (!own || !onlyKeys(q, (k) => questionKeys.has(k) || own.has(k) || isCapgapKey(k))) return null;
      if (q.type === 'html') continue; // no value
      if (q.isRequired !== undefined && typeof q.isRequired !== 'boolean') return null;
      questions.push({ name: String(q.name), required: q.isRequired === true, defaultValue: q.defaultValue });
    }
  }
  return questions;
}

const cache = new WeakMap<LoadedForm, PlainQuestion[] | null>();

/** survey-core's own notion of an empty answer (a required one may not be only spaces). */
const isEmptyAnswer = (value: unknown) => Helpers.isValueEmpty(typeof value === 'string' ? value.trim() : value);

/** The check of a plain form, or null when the form is not plain. */
export function checkPlainForm(form: LoadedForm, answers: Record<string, unknown>, locale: Locale): SurveyCheck | null {
  if (!cache.has(form)) cache.set(form, plainQuestions(form.json as Json));
  const questions = cache.get(form);
  if (!questions) return null;
  const errors: FieldError[] = [];
  const kept: Record<string, unknown> = {};
  for (const q of questions) {
    const value = answers[q.name] !== undefined ? answers[q.name] : q.defaultValue;
    if (q.required && isEmptyAnswer(value))
      errors.push({ field: `answers.${q.name}`, message: surveyLocalization.getString('requiredError', locale) });
    if (value !== undefined && value !== null) kept[q.name] = value;
  }
  return { answers: kept, errors };
}
