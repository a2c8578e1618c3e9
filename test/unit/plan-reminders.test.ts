import { planReminders, type ReminderCandidate } from '../../server/reminders/plan-reminders';

const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n));
const policy = { max: 2, minDaysApart: 7 };
const deadline = day(60);
const base: ReminderCandidate = {
  focalPointId: 'fp1',
  country: 'KEN',
  invitedAt: day(0),
  bounced: false,
  remindersAt: [],
};
const plan = (c: Partial<ReminderCandidate>, now: Date, submitted: string[] = []) =>
  planReminders([{ ...base, ...c }], new Set(submitted), policy, deadline, now)[0];

describe('planReminders', () => {
  it('reminds an invited focal point of a country that has not submitted, D days after the invitation', () => {
    expect(plan({}, day(6)).remind).toBe(false);
    expect(plan({}, day(7)).remind).toBe(true);
  });

  it('keeps reminders at least D days apart and at most N in all', () => {
    expect(plan({ remindersAt: [day(7)] }, day(13))).toMatchObject({
      remind: false,
      why: expect.stringMatching(/days ago/),
    });
    expect(plan({ remindersAt: [day(7)] }, day(14)).remind).toBe(true);
    expect(plan({ remindersAt: [day(7), day(14)] }, day(40))).toMatchObject({
      remind: false,
      why: expect.stringMatching(/at most 2/),
    });
  });

  it('never reminds a country that submitted, a bounced address, withdrawn links, an uninvited focal point, or after the deadline', () => {
    expect(plan({}, day(10), ['KEN'])).toMatchObject({ remind: false, why: 'the country has submitted' });
    expect(plan({ bounced: true }, day(10))).toMatchObject({ remind: false, why: 'the invitation bounced' });
    expect(plan({ linksWithdrawn: true }, day(10))).toMatchObject({ remind: false, why: 'its links were withdrawn' });
    expect(plan({ invitedAt: null }, day(10))).toMatchObject({ remind: false, why: 'not invited yet' });
    expect(plan({}, day(61))).toMatchObject({ remind: false, why: 'the round is past its deadline' });
  });
});
