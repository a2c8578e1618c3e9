// Use cases of partner self-declaration. Organizers send a partner (or an organization not yet
// in the registry) a personal link; the partner answers the partner-offer questionnaire with
// autosave (drafts on a base revision, 409 and merge on conflict, as countries do) and submits;
// an organizer then approves (the offer replaces the registry entry, or creates it) or returns
// it with a comment. Nothing a partner declares counts before an organizer approves it.
// The states are those of a country's response (responses/response-status.ts).
import { isDeepStrictEqual } from 'node:util';
import { Types } from 'mongoose';
import { AppError, problemDetails } from '../http/problem';
import type { FormRegistry, LoadedForm } from '../forms/form-registry';
import type { Locale } from '../i18n/locales';
import {
  createPartnerLink,
  linkStates,
  revokeLink,
  type LinkState,
  type ResolvedPartnerLink,
} from '../invitations/links';
import { assertAnswerShape, assertAnswersAreValid } from '../responses/submit-response';
import {
  awaitsReview,
  hasSubmittedAnswers,
  statusAfterSubmit,
  type ResponseStatusOrNew,
} from '../responses/response-status';
import { answersFromOffer } from '../partners/partner-offer';
import { stampChanges, type ResponseState } from '../responses/country-responses';
import { createPartner, findPartner, referenceVocabulary, updatePartner, type PartnerView } from '../partners/partners';
import type { PartnerInput } from '../partners/partner.schemas';
import { queueRenderedEmail } from '../email/queue-email';
import { renderDeclarationEmail } from '../email/declaration-email';
import { checkDeclaredOffer } from './declared-offer';
import {
  addDeclarationLink,
  findDeclarationHead,
  findLatestDeclaration,
  insertDeclarationRevision,
  listDeclarationHeads,
  type DeclarationEvent,
  type Invitee,
  type StoredDeclaration,
} from './declaration-store';

export const declarationFormId = 'partner-offer';
/** How long a declaration link works. */
export const declarationLinkDays = 60;

/** The same states and fields as a country's response: the page and its protocol are shared. */
export type DeclarationState = ResponseState;

export interface DeclarationWrite {
  answers: Record<string, unknown>;
  baseRevision: number;
  locale?: Locale;
}

export function declarationForm(forms: FormRegistry): LoadedForm {
  const form = forms.get(declarationFormId);
  if (!form) throw new AppError('formNotFound', `No form ${declarationFormId}`);
  return form;
}

function toState(doc: StoredDeclaration | null): DeclarationState {
  if (!doc) return { status: 'new', revision: 0, answers: {}, answeredAt: {} };
  const returned = doc.status === 'returned' ? [...doc.history].reverse().find((e) => e.action === 'return') : null;
  return {
    status: doc.status,
    revision: doc.revision,
    answers: doc.answers,
    answeredAt: doc.answeredAt,
    savedAt: doc.savedAt,
    ...(doc.submittedAt && { submittedAt: doc.submittedAt }),
    ...(returned && { review: { comment: returned.comment ?? '', questionComments: {}, at: returned.at } }),
  };
}

function rejectStale(current: DeclarationState): never {
  if (hasSubmittedAnswers(current.status))
    throw new AppError('alreadySubmitted', problemDetails.declarationSubmitted, [], { extra: { current } });
  throw new AppError('staleRevision', problemDetails.mergeAndSaveAgain, [], {
    extra: { current },
  });
}

/** Stores the revision after `previous` with `changes`; null when another writer stored it first. */
async function storeNext(
  form: LoadedForm,
  partnerId: string,
  previous: StoredDeclaration | null,
  changes: Partial<StoredDeclaration> & { savedBy: string },
): Promise<StoredDeclaration | null> {
  const next: StoredDeclaration = {
    partnerId,
    formId: form.formId,
    formVersion: form.formVersion,
    status: 'draft',
    answers: {},
    answeredAt: {},
    history: [],
    ...previous,
    ...changes,
    revision: (previous?.revision ?? 0) + 1,
    savedAt: new Date(),
  };
  return (await insertDeclarationRevision(next)) ? next : null;
}

// ---- organizers ----------------------------------------------------------------------------

export interface SentLink {
  partnerId: string;
  linkId: string;
  sentTo: string;
  expiresAt: Date;
  emailId: string;
}

/**
 * Sends a declaration link to an existing partner's contact (the first, or the one named). When
 * the partner has no declaration in progress, one is started from its registry entry, so it
 * reviews what the registry says rather than starting blank.
 */
export async function sendDeclarationLink(
  forms: FormRegistry,
  partnerId: string,
  options: { contactEmail?: string },
  by: string,
  publicUrl: string,
): Promise<SentLink> {
  const partner = await findPartner(partnerId);
  if (!partner) throw new AppError('notFound', 'No such partner');
  const wanted = options.contactEmail?.toLowerCase();
  const contact = wanted ? partner.contacts.find((c) => c.email === wanted) : partner.contacts[0];
  if (!contact)
    throw new AppError('unprocessable', 'Not a contact of this partner', [
      { field: 'body.contactEmail', message: 'is not one of the partner’s contacts' },
    ]);
  await prefillFromRegistry(forms, partner, by);
  return sendLink(partnerId, partner.name[contact.language] ?? partner.name.en, contact, publicUrl);
}

/** Invites an organization not yet in the registry: it gets its partner id now. */
export async function inviteOrganization(invitee: Invitee, publicUrl: string): Promise<SentLink> {
  const partnerId = String(new Types.ObjectId());
  return sendLink(partnerId, invitee.organization, invitee, publicUrl, invitee);
}

async function sendLink(
  partnerId: string,
  organization: string,
  to: { name: string; email: string; language: Locale },
  publicUrl: string,
  invitee?: Invitee,
): Promise<SentLink> {
  const expiresAt = new Date(Date.now() + declarationLinkDays * 86_400_000);
  const link = await createPartnerLink({ partnerId, language: to.language, sentTo: to.email, expiresAt });
  await addDeclarationLink(partnerId, link.id, invitee);
  const emailId = await queueRenderedEmail({
    to: to.email,
    template: 'declaration',
    locale: to.language,
    rendered: renderDeclarationEmail(to.language, {
      name: to.name,
      organization,
      link: `${publicUrl}/declare/${link.token}`,
      expiresAt,
    }),
  });
  return { partnerId, linkId: link.id, sentTo: to.email, expiresAt, emailId };
}

async function prefillFromRegistry(forms: FormRegistry, partner: PartnerView, by: string): Promise<void> {
  const latest = await findLatestDeclaration(partner.id);
  if (latest && latest.status !== 'approved') return; // in progress: leave it as the partner left it
  const form = declarationForm(forms);
  const answers = answersFromOffer(partner);
  const revision = (latest?.revision ?? 0) + 1;
  const event: DeclarationEvent = { action: 'prefill', status: 'draft', revision, at: new Date(), by: account(by) };
  await storeNext(form, partner.id, latest, {
    status: 'draft',
    answers,
    answeredAt: stampChanges(toState(latest), answers, new Date()),
    savedBy: by,
    history: [...(latest?.history ?? []), event],
  });
}

const account = (id: string) => ({ kind: 'account' as const, id });

export interface DeclarationSummary {
  partnerId: string;
  /** The registry's name, or the invited organization's. */
  name: string;
  inRegistry: boolean;
  status: ResponseStatusOrNew;
  updatedAt: Date;
}

/** Every declaration, those awaiting review first. */
export async function listDeclarations(): Promise<DeclarationSummary[]> {
  const heads = await listDeclarationHeads();
  const partners = await Promise.all(heads.map((h) => findPartner(h.partnerId)));
  return heads
    .map((h, i) => ({
      partnerId: h.partnerId,
      name: partners[i]?.name.en ?? h.invitee?.organization ?? h.partnerId,
      inRegistry: partners[i] !== null,
      status: (h.status ?? 'new') as ResponseStatusOrNew,
      updatedAt: h.updatedAt,
    }))
    .sort((a, b) => Number(awaitsReview(b.status)) - Number(awaitsReview(a.status)) || a.name.localeCompare(b.name));
}

export interface DeclarationDetail extends DeclarationState {
  partnerId: string;
  partner: PartnerView | null;
  invitee?: Invitee;
  /** The offer the answers make (what approval would store), once submitted. */
  offer?: PartnerInput;
  history: DeclarationEvent[];
  links: LinkState[];
}

export async function getDeclaration(partnerId: string): Promise<DeclarationDetail> {
  const head = await findDeclarationHead(partnerId);
  if (!head) throw new AppError('notFound', 'No declaration for this partner');
  const [latest, partner, links] = await Promise.all([
    findLatestDeclaration(partnerId),
    findPartner(partnerId),
    linkStates([...head.linkIds].reverse()),
  ]);
  const state = toState(latest);
  const known = await referenceVocabulary();
  return {
    partnerId,
    ...state,
    partner,
    ...(head.invitee && { invitee: head.invitee }),
    ...(hasSubmittedAnswers(state.status) && { offer: checkDeclaredOffer(state.answers, known, 'en').offer }),
    history: latest?.history ?? [],
    links,
  };
}

/** Withdraws one of the partner's declaration links. */
export async function revokeDeclarationLink(partnerId: string, linkId: string): Promise<void> {
  const head = await findDeclarationHead(partnerId);
  if (!head?.linkIds.includes(linkId)) throw new AppError('notFound', 'No such link for this partner');
  await revokeLink(linkId);
}

async function reviewStep(
  forms: FormRegistry,
  partnerId: string,
  expectedRevision: number | undefined,
  step: (latest: StoredDeclaration) => Promise<Partial<StoredDeclaration> & { savedBy: string }>,
): Promise<DeclarationState> {
  const latest = await findLatestDeclaration(partnerId);
  if (
    !latest ||
    !awaitsReview(latest.status) ||
    (expectedRevision !== undefined && expectedRevision !== latest.revision)
  )
    throw new AppError('notAwaitingReview', undefined, [], { extra: { current: toState(latest) } });
  const written = await storeNext(declarationForm(forms), partnerId, latest, await step(latest));
  if (!written)
    throw new AppError('notAwaitingReview', undefined, [], {
      extra: { current: toState(await findLatestDeclaration(partnerId)) },
    });
  return toState(written);
}

/** The declared offer counts: it replaces the registry entry, or creates it for a new organization. */
export async function approveDeclaration(
  forms: FormRegistry,
  partnerId: string,
  by: string,
  expectedRevision?: number,
): Promise<{ declaration: DeclarationState; partner: PartnerView }> {
  let partner: PartnerView | null = null;
  const declaration = await reviewStep(forms, partnerId, expectedRevision, async (latest) => {
    const { offer, errors } = checkDeclaredOffer(latest.answers, await referenceVocabulary(), 'en');
    if (errors.length) throw new AppError('unprocessable', 'The declared offer does not hold any more', errors);
    partner = (await findPartner(partnerId))
      ? await updatePartner(partnerId, offer, by)
      : await createPartner(offer, by, partnerId);
    const revision = latest.revision + 1;
    return {
      status: 'approved',
      savedBy: by,
      history: [
        ...latest.history,
        { action: 'approve', status: 'approved', revision, at: new Date(), by: account(by) },
      ],
    };
  });
  return { declaration, partner: partner! };
}

/** Back to the partner with a comment; it can change its answers and submit again. */
export async function returnDeclaration(
  forms: FormRegistry,
  partnerId: string,
  comment: string,
  by: string,
  expectedRevision?: number,
): Promise<DeclarationState> {
  return reviewStep(forms, partnerId, expectedRevision, async (latest) => ({
    status: 'returned',
    savedBy: by,
    history: [
      ...latest.history,
      { action: 'return', status: 'returned', revision: latest.revision + 1, at: new Date(), by: account(by), comment },
    ],
  }));
}

// ---- the partner, through its link ---------------------------------------------------------

export interface DeclarationForLink {
  partner: { id: string; name: string };
  language: Locale;
  response: DeclarationState;
}

export async function getDeclarationForLink(link: ResolvedPartnerLink): Promise<DeclarationForLink> {
  const [latest, partner, head] = await Promise.all([
    findLatestDeclaration(link.partnerId),
    findPartner(link.partnerId),
    findDeclarationHead(link.partnerId),
  ]);
  const name = partner ? (partner.name[link.language] ?? partner.name.en) : (head?.invitee?.organization ?? '');
  return { partner: { id: link.partnerId, name }, language: link.language, response: toState(latest) };
}

async function writeAnswers(
  forms: FormRegistry,
  link: ResolvedPartnerLink,
  write: DeclarationWrite,
  fields: Partial<StoredDeclaration>,
): Promise<DeclarationState> {
  const latest = await findLatestDeclaration(link.partnerId);
  const current = toState(latest);
  if (hasSubmittedAnswers(current.status) || current.revision !== write.baseRevision) rejectStale(current);
  const written = await storeNext(declarationForm(forms), link.partnerId, latest, {
    status: latest?.status === 'returned' ? 'returned' : 'draft',
    ...fields,
    answers: write.answers,
    answeredAt: stampChanges(current, write.answers, new Date()),
    savedBy: link.invitationId,
    ...(write.locale && { locale: write.locale }),
  });
  if (!written) rejectStale(toState(await findLatestDeclaration(link.partnerId)));
  return toState(written);
}

export async function saveDeclarationDraft(
  forms: FormRegistry,
  link: ResolvedPartnerLink,
  write: DeclarationWrite,
): Promise<DeclarationState> {
  assertAnswerShape(declarationForm(forms), write.answers); // drafts may be incomplete, never malformed
  return writeAnswers(forms, link, write, {});
}

/**
 * Checks the answers as the questionnaire does (survey-core, in the partner's language), then as
 * the registry does (declared-offer.ts), and freezes them for review. The same answers again
 * return the same result.
 */
export async function submitDeclaration(
  forms: FormRegistry,
  link: ResolvedPartnerLink,
  write: DeclarationWrite,
  locale: Locale,
): Promise<DeclarationState> {
  const answers = assertAnswersAreValid(declarationForm(forms), write.answers, locale);
  const { errors } = checkDeclaredOffer(answers, await referenceVocabulary(), locale);
  if (errors.length) throw new AppError('invalidAnswers', undefined, errors);
  const latest = await findLatestDeclaration(link.partnerId);
  const done = (s: DeclarationState) => hasSubmittedAnswers(s.status) && isDeepStrictEqual(s.answers, answers);
  if (done(toState(latest))) return toState(latest);
  const status = statusAfterSubmit(latest?.status);
  const event: DeclarationEvent = {
    action: status === 'resubmitted' ? 'resubmit' : 'submit',
    status,
    revision: (latest?.revision ?? 0) + 1,
    at: new Date(),
    by: { kind: 'link', id: link.invitationId },
  };
  try {
    return await writeAnswers(
      forms,
      link,
      { ...write, answers },
      { status, submittedAt: new Date(), history: [...(latest?.history ?? []), event] },
    );
  } catch (err) {
    const after = toState(await findLatestDeclaration(link.partnerId));
    if (done(after)) return after; // a colleague's identical submit won the race
    throw err;
  }
}
