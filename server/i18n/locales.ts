// The languages of the service — questionnaires, emails, pages and messages — in one place:
// the list, the type, and how a request's language is chosen.
export const supportedLocales = ['en', 'fr', 'es'] as const;
export type Locale = (typeof supportedLocales)[number];

export const isSupportedLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);

/** An explicit choice first (a ?lang=, a stored preference), then the browser's languages, then English. */
export function negotiateLocale(explicit: unknown, accepts: (...languages: string[]) => string | false): Locale {
  if (isSupportedLocale(explicit)) return explicit;
  const accepted = accepts(...supportedLocales);
  return isSupportedLocale(accepted) ? accepted : 'en';
}
