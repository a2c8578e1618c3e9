// Reading and writing a declaration's revisions (declaration.model.ts): the latest by a few
// lookups by _id however many revisions there are, the next one by a unique insert.
import { insertInSequence, latestInSequence, sequenceEntryId } from '../db/append-sequence';
import { DeclarationHead, DeclarationRevision } from './declaration.model';
import type { ResponseStatus } from '../responses/response-status';
import type { Locale } from '../i18n/locales';

export interface DeclarationEvent {
  action: 'prefill' | 'submit' | 'resubmit' | 'approve' | 'return';
  status: ResponseStatus;
  revision: number;
  at: Date;
  by: { kind: 'link' | 'account'; id: string };
  comment?: string;
}

export interface StoredDeclaration {
  partnerId: string;
  revision: number;
  formId: string;
  formVersion: number;
  status: ResponseStatus;
  answers: Record<string, unknown>;
  answeredAt: Record<string, string>;
  savedAt: Date;
  submittedAt?: Date;
  locale?: Locale;
  savedBy: string;
  history: DeclarationEvent[];
}

const sequenceKey = (partnerId: string) => `declaration:${partnerId}`;

export async function findLatestDeclaration(partnerId: string): Promise<StoredDeclaration | null> {
  const key = sequenceKey(partnerId);
  const n = await latestInSequence(DeclarationRevision, key);
  if (!n) return null;
  return DeclarationRevision.findById(sequenceEntryId(key, n), { _id: 0 }).lean<StoredDeclaration>();
}

/** Stores `next` as its revision; false when someone stored that revision first. */
export async function insertDeclarationRevision(next: StoredDeclaration): Promise<boolean> {
  const stored = await insertInSequence(DeclarationRevision, sequenceKey(next.partnerId), next.revision, next);
  // The head's status is for listing only: a lost update here is corrected by the next write.
  if (stored)
    await DeclarationHead.updateOne({ _id: next.partnerId }, { $set: { status: next.status } }, { upsert: true });
  return stored;
}

export interface Invitee {
  organization: string;
  name: string;
  email: string;
  language: Locale;
}

export interface DeclarationHeadView {
  partnerId: string;
  invitee?: Invitee;
  linkIds: string[];
  status?: ResponseStatus;
  updatedAt: Date;
}

/** Records a link sent (the newest 20 are kept), and who was invited for a new organization. */
export async function addDeclarationLink(partnerId: string, linkId: string, invitee?: Invitee): Promise<void> {
  await DeclarationHead.updateOne(
    { _id: partnerId },
    { $push: { linkIds: { $each: [linkId], $slice: -20 } }, ...(invitee && { $set: { invitee } }) },
    { upsert: true },
  );
}

export async function findDeclarationHead(partnerId: string): Promise<DeclarationHeadView | null> {
  const doc = await DeclarationHead.findById(partnerId).lean();
  return doc ? headView(doc) : null;
}

/** Every declaration (one per organization invited: a small collection). */
export async function listDeclarationHeads(): Promise<DeclarationHeadView[]> {
  return (await DeclarationHead.find().lean()).map(headView);
}

function headView(doc: {
  _id: string;
  invitee?: { [K in keyof Invitee]?: Invitee[K] | null } | null;
  linkIds?: string[];
  status?: string | null;
  updatedAt: Date;
}): DeclarationHeadView {
  return {
    partnerId: doc._id,
    ...(doc.invitee?.email && { invitee: doc.invitee as Invitee }),
    linkIds: doc.linkIds ?? [],
    ...(doc.status && { status: doc.status as ResponseStatus }),
    updatedAt: doc.updatedAt,
  };
}
