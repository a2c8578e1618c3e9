// Which renderer writes which template: the letters of templates.ts, and those with texts of
// their own file (review-email.ts). What the outbox calls to render any message.
import type { Locale } from '../i18n/locales';
import type { EmailTemplate } from './outbox.model';
import { renderReturnedEmail } from './review-email';
import { renderEmail, type RenderedEmail, type TemplateData } from './templates';

export function renderAnyEmail(template: EmailTemplate, locale: Locale, data: TemplateData): RenderedEmail {
  return template === 'returned' ? renderReturnedEmail(locale, data) : renderEmail(template, locale, data);
}
