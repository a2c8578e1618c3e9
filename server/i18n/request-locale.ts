// The language of an HTTP request: an explicit choice first, then its Accept-Language.
import type { Request } from 'express';
import { negotiateLocale, type Locale } from './locales';

export function requestLocale(req: Request, explicit?: unknown): Locale {
  return negotiateLocale(explicit, (...languages) => req.acceptsLanguages(...languages));
}
