// The stored side of partnership matching, per round:
//   - MatchRun: one snapshot per run, in an append-only sequence with _ids "matching:<roundId>:<n>"
//     (server/db/append-sequence.ts), so the latest run of a round is found by _id;
//   - RoundMatching: the round's matching settings, pins and exclusions (_id = roundId);
//   - MatchDecision: what became of a proposed pair (_id = "<roundId>|<country>|<area>|<provider>",
//     inserted once: the insert is the claim that makes a confirm or reject happen once);
//   - IntroductionLink: a side's accept/decline link (_id = SHA-256 of the token; the token itself
//     is never stored).
// Only the files of server/matching-runs touch these models.
import { supportedLocales } from '../i18n/locales';
import mongoose from 'mongoose';

const { Mixed } = mongoose.Schema.Types;

const matchRunSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    roundId: { type: String, required: true },
    n: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    methodologyVersion: { type: String, required: true },
    /** The day group memberships were taken on (ISO date); runs stored before it was kept lack it. */
    date: { type: String },
    /** The resolved matching settings used, and whether respondents see suggestions. */
    settings: { type: Mixed, required: true },
    /** The score snapshots used: country, response revision, methodology, when computed. */
    scores: { type: Mixed, required: true },
    /** What reference data was used: countries, groups in force (hash of their memberships). */
    reference: { type: Mixed, required: true },
    pins: { type: Mixed, required: true },
    exclusions: { type: Mixed, required: true },
    /** Earlier confirmed or accepted pairs kept as pins, and those that could not be kept. */
    kept: { type: Mixed, required: true },
    counts: { type: Mixed, required: true },
    matches: { type: Mixed, required: true },
    unmet: { type: Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);

export const MatchRun = mongoose.model('MatchRun', matchRunSchema);

const pairSchema = { _id: false, country: String, area: String, providerId: String };

const roundMatchingSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    /** The settings as an organizer set them (partial; defaults fill the rest at run time). */
    settings: { type: Mixed, default: () => ({}) },
    showSuggestions: { type: Boolean, default: false },
    pins: { type: [pairSchema], default: [] },
    exclusions: { type: [pairSchema], default: [] },
    updatedBy: { type: String },
  },
  { versionKey: false, minimize: false, timestamps: true },
);

export const RoundMatching = mongoose.model('RoundMatching', roundMatchingSchema);

export const matchDecisionStatuses = ['confirmed', 'rejected', 'accepted', 'declined'] as const;
export type MatchDecisionStatus = (typeof matchDecisionStatuses)[number];
export const introductionSides = ['requester', 'provider'] as const;
export type IntroductionSide = (typeof introductionSides)[number];

const sideAnswerSchema = { _id: false, answer: { type: String, enum: ['accepted', 'declined'] }, by: String, at: Date };

const matchDecisionSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    roundId: { type: String, required: true },
    country: { type: String, required: true },
    area: { type: String, required: true },
    providerId: { type: String, required: true },
    /** The run in which an organizer decided. */
    run: { type: Number, required: true },
    status: { type: String, required: true, enum: matchDecisionStatuses },
    decidedBy: { type: String, required: true },
    decidedAt: { type: Date, required: true },
    requester: { type: sideAnswerSchema, default: undefined },
    provider: { type: sideAnswerSchema, default: undefined },
  },
  { versionKey: false },
);

export const MatchDecision = mongoose.model('MatchDecision', matchDecisionSchema);

const introductionLinkSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    roundId: { type: String, required: true },
    decisionId: { type: String, required: true },
    side: { type: String, required: true, enum: introductionSides },
    name: { type: String, required: true },
    email: { type: String, required: true },
    language: { type: String, required: true, enum: [...supportedLocales] },
    /** What the page shows, in the recipient's language: names, area, explanation. */
    summary: { type: Mixed, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, timestamps: true },
);

export const IntroductionLink = mongoose.model('IntroductionLink', introductionLinkSchema);
