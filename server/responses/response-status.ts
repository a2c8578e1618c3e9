// The states of a country's response and what each allows: the one place where the literal
// statuses are named. Other features ask these functions rather than compare strings.
//   draft ──submit──▶ submitted ──approve──▶ approved
//                         │                     │
//                       return                reopen ──▶ draft
//                         ▼
//                     returned ──(drafts)──submit──▶ resubmitted ──approve/return──▶ …
// A submitted or resubmitted response can also be reopened (back to draft).
export const responseStatuses = ['draft', 'submitted', 'returned', 'resubmitted', 'approved'] as const;
export type ResponseStatus = (typeof responseStatuses)[number];
/** A country that saved nothing yet. */
export type ResponseStatusOrNew = ResponseStatus | 'new';

/** The country still has to act: nothing sent yet, a draft, or sent back with comments. */
export function awaitsRespondent(status: ResponseStatusOrNew | undefined): boolean {
  return status === undefined || status === 'new' || status === 'draft' || status === 'returned';
}

/** Sent and not yet reviewed: what organizers may approve or return. */
export function awaitsReview(status: ResponseStatusOrNew | undefined): boolean {
  return status === 'submitted' || status === 'resubmitted';
}

export function isApproved(status: ResponseStatusOrNew | undefined): boolean {
  return status === 'approved';
}

/** Answers frozen as sent by the country (under review or approved): links may not change them. */
export function hasSubmittedAnswers(status: ResponseStatusOrNew | undefined): boolean {
  return awaitsReview(status) || isApproved(status);
}

/** What a submit turns a response into: a second submission after a return is a resubmission. */
export function statusAfterSubmit(status: ResponseStatusOrNew | undefined): ResponseStatus {
  return status === 'returned' ? 'resubmitted' : 'submitted';
}
