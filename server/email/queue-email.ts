// Putting a message in the outbox: the one way any feature sends email. The message is
// rendered now (subject, text, HTML in the recipient's language) and stored; the outbox worker
// delivers it.
import { Types } from 'mongoose';
import type { Locale } from '../i18n/locales';
import { listInOutbox } from './list-outbox';
import { OutboxDue } from './outbox-due.model';
import { OutboxEmail, type EmailTemplate, type StoredEmailTemplate } from './outbox.model';
import { renderAnyEmail } from './render-email';
import type { RenderedEmail, TemplateData } from './templates';

export type { EmailTemplate };

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

/**
 * Two inserts, due entry first: the message is queued once its OutboxEmail exists. If the
 * second insert fails (the caller gets the error), the entry points at nothing and the worker
 * drops it (see dropOrphan in outbox-claim.ts), so nothing is sent that the caller saw fail.
 */
export async function queueEmail(email: EmailToQueue): Promise<string> {
  const { data, ...rest } = email;
  return queueRenderedEmail({ ...rest, rendered: renderAnyEmail(email.template, email.locale, data) });
}

export interface RenderedEmailToQueue extends Omit<EmailToQueue, 'template' | 'data'> {
  template: StoredEmailTemplate;
  rendered: RenderedEmail;
}

/** The same, for a message its feature rendered already (e.g. an introduction). */
export async function queueRenderedEmail(email: RenderedEmailToQueue): Promise<string> {
  const { subject, text, html } = email.rendered;
  const _id = new Types.ObjectId();
  const dueAt = email.dueAt ?? new Date();
  await OutboxDue.create({ _id, dueAt, attempts: 0 });
  // Listed before it exists: a ref to a message whose insert then failed is skipped when listing.
  await listInOutbox(String(_id), email.roundId);
  await OutboxEmail.create({
    _id,
    to: email.to,
    template: email.template,
    locale: email.locale,
    subject,
    text,
    html,
    roundId: email.roundId,
    focalPointId: email.focalPointId,
    dueAt,
  });
  return String(_id);
}
