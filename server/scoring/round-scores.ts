// Use cases of a round's scores: score a country's submitted response, read the current
// scores, recompute a whole round after the methodology or its settings changed and say what
// changed. The arithmetic is in score.ts (pure); this file only reads and writes.
import type { FormRegistry } from '../forms/form-registry';
import { AppError } from '../http/problem';
import { listCountryResponses } from '../responses/country-responses';
import { findFormOrReject } from '../forms/find-form';
import { awaitsReview, hasSubmittedAnswers, type ResponseStatus } from '../responses/response-status';
import { findRoundOrReject } from '../rounds/find-round';
import { diffScores, type ScoreChange } from './diff';
import { scoreAnswers, type AreaSummary, type ResponseScores, type ScoresSummary } from './score';
import {
  findLatestSnapshot,
  findLatestSummaries,
  findLatestSummary,
  insertSnapshot,
  type StoredSnapshot,
} from './score-store';
import { DEFAULT_SETTINGS, type MethodologySettings } from './scoring-model';

type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

interface ScoreBasis {
  country: string;
  responseRevision: number;
  computedAt: Date;
  reason: 'submitted' | 'recomputed';
}

/** A country's current scores as lists, exports and aggregates show them (areas without indicators). */
export interface CountryScores extends ScoresSummary, ScoreBasis {}

/** A country's scores with the answers behind each area (the country profile). */
export interface CountryScoreDetails extends ResponseScores, ScoreBasis {}

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

/** Snapshot fields of scores just computed (settings' weights as a list: ids cannot be keys). */
function snapshotOf(
  round: RoundDoc,
  country: string,
  sequence: number,
  revision: number,
  scores: ResponseScores,
  reason: CountryScores['reason'],
): StoredSnapshot {
  return {
    sequence,
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
  };
}

function toScores(doc: StoredSnapshot): CountryScores {
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
    areas: doc.areas as AreaSummary[],
  };
}

/** Writers of one country's scores that can overtake each other: a submit, a recompute. */
const maxStoreTries = 5;

function tooManyWriters(country: string): never {
  throw new AppError('conflict', `The scores of ${country} kept changing meanwhile; try again`);
}

/**
 * Scores a country's response as just submitted, unless this revision is scored already
 * (repeated or simultaneous submits store one snapshot); returns the country's current scores.
 */
export async function scoreSubmission(
  forms: FormRegistry,
  roundId: string,
  country: string,
  response: { status: string; revision: number; answers: Record<string, unknown> },
): Promise<CountryScores | undefined> {
  let latest = await findLatestSummary(roundId, country);
  if (!awaitsReview(response.status as ResponseStatus)) return latest && toScores(latest);
  let round: RoundDoc | undefined;
  for (let tries = 0; tries < maxStoreTries; tries++) {
    // Revisions only grow, so "some snapshot has this revision" is "the latest one has it".
    if (latest?.responseRevision === response.revision) return toScores(latest);
    round ??= await findRoundOrReject(roundId);
    const stored = await insertSnapshot(
      snapshotOf(
        round,
        country,
        (latest?.sequence ?? 0) + 1,
        response.revision,
        score(forms, round, response.answers),
        'submitted',
      ),
    );
    if (stored) return toScores(stored);
    latest = await findLatestSummary(roundId, country); // another writer stored that number
  }
  return tooManyWriters(country);
}

type RoundCountries = { _id: unknown; countries: readonly { iso3: string }[] };

/**
 * The current scores of every scored country of a round (or of the round with this id), by
 * country: one look per country.
 */
export async function currentScores(roundOrId: RoundCountries | string): Promise<Map<string, CountryScores>> {
  const round = typeof roundOrId === 'string' ? await findRoundOrReject(roundOrId) : roundOrId;
  const latest = await findLatestSummaries(
    String(round._id),
    round.countries.map((c) => c.iso3),
  );
  return new Map([...latest].map(([country, snapshot]) => [country, toScores(snapshot)]));
}

export async function currentCountryScores(roundId: string, country: string): Promise<CountryScores | undefined> {
  const latest = await findLatestSummary(roundId, country);
  return latest && toScores(latest);
}

/** The country's current scores with the answers behind each area. */
export async function currentCountryScoreDetails(
  roundId: string,
  country: string,
): Promise<CountryScoreDetails | undefined> {
  const latest = await findLatestSnapshot(roundId, country);
  return latest && (toScores(latest) as CountryScoreDetails);
}

function sameSettings(a: MethodologySettings, b: MethodologySettings): boolean {
  const weights = (s: MethodologySettings) =>
    JSON.stringify(Object.entries(s.weights ?? {}).sort(([x], [y]) => x.localeCompare(y)));
  return (
    a.completenessThreshold === b.completenessThreshold &&
    a.defaultTargetLevel === b.defaultTargetLevel &&
    weights(a) === weights(b)
  );
}

export interface RecomputeReport {
  roundId: string;
  methodologyVersion: string;
  settings: MethodologySettings;
  recomputed: number;
  unchanged: number;
  countries: { country: string; changes: ScoreChange[]; first: boolean }[];
}

/** Stores the recomputed scores unless they only repeat the latest snapshot; undefined when unchanged. */
async function storeRecomputed(
  round: RoundDoc,
  country: string,
  revision: number,
  after: ResponseScores,
): Promise<{ changes: ScoreChange[]; first: boolean } | undefined> {
  let latest = await findLatestSummary(String(round._id), country);
  for (let tries = 0; tries < maxStoreTries; tries++) {
    const previous = latest && toScores(latest);
    const changes = previous ? diffScores(previous, after) : [];
    const sameBasis =
      previous &&
      previous.methodologyVersion === after.methodologyVersion &&
      previous.responseRevision === revision &&
      sameSettings(previous.settings, after.settings);
    if (sameBasis && changes.length === 0) return undefined;
    if (await insertSnapshot(snapshotOf(round, country, (latest?.sequence ?? 0) + 1, revision, after, 'recomputed')))
      return { changes, first: !previous };
    latest = await findLatestSummary(String(round._id), country); // a submit stored that number: compare again
  }
  return tooManyWriters(country);
}

/**
 * Scores every submitted response of the round again with the current methodology and the
 * round's settings. A new snapshot is stored only where something changed; the report lists
 * the changes country by country. Running it twice in a row changes nothing the second time.
 * Reads the round's own responses and scores only, country by country.
 */
export async function recomputeRound(forms: FormRegistry, roundId: string): Promise<RecomputeReport> {
  const round = await findRoundOrReject(roundId);
  const report: RecomputeReport = {
    roundId: String(round._id),
    methodologyVersion: '',
    settings: {} as MethodologySettings,
    recomputed: 0,
    unchanged: 0,
    countries: [],
  };
  for (const response of (await listCountryResponses(round)).filter((r) => hasSubmittedAnswers(r.status))) {
    const country = response.country;
    const after = score(forms, round, response.answers);
    report.methodologyVersion = after.methodologyVersion;
    report.settings = after.settings;
    const stored = await storeRecomputed(round, country, response.revision, after);
    if (!stored) {
      report.unchanged++;
      continue;
    }
    report.recomputed++;
    report.countries.push({ country, ...stored });
  }
  return report;
}
