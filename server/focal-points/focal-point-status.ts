// Where each focal point stands, derived from what is stored: invited (a link was sent), link
// opened, the country's response started or submitted, a bounced email, the latest email.
// Arithmetic and joins in TypeScript (no $lookup on FerretDB).
import { trusted } from 'mongoose';
import { OutboxEmail } from '../email/outbox.model';
import { Invitation } from '../invitations/invitation.model';
import { listCountryResponses } from '../responses/country-responses';
import { findRoundOrReject } from '../rounds/find-round';
import { FocalPoint } from './focal-point.model';

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
  /** The current link: none yet, working, withdrawn or expired. */
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
  countries: number;
  bounced: number;
}

export async function focalPointViews(roundId: string): Promise<{ round: Awaited<ReturnType<typeof findRoundOrReject>>; views: FocalPointView[]; responses: Map<string, string> }> {
  const round = await findRoundOrReject(roundId);
  const focalPoints = await FocalPoint.find({ roundId: round._id }).sort({ country: 1, email: 1 }).lean();
  const responses = new Map<string, string>((await listCountryResponses(round)).map((r) => [r.country, r.status]));
  const links = new Map(
    (await Invitation.find({ _id: trusted({ $in: focalPoints.flatMap((f) => (f.invitationId ? [f.invitationId] : [])) }) }, { revokedAt: 1, expiresAt: 1 }).lean()).map((i) => [String(i._id), i]),
  );
  const emails = await OutboxEmail.find({ focalPointId: trusted({ $in: focalPoints.map((f) => f._id) }) }, { focalPointId: 1, template: 1, status: 1, lastError: 1, createdAt: 1, updatedAt: 1 })
    .sort({ createdAt: -1 })
    .lean();
  const latest = new Map<string, (typeof emails)[number]>();
  const bounced = new Map<string, (typeof emails)[number]>();
  for (const e of emails) {
    const key = String(e.focalPointId);
    if (!latest.has(key)) latest.set(key, e);
    if (e.status === 'bounced' && !bounced.has(key)) bounced.set(key, e);
  }
  const countryNames = new Map(round.countries.map((c) => [c.iso3, c.name]));
  const now = Date.now();

  const views = focalPoints.map((f): FocalPointView => {
    const id = String(f._id);
    const link = f.invitationId ? links.get(String(f.invitationId)) : undefined;
    const bounce = bounced.get(id);
    const last = latest.get(id);
    const response = responses.get(f.country);
    const bounceReason = bounce?.lastError ?? undefined;
    return {
      id,
      roundId: String(f.roundId),
      country: f.country,
      countryName: countryNames.get(f.country) ?? f.country,
      name: f.name,
      email: f.email,
      language: f.language,
      ministry: f.ministry,
      ...(f.invitedAt && { invitedAt: f.invitedAt }),
      ...(f.openedAt && { openedAt: f.openedAt }),
      ...(f.createdAt && { createdAt: f.createdAt }),
      link: !link ? 'none' : link.revokedAt ? 'revoked' : link.expiresAt && link.expiresAt.getTime() < now ? 'expired' : 'active',
      invited: Boolean(f.invitedAt),
      linkOpened: Boolean(f.openedAt),
      draftStarted: response !== undefined,
      submitted: response === 'submitted',
      bounced: Boolean(bounce),
      ...(bounceReason && { bounceReason }),
      latestEmail: last ? { id: String(last._id), template: last.template, status: last.status, at: last.updatedAt ?? last.createdAt, ...(last.lastError && { lastError: last.lastError }) } : null,
    };
  });
  return { round, views, responses };
}

export async function roundStatus(roundId: string): Promise<RoundStatus> {
  const { round, views, responses } = await focalPointViews(roundId);
  return summarizeRoundStatus(round, views, responses);
}

/** The counts of a round from its focal points' views and its responses' statuses (by country). */
export function summarizeRoundStatus(round: { countries: readonly unknown[] }, views: readonly FocalPointView[], responses: ReadonlyMap<string, string>): RoundStatus {
  const statuses = [...responses.values()];
  return {
    focalPoints: views.length,
    invited: views.filter((v) => v.invited).length,
    opened: views.filter((v) => v.linkOpened).length,
    draftStarted: statuses.length,
    countriesSubmitted: statuses.filter((s) => s === 'submitted').length,
    countries: round.countries.length,
    bounced: views.filter((v) => v.bounced).length,
  };
}
