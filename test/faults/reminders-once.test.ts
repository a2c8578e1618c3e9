// Two reminder passes at the same moment (two instances of the service, or the hourly job and
// an organizer's request) must queue one reminder per focal point per due time, not two.
import { OutboxEmail } from '../../server/email/outbox.model';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { remindOpenRounds, remindRound } from '../../server/reminders/send-reminders';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let organizer: Organizer;

const inDays = (days: number) => new Date(Date.now() + days * 86400_000);

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
});

/** A round of `count` invited focal points (reminders: at most 2, 7 days apart). */
async function invitedRound(count: number): Promise<string> {
  const round = await postJson(
    `${app.baseUrl}/api/rounds`,
    {
      name: `Concurrent reminders ${Date.now()}`,
      formId: 'a1-pilot',
      languages: ['en'],
      deadline: inDays(40).toISOString(),
      reminders: { max: 2, minDaysApart: 7 },
    },
    organizer.headers,
  );
  const roundId = round.body.round.id as string;
  const rows = Array.from(
    { length: count },
    (_, i) => `KEN,Person ${i},person${i}.${roundId}@interior.go.ke,en,Interior`,
  );
  const csv = ['country,name,email,language,ministry', ...rows].join('\n') + '\n';
  expect(
    (
      await request(`${app.baseUrl}/api/rounds/${roundId}/focal-points/import`, {
        method: 'POST',
        headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
        body: csv,
      })
    ).status,
  ).toBe(200);
  expect((await postJson(`${app.baseUrl}/api/rounds/${roundId}/invitations`, {}, organizer.headers)).body.invited).toBe(
    count,
  );
  return roundId;
}

const remindersOf = (roundId: string) => OutboxEmail.countDocuments({ roundId, template: 'reminder' });

describe('When two reminder passes run at the same moment', () => {
  it('then each of 20 due focal points gets exactly one reminder', async () => {
    const roundId = await invitedRound(20);
    const now = inDays(8);
    const runs = await Promise.all([
      remindRound(app.config.publicUrl, roundId, { now }),
      remindRound(app.config.publicUrl, roundId, { now }),
    ]);
    expect(await remindersOf(roundId)).toBe(20);
    expect(runs[0].queued + runs[1].queued).toBe(20);
  });

  it('then the periodic passes of two instances and an organizer request queue one reminder each, and the next due time one more', async () => {
    const roundId = await invitedRound(20);
    const now = inDays(8);
    await Promise.all([
      remindOpenRounds(app.config.publicUrl, now),
      remindOpenRounds(app.config.publicUrl, now),
      remindRound(app.config.publicUrl, roundId, { now }),
    ]);
    expect(await remindersOf(roundId)).toBe(20);
    const later = inDays(16);
    await Promise.all([
      remindRound(app.config.publicUrl, roundId, { now: later }),
      remindRound(app.config.publicUrl, roundId, { now: later }),
    ]);
    expect(await remindersOf(roundId)).toBe(40);
  });
});
