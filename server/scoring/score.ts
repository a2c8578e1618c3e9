// Scores one answer set against a form's scoring model, exactly as PRODUCT.md §5 says, and keeps
// the answers that drove each area's score so that a number can always be explained.
// Pure and total: answers of an unexpected type are treated as missing, never thrown on
// (the server validates answers before; scoring must still never fail on stored data).
import {
  METHODOLOGY_VERSION,
  resolveSettings,
  type AreaModel,
  type MethodologySettings,
  type ScoringModel,
} from './scoring-model';

export const BANDS = ['requires further progress', 'partially meets', 'meets', 'fully meets'] as const;
export type Band = (typeof BANDS)[number];

export type Level = 0 | 1 | 2 | 3 | 4;
/** A level answer as scored: a level, not applicable, don't know, or missing/unreadable (null). */
export type LevelAnswer = Level | 'na' | 'dk' | null;
export type Share = 'yes' | 'maybe' | 'no';
export type AreaStatus = 'scored' | 'insufficient data';

export interface IndicatorScore {
  id: string;
  question: string;
  /** Effective weight (a settings override if any, else the form's); 0 = excluded. */
  weight: number;
  answer: LevelAnswer;
  /** Non-empty (trimmed) evidence text given, whatever the answer. */
  evidence: boolean;
}

export interface AreaScore {
  area: string;
  status: AreaStatus;
  /** C = 100 × Σ(w × level) / Σ(w × 4) over answered, applicable indicators; null unless scored. */
  capacity: number | null;
  /** T = 25 × targetLevel; always known (the default applies when no target was given). */
  target: number;
  /** G = max(0, T − C); null unless scored. */
  gap: number | null;
  /** P = importance × G / 5; null unless scored and importance given. */
  priority: number | null;
  band: Band | null;
  /** answered ÷ applicable; 0 when nothing is applicable. */
  completeness: number;
  /** answered with evidence ÷ answered; 0 when nothing is answered. */
  confidence: number;
  applicable: number;
  answered: number;
  withEvidence: number;
  importance: number | null;
  targetLevel: number;
  /** Whether targetLevel is the respondent's answer (true) or the default (false). */
  targetGiven: boolean;
  share: Share | null;
  indicators: IndicatorScore[];
}

export interface ResponseScores {
  formId: string;
  formVersion: number;
  methodologyVersion: string;
  settings: MethodologySettings;
  areas: AreaScore[];
}

/** An area's figures without the answers behind them: what lists, exports and aggregates show. */
export type AreaSummary = Omit<AreaScore, 'indicators'>;

/** Scores whose areas may come without their indicators (a full ResponseScores is one too). */
export interface ScoresSummary extends Omit<ResponseScores, 'areas'> {
  areas: AreaSummary[];
}

// Below a band threshold by less than this counts as reaching it: fractional weights can make a
// capacity that is 25 on paper come out as 24.999999999999996. Same tolerance as diff.ts.
export const FLOAT_TOLERANCE = 1e-9;

/**
 * Band of a capacity, on half-open intervals [0,25) [25,50) [50,75) [75,100]: a threshold
 * belongs to the band above it (25 "partially meets"), 100 to "fully meets".
 */
export function bandOf(capacity: number): Band {
  const c = capacity + FLOAT_TOLERANCE;
  if (c >= 75) return 'fully meets';
  if (c >= 50) return 'meets';
  if (c >= 25) return 'partially meets';
  return 'requires further progress';
}

const isIntegerIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function levelAnswer(v: unknown): LevelAnswer {
  if (v === 'na' || v === 'dk') return v;
  return isIntegerIn(v, 0, 4) ? (v as Level) : null;
}

const hasText = (v: unknown) => typeof v === 'string' && v.trim() !== '';

function scoreArea(
  area: AreaModel,
  read: (question: string | undefined) => unknown,
  settings: MethodologySettings,
): AreaScore {
  let applicable = 0;
  let answered = 0;
  let withEvidence = 0;
  let achieved = 0; // Σ(w × level)
  let possible = 0; // Σ(w × 4)
  const indicators: IndicatorScore[] = [];
  for (const indicator of area.indicators) {
    const override = settings.weights?.[indicator.id];
    const weight = typeof override === 'number' ? override : indicator.weight;
    const answer = levelAnswer(read(indicator.question));
    const evidence = hasText(read(indicator.evidenceQuestion));
    indicators.push({ id: indicator.id, question: indicator.question, weight, answer, evidence });
    if (weight === 0) continue; // excluded by the settings: as if not in the form
    if (answer === 'na') continue; // not applicable: neither in completeness nor in capacity
    applicable++;
    // "dk" and missing stay applicable but unanswered: they lower completeness, never capacity.
    if (typeof answer !== 'number') continue;
    answered++;
    if (evidence) withEvidence++;
    achieved += weight * answer;
    possible += weight * 4;
  }
  const completeness = applicable === 0 ? 0 : answered / applicable;
  const confidence = answered === 0 ? 0 : withEvidence / answered;

  const rawImportance = read(area.importanceQuestion);
  const importance = isIntegerIn(rawImportance, 1, 5) ? rawImportance : null;
  const rawTarget = read(area.targetQuestion);
  const targetGiven = isIntegerIn(rawTarget, 1, 4);
  const targetLevel = targetGiven ? (rawTarget as number) : settings.defaultTargetLevel;
  const target = 25 * targetLevel;
  const rawShare = read(area.shareQuestion);
  const share = rawShare === 'yes' || rawShare === 'maybe' || rawShare === 'no' ? rawShare : null;

  // With a threshold of 0 an area with nothing answered would pass; there is no capacity to
  // compute then (0/0), so it needs at least one answer too.
  const scored = answered > 0 && completeness >= settings.completenessThreshold;
  // Float sums are monotone, so achieved ≤ possible and C ≤ 100 already; the clamp is a guard.
  const capacity = scored ? Math.min(100, Math.max(0, (100 * achieved) / possible)) : null;
  const gap = capacity === null ? null : Math.max(0, target - capacity);
  return {
    area: area.id,
    status: scored ? 'scored' : 'insufficient data',
    capacity,
    target,
    gap,
    priority: gap === null || importance === null ? null : (importance * gap) / 5,
    band: capacity === null ? null : bandOf(capacity),
    completeness,
    confidence,
    applicable,
    answered,
    withEvidence,
    importance,
    targetLevel,
    targetGiven,
    share,
    indicators,
  };
}

/**
 * Scores of one answer set. `settings` may be partial; the full settings used are stored in the
 * result with the methodology version, so the snapshot can be reproduced. Throws only on
 * invalid settings (RangeError), never on answers. No rounding: present, don't store, rounded.
 */
export function scoreAnswers(
  model: ScoringModel,
  answers: Record<string, unknown>,
  settings: Partial<MethodologySettings> = {},
): ResponseScores {
  const resolved = resolveSettings(settings);
  const data: Record<string, unknown> =
    answers !== null && typeof answers === 'object' && !Array.isArray(answers) ? answers : {};
  // Own properties only: a question named like an Object.prototype member must not read it.
  const read = (question: string | undefined) =>
    question !== undefined && Object.prototype.hasOwnProperty.call(data, question) ? data[question] : undefined;
  return {
    formId: model.formId,
    formVersion: model.formVersion,
    methodologyVersion: METHODOLOGY_VERSION,
    settings: resolved,
    areas: model.areas.map((area) => scoreArea(area, read, resolved)),
  };
}
