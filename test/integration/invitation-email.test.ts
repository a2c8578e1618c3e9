// End to end through a real SMTP server: an organizer imports focal points and invites them,
// the outbox worker delivers the invitations, and the link in the received email opens the
// questionnaire of the right country, in the focal point's language. A refused address shows
// as bounced on its focal point.
import { createMailer } from '../../server/email/mailer';
import { newOwner, processDue } from '../../server/email/outbox-worker';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let smtp: TestSmtpServer;
let organizer: Organizer;

beforeAll(async () => {
  app = testApp();
  smtp = await startTestSmtpServer();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
});
afterAll(async () => {
  await smtp?.close();
});

describe('When focal points are invited and the worker delivers over SMTP', () => {
  it('then each receives a link that opens its own country, in its language, and a refused address is shown as bounced', async () => {
    const deadline = new Date(Date.now() + 30 * 86400_000).toISOString();
    const round = await postJson(
      `${app.baseUrl}/api/rounds`,
      { name: 'Roundtable 2027', formId: 'a1-pilot', languages: ['en', 'fr'], deadline },
      organizer.headers,
    );
    const roundId = round.body.round.id;
    const csv =
      'country,name,email,language,ministry\nKEN,Amina Wanjiku,amina@interior.go.ke,en,Interior\nNER,Moussa Issa,moussa@interieur.gouv.ne,fr,Intérieur\nNGA,Ngozi Okafor,ngozi@nigeria.example,en,Labour\n';
    expect(
      (
        await request(`${app.baseUrl}/api/rounds/${roundId}/focal-points/import`, {
          method: 'POST',
          headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
          body: csv,
        })
      ).status,
    ).toBe(200);
    expect(
      (await postJson(`${app.baseUrl}/api/rounds/${roundId}/invitations`, {}, organizer.headers)).body.invited,
    ).toBe(3);

    smtp.rejectNext('ngozi@nigeria.example', 550, 1, 'No such user');
    const mailer = createMailer({ smtpUrl: smtp.url });
    try {
      expect(await processDue({ mailer, from: 'capgap <no-reply@capgap.example>', owner: newOwner('test') })).toBe(3);
    } finally {
      mailer.close();
    }

    const received = await smtp.waitFor(2);
    expect(received.map((m) => m.to[0]).sort()).toEqual(['amina@interior.go.ke', 'moussa@interieur.gouv.ne']);
    const niger = received.find((m) => m.to[0] === 'moussa@interieur.gouv.ne')!;
    expect(niger.subject).toMatch(/Roundtable 2027/);
    const link = /https?:\/\/\S+\/respond\/[A-Za-z0-9_-]{16,64}/.exec(niger.text)![0];
    const token = link.split('/respond/')[1];
    const page = await request(`${app.baseUrl}/respond/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="fr">');
    expect((await request(`${app.baseUrl}/api/respondent/${token}`)).body.country).toEqual({
      iso3: 'NER',
      name: 'Niger',
    });

    const focalPoints = (
      await request(`${app.baseUrl}/api/rounds/${roundId}/focal-points`, { headers: { Cookie: organizer.cookie } })
    ).body;
    const list = (focalPoints.focalPoints ?? focalPoints) as { email: string; bounced: boolean; linkOpened: boolean }[];
    expect(list.find((f) => f.email === 'ngozi@nigeria.example')).toMatchObject({ bounced: true });
    expect(list.find((f) => f.email === 'moussa@interieur.gouv.ne')).toMatchObject({
      bounced: false,
      linkOpened: true,
    });
    const status = (
      await request(`${app.baseUrl}/api/rounds/${roundId}/status`, { headers: { Cookie: organizer.cookie } })
    ).body;
    expect(status).toMatchObject({ focalPoints: 3, invited: 3, opened: 1, bounced: 1 });
  });
});
