// Putting a message in the outbox: the one way any feature sends email. The message is
// rendered now (subject, text, HTML in the recipient's language) and stored; the outbox worker
// delivers it.
import type { Locale } from '../forms/survey-validation';
import { OutboxEmail, type EmailTemplate } from './outbox.model';
import { renderEmail, type TemplateData } from './templates';

export interface EmailToQueue {
  to: string;
  template: EmailTemplate;
  locale: Locale;
  data: TemplateData;
  roundId?: string;
  focalPointId?: string;
  /** Not before this time (default now). */
  dueAt?: Date;
}

export async function queueEmail(email: EmailToQueue): Promise<string> {
  const { subject, text, html } = renderEmail(email.template, email.locale, email.data);
  const doc = await OutboxEmail.create({
    to: email.to,
    template: email.template,
    locale: email.locale,
    subject,
    text,
    html,
    roundId: email.roundId,
    focalPointId: email.focalPointId,
    dueAt: email.dueAt ?? new Date(),
  });
  return String(doc._id);
}
