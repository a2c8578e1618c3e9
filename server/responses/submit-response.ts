// Use case: someone submits an answer set to an open questionnaire (no round, no drafts), and
// the checks every submission goes through. Shape first (ajv, against the schema derived
// from the form), then meaning (survey-core), then one insert: nothing is stored unless all
// of it passed.
import { findFormOrReject } from '../forms/find-form';
import { compileSchema, toFieldErrors } from '../http/ajv';
import { AppError } from '../http/problem';
import type { FormRegistry, LoadedForm } from '../forms/form-registry';
import { checkAnswers } from '../forms/survey-validation';
import type { Locale } from '../i18n/locales';
import { ResponseDoc } from './response.model';
import type { ResponseSubmission } from './response.schemas';

export interface StoredResponse {
  id: string;
  formId: string;
  formVersion: number;
  submittedAt: Date;
}

/** Types, choices, ranges, lengths, known question names: what even a draft must respect. */
export function assertAnswerShape(form: LoadedForm, answers: Record<string, unknown>): void {
  const checkShape = compileSchema(form.answerSchema);
  if (!checkShape(answers))
    throw new AppError('invalidAnswers', undefined, toFieldErrors(checkShape.errors, 'answers'));
}

/** The shape, then survey-core's verdict on the whole set; returns the answers that count. */
export function assertAnswersAreValid(
  form: LoadedForm,
  answers: Record<string, unknown>,
  locale: Locale,
): Record<string, unknown> {
  assertAnswerShape(form, answers);
  const checked = checkAnswers(form, answers, locale);
  if (checked.errors.length) throw new AppError('invalidAnswers', undefined, checked.errors);
  return checked.answers;
}

export async function submitOpenResponse(
  forms: FormRegistry,
  formId: string,
  submission: ResponseSubmission,
  locale: Locale,
): Promise<StoredResponse> {
  const form = findFormOrReject(forms, formId, submission.formVersion);
  const answers = assertAnswersAreValid(form, submission.answers, locale);
  const doc = await ResponseDoc.create({
    formId: form.formId,
    formVersion: form.formVersion,
    locale,
    country: submission.country,
    answers,
    submittedAt: new Date(),
  });
  return { id: String(doc._id), formId: doc.formId, formVersion: doc.formVersion, submittedAt: doc.submittedAt };
}

/** The newest open (anonymous) answers to a form, at most `limit`. */
export async function listOpenResponses(formId: string, limit: number) {
  return ResponseDoc.find({ formId }).sort({ submittedAt: -1 }).limit(limit).lean();
}
