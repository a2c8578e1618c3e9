// Use cases of a country's response: read it, save a draft, submit, reopen. Every write names
// the revision it started from and first claims the next revision number (a unique insert,
// server/db/revision-claim.ts), so two colleagues saving at once can never overwrite each other
// silently: the second gets 409 with the current state and merges
// (server/respondent/public/draft-merge.js).
import { isDeepStrictEqual } from 'node:util';
import { claimRevision } from '../db/revision-claim';
import { AppError } from '../http/problem';
import type { FormRegistry } from '../forms/form-registry';
import type { Locale } from '../forms/survey-validation';
import type { ResolvedLink } from '../invitations/links';
import { CountryResponse, countryResponseId } from './country-response.model';
import { assertAnswerShape, assertAnswersAreValid, findFormOrReject } from './submit-response';

export interface ResponseState {
  status: 'new' | 'draft' | 'submitted';
  revision: number;
  answers: Record<string, unknown>;
  answeredAt: Record<string, string>;
  savedAt?: Date;
  submittedAt?: Date;
}

export interface Write {
  answers: Record<string, unknown>;
  baseRevision: number;
  locale?: Locale;
}

export interface Writer {
  invitationId: string;
  ip?: string;
  userAgent?: string;
}

type Doc = {
  status: string;
  revision: number;
  answers: Record<string, unknown>;
  answeredAt: Record<string, string>;
  savedAt: Date;
  submittedAt?: Date | null;
};

function toState(doc: Doc | null): ResponseState {
  if (!doc) return { status: 'new', revision: 0, answers: {}, answeredAt: {} };
  return {
    status: doc.status as ResponseState['status'],
    revision: doc.revision,
    answers: doc.answers,
    answeredAt: doc.answeredAt,
    savedAt: doc.savedAt,
    ...(doc.submittedAt && { submittedAt: doc.submittedAt }),
  };
}

export async function getResponseState(roundId: string, country: string): Promise<ResponseState> {
  return toState(await CountryResponse.findById(countryResponseId(roundId, country)).lean<Doc>());
}

/** New change times: now for every answer that differs from the stored one, the old time otherwise. */
function stampChanges(before: ResponseState, answers: Record<string, unknown>, now: Date): Record<string, string> {
  const stamps: Record<string, string> = {};
  for (const name of new Set([...Object.keys(before.answers), ...Object.keys(answers)])) {
    const changed = !isDeepStrictEqual(before.answers[name], answers[name]);
    if (changed) stamps[name] = now.toISOString();
    else if (before.answeredAt[name]) stamps[name] = before.answeredAt[name];
  }
  return stamps;
}

function rejectStale(current: ResponseState): never {
  if (current.status === 'submitted') throw new AppError('alreadySubmitted', undefined, [], { extra: { current } });
  throw new AppError('staleRevision', 'Merge your changes with the current answers and save again', [], { extra: { current } });
}

/** Claims the response's next revision for `by` (server/db/revision-claim.ts). */
function claimNextRevision(id: string, current: ResponseState, by: string, now: Date): Promise<number | null> {
  return claimRevision({ scope: 'response', model: CountryResponse, docId: id, current: current.revision, by, now });
}

/**
 * Writes the answers as the revision after `baseRevision`, or refuses with 409 and the
 * current state (`current`: as the caller just read it). The claim decides between concurrent
 * writers; the write itself is by _id.
 */
async function writeRevision(link: ResolvedLink, current: ResponseState, write: Write, fields: Record<string, unknown>, by: string): Promise<ResponseState> {
  const id = countryResponseId(link.round.id, link.country.iso3);
  if (current.status === 'submitted' || current.revision !== write.baseRevision) rejectStale(current);
  const now = new Date();
  const revision = await claimNextRevision(id, current, by, now);
  if (revision === null) rejectStale(await getResponseState(link.round.id, link.country.iso3));
  const next = {
    ...fields,
    answers: write.answers,
    answeredAt: stampChanges(current, write.answers, now),
    revision,
    savedAt: now,
    ...(write.locale && { locale: write.locale }),
  };
  if (current.status === 'new') {
    const created = await CountryResponse.create({
      _id: id,
      roundId: link.round.id,
      country: link.country.iso3,
      formId: link.round.formId,
      formVersion: link.round.formVersion,
      status: 'draft',
      ...next,
    });
    return toState(created.toObject() as Doc);
  }
  const updated = await CountryResponse.findByIdAndUpdate(id, { $set: next }, { returnDocument: 'after' }).lean<Doc>();
  return toState(updated);
}

export async function saveDraft(forms: FormRegistry, link: ResolvedLink, write: Write, writer: Writer): Promise<ResponseState> {
  const form = findFormOrReject(forms, link.round.formId, link.round.formVersion);
  assertAnswerShape(form, write.answers); // drafts may be incomplete, never malformed
  return writeRevision(link, await getResponseState(link.round.id, link.country.iso3), write, { savedVia: writer.invitationId }, writer.invitationId);
}

/**
 * Validates the whole response (survey-core: required answers, conditions; hidden answers
 * dropped) and freezes it. Submitting again returns the same result.
 */
export async function submitResponse(forms: FormRegistry, link: ResolvedLink, write: Write, writer: Writer, locale: Locale): Promise<ResponseState> {
  const current = await getResponseState(link.round.id, link.country.iso3);
  if (current.status === 'submitted') return current;
  const form = findFormOrReject(forms, link.round.formId, link.round.formVersion);
  const answers = assertAnswersAreValid(form, write.answers, locale);
  const now = new Date();
  try {
    return await writeRevision(link, current, { ...write, answers }, { status: 'submitted', submittedAt: now, submittedBy: writer, savedVia: writer.invitationId }, writer.invitationId);
  } catch (err) {
    // A colleague's identical submit may have won the race: same result for both.
    const after = await getResponseState(link.round.id, link.country.iso3);
    if (after.status === 'submitted') return after;
    throw err;
  }
}

/** An organizer sends a submitted response back to draft so the country can change it. */
export async function reopenResponse(roundId: string, country: string, organizerEmail: string): Promise<ResponseState> {
  const id = countryResponseId(roundId, country);
  const current = await getResponseState(roundId, country);
  if (current.status === 'new') throw new AppError('notFound', `No response from ${country} in this round`);
  if (current.status !== 'submitted') throw new AppError('conflict', 'This response is not submitted; there is nothing to reopen');
  const now = new Date();
  const revision = await claimNextRevision(id, current, organizerEmail, now);
  if (revision === null) throw new AppError('conflict', 'This response changed meanwhile; load it again');
  const reopened = await CountryResponse.findByIdAndUpdate(id, { $set: { status: 'draft', revision, reopenedAt: now, reopenedBy: organizerEmail } }, { returnDocument: 'after' }).lean<Doc>();
  return toState(reopened);
}
