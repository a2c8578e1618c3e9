// Listing the outbox for organizers, newest first, a page at a time, for all rounds or one.
// How it stays bounded on FerretDB (where anything but a lookup by _id reads every stored
// email): queueEmail appends each message's id to the sequence "outbox" (and to
// "outbox:round:<id>" for a round's messages); a page walks that sequence backwards from its
// newest number, reading `limit` refs and then `limit` emails by _id. The number of waiting
// messages comes from the due list, which holds only undelivered messages.
import { appendToSequence, latestInSequence, readSequence } from '../db/append-sequence';
import { OutboxDue } from './outbox-due.model';
import { OutboxRef } from './outbox-ref.model';
import { OutboxEmail } from './outbox.model';

export const outboxKey = (roundId?: string) => (roundId ? `outbox:round:${roundId}` : 'outbox');

/** Adds a just-queued message to the listing sequences (all messages, and its round's). */
export async function listInOutbox(emailId: string, roundId?: string): Promise<void> {
  for (const key of roundId ? [outboxKey(), outboxKey(roundId)] : [outboxKey()]) {
    await appendToSequence(OutboxRef, key, () => ({ emailId }));
  }
}

export interface OutboxListItem {
  id: string;
  to: string;
  template: string;
  locale: string;
  subject: string;
  status: string;
  attempts: number;
  lastError?: string;
  roundId?: string;
  createdAt?: Date;
  sentAt?: Date;
  retryAt?: Date;
}

export interface OutboxPage {
  emails: OutboxListItem[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: number;
}

export const maxOutboxPage = 100;

export async function listOutbox({
  roundId,
  before,
  limit = 50,
}: { roundId?: string; before?: number; limit?: number } = {}): Promise<OutboxPage> {
  const key = outboxKey(roundId);
  const top = before !== undefined ? before - 1 : await latestInSequence(OutboxRef, key);
  const size = Math.max(1, Math.min(limit, maxOutboxPage));
  const numbers: number[] = [];
  for (let n = top; n >= 1 && numbers.length < size; n--) numbers.push(n);
  const refs = await readSequence<{ emailId: unknown }>(OutboxRef, key, numbers);
  const emails = await Promise.all(
    refs.map((r) => (r ? OutboxEmail.findById(r.emailId, { html: 0, text: 0 }).lean() : null)),
  );
  const lowest = numbers[numbers.length - 1];
  return {
    emails: emails.flatMap((e) =>
      e
        ? [
            {
              id: String(e._id),
              to: e.to,
              template: e.template,
              locale: e.locale,
              subject: e.subject,
              status: e.status,
              attempts: e.attempts,
              lastError: e.lastError ?? undefined,
              roundId: e.roundId ? String(e.roundId) : undefined,
              createdAt: e.createdAt,
              sentAt: e.sentAt ?? undefined,
              retryAt: e.retryAt ?? undefined,
            },
          ]
        : [],
    ),
    ...(lowest !== undefined && lowest > 1 ? { next: lowest } : {}),
  };
}

/** One message with its rendered text and HTML, for a preview; undefined when unknown. */
export async function getOutboxEmail(id: string) {
  if (!/^[0-9a-f]{24}$/.test(id)) return undefined;
  return (await OutboxEmail.findById(id).lean()) ?? undefined;
}

/** Messages not yet delivered (the due list is small: undelivered messages only). */
export function countWaitingEmails(): Promise<number> {
  return OutboxDue.estimatedDocumentCount();
}
