// Where each focal point stands, derived from what is stored: invited (a link was sent), link
// opened, the country's response started or submitted, a bounced email, the latest email.
// Reads only the round's own documents, each by _id: its focal points (with their link and
// email summaries, see email-summary.ts) and its countries' responses, never the outbox.
import { awaitsReview, hasSubmittedAnswers, isApproved, type ResponseStatus } from '../responses/response-status';
import { responseStatusesOf, responseSummariesOf, type ResponseSummary } from '../responses/response-statuses';
import { findRoundOrReject } from '../rounds/find-round';
import { findFocalPointOrReject } from './invite';
import { listRoundFocalPoints, type FocalPointDoc } from './round-focal-points';

export interface FocalPointView {
  id: string;
  roundId: string;
  country: string;
  countryName: string;
  name: string;
  email: string;
  language: string;
  ministry: string;
  invitedAt?: Date;
  openedAt?: Date;
  createdAt?: Date;
  /** Its links: none yet, working, all withdrawn, or all expired. */
  link: 'none' | 'active' | 'revoked' | 'expired';
  invited: boolean;
  linkOpened: boolean;
  /** The country's response exists (draft or submitted); shared by all its focal points. */
  draftStarted: boolean;
  submitted: boolean;
  bounced: boolean;
  bounceReason?: string;
  latestEmail: { id: string; template: string; status: string; at: Date; lastError?: string } | null;
}

export interface RoundStatus {
  focalPoints: number;
  invited: number;
  opened: number;
  /** Countries whose response was started (draft or submitted). */
  draftStarted: number;
  countriesSubmitted: number;
  /** Countries whose response was approved, and returned to them with comments. */
  approved: number;
  returned: number;
  countries: number;
  bounced: number;
  /** Countries by where their response stands; the five add up to `countries`. */
  countryStates: Record<CountryState, number>;
  /** Focal points by the status of their latest email (invitation, reminder …): delivery progress. */
  latestEmails: { queued: number; sent: number; failed: number; bounced: number };
}

/** Where a country's response stands, as the dashboard groups it. */
export const countryStates = ['notStarted', 'draft', 'returned', 'awaitingReview', 'approved'] as const;
export type CountryState = (typeof countryStates)[number];

export function countryStateOf(status: string | undefined): CountryState {
  const s = status as ResponseStatus | undefined;
  if (s === undefined) return 'notStarted';
  if (isApproved(s)) return 'approved';
  if (awaitsReview(s)) return 'awaitingReview';
  return s === 'returned' ? 'returned' : 'draft';
}

export async function focalPointViews(roundId: string): Promise<{
  round: Awaited<ReturnType<typeof findRoundOrReject>>;
  views: FocalPointView[];
  responses: Map<string, string>;
  /** The countries' responses: status, answers given, when last saved (those with one). */
  summaries: Map<string, ResponseSummary>;
}> {
  const round = await findRoundOrReject(roundId);
  const [focalPoints, summaries] = await Promise.all([
    listRoundFocalPoints(round._id),
    responseSummariesOf(
      String(round._id),
      round.countries.map((c) => c.iso3),
    ),
  ]);
  const responses = new Map([...summaries].map(([country, s]) => [country, s.status as string]));
  const views = focalPoints.map((f) => toView(f, round, responses.get(f.country)));
  return { round, views, responses, summaries };
}

type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

function toView(f: FocalPointDoc, round: Pick<RoundDoc, 'countries'>, response: string | undefined): FocalPointView {
  const last = f.latestEmail;
  const link: FocalPointView['link'] =
    !f.invitedAt && !f.linkIds?.length
      ? 'none'
      : !f.linkIds?.length
        ? 'revoked'
        : f.linkExpiresAt && f.linkExpiresAt.getTime() < Date.now()
          ? 'expired'
          : 'active';
  return {
    id: String(f._id),
    roundId: String(f.roundId),
    country: f.country,
    countryName: round.countries.find((c) => c.iso3 === f.country)?.name ?? f.country,
    name: f.name,
    email: f.email,
    language: f.language,
    ministry: f.ministry,
    ...(f.invitedAt && { invitedAt: f.invitedAt }),
    ...(f.openedAt && { openedAt: f.openedAt }),
    ...(f.createdAt && { createdAt: f.createdAt }),
    link,
    invited: Boolean(f.invitedAt),
    linkOpened: Boolean(f.openedAt),
    draftStarted: response !== undefined,
    submitted: hasSubmittedAnswers(response as ResponseStatus | undefined),
    bounced: Boolean(f.bouncedAt),
    ...(f.bouncedAt && f.bounceReason && { bounceReason: f.bounceReason }),
    latestEmail: last
      ? {
          id: last.id,
          template: last.template,
          status: last.status,
          at: last.at,
          ...(last.lastError && { lastError: last.lastError }),
        }
      : null,
  };
}

/** One focal point's view (after a change to it). */
export async function focalPointView(id: string): Promise<FocalPointView> {
  const f = await findFocalPointOrReject(id);
  const round = await findRoundOrReject(String(f.roundId));
  const responses = await responseStatusesOf(String(round._id), [f.country]);
  return toView(f, round, responses.get(f.country));
}

export async function roundStatus(roundId: string): Promise<RoundStatus> {
  const { round, views, responses } = await focalPointViews(roundId);
  return summarizeRoundStatus(round, views, responses);
}

/** The counts of a round from its focal points' views and its responses' statuses (by country). */
export function summarizeRoundStatus(
  round: { countries: readonly { iso3: string }[] },
  views: readonly FocalPointView[],
  responses: ReadonlyMap<string, string>,
): RoundStatus {
  const statuses = [...responses.values()];
  const states = Object.fromEntries(countryStates.map((s) => [s, 0])) as Record<CountryState, number>;
  for (const c of round.countries) states[countryStateOf(responses.get(c.iso3))]++;
  const emailsWith = (status: string) => views.filter((v) => v.latestEmail?.status === status).length;
  return {
    focalPoints: views.length,
    invited: views.filter((v) => v.invited).length,
    opened: views.filter((v) => v.linkOpened).length,
    draftStarted: statuses.length,
    countriesSubmitted: statuses.filter((s) => hasSubmittedAnswers(s as ResponseStatus)).length,
    approved: states.approved,
    returned: states.returned,
    countries: round.countries.length,
    bounced: views.filter((v) => v.bounced).length,
    countryStates: states,
    latestEmails: {
      queued: emailsWith('queued'),
      sent: emailsWith('sent'),
      failed: emailsWith('failed'),
      bounced: emailsWith('bounced'),
    },
  };
}
