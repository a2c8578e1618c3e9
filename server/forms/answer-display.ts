// A response's answers as reviewers read them: page by page, each visible question with its
// number, title and answer as SurveyJS shows them in one language (choice texts, not codes),
// and which questions are evidence. Read through a survey-core model, as the browser would,
// so conditions, numbering and the questionnaire's own translations apply unchanged.
import { Model, type Question } from 'survey-core';
import type { Locale } from '../i18n/locales';
import type { LoadedForm } from './form-registry';
import { registerCapgapProperties } from './survey-properties';

export interface DisplayedQuestion {
  name: string;
  /** "3." as the questionnaire numbers it ('' when unnumbered). */
  number: string;
  title: string;
  /** The answer as the respondent saw it chosen or typed; '' when not answered. */
  answer: string;
  /** A question asking for the evidence behind the indicator just before it. */
  evidence: boolean;
}

export interface DisplayedPage {
  name: string;
  title: string;
  questions: DisplayedQuestion[];
}

function answerText(question: Question): string {
  if (question.isEmpty()) return '';
  const shown: unknown = question.displayValue;
  if (Array.isArray(shown)) return shown.join(', ');
  if (shown !== null && typeof shown === 'object') return JSON.stringify(shown);
  return String(shown ?? '');
}

/** The pages and questions that hold answers (html blocks left out), in the given language. */
export function displayAnswers(form: LoadedForm, answers: Record<string, unknown>, locale: Locale): DisplayedPage[] {
  registerCapgapProperties();
  const model = new Model(form.json);
  model.locale = locale === 'en' ? '' : locale;
  model.data = answers;
  return model.pages
    .map((page) => ({
      name: page.name,
      title: page.processedTitle || page.name,
      questions: page.questions
        .filter((q) => q.isVisible && q.getType() !== 'html')
        .map((q) => ({
          name: q.name,
          number: q.no ?? '',
          title: q.processedTitle || q.name,
          answer: answerText(q),
          evidence: (q as Question & { capgapRole?: string }).capgapRole === 'evidence',
        })),
    }))
    .filter((p) => p.questions.length > 0);
}
