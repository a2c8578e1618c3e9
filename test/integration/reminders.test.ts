// Reminders over the real stack: only countries that have not submitted, at most N per focal
// point, at least D days apart, each in the focal point's language; a dry run lists who would
// get one and why not the others.
import { OutboxEmail } from '../../server/email/outbox.model';
import { FocalPoint } from '../../server/focal-points/focal-point.model';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { remindOpenRounds, remindRound } from '../../server/reminders/send-reminders';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let organizer: Organizer;
let roundId: string;

const inDays = (days: number) => new Date(Date.now() + days * 86400_000);

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
  const round = await postJson(
    `${app.baseUrl}/api/rounds`,
    {
      name: 'Reminder round',
      formId: 'a1-pilot',
      languages: ['en', 'fr'],
      deadline: inDays(40).toISOString(),
      reminders: { max: 2, minDaysApart: 7 },
    },
    organizer.headers,
  );
  roundId = round.body.round.id;
  const csv =
    'country,name,email,language,ministry\nKEN,Amina Wanjiku,amina@interior.go.ke,en,Interior\nNER,Moussa Issa,moussa@interieur.gouv.ne,fr,Intérieur\n';
  expect(
    (
      await request(`${app.baseUrl}/api/rounds/${roundId}/focal-points/import`, {
        method: 'POST',
        headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
        body: csv,
      })
    ).status,
  ).toBe(200);
  expect((await postJson(`${app.baseUrl}/api/rounds/${roundId}/invitations`, {}, organizer.headers)).status).toBe(200);
});

const reminders = () => OutboxEmail.find({ roundId, template: 'reminder' }).sort({ to: 1 }).lean();

describe('When reminders come due', () => {
  it('then nobody is reminded before D days, and a dry run says why', async () => {
    const dry = await postJson(`${app.baseUrl}/api/rounds/${roundId}/reminders?dryRun=true`, {}, organizer.headers);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, queued: 0, policy: { max: 2, minDaysApart: 7 } });
    expect(dry.body.decisions.map((d: { remind: boolean; why?: string }) => [d.remind, d.why])).toEqual([
      [false, expect.stringMatching(/days ago \(at least 7\)/)],
      [false, expect.stringMatching(/days ago \(at least 7\)/)],
    ]);
    expect(await reminders()).toHaveLength(0);
  });

  it.each(['dryRun=1', 'dryRun=yes', 'dryRun=', 'dryRun=true&dryRun=false', 'dryrun=true'])(
    'then the query %s gets 400 naming the parameter and sends nothing',
    async (query) => {
      const reply = await postJson(`${app.baseUrl}/api/rounds/${roundId}/reminders?${query}`, {}, organizer.headers);
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(reply.body.errors[0].field).toBe(`query.${query.split('=')[0]}`);
      expect(await reminders()).toHaveLength(0);
    },
  );

  it('then after D days each focal point gets one in its language, with a link that works; never more than N, never closer than D', async () => {
    expect((await remindRound(app.config.publicUrl, roundId, { now: inDays(8) })).queued).toBe(2);
    const sent = await reminders();
    expect(sent.map((e) => [e.to, e.locale])).toEqual([
      ['amina@interior.go.ke', 'en'],
      ['moussa@interieur.gouv.ne', 'fr'],
    ]);
    const token = /\/respond\/([A-Za-z0-9_-]{16,64})/.exec(sent[1].text)![1];
    expect((await request(`${app.baseUrl}/api/respondent/${token}`)).body.country.iso3).toBe('NER');
    // A reminder adds a link: the one of the invitation still works.
    const invitation = await OutboxEmail.findOne({
      roundId,
      template: 'invitation',
      to: 'moussa@interieur.gouv.ne',
    }).lean();
    const invited = /\/respond\/([A-Za-z0-9_-]{16,64})/.exec(invitation!.text)![1];
    expect(invited).not.toBe(token);
    expect((await request(`${app.baseUrl}/api/respondent/${invited}`)).status).toBe(200);

    expect((await remindRound(app.config.publicUrl, roundId, { now: inDays(10) })).queued).toBe(0); // D not yet
    expect((await remindRound(app.config.publicUrl, roundId, { now: inDays(16) })).queued).toBe(2); // second of N = 2
    expect((await remindRound(app.config.publicUrl, roundId, { now: inDays(30) })).queued).toBe(0); // N reached
    expect(await reminders()).toHaveLength(4);
  });

  it('then a country that has submitted gets none', async () => {
    const fresh = await postJson(
      `${app.baseUrl}/api/rounds`,
      {
        name: 'Second round',
        formId: 'a1-pilot',
        languages: ['en'],
        deadline: inDays(40).toISOString(),
        reminders: { max: 3, minDaysApart: 1 },
      },
      organizer.headers,
    );
    const id = fresh.body.round.id;
    const csv = 'country,name,email,language,ministry\nKEN,Amina Wanjiku,amina2@interior.go.ke,en,Interior\n';
    await request(`${app.baseUrl}/api/rounds/${id}/focal-points/import`, {
      method: 'POST',
      headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
      body: csv,
    });
    await postJson(`${app.baseUrl}/api/rounds/${id}/invitations`, {}, organizer.headers);
    const fp = (await FocalPoint.findOne({ roundId: id }).lean())!;
    const invitation = await OutboxEmail.findOne({ focalPointId: fp._id }).lean();
    const token = /\/respond\/([A-Za-z0-9_-]{16,64})/.exec(invitation!.text)![1];
    const answers = {
      a1_1: 2,
      a1_2: 3,
      a1_3: 'na',
      a1_4: 1,
      a1_5: 'dk',
      a1_importance: 4,
      a1_target: 3,
      a1_share: 'no',
    };
    expect((await postJson(`${app.baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 })).status).toBe(
      200,
    );
    const run = await remindRound(app.config.publicUrl, id, { now: inDays(5) });
    expect(run.decisions).toEqual([expect.objectContaining({ remind: false, why: 'the country has submitted' })]);
  });

  it('then the periodic pass reminds the due focal points of every open round, and none once all deadlines are past', async () => {
    const third = await postJson(
      `${app.baseUrl}/api/rounds`,
      {
        name: 'Third round',
        formId: 'a1-pilot',
        languages: ['en'],
        deadline: inDays(40).toISOString(),
        reminders: { max: 1, minDaysApart: 1 },
      },
      organizer.headers,
    );
    const id = third.body.round.id;
    const csv = 'country,name,email,language,ministry\nKEN,Amina Wanjiku,amina3@interior.go.ke,en,Interior\n';
    await request(`${app.baseUrl}/api/rounds/${id}/focal-points/import`, {
      method: 'POST',
      headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
      body: csv,
    });
    await postJson(`${app.baseUrl}/api/rounds/${id}/invitations`, {}, organizer.headers);

    const runs = await remindOpenRounds(app.config.publicUrl, inDays(2));
    expect(runs.map((r) => r.roundId)).toEqual(expect.arrayContaining([roundId, id]));
    expect(runs.find((r) => r.roundId === id)).toMatchObject({
      dryRun: false,
      policy: { max: 1, minDaysApart: 1 },
      queued: 1,
      decisions: [{ email: 'amina3@interior.go.ke', remind: true }],
    });
    expect(runs.reduce((n, r) => n + r.queued, 0)).toBe(1); // the first round has had its N, the second submitted
    expect(await OutboxEmail.find({ roundId: id, template: 'reminder' }).lean()).toHaveLength(1);

    expect(await remindOpenRounds(app.config.publicUrl, inDays(41))).toEqual([]);
  });
});
