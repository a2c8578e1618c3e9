// Builds a complete, valid answer set for a questionnaire by walking its SurveyJS JSON
// (pages[].elements[]), the way a respondent who answers everything would fill it in.
// Answers are chosen by the question's capgapRole; a question without a known role is
// answered by its type, and a type the generator cannot answer stops the benchmark.
import type { FormJson, FormQuestion } from '../../server/forms/form-registry';

export type AnswerSet = Record<string, unknown>;
type Random = () => number;

/** A small seeded PRNG (mulberry32): the same seed gives the same answer sets on every run. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

function integerBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function choiceValues(q: FormQuestion): unknown[] {
  const choices = (q.choices as ({ value: unknown } | string | number)[] | undefined) ?? [];
  const values = choices.map((c) => (typeof c === 'object' ? c.value : c));
  if (values.length === 0) throw new Error(`question ${q.name} has no choices to pick from`);
  return values;
}

function ratingValue(random: Random, q: FormQuestion): number {
  return integerBetween(random, (q.rateMin as number | undefined) ?? 1, (q.rateMax as number | undefined) ?? 5);
}

function evidenceReference(random: Random, q: FormQuestion): string {
  const sources = [
    'National statistical office report',
    'Ministry of Interior circular',
    'Census questionnaire',
    'Labour force survey',
  ];
  const year = integerBetween(random, 2015, 2024);
  return `${pick(random, sources)} ${year}, p. ${integerBetween(random, 1, 120)} (${String(q.capgapIndicator ?? q.name)})`;
}

/** The answer of one question, or undefined to leave it unanswered. */
function answerFor(random: Random, q: FormQuestion): unknown {
  switch (q.capgapRole) {
    case 'level': // 0..4, "na" or "dk": whatever the question offers
    case 'target': // 1..4
    case 'share': // yes / maybe / no
      return pick(random, choiceValues(q));
    case 'importance': // 1..5
      return ratingValue(random, q);
    case 'evidence': // a short reference on about half of the indicators
      return random() < 0.5 ? evidenceReference(random, q) : undefined;
  }
  switch (q.type) {
    case 'html':
      return undefined;
    case 'radiogroup':
    case 'dropdown':
      return pick(random, choiceValues(q));
    case 'rating':
      return ratingValue(random, q);
    case 'text':
    case 'comment':
      return q.inputType === 'number'
        ? integerBetween(random, Number(q.min ?? 0), Number(q.max ?? 100))
        : `Answer to ${q.name}`;
    case 'boolean':
      return q.valueTrue ?? true;
    default:
      throw new Error(
        `the benchmark cannot answer question ${q.name} of type ${q.type}: extend scripts/bench/answers.ts`,
      );
  }
}

export function buildAnswerSet(form: FormJson, random: Random): AnswerSet {
  const answers: AnswerSet = {};
  for (const q of form.pages.flatMap((p) => p.elements)) {
    const value = answerFor(random, q);
    if (value !== undefined) answers[q.name] = value;
  }
  return answers;
}
