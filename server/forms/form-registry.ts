// Loads every questionnaire under forms/ (forms/<formId>/v<version>.json) once at start.
// A broken form stops the service with the file and the problem named: better no service
// than respondents answering a questionnaire that cannot be validated or scored.
import fs from 'node:fs';
import path from 'node:path';
import { Model } from 'survey-core';
import { ajv, toFieldErrors } from '../http/ajv';
import { deriveAnswerSchema, type AnswerSchema } from './answer-schema';
import { lintForm } from './form-lint';
import { formMetadataSchema, type FormPurpose } from './form-metadata.schema';
import { ScoringModelError, scoringModelOf, type ScoringModel } from '../scoring/scoring-model';
import { registerCapgapProperties } from './survey-properties';

export interface FormQuestion {
  name: string;
  type: string;
  [key: string]: unknown;
}

export interface FormJson {
  formId: string;
  formVersion: number;
  title: unknown;
  pages: { name: string; elements: FormQuestion[] }[];
  [key: string]: unknown;
}

export interface LoadedForm {
  formId: string;
  formVersion: number;
  file: string;
  json: FormJson;
  answerSchema: AnswerSchema;
  /** The indicators, areas and weights its capgap metadata declares (server/scoring). */
  scoringModel: ScoringModel;
  /** Takes anonymous answers (POST /api/forms/:formId/responses, /r/:formId): capgapOpenResponses. */
  openResponses: boolean;
  /** What it is for (capgapPurpose): 'capacity' unless it says otherwise. */
  purpose: FormPurpose;
}

export class FormError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`form ${file}: ${problem}`);
  }
}

const checkMetadata = ajv.compile(formMetadataSchema);

export function loadForm(file: string): LoadedForm {
  registerCapgapProperties();
  let json: FormJson;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new FormError(file, `not readable JSON (${(err as Error).message})`);
  }
  if (!checkMetadata(json)) {
    const first = toFieldErrors(checkMetadata.errors, '')
      .slice(0, 5)
      .map((e) => `${e.field || '(root)'} ${e.message}`);
    throw new FormError(file, first.join('; '));
  }
  const expected = `${json.formId}${path.sep}v${json.formVersion}.json`;
  if (!file.endsWith(expected)) throw new FormError(file, `formId/formVersion say it should be at forms/${expected}`);

  const names = new Set<string>();
  for (const q of json.pages.flatMap((p) => p.elements)) {
    if (names.has(q.name)) throw new FormError(file, `question name "${q.name}" is used twice`);
    names.add(q.name);
  }
  const model = new Model(json);
  if (model.jsonErrors?.length) {
    throw new FormError(file, `SurveyJS cannot read it: ${model.jsonErrors.map((e) => e.message).join('; ')}`);
  }
  const problems = lintForm(json);
  if (problems.length) throw new FormError(file, problems.join('; '));
  let scoringModel: ScoringModel;
  try {
    scoringModel = scoringModelOf(json);
  } catch (err) {
    // Inconsistent scoring metadata stops the start, like any other mistake in a form.
    if (err instanceof ScoringModelError) throw new FormError(file, err.message);
    throw err;
  }
  return {
    formId: json.formId,
    formVersion: json.formVersion,
    file,
    json,
    answerSchema: deriveAnswerSchema(json),
    scoringModel,
    openResponses: json.capgapOpenResponses === true,
    purpose: (json.capgapPurpose as FormPurpose | undefined) ?? 'capacity',
  };
}

export class FormRegistry {
  private readonly versions = new Map<string, LoadedForm[]>();

  constructor(forms: LoadedForm[]) {
    for (const form of forms) {
      const list = this.versions.get(form.formId) ?? [];
      list.push(form);
      list.sort((a, b) => a.formVersion - b.formVersion);
      this.versions.set(form.formId, list);
    }
  }

  /** The latest version of a form, or a given version. */
  get(formId: string, version?: number): LoadedForm | undefined {
    const list = this.versions.get(formId);
    if (!list) return undefined;
    return version === undefined ? list[list.length - 1] : list.find((f) => f.formVersion === version);
  }

  /** Every version of every form. */
  all(): LoadedForm[] {
    return [...this.versions.values()].flat();
  }

  /** The latest version of each form. */
  list(): LoadedForm[] {
    return [...this.versions.values()].map((list) => list[list.length - 1]);
  }
}

export function loadFormsFolder(dir: string): FormRegistry {
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(dir, d.name))
        .filter((f) => f.endsWith('.json'))
        .map((f) => path.join(dir, d.name, f)),
    );
  if (files.length === 0) throw new FormError(dir, 'no forms found');
  return new FormRegistry(files.map(loadForm));
}
