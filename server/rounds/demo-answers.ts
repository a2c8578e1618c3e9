// Plausible answers to a capacity questionnaire for a demo country, built from a capacity
// profile: per area, the level the country is at (its indicators are spread around it, so that a
// level of 3.5 is answered 4, 3, 4, 3 …), how important the area is, the target and whether the
// government would share its experience. An area marked 'insufficient' is answered "don't know"
// nearly throughout, so it scores as insufficient data. Pure: the form's scoring model in, answers
// out; the same profile always gives the same answers.
import type { ScoringModel } from '../scoring/scoring-model';

export interface AreaProfile {
  /** Mean level 0..4 of the area's indicators, or too few answers to score the area. */
  level: number | 'insufficient';
  /** 1..5 */
  importance: number;
  /** Target level 1..4; the questionnaire's default when absent. */
  target?: number;
  share?: 'yes' | 'maybe' | 'no';
}

/** Areas by id (A1 … A10); an area left out is answered at `otherwise`. */
export interface CapacityProfile {
  areas: Partial<Record<string, AreaProfile>>;
  otherwise: AreaProfile;
}

const evidenceByLevel = [
  '',
  'Ad hoc practice, no written procedure yet',
  'Draft procedure under inter-ministerial review',
  'Procedure adopted; latest annual report published',
  'Legal requirement; independent review published every year',
];

/** Indicator answers whose mean is `level` (rounded to what the number of indicators allows). */
export function spreadLevel(level: number, count: number): number[] {
  const clamped = Math.min(4, Math.max(0, level));
  return Array.from({ length: count }, (_, i) => Math.round((i + 1) * clamped) - Math.round(i * clamped));
}

export function demoAnswers(model: ScoringModel, profile: CapacityProfile): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const area of model.areas) {
    const p = profile.areas[area.id] ?? profile.otherwise;
    const levels =
      p.level === 'insufficient'
        ? area.indicators.map((_, i) => (i === 0 ? 1 : 'dk'))
        : spreadLevel(p.level, area.indicators.length);
    area.indicators.forEach((indicator, i) => {
      const answer = levels[i];
      answers[indicator.question] = answer;
      const evidence = typeof answer === 'number' ? evidenceByLevel[answer] : '';
      if (indicator.evidenceQuestion && evidence) answers[indicator.evidenceQuestion] = evidence;
    });
    if (area.importanceQuestion) answers[area.importanceQuestion] = p.importance;
    if (area.targetQuestion && p.target !== undefined) answers[area.targetQuestion] = p.target;
    if (area.shareQuestion && p.share) answers[area.shareQuestion] = p.share;
  }
  return answers;
}
