// The console's language: `?lang=` (remembered in a `lang` cookie), then the cookie, then the
// browser's Accept-Language; English when none of en, fr, es fits.
import type { Request, Response } from 'express';
import { isSupportedLocale, type Locale } from '../i18n/locales';
import { requestLocale } from '../i18n/request-locale';

export type { Locale };
/** One text in the three languages. */
export type Text = Readonly<Record<Locale, string>>;

export const langCookie = 'lang';

export function consoleLocale(req: Request, res: Response): Locale {
  const asked: unknown = req.query.lang;
  if (isSupportedLocale(asked)) {
    res.cookie(langCookie, asked, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86_400_000 });
    return asked;
  }
  const remembered: unknown = req.cookies?.[langCookie];
  return requestLocale(req, remembered);
}

/** Dates as people read them, in the page's language and in UTC (the service's clock). */
export function formatDateTime(date: Date | string | undefined | null, locale: Locale): string {
  if (!date) return '—';
  return (
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
      new Date(date),
    ) + ' UTC'
  );
}
