// The words of a round's questionnaire as its respondents read them, for organizers' pages: a
// question's title and the text of a chosen answer, in the page's language (the form's default
// text when it has none in that language).
import type { FormRegistry } from '../forms/form-registry';
import type { Locale } from './i18n';

interface Question {
  title?: unknown;
  choices?: { value?: unknown; text?: unknown }[];
}

/** A SurveyJS text: a string, or { default, fr, es, … }. */
export function localizedText(value: unknown, l: Locale): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const byLocale = value as Record<string, unknown>;
    const text = byLocale[l] ?? byLocale.default ?? byLocale.en;
    return typeof text === 'string' ? text : undefined;
  }
  return undefined;
}

const cache = new WeakMap<object, Map<string, Question>>();

function questionsOf(forms: FormRegistry, form: { formId: string; formVersion: number }): Map<string, Question> {
  const loaded = forms.get(form.formId, form.formVersion);
  if (!loaded) return new Map();
  let questions = cache.get(loaded);
  if (questions) return questions;
  questions = new Map();
  const walk = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const e of elements as (Question & { name?: unknown; elements?: unknown })[]) {
      if (typeof e?.name === 'string') questions!.set(e.name, e);
      walk(e?.elements);
    }
  };
  for (const page of (loaded.json as { pages?: { elements?: unknown }[] }).pages ?? []) walk(page.elements);
  cache.set(loaded, questions);
  return questions;
}

export interface FormTexts {
  title(question: string): string | undefined;
  /** The text of the choice with this value; undefined when the question has none such. */
  choice(question: string, value: unknown): string | undefined;
}

export function formTexts(forms: FormRegistry, form: { formId: string; formVersion: number }, l: Locale): FormTexts {
  const questions = questionsOf(forms, form);
  return {
    title: (name) => localizedText(questions.get(name)?.title, l),
    choice: (name, value) => localizedText(questions.get(name)?.choices?.find((c) => c.value === value)?.text, l),
  };
}
