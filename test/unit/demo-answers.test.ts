// Demo answers built from capacity profiles: they pass the questionnaire's own checks, and
// score as the profile says (a strong peer willing to share, a weak requester, an area with
// insufficient data).
import { loadFormsFolder } from '../../server/forms/form-registry';
import { formsDir } from '../../server/paths';
import { assertAnswersAreValid } from '../../server/responses/submit-response';
import { demoAnswers, spreadLevel } from '../../server/rounds/demo-answers';
import { demoResponses } from '../../server/rounds/demo-responses';
import { scoreAnswers } from '../../server/scoring/score';

const form = loadFormsFolder(formsDir).get('capacity')!;

describe('When a level is spread over indicators', () => {
  it.each([
    [3.5, 4, [4, 3, 4, 3]],
    [1, 5, [1, 1, 1, 1, 1]],
    [0.5, 4, [1, 0, 1, 0]],
    [4, 3, [4, 4, 4]],
  ])('then %d over %d indicators gives %j', (level, count, expected) => {
    expect(spreadLevel(level, count)).toEqual(expected);
  });
});

describe('When the demo profiles are answered', () => {
  it.each(demoResponses.map((r) => [r.iso3, r] as const))(
    'then the answers of %s pass the questionnaire checks',
    (_iso3, plan) => {
      const answers = demoAnswers(form.scoringModel, plan.profile);
      expect(() => assertAnswersAreValid(form, answers, plan.language)).not.toThrow();
    },
  );

  it('then they score as the profiles say', () => {
    const scoresOf = (iso3: string) => {
      const plan = demoResponses.find((r) => r.iso3 === iso3)!;
      const areas = scoreAnswers(form.scoringModel, demoAnswers(form.scoringModel, plan.profile)).areas;
      return Object.fromEntries(areas.map((a) => [a.area, a]));
    };
    const kenya = scoresOf('KEN');
    expect(kenya.A1).toMatchObject({ status: 'scored', capacity: 90, share: 'yes' });
    const ethiopia = scoresOf('ETH');
    expect(ethiopia.A1).toMatchObject({ status: 'scored', capacity: 25, importance: 5, priority: 75 });
    expect(ethiopia.A9.status).toBe('insufficient data');
    expect(ethiopia.A1.confidence).toBe(1); // every level answered has its evidence
  });
});
