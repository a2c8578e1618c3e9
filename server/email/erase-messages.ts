// A person's messages in the outbox history, for the export and the erasure of their personal
// data. Read by filter: the whole outbox on FerretDB, which is fine for these rare admin actions
// and never on a hot path. A message to the person keeps its record (template, status, times)
// with the pseudonym as its recipient and its content replaced; a message to someone else that
// names the person (an introduction lists both sides' contacts) keeps its content with the
// person's address and names replaced by the pseudonym.
import type { Types } from 'mongoose';
import { OutboxDue } from './outbox-due.model';
import { OutboxEmail } from './outbox.model';

export interface PersonInMessages {
  email: string;
  /** Their names as written in messages (replaced where they appear in others' messages). */
  names: readonly string[];
}

/** Which messages: those of one round or focal point, or of some templates; all when empty. */
export interface MessageScope {
  roundId?: string;
  focalPointId?: string;
  templates?: readonly string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

type StoredMessage = {
  _id: Types.ObjectId;
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  status: string;
  roundId?: unknown;
  focalPointId?: unknown;
  lastError?: string;
};

/** Messages to the address or naming it, as stored (case of the address ignored). */
function findMessages(email: string) {
  const address = new RegExp(escapeRegExp(email), 'i');
  return OutboxEmail.find({ $or: [{ to: email }, { text: address }, { html: address }, { lastError: address }] })
    .sort({ _id: 1 })
    .lean<StoredMessage[]>();
}

const inScope = (m: StoredMessage, scope: MessageScope) =>
  (!scope.templates || scope.templates.includes(m.template)) &&
  (!(scope.roundId || scope.focalPointId) ||
    (scope.roundId !== undefined && String(m.roundId) === scope.roundId) ||
    (scope.focalPointId !== undefined && String(m.focalPointId) === scope.focalPointId));

/** Every stored message to or naming the address, without its HTML (the export). */
export async function messagesAbout(email: string) {
  return (await findMessages(email)).map(({ html: _html, ...m }) => m);
}

/** Replaces the person's address and names (as written, and HTML-escaped) with the pseudonym. */
function replacer(person: PersonInMessages, pseudonym: string): (s: string) => string {
  const words = [person.email, ...person.names.filter((n) => n.trim().length > 1)].flatMap((w) => [w, escapeHtml(w)]);
  const pattern = new RegExp(
    [...new Set(words)]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'gi',
  );
  return (s: string) => s.replace(pattern, pseudonym);
}

/**
 * Erases the person from the messages in scope; returns how many messages changed. A message
 * not yet delivered is taken off the due list first, so it is never sent to the pseudonym.
 * Running it again finds nothing left to change.
 */
export async function erasePersonFromMessages(
  person: PersonInMessages,
  pseudonym: string,
  scope: MessageScope = {},
): Promise<number> {
  const replace = replacer(person, pseudonym);
  let changed = 0;
  for (const m of await findMessages(person.email)) {
    if (!inScope(m, scope)) continue;
    const toThem = m.to.toLowerCase() === person.email.toLowerCase();
    if (toThem && m.status === 'queued') await OutboxDue.deleteOne({ _id: m._id });
    const erased = `(erased: the personal data of ${pseudonym})`;
    await OutboxEmail.updateOne(
      { _id: m._id },
      {
        $set: toThem
          ? {
              to: pseudonym,
              subject: erased,
              text: erased,
              html: `<p>${erased}</p>`,
              ...(m.status === 'queued'
                ? { status: 'failed', lastError: 'erased before delivery' }
                : m.lastError
                  ? { lastError: replace(m.lastError) }
                  : {}),
            }
          : {
              subject: replace(m.subject),
              text: replace(m.text),
              html: replace(m.html),
              ...(m.lastError ? { lastError: replace(m.lastError) } : {}),
            },
      },
    );
    changed++;
  }
  return changed;
}
