// The plain-form fast path against survey-core itself: for generated answer sets that pass the
// ajv shape check, in each language, both give the same errors, messages and kept answers.
// And a form with anything survey-core could act on is not treated as plain.
import fc from 'fast-check';
import { buildAnswerSet, seededRandom } from '../../scripts/bench/answers';
import { loadFormsFolder, type LoadedForm } from '../../server/forms/form-registry';
import { checkPlainForm, plainQuestions } from '../../server/forms/plain-form';
import { checkWithSurvey } from '../../server/forms/survey-validation';
import { supportedLocales } from '../../server/i18n/locales';
import { compileSchema } from '../../server/http/ajv';
import { formsDir } from '../../server/paths';

const forms = loadFormsFolder(formsDir);
const capacity = forms.get('capacity')!;
const pilot = forms.get('a1-pilot')!;

/** What a respondent may send for one question: the generated answer, nothing, or (for a
 *  text question) blanks. */
const edit = fc.constantFrom('keep', 'keep', 'drop', 'empty', 'spaces');

const textQuestions = new Set(
  (capacity.json.pages as { elements: { type: string; name: string }[] }[]).flatMap((p) =>
    p.elements.filter((q) => q.type === 'text').map((q) => q.name),
  ),
);

function applyEdits(answers: Record<string, unknown>, edits: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Object.entries(answers).forEach(([name, value], i) => {
    const e = edits[i % edits.length];
    const blank = textQuestions.has(name) && (e === 'empty' || e === 'spaces');
    if (e === 'keep' || (!blank && e !== 'drop')) out[name] = value;
    else if (blank) out[name] = e === 'empty' ? '' : '   ';
  });
  return out;
}

describe('When the form is the capacity questionnaire', () => {
  it('then it is plain: no conditions, validators or panels', () => {
    expect(plainQuestions(capacity.json as Record<string, unknown>)).not.toBeNull();
  });

  it('then the fast path gives exactly what survey-core gives, for any answer set that passes ajv, in en/fr/es', () => {
    const shapeOk = compileSchema(capacity.answerSchema);
    let compared = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(edit, { minLength: 1, maxLength: 120 }),
        fc.constantFrom(...supportedLocales),
        (seed, edits, locale) => {
          const answers = applyEdits(buildAnswerSet(capacity.json, seededRandom(seed)), edits);
          if (!shapeOk(answers)) return; // never reaches either check
          compared++;
          expect(checkPlainForm(capacity, answers, locale)).toEqual(checkWithSurvey(capacity, answers, locale));
        },
      ),
      { numRuns: 150 },
    );
    expect(compared).toBeGreaterThan(50);
  });

  it('then an empty answer set gets a required error per required question, in order, and the defaults are kept', () => {
    const plain = checkPlainForm(capacity, {}, 'fr')!;
    expect(plain).toEqual(checkWithSurvey(capacity, {}, 'fr', false));
    expect(plain.errors).toHaveLength(50);
    expect(plain.errors[0]).toEqual({ field: 'answers.a1_1', message: 'La réponse à cette question est obligatoire.' });
  });
});

describe('When a form has anything survey-core could act on', () => {
  const withChange = (change: (q: Record<string, unknown>) => void): LoadedForm => {
    const json = structuredClone(capacity.json) as { pages: { elements: Record<string, unknown>[] }[] };
    change(json.pages[1].elements[0]);
    return { ...capacity, json } as LoadedForm;
  };

  it.each([
    ['a condition', (q: Record<string, unknown>) => (q.visibleIf = '{a1_2} = 1')],
    [
      'a validator',
      (q: Record<string, unknown>) => (q.validators = [{ type: 'expression', expression: '{a1_1} > 0' }]),
    ],
    ['a number input', (q: Record<string, unknown>) => Object.assign(q, { type: 'text', inputType: 'number', min: 0 })],
    ['a custom required message', (q: Record<string, unknown>) => (q.requiredErrorText = 'Please answer')],
    ['an "other" choice', (q: Record<string, unknown>) => (q.showOtherItem = true)],
  ])('then %s sends it to survey-core', (_case, change) => {
    expect(checkPlainForm(withChange(change), {}, 'en')).toBeNull();
  });

  it('then the pilot form, with its conditional question, goes to survey-core', () => {
    expect(checkPlainForm(pilot, {}, 'en')).toBeNull();
  });
});
