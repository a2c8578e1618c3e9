// Use cases of a country's response: read it, list a round's, save a draft, submit (review
// steps are in review-response.ts).
// Every write names the revision it started from and is stored as the next revision under an
// _id of its own (country-response-store.ts): that insert is the claim, so two colleagues
// saving at once can never overwrite each other, and a writer that stalls or dies leaves
// nothing to wait for. The one refused gets 409 with the current state and merges
// (server/respondent/public/draft-merge.js).
import { isDeepStrictEqual } from 'node:util';
import { AppError, problemDetails } from '../http/problem';
import type { FormRegistry } from '../forms/form-registry';
import type { Locale } from '../i18n/locales';
import type { ResolvedLink } from '../invitations/links';
import {
  findLatestResponse,
  findLatestResponses,
  findResponseRevision,
  insertResponseRevision,
  moveResponsePointer,
  type ResponseEvent,
  type StoredResponse,
} from './country-response-store';
import { findFormOrReject } from '../forms/find-form';
import { hasSubmittedAnswers, statusAfterSubmit, type ResponseStatusOrNew } from './response-status';
import { assertAnswerShape, assertAnswersAreValid } from './submit-response';
import { responseWriteFaults } from './write-faults';
import { notifyResponseSubmitted } from '../webhooks/webhook-events';

export interface ResponseState {
  status: ResponseStatusOrNew;
  revision: number;
  answers: Record<string, unknown>;
  answeredAt: Record<string, string>;
  savedAt?: Date;
  submittedAt?: Date;
  /** While the response is returned: the reviewer's comments, overall and by question name. */
  review?: ReturnComments;
}

export interface ReturnComments {
  comment: string;
  questionComments: Record<string, string>;
  at: Date;
}

/** A transition as the API shows it (question comments by question name). */
export type ResponseEventView = Omit<ResponseEvent, 'questionComments'> & { questionComments?: Record<string, string> };

/** A country's response as listed for a round (exports, overview, status, reminders). */
export interface CountryResponseState extends ResponseState {
  country: string;
}

export interface Write {
  answers: Record<string, unknown>;
  baseRevision: number;
  locale?: Locale;
}

export interface Writer {
  invitationId: string;
  /** The reference of the request's client address (privacy/request-address.ts). */
  clientAddress?: string;
}

export function eventView({ questionComments, ...event }: ResponseEvent): ResponseEventView {
  return {
    ...event,
    ...(questionComments && {
      questionComments: Object.fromEntries(questionComments.map((c) => [c.question, c.comment])),
    }),
  };
}

/** The comments the country must see: those of the return that made the response 'returned'. */
function returnCommentsOf(doc: StoredResponse): ReturnComments | undefined {
  if (doc.status !== 'returned') return undefined;
  const last = [...(doc.history ?? [])].reverse().find((e) => e.action === 'return');
  if (!last) return undefined;
  return { comment: last.comment ?? '', questionComments: eventView(last).questionComments ?? {}, at: last.at };
}

export function toState(doc: StoredResponse | null): ResponseState {
  if (!doc) return { status: 'new', revision: 0, answers: {}, answeredAt: {} };
  const review = returnCommentsOf(doc);
  return {
    status: doc.status,
    revision: doc.revision,
    answers: doc.answers,
    answeredAt: doc.answeredAt,
    savedAt: doc.savedAt,
    ...(doc.submittedAt && { submittedAt: doc.submittedAt }),
    ...(review && { review }),
  };
}

export async function getResponseState(roundId: string, country: string): Promise<ResponseState> {
  return toState(await findLatestResponse(roundId, country));
}

/** The response with its history of submissions and reviews (who, when, comments), for organizers. */
export async function getResponseWithHistory(
  roundId: string,
  country: string,
): Promise<ResponseState & { history: ResponseEventView[] }> {
  const doc = await findLatestResponse(roundId, country);
  return { ...toState(doc), history: (doc?.history ?? []).map(eventView) };
}

/** The answers of one revision (e.g. the one a score snapshot was computed from); {} when there is none. */
export async function getAnswersAtRevision(
  roundId: string,
  country: string,
  revision: number,
): Promise<Record<string, unknown>> {
  return (await findResponseRevision(roundId, country, revision))?.answers ?? {};
}

/**
 * The responses of a round's countries (those not started are left out), by country code.
 * Reads by _id what these countries need, however many other rounds are stored.
 */
export async function listCountryResponses(round: {
  _id: unknown;
  countries: readonly { iso3: string }[];
}): Promise<CountryResponseState[]> {
  const countries = round.countries.map((c) => c.iso3).sort();
  const stored = await findLatestResponses(String(round._id), countries);
  return stored.map((doc) => ({ country: doc.country, ...toState(doc) }));
}

/** New change times: now for every answer that differs from the stored one, the old time otherwise. */
export function stampChanges(
  before: ResponseState,
  answers: Record<string, unknown>,
  now: Date,
): Record<string, string> {
  const stamps: Record<string, string> = {};
  for (const name of new Set([...Object.keys(before.answers), ...Object.keys(answers)])) {
    const changed = !isDeepStrictEqual(before.answers[name], answers[name]);
    if (changed) stamps[name] = now.toISOString();
    else if (before.answeredAt[name]) stamps[name] = before.answeredAt[name];
  }
  return stamps;
}

function rejectStale(current: ResponseState): never {
  if (hasSubmittedAnswers(current.status))
    throw new AppError('alreadySubmitted', undefined, [], { extra: { current } });
  throw new AppError('staleRevision', problemDetails.mergeAndSaveAgain, [], {
    extra: { current },
  });
}

/** The fields of a response's first revision. */
function firstRevisionOf(link: ResolvedLink): Omit<StoredResponse, 'revision' | 'answers' | 'answeredAt' | 'savedAt'> {
  return {
    roundId: link.round.id,
    country: link.country.iso3,
    formId: link.round.formId,
    formVersion: link.round.formVersion,
    status: 'draft',
  };
}

/**
 * Stores `changes` on top of `base` as the next revision, or returns null when another writer
 * stored that revision first. The pointer is moved after the insert; the insert alone decides.
 */
export async function storeNextRevision(
  base: Omit<StoredResponse, 'revision' | 'answers' | 'answeredAt' | 'savedAt'> & Partial<StoredResponse>,
  changes: Partial<StoredResponse>,
  now: Date,
): Promise<StoredResponse | null> {
  const next = { ...base, ...changes, revision: (base.revision ?? 0) + 1, savedAt: now } as StoredResponse;
  await responseWriteFaults.beforeStore(next.revision);
  if (!(await insertResponseRevision(next))) return null;
  await responseWriteFaults.beforePointerMove(next.revision);
  await moveResponsePointer(next);
  return next;
}

/**
 * Writes the answers as the revision after `write.baseRevision`, or refuses with 409 and the
 * current state: when the response moved on since the writer read it, or when another writer
 * stores that same revision first.
 */
async function writeAnswers(
  link: ResolvedLink,
  stored: StoredResponse | null,
  write: Write,
  fields: Partial<StoredResponse>,
): Promise<ResponseState> {
  const current = toState(stored);
  if (hasSubmittedAnswers(current.status) || current.revision !== write.baseRevision) rejectStale(current);
  const now = new Date();
  const changes = {
    ...fields,
    answers: write.answers,
    answeredAt: stampChanges(current, write.answers, now),
    ...(write.locale && { locale: write.locale }),
  };
  const written = await storeNextRevision(stored ?? firstRevisionOf(link), changes, now);
  if (!written) rejectStale(await getResponseState(link.round.id, link.country.iso3));
  return toState(written);
}

export async function saveDraft(
  forms: FormRegistry,
  link: ResolvedLink,
  write: Write,
  writer: Writer,
): Promise<ResponseState> {
  const form = findFormOrReject(forms, link.round.formId, link.round.formVersion);
  assertAnswerShape(form, write.answers); // drafts may be incomplete, never malformed
  const stored = await findLatestResponse(link.round.id, link.country.iso3);
  return writeAnswers(link, stored, write, { savedVia: writer.invitationId });
}

/**
 * Validates the whole response (survey-core: required answers, conditions; hidden answers
 * dropped) and freezes it. Submitting the same answers again returns the same result; other
 * answers on a submitted response get 409, even when both submits came at the same moment.
 */
export async function submitResponse(
  forms: FormRegistry,
  link: ResolvedLink,
  write: Write,
  writer: Writer,
  locale: Locale,
): Promise<ResponseState> {
  const form = findFormOrReject(forms, link.round.formId, link.round.formVersion);
  const answers = assertAnswersAreValid(form, write.answers, locale);
  const alreadyDone = (state: ResponseState) =>
    hasSubmittedAnswers(state.status) && isDeepStrictEqual(state.answers, answers);
  const stored = await findLatestResponse(link.round.id, link.country.iso3);
  if (alreadyDone(toState(stored))) return toState(stored);
  let submitted: ResponseState;
  try {
    const now = new Date();
    const status = statusAfterSubmit(stored?.status);
    const event: ResponseEvent = {
      action: status === 'resubmitted' ? 'resubmit' : 'submit',
      status,
      revision: (stored?.revision ?? 0) + 1,
      at: now,
      by: { kind: 'link', id: writer.invitationId },
    };
    const history = [...(stored?.history ?? []), event];
    submitted = await writeAnswers(
      link,
      stored,
      { ...write, answers },
      { status, submittedAt: now, submittedBy: writer, savedVia: writer.invitationId, history },
    );
  } catch (err) {
    // A colleague's identical submit may have won the race: same result for both.
    const after = await getResponseState(link.round.id, link.country.iso3);
    if (alreadyDone(after)) return after;
    throw err;
  }
  // Outside the try: a failure to record the event is not a lost race.
  await notifyResponseSubmitted(link.round.id, link.country.iso3, submitted);
  return submitted;
}
