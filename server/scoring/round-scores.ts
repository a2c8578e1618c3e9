// Use cases of a round's scores: score a country's submitted response, read the current
// scores, recompute a whole round after the methodology or its settings changed and say what
// changed. The arithmetic is in score.ts (pure); this file only reads and writes.
import { createHash } from 'node:crypto';
import { isDuplicateKey } from '../db/claim-number';
import type { FormRegistry } from '../forms/form-registry';
import { listCountryResponses } from '../responses/country-responses';
import { findFormOrReject } from '../forms/find-form';
import { awaitsReview, hasSubmittedAnswers, type ResponseStatus } from '../responses/response-status';
import { findRoundOrReject } from '../rounds/find-round';
import { diffScores, type ScoreChange } from './diff';
import { scoreAnswers, type AreaScore, type ResponseScores } from './score';
import { ScoreSnapshot } from './score-snapshot.model';
import { DEFAULT_SETTINGS, type MethodologySettings } from './scoring-model';

type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

export interface CountryScores extends ResponseScores {
  country: string;
  responseRevision: number;
  computedAt: Date;
  reason: 'submitted' | 'recomputed';
}

/** The round's scoring settings in the form score.ts takes. */
export function settingsOf(round: RoundDoc): Partial<MethodologySettings> {
  const s = round.scoring;
  if (!s) return {};
  return {
    completenessThreshold: s.completenessThreshold ?? undefined,
    defaultTargetLevel: s.defaultTargetLevel ?? undefined,
    weights: Object.fromEntries((s.weights ?? []).map((w) => [w.indicator, w.weight])),
  };
}

function score(forms: FormRegistry, round: RoundDoc, answers: Record<string, unknown>): ResponseScores {
  const form = findFormOrReject(forms, round.formId, round.formVersion);
  return scoreAnswers(form.scoringModel, answers, settingsOf(round));
}

/**
 * A snapshot's _id names what it was computed from: round, country, response revision, and a
 * hash of the scoring basis (form, methodology, settings) and of the snapshot it follows. The
 * same computation made twice at once (two identical submits) inserts the same _id, so it is
 * stored once; going back to an earlier basis after another still makes a snapshot of its own.
 */
export function snapshotId(roundId: string, country: string, revision: number, scores: ResponseScores, previous: CountryScores | undefined): string {
  const { formId, formVersion, methodologyVersion, settings } = scores;
  const weights = Object.entries(settings.weights ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const basis = JSON.stringify([formId, formVersion, methodologyVersion, settings.completenessThreshold, settings.defaultTargetLevel, weights, previous?.computedAt ?? null]);
  return `${roundId}-${country}-r${revision}-${createHash('sha256').update(basis).digest('base64url').slice(0, 16)}`;
}

async function storeSnapshot(round: RoundDoc, country: string, revision: number, scores: ResponseScores, reason: CountryScores['reason'], previous: CountryScores | undefined): Promise<CountryScores> {
  const stored = await insertSnapshotOnce({
    _id: snapshotId(String(round._id), country, revision, scores, previous),
    roundId: round._id,
    country,
    formId: scores.formId,
    formVersion: scores.formVersion,
    methodologyVersion: scores.methodologyVersion,
    settings: {
      completenessThreshold: scores.settings.completenessThreshold,
      defaultTargetLevel: scores.settings.defaultTargetLevel,
      weights: Object.entries(scores.settings.weights ?? {}).map(([indicator, weight]) => ({ indicator, weight })),
    },
    responseRevision: revision,
    computedAt: new Date(),
    reason,
    areas: scores.areas,
  });
  return toScores(stored);
}

/** Inserts a snapshot; when its _id is taken, the same computation is stored already: that one. */
async function insertSnapshotOnce(doc: { _id: string } & Record<string, unknown>): Promise<SnapshotDoc> {
  try {
    return (await ScoreSnapshot.create(doc)).toObject() as SnapshotDoc;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return (await ScoreSnapshot.findById(doc._id).lean<SnapshotDoc>())!;
  }
}

type SnapshotDoc = {
  country: string;
  formId: string;
  formVersion: number;
  methodologyVersion: string;
  settings?: { completenessThreshold?: number | null; defaultTargetLevel?: number | null; weights?: { indicator?: string | null; weight?: number | null }[] } | null;
  responseRevision: number;
  computedAt: Date;
  reason: CountryScores['reason'];
  areas: unknown[];
};

function toScores(doc: SnapshotDoc): CountryScores {
  return {
    country: doc.country,
    formId: doc.formId,
    formVersion: doc.formVersion,
    methodologyVersion: doc.methodologyVersion,
    settings: {
      completenessThreshold: doc.settings?.completenessThreshold ?? DEFAULT_SETTINGS.completenessThreshold,
      defaultTargetLevel: doc.settings?.defaultTargetLevel ?? DEFAULT_SETTINGS.defaultTargetLevel,
      weights: Object.fromEntries((doc.settings?.weights ?? []).map((w) => [String(w.indicator), Number(w.weight)])),
    },
    responseRevision: doc.responseRevision,
    computedAt: doc.computedAt,
    reason: doc.reason,
    areas: doc.areas as AreaScore[],
  };
}

/**
 * Scores a country's response as just submitted, unless this revision is scored already
 * (repeated submits); returns the country's current scores.
 */
export async function scoreSubmission(forms: FormRegistry, roundId: string, country: string, response: { status: string; revision: number; answers: Record<string, unknown> }): Promise<CountryScores | undefined> {
  const latest = await currentCountryScores(roundId, country);
  // Revisions only grow, so "some snapshot has this revision" is "the latest one has it".
  if (!awaitsReview(response.status as ResponseStatus) || latest?.responseRevision === response.revision) return latest;
  const round = await findRoundOrReject(roundId);
  return storeSnapshot(round, country, response.revision, score(forms, round, response.answers), 'submitted', latest);
}

/** The latest snapshot of every scored country of a round, by country. */
export async function currentScores(roundId: string): Promise<Map<string, CountryScores>> {
  const latest = new Map<string, CountryScores>();
  const docs = await ScoreSnapshot.find({ roundId }).sort({ country: 1, computedAt: -1 }).lean<SnapshotDoc[]>();
  for (const doc of docs) if (!latest.has(doc.country)) latest.set(doc.country, toScores(doc));
  return latest;
}

export async function currentCountryScores(roundId: string, country: string): Promise<CountryScores | undefined> {
  const doc = await ScoreSnapshot.findOne({ roundId, country }).sort({ computedAt: -1 }).lean<SnapshotDoc>();
  return doc ? toScores(doc) : undefined;
}

function sameSettings(a: MethodologySettings, b: MethodologySettings): boolean {
  const weights = (s: MethodologySettings) => JSON.stringify(Object.entries(s.weights ?? {}).sort(([x], [y]) => x.localeCompare(y)));
  return a.completenessThreshold === b.completenessThreshold && a.defaultTargetLevel === b.defaultTargetLevel && weights(a) === weights(b);
}

export interface RecomputeReport {
  roundId: string;
  methodologyVersion: string;
  settings: MethodologySettings;
  recomputed: number;
  unchanged: number;
  countries: { country: string; changes: ScoreChange[]; first: boolean }[];
}

/**
 * Scores every submitted response of the round again with the current methodology and the
 * round's settings. A new snapshot is stored only where something changed; the report lists
 * the changes country by country. Running it twice in a row changes nothing the second time.
 */
export async function recomputeRound(forms: FormRegistry, roundId: string): Promise<RecomputeReport> {
  const round = await findRoundOrReject(roundId);
  const before = await currentScores(String(round._id));
  const report: RecomputeReport = { roundId: String(round._id), methodologyVersion: '', settings: {} as MethodologySettings, recomputed: 0, unchanged: 0, countries: [] };
  for (const response of (await listCountryResponses(round)).filter((r) => hasSubmittedAnswers(r.status))) {
    const after = score(forms, round, response.answers);
    report.methodologyVersion = after.methodologyVersion;
    report.settings = after.settings;
    const previous = before.get(response.country);
    const changes = previous ? diffScores(previous, after) : [];
    const sameBasis =
      previous &&
      previous.methodologyVersion === after.methodologyVersion &&
      previous.responseRevision === response.revision &&
      sameSettings(previous.settings, after.settings);
    if (sameBasis && changes.length === 0) {
      report.unchanged++;
      continue;
    }
    await storeSnapshot(round, response.country, response.revision, after, 'recomputed', previous);
    report.recomputed++;
    report.countries.push({ country: response.country, changes, first: !previous });
  }
  return report;
}
