// Server-side validation with the same survey-core version the browser runs: required
// answers, conditions (values of hidden questions are dropped) and the form's own validators.
// Validation is synchronous, so one model per form can be reused safely within this process;
// building a model is the expensive part (see scripts/bench-responses.ts).
import type { Locale } from '../i18n/locales';
import { Model } from 'survey-core';
import 'survey-core/i18n/french';
import 'survey-core/i18n/spanish';
import type { FieldError } from '../http/ajv';
import type { LoadedForm } from './form-registry';
import { checkPlainForm } from './plain-form';
import { registerCapgapProperties } from './survey-properties';

export interface SurveyCheck {
  /** The answers that count: those of visible questions only. */
  answers: Record<string, unknown>;
  errors: FieldError[];
}

interface PooledModel {
  model: Model;
  /** The answers a fresh model starts with (defaultValue), put back before each use. */
  defaults: Record<string, unknown>;
}

const pool = new WeakMap<LoadedForm, PooledModel>();

/**
 * A model holding exactly `answers` (plus defaults), as a fresh `new Model` + `mergeData`
 * would. Reusing one saves the model's construction; replacing `data` (rather than `clear()`,
 * which re-runs every condition for every reset value) keeps the reuse cheap.
 */
function modelWith(form: LoadedForm, answers: Record<string, unknown>, reuse: boolean): Model {
  registerCapgapProperties();
  if (!reuse) {
    const fresh = new Model(form.json);
    fresh.mergeData(answers);
    return fresh;
  }
  let pooled = pool.get(form);
  if (!pooled) {
    const model = new Model(form.json);
    pooled = { model, defaults: model.data };
    pool.set(form, pooled);
  }
  pooled.model.data = { ...pooled.defaults, ...answers };
  return pooled.model;
}

export function checkWithSurvey(
  form: LoadedForm,
  answers: Record<string, unknown>,
  locale: Locale,
  reuse = true,
): SurveyCheck {
  const model = modelWith(form, answers, reuse);
  const surveyLocale = locale === 'en' ? '' : locale;
  if (model.locale !== surveyLocale) model.locale = surveyLocale;
  model.validate(true, false);
  const errors: FieldError[] = [];
  const kept: Record<string, unknown> = {};
  for (const q of model.getAllQuestions(false)) {
    for (const e of q.errors) errors.push({ field: `answers.${q.name}`, message: e.getText() });
    const value = model.getValue(q.name);
    if (q.isVisible && q.isParentVisible && value !== undefined && value !== null) kept[q.name] = value;
  }
  return { answers: kept, errors };
}

/**
 * The server's check of a form's answers (after ajv): the plain-form fast path where it applies
 * (plain-form.ts), survey-core with the form's reused model otherwise.
 */
export function checkAnswers(form: LoadedForm, answers: Record<string, unknown>, locale: Locale): SurveyCheck {
  return checkPlainForm(form, answers, locale) ?? checkWithSurvey(form, answers, locale);
}
