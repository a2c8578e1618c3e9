// Loading forms, deriving answer schemas and validating with survey-core: pure logic over the
// form JSON, no server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileSchema } from '../../server/http/ajv';
import { deriveAnswerSchema } from '../../server/forms/answer-schema';
import { FormError, loadForm, loadFormsFolder, type FormJson } from '../../server/forms/form-registry';
import { checkWithSurvey } from '../../server/forms/survey-validation';
import { formsDir } from '../../server/paths';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-forms-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function writeForm(
  json: unknown,
  file = `${(json as FormJson).formId}/v${(json as FormJson).formVersion}.json`,
): string {
  const full = path.join(tmp, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, typeof json === 'string' ? json : JSON.stringify(json));
  return full;
}

const conditional: FormJson = {
  formId: 'conditional',
  formVersion: 1,
  title: 'Conditional',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'has_strategy', isRequired: true, choices: ['yes', 'no'] },
        { type: 'comment', name: 'strategy_name', visibleIf: "{has_strategy} = 'yes'", isRequired: true },
        { type: 'text', name: 'staff', inputType: 'number', min: 0, max: 500 },
        { type: 'checkbox', name: 'sources', choices: ['census', 'survey'], showOtherItem: true },
        { type: 'boolean', name: 'published' },
        { type: 'dropdown', name: 'target', choices: [1, 2, 3, 4], defaultValue: 4 },
        { type: 'html', name: 'note', html: 'Thank you' },
      ],
    },
  ],
};

describe('loading the forms folder', () => {
  it('loads every questionnaire in forms/ and keeps the latest version of each', () => {
    const registry = loadFormsFolder(formsDir);
    expect(
      registry
        .list()
        .map((f) => f.formId)
        .sort(),
    ).toEqual(['a1-pilot', 'capacity', 'partner-offer']);
    expect(registry.get('a1-pilot', 1)?.formVersion).toBe(1);
    expect(registry.get('a1-pilot', 2)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{ "formId": ', /not readable JSON/],
    [
      'a dotted question name',
      { ...conditional, pages: [{ name: 'p', elements: [{ type: 'text', name: 'a.b' }] }] },
      /name/,
    ],
    [
      'an unsupported question type',
      { ...conditional, pages: [{ name: 'p', elements: [{ type: 'matrixdynamic', name: 'm' }] }] },
      /type/,
    ],
    [
      'a level question without weight',
      {
        ...conditional,
        pages: [
          {
            name: 'p',
            elements: [
              { type: 'radiogroup', name: 'x', capgapRole: 'level', capgapArea: 'A1', capgapIndicator: 'A1.1' },
            ],
          },
        ],
      },
      /capgapWeight/,
    ],
    [
      'a condition that does not parse',
      { ...conditional, pages: [{ name: 'p', elements: [{ type: 'text', name: 'x', visibleIf: "{y} = 'a" }] }] },
      /x.visibleIf: cannot parse/,
    ],
    [
      'a condition naming no question',
      {
        ...conditional,
        pages: [{ name: 'p', elements: [{ type: 'text', name: 'x', requiredIf: '{has_strategi} = 1' }] }],
      },
      /"has_strategi" is not a question/,
    ],
    [
      'an unknown SurveyJS property',
      { ...conditional, pages: [{ name: 'p', elements: [{ type: 'text', name: 'x', visibleWhen: 'always' }] }] },
      /SurveyJS cannot read it/,
    ],
    [
      'a name used twice',
      {
        ...conditional,
        pages: [
          {
            name: 'p',
            elements: [
              { type: 'text', name: 'x' },
              { type: 'text', name: 'x' },
            ],
          },
        ],
      },
      /used twice/,
    ],
    [
      'an open-responses switch that is not true or false',
      { ...conditional, capgapOpenResponses: 'yes' },
      /capgapOpenResponses/,
    ],
  ])('stops with the file and the problem named for %s', (_case, json, problem) => {
    const file = writeForm(json, typeof json === 'string' ? 'broken/v1.json' : undefined);
    expect(() => loadForm(file)).toThrow(FormError);
    expect(() => loadForm(file)).toThrow(file);
    expect(() => loadForm(file)).toThrow(problem);
  });

  it('takes anonymous answers only for a form that says so: the pilot does, the capacity questionnaire does not', () => {
    const registry = loadFormsFolder(formsDir);
    expect(registry.get('a1-pilot')?.openResponses).toBe(true);
    expect(registry.get('capacity')?.openResponses).toBe(false);
    expect(loadForm(writeForm({ ...conditional, formId: 'open-one', capgapOpenResponses: true })).openResponses).toBe(
      true,
    );
  });

  it('refuses a form whose file name does not match its id and version', () => {
    const file = writeForm(conditional, 'conditional/v2.json');
    expect(() => loadForm(file)).toThrow(/should be at forms\/conditional\/v1.json/);
  });
});

describe('the answer schema derived from a form', () => {
  const check = compileSchema(deriveAnswerSchema(conditional));

  it('accepts answers of the right types and choices', () => {
    expect(
      check({
        has_strategy: 'yes',
        strategy_name: 'National plan',
        staff: 12,
        sources: ['census', 'other'],
        published: true,
      }),
    ).toBe(true);
  });

  it.each([
    ['a choice not offered', { has_strategy: 'maybe' }],
    ['a number outside min/max', { staff: 501 }],
    ['a number sent as text', { staff: '12' }],
    ['a repeated checkbox value', { sources: ['census', 'census'] }],
    ['an answer to an html element', { note: 'x' }],
    ['an unknown question', { other_question: 1 }],
    ['a $ key', { $set: 1 }],
  ])('refuses %s', (_case, answers) => {
    expect(check(answers)).toBe(false);
  });
});

describe('survey-core validation on the server', () => {
  const form = loadForm(writeForm(conditional));

  it('drops the values of questions hidden by their conditions', () => {
    const result = checkWithSurvey(
      form,
      { has_strategy: 'no', strategy_name: 'left over from an earlier answer' },
      'en',
    );
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual({ has_strategy: 'no', target: 4 });
  });

  it('requires a question once its condition shows it, in the chosen language', () => {
    const result = checkWithSurvey(form, { has_strategy: 'yes' }, 'es');
    expect(result.errors).toEqual([{ field: 'answers.strategy_name', message: expect.stringMatching(/pregunta/) }]);
  });

  it('gives the same verdict with a reused model as with a fresh one, whatever came before', () => {
    const sets = [
      { has_strategy: 'yes', strategy_name: 'x', target: 2 },
      { has_strategy: 'yes' },
      {},
      { has_strategy: 'no', staff: 3 },
    ];
    for (const answers of [...sets, ...sets.reverse()]) {
      expect(checkWithSurvey(form, answers, 'fr', true)).toEqual(checkWithSurvey(form, answers, 'fr', false));
    }
    expect(checkWithSurvey(form, { has_strategy: 'no' }, 'en').answers).toEqual({ has_strategy: 'no', target: 4 });
  });
});
