// Reading and writing country responses as revisions (country-response.model.ts); the only
// code that touches those models. The latest revision is found by _id alone: the pointer copy
// says where to start, then revisions are looked up one number higher until one is missing.
// Revision numbers have no gaps (revision N+1 is only ever inserted by a writer that read N),
// so the first missing number ends the search. Normally that is two reads by _id.
import type { Locale } from '../i18n/locales';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../db/claim-number';
import { inParallel } from '../db/in-parallel';
import type { ResponseStatus } from './response-status';
import {
  CountryResponse,
  CountryResponseRevision,
  countryResponseId,
  countryResponseRevisionId,
} from './country-response.model';

export interface StoredResponse {
  roundId: Types.ObjectId | string;
  country: string;
  formId: string;
  formVersion: number;
  status: ResponseStatus;
  revision: number;
  answers: Record<string, unknown>;
  answeredAt: Record<string, string>;
  savedAt: Date;
  savedVia?: string;
  locale?: Locale;
  submittedAt?: Date;
  /** The link it came through and its client address (a reference: privacy/client-addresses.ts);
   *  revisions stored before addresses were kept apart hold `ip` and `userAgent` inline. */
  submittedBy?: { invitationId?: string; clientAddress?: string; ip?: string; userAgent?: string };
  reopenedAt?: Date;
  reopenedBy?: string;
  /** Every submission and review step so far, oldest first (each revision carries the whole list). */
  history?: ResponseEvent[];
}

/** Who moved a response on: an organizer's account, or a country link (never its token). */
export interface EventActor {
  kind: 'account' | 'link';
  id: string;
  label?: string;
}

/** One transition of a response: the status it led to, who, when, and the reviewer's comments. */
export interface ResponseEvent {
  action: 'submit' | 'resubmit' | 'approve' | 'return' | 'reopen';
  status: ResponseStatus;
  revision: number;
  at: Date;
  by: EventActor;
  comment?: string;
  /** Stored as a list: question names are not used as field names. */
  questionComments?: { question: string; comment: string }[];
}

/** The stored fields only: no _id, nor what older versions of the pointer copy held. */
function fieldsOf({
  _id,
  __v,
  createdAt,
  updatedAt,
  ...doc
}: StoredResponse & { _id?: unknown; __v?: unknown; createdAt?: unknown; updatedAt?: unknown }): StoredResponse {
  return doc;
}

const readRevision = (roundId: string, country: string, revision: number) =>
  CountryResponseRevision.findById(countryResponseRevisionId(roundId, country, revision)).lean<StoredResponse>();

/**
 * Points the copy at `latest`. Best effort, and not conditional (a condition besides _id would
 * make FerretDB read the whole collection): a slow writer may move it back to its own older
 * revision, which costs readers one more lookup and loses nothing.
 */
export async function moveResponsePointer(latest: StoredResponse): Promise<void> {
  await CountryResponse.replaceOne({ _id: countryResponseId(String(latest.roundId), latest.country) }, latest, {
    upsert: true,
  });
}

/** From a known revision (or none), the newest stored one; the pointer is caught up if it lagged. */
async function probeFrom(
  roundId: string,
  country: string,
  start: StoredResponse | null,
): Promise<StoredResponse | null> {
  let latest = start;
  for (let n = (start?.revision ?? 0) + 1; ; n++) {
    const next = await readRevision(roundId, country, n);
    if (!next) break;
    latest = fieldsOf(next);
  }
  // Caught up so that the next reader starts here; a failure only leaves the work to them.
  if (latest && latest !== start) await moveResponsePointer(latest).catch(() => undefined);
  return latest;
}

/** The latest revision of a country's response, or null when nothing was saved yet. */
export async function findLatestResponse(roundId: string, country: string): Promise<StoredResponse | null> {
  const pointer = await CountryResponse.findById(countryResponseId(roundId, country)).lean<StoredResponse>();
  return probeFrom(roundId, country, pointer && fieldsOf(pointer));
}

/** The latest revision of each of these countries' responses (those with none are left out). */
export async function findLatestResponses(roundId: string, countries: readonly string[]): Promise<StoredResponse[]> {
  const latest = await inParallel(countries, (country) => findLatestResponse(roundId, country));
  return latest.filter((r): r is StoredResponse => r !== null);
}

/** One revision of a country's response as stored, or null when there is no such revision. */
export async function findResponseRevision(
  roundId: string,
  country: string,
  revision: number,
): Promise<StoredResponse | null> {
  const doc = await readRevision(roundId, country, revision);
  return doc && fieldsOf(doc);
}

/** Stores `doc` as its revision; false when that revision exists already (another writer's). */
export async function insertResponseRevision(doc: StoredResponse): Promise<boolean> {
  try {
    await CountryResponseRevision.create({
      ...doc,
      _id: countryResponseRevisionId(String(doc.roundId), doc.country, doc.revision),
    });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
