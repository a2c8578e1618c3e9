// The columns of a response export: who and when, then one column per question, headed by its
// title and showing choice labels, both in the chosen language.
import type { FormJson, FormQuestion } from '../forms/form-registry';
import type { Locale } from '../i18n/locales';
import type { Column } from './table-writer';

export interface ResponseRow {
  country: string;
  countryName: string;
  status: string;
  revision: number;
  savedAt?: Date;
  submittedAt?: Date;
  answers: Record<string, unknown>;
}

type Localized = string | Record<string, string> | undefined;

/** The text of a SurveyJS localizable string in a locale, falling back to the default. */
export function localize(text: Localized, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.default ?? Object.values(text)[0] ?? '';
}

type Choice = { value: unknown; text?: Localized } | string | number;

function choiceLabels(q: FormQuestion, locale: Locale): Map<string, string> {
  const labels = new Map<string, string>();
  for (const c of (q.choices as Choice[] | undefined) ?? []) {
    if (typeof c === 'object') labels.set(JSON.stringify(c.value), localize(c.text, locale) || String(c.value));
    else labels.set(JSON.stringify(c), String(c));
  }
  return labels;
}

function answerLabel(value: unknown, labels: Map<string, string>): string | number | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => labels.get(JSON.stringify(v)) ?? String(v)).join('; ');
  if (labels.size) return labels.get(JSON.stringify(value)) ?? String(value);
  return typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
}

const headers = {
  country: { en: 'Country', fr: 'Pays', es: 'País' },
  iso3: { en: 'ISO code', fr: 'Code ISO', es: 'Código ISO' },
  status: { en: 'Status', fr: 'Statut', es: 'Estado' },
  revision: { en: 'Revision', fr: 'Révision', es: 'Revisión' },
  savedAt: { en: 'Last saved', fr: 'Dernier enregistrement', es: 'Último guardado' },
  submittedAt: { en: 'Submitted', fr: 'Soumis', es: 'Enviado' },
};

export function responseColumns(form: FormJson, locale: Locale): Column<ResponseRow>[] {
  const fixed: Column<ResponseRow>[] = [
    { header: headers.iso3[locale], value: (r) => r.country, width: 8 },
    { header: headers.country[locale], value: (r) => r.countryName, width: 20 },
    { header: headers.status[locale], value: (r) => r.status, width: 10 },
    { header: headers.revision[locale], value: (r) => r.revision, width: 8 },
    { header: headers.savedAt[locale], value: (r) => r.savedAt?.toISOString(), width: 22 },
    { header: headers.submittedAt[locale], value: (r) => r.submittedAt?.toISOString(), width: 22 },
  ];
  const questions = form.pages.flatMap((p) => p.elements).filter((q) => q.type !== 'html');
  return [
    ...fixed,
    ...questions.map((q): Column<ResponseRow> => {
      const labels = choiceLabels(q, locale);
      return {
        header: `${localize(q.title as Localized, locale) || q.name} [${q.name}]`,
        value: (r) => answerLabel(r.answers[q.name], labels),
        width: 30,
      };
    }),
  ];
}
