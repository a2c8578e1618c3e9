// Use cases of reviewing a country's response: approve, return with comments, reopen. Each step
// is the next revision of the response (same answers, new status, one more history event), so
// the insert that stores it is the claim: of two reviewers acting on the same revision, one
// wins and the other gets 409 with the state the winner left.
import { AppError } from '../http/problem';
import { findLatestResponse, type EventActor, type ResponseEvent, type StoredResponse } from './country-response-store';
import { storeNextRevision, toState, type ResponseState } from './country-responses';
import { awaitsReview, hasSubmittedAnswers, type ResponseStatus } from './response-status';
import { notifyResponseApproved } from '../webhooks/webhook-events';

export interface ReturnInput {
  comment: string;
  /** Question name → comment; every name must be a question of the round's form. */
  questionComments?: Record<string, string>;
}

type Review = Pick<ResponseEvent, 'action' | 'comment' | 'questionComments'> & { status: ResponseStatus };

async function loadOrReject(roundId: string, country: string): Promise<StoredResponse> {
  const stored = await findLatestResponse(roundId, country);
  if (!stored)
    throw new AppError('notAwaitingReview', `${country} has not answered yet`, [], {
      extra: { current: toState(null) },
    });
  return stored;
}

function rejectState(stored: StoredResponse | null, detail: string): never {
  throw new AppError('notAwaitingReview', detail, [], { extra: { current: toState(stored) } });
}

/** Stores the review step on top of `stored`, or 409 with the current state when another step came first. */
async function storeReview(stored: StoredResponse, review: Review, by: EventActor): Promise<ResponseState> {
  const now = new Date();
  const { status, ...fields } = review;
  const event: ResponseEvent = { ...fields, status, revision: stored.revision + 1, at: now, by };
  const extra = review.action === 'reopen' ? { reopenedAt: now, reopenedBy: by.label ?? by.id } : {};
  const next = await storeNextRevision(stored, { status, history: [...(stored.history ?? []), event], ...extra }, now);
  if (!next)
    rejectState(
      await findLatestResponse(String(stored.roundId), stored.country),
      'This response changed meanwhile; here is its current state',
    );
  return toState(next);
}

export async function approveResponse(roundId: string, country: string, by: EventActor): Promise<ResponseState> {
  const stored = await loadOrReject(roundId, country);
  if (!awaitsReview(stored.status))
    rejectState(stored, `This response is ${stored.status}; only a submitted response can be approved`);
  const approved = await storeReview(stored, { action: 'approve', status: 'approved' }, by);
  await notifyResponseApproved(roundId, country, approved);
  return approved;
}

/** `input` is checked already (schema, and question names against the form: see returnCommentErrors). */
export async function returnResponse(
  roundId: string,
  country: string,
  input: ReturnInput,
  by: EventActor,
): Promise<ResponseState> {
  const stored = await loadOrReject(roundId, country);
  if (!awaitsReview(stored.status))
    rejectState(stored, `This response is ${stored.status}; only a submitted response can be returned`);
  const questionComments = Object.entries(input.questionComments ?? {}).map(([question, comment]) => ({
    question,
    comment,
  }));
  return storeReview(
    stored,
    {
      action: 'return',
      status: 'returned',
      comment: input.comment,
      ...(questionComments.length && { questionComments }),
    },
    by,
  );
}

/** An organizer sends a submitted or approved response back to draft so the country can change it. */
export async function reopenResponse(roundId: string, country: string, by: EventActor): Promise<ResponseState> {
  const stored = await loadOrReject(roundId, country);
  if (!hasSubmittedAnswers(stored.status))
    rejectState(stored, `This response is ${stored.status}; there is nothing to reopen`);
  return storeReview(stored, { action: 'reopen', status: 'draft' }, by);
}

/** The question names of `input` that the form lacks (`questionNames` are the form's). */
export function unknownCommentedQuestions(input: ReturnInput, questionNames: ReadonlySet<string>): string[] {
  return Object.keys(input.questionComments ?? {}).filter((name) => !questionNames.has(name));
}
