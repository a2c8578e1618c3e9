// The language of a request: an explicit choice first, then the browser's Accept-Language.
import type { Request } from 'express';
import { isSupportedLocale, supportedLocales, type Locale } from '../forms/survey-validation';

export function requestLocale(req: Request, explicit?: unknown): Locale {
  if (isSupportedLocale(explicit)) return explicit;
  const accepted = req.acceptsLanguages(...supportedLocales);
  return isSupportedLocale(accepted) ? accepted : 'en';
}
