// What a questionnaire says about how it is scored, read once from the form JSON: per area its
// indicators (with weight and evidence question) and its importance / target / share questions.
// Also the methodology settings and their version. Pure: no I/O, nothing but the form JSON.
import type { FormJson } from '../forms/form-registry';

/**
 * Version of the scoring methodology (the formulas in score.ts, the band rule, the settings
 * defaults below). Stored with every score snapshot so that old scores stay explainable.
 * ANY change to a formula, a band threshold, a default or the handling of "na"/"dk"/missing
 * answers MUST bump this version (year.sequence).
 */
export const METHODOLOGY_VERSION = '2026.1';

export interface MethodologySettings {
  /** An area whose completeness (answered ÷ applicable) is under this is "insufficient data". 0..1. */
  completenessThreshold: number;
  /** Target level (1..4) when the respondent gave none. Target T = 25 × level. */
  defaultTargetLevel: number;
  /**
   * Weights by indicator id, overriding the form's. 0 excludes the indicator (it is then
   * neither applicable nor answered). Ids the form does not have are ignored, so that one
   * settings object can serve every form of a round (a pilot form has only some indicators).
   */
  weights?: Record<string, number>;
}

export const DEFAULT_SETTINGS: Readonly<MethodologySettings> = Object.freeze({
  completenessThreshold: 0.5,
  defaultTargetLevel: 4,
});

// Override weights are capped far below float overflow; the form schema itself caps at 100.
const MAX_OVERRIDE_WEIGHT = 1e6;

/**
 * Full settings from partial ones, checked. Settings are configuration, not respondents' data:
 * a bad value is a mistake to stop on, not to score around, so this throws a RangeError.
 */
export function resolveSettings(settings: Partial<MethodologySettings> = {}): MethodologySettings {
  const completenessThreshold = settings.completenessThreshold ?? DEFAULT_SETTINGS.completenessThreshold;
  const defaultTargetLevel = settings.defaultTargetLevel ?? DEFAULT_SETTINGS.defaultTargetLevel;
  if (!(Number.isFinite(completenessThreshold) && completenessThreshold >= 0 && completenessThreshold <= 1)) {
    throw new RangeError(`completenessThreshold must be a number from 0 to 1, not ${completenessThreshold}`);
  }
  if (!(Number.isInteger(defaultTargetLevel) && defaultTargetLevel >= 1 && defaultTargetLevel <= 4)) {
    throw new RangeError(`defaultTargetLevel must be an integer from 1 to 4, not ${defaultTargetLevel}`);
  }
  const resolved: MethodologySettings = { completenessThreshold, defaultTargetLevel };
  if (settings.weights !== undefined) {
    for (const [id, weight] of Object.entries(settings.weights)) {
      if (!(Number.isFinite(weight) && weight >= 0 && weight <= MAX_OVERRIDE_WEIGHT)) {
        throw new RangeError(`weight of ${id} must be a number from 0 to ${MAX_OVERRIDE_WEIGHT}, not ${weight}`);
      }
    }
    // A copy: the snapshot must not change if the caller later edits its object.
    resolved.weights = { ...settings.weights };
  }
  return resolved;
}

export interface IndicatorModel {
  id: string; // 'A1.1'
  area: string; // 'A1'
  question: string; // name of the level question (radiogroup 0..4, 'na', 'dk')
  weight: number; // the form's weight, > 0
  evidenceQuestion?: string;
}

export interface AreaModel {
  id: string; // 'A1'
  indicators: IndicatorModel[];
  importanceQuestion?: string;
  targetQuestion?: string;
  shareQuestion?: string;
}

export interface ScoringModel {
  formId: string;
  formVersion: number;
  areas: AreaModel[];
}

export class ScoringModelError extends Error {
  constructor(
    readonly formId: string,
    readonly problems: string[],
  ) {
    super(`scoring metadata of form ${formId}: ${problems.join('; ')}`);
    this.name = 'ScoringModelError';
  }
}

/** Orders 'A2' before 'A10' and 'A1.2' before 'A1.10': by the numbers, not the characters. */
export function compareIds(a: string, b: string): number {
  const pa = a.replace(/^A/, '').split('.').map(Number);
  const pb = b.replace(/^A/, '').split('.').map(Number);
  if ([...pa, ...pb].some(Number.isNaN)) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

interface Element {
  name?: unknown;
  elements?: unknown;
  [key: string]: unknown;
}

/** Every question of the form, panels included (the schema allows none today; cheap to be safe). */
function allQuestions(form: FormJson): Element[] {
  const out: Element[] = [];
  const walk = (items: unknown) => {
    if (!Array.isArray(items)) return;
    for (const item of items as Element[]) {
      if (item === null || typeof item !== 'object') continue;
      if (typeof item.name === 'string') out.push(item);
      walk(item.elements);
    }
  };
  for (const page of form.pages ?? []) walk(page.elements);
  return out;
}

const areaPattern = /^A[0-9]{1,2}$/;
const indicatorPattern = /^(A[0-9]{1,2})\.[0-9]{1,2}$/;
const areaRoles = { importance: 'importanceQuestion', target: 'targetQuestion', share: 'shareQuestion' } as const;

/**
 * The scoring model of a form. Throws a ScoringModelError naming every inconsistency found
 * (indicator without a positive weight, evidence for an unknown indicator, duplicate indicator
 * ids, ...): a form that cannot be scored unambiguously must not be scored at all.
 * Areas and indicators come out in numeric id order, whatever the form's page order.
 */
export function scoringModelOf(form: FormJson): ScoringModel {
  const problems: string[] = [];
  const areas = new Map<string, AreaModel>();
  const area = (id: string) => {
    let a = areas.get(id);
    if (!a) areas.set(id, (a = { id, indicators: [] }));
    return a;
  };
  const indicators = new Map<string, IndicatorModel>();
  const scored = allQuestions(form).filter((q) => q.capgapRole !== undefined);

  // Pass 1: indicators. Evidence may come before its level question in the form.
  for (const q of scored) {
    const name = q.name as string;
    const areaId = q.capgapArea;
    if (typeof areaId !== 'string' || !areaPattern.test(areaId)) {
      problems.push(`question ${name} has capgapRole ${String(q.capgapRole)} but no valid capgapArea`);
      continue;
    }
    if (q.capgapRole !== 'level') continue;
    const id = q.capgapIndicator;
    const match = typeof id === 'string' ? indicatorPattern.exec(id) : null;
    if (!match) {
      problems.push(`level question ${name} has no valid capgapIndicator`);
      continue;
    }
    if (match[1] !== areaId) problems.push(`indicator ${id} (question ${name}) is in area ${areaId}, not ${match[1]}`);
    const weight = q.capgapWeight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      problems.push(`indicator ${id} (question ${name}) has no capgapWeight > 0`);
      continue;
    }
    if (indicators.has(id as string)) {
      problems.push(`indicator ${id} is used twice (questions ${indicators.get(id as string)!.question} and ${name})`);
      continue;
    }
    const indicator: IndicatorModel = { id: id as string, area: areaId, question: name, weight };
    indicators.set(indicator.id, indicator);
    area(areaId).indicators.push(indicator);
  }

  // Pass 2: evidence and the per-area questions.
  for (const q of scored) {
    const name = q.name as string;
    const areaId = q.capgapArea as string;
    if (typeof areaId !== 'string' || !areaPattern.test(areaId)) continue; // reported above
    const role = q.capgapRole;
    if (role === 'level') continue;
    if (role === 'evidence') {
      const indicator = typeof q.capgapIndicator === 'string' ? indicators.get(q.capgapIndicator) : undefined;
      if (!indicator) problems.push(`evidence question ${name} is for unknown indicator ${String(q.capgapIndicator)}`);
      else if (indicator.area !== areaId)
        problems.push(
          `evidence question ${name} is in area ${areaId}, its indicator ${indicator.id} in ${indicator.area}`,
        );
      else if (indicator.evidenceQuestion)
        problems.push(
          `indicator ${indicator.id} has two evidence questions (${indicator.evidenceQuestion} and ${name})`,
        );
      else indicator.evidenceQuestion = name;
    } else if (role === 'importance' || role === 'target' || role === 'share') {
      const key = areaRoles[role];
      const a = areas.get(areaId);
      if (!a) problems.push(`${role} question ${name} is for area ${areaId}, which has no indicator`);
      else if (a[key]) problems.push(`area ${areaId} has two ${role} questions (${a[key]} and ${name})`);
      else a[key] = name;
    } else {
      problems.push(`question ${name} has unknown capgapRole ${String(role)}`);
    }
  }

  if (problems.length) throw new ScoringModelError(String(form.formId), problems);
  const sorted = [...areas.values()].sort((a, b) => compareIds(a.id, b.id));
  for (const a of sorted) a.indicators.sort((x, y) => compareIds(x.id, y.id));
  return { formId: form.formId, formVersion: form.formVersion, areas: sorted };
}
