// Area names in en/fr/es for explanations, taken from the capacity questionnaire's page titles
// ("A2 Analysis and Migration Profiles") so that partners read the names respondents saw. Pure:
// the caller passes the form JSON it already loaded; explanations receive the result as data.
import type { MatchingLocale } from './explain';

export type AreaNames = Readonly<Record<string, Readonly<Record<MatchingLocale, string>>>>;

interface FormLike {
  pages?: readonly { title?: unknown; elements?: unknown }[];
}

const localized = (title: unknown, locale: MatchingLocale): string | undefined => {
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const t = title as Record<string, unknown>;
    const v = t[locale] ?? t.default;
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
};

/** The title of each page that holds an area's questions (their `capgapArea`), in three languages. */
export function areaNamesFromForm(form: FormLike): AreaNames {
  const out: Record<string, Record<MatchingLocale, string>> = {};
  for (const page of form.pages ?? []) {
    const elements = Array.isArray(page.elements) ? (page.elements as { capgapArea?: unknown }[]) : [];
    const area = elements.find((e) => typeof e?.capgapArea === 'string')?.capgapArea as string | undefined;
    const en = localized(page.title, 'en');
    if (!area || out[area] || !en) continue;
    out[area] = { en, fr: localized(page.title, 'fr') ?? en, es: localized(page.title, 'es') ?? en };
  }
  return out;
}
