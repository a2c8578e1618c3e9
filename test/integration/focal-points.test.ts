// Rounds, focal points and their invitations over HTTP against the real database: creating a
// round, importing focal points from CSV (all or nothing, or the valid rows only), sending
// links by email (queued in the outbox), withdrawing and resending them, tracking who opened
// and answered, bounces, per-round counts, and "send me my link again".
import { createMailer } from '../../server/email/mailer';
import { newOwner, processDue } from '../../server/email/outbox-worker';
import { OutboxEmail } from '../../server/email/outbox.model';
import { FocalPoint } from '../../server/focal-points/focal-point.model';
import { linkAgainReply } from '../../server/focal-points/focal-points.routes';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { Round } from '../../server/rounds/round.model';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { startTestSmtpServer } from '../helpers/smtp';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let organizer: Organizer;
let viewer: Organizer;

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
  [organizer, viewer] = await Promise.all([
    createOrganizer(app.baseUrl, 'organizer'),
    createOrganizer(app.baseUrl, 'viewer'),
  ]);
});

const url = (path: string) => `${app.baseUrl}/api${path}`;
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();
const post = (path: string, body: unknown = {}, who: Organizer = organizer) => postJson(url(path), body, who.headers);
const get = (path: string, who: Organizer = viewer) => request(url(path), { headers: { Cookie: who.cookie } });
const postCsv = (path: string, csv: string, who: Organizer = organizer) =>
  request(url(path), { method: 'POST', headers: { ...who.headers, 'Content-Type': 'text/csv' }, body: csv });

let counter = 0;
const unique = () => `${Date.now()}${++counter}`;

async function createRound(extra: Record<string, unknown> = {}): Promise<string> {
  const reply = await post('/rounds', {
    name: `Round ${unique()}`,
    formId: 'a1-pilot',
    languages: ['en', 'fr'],
    deadline: inDays(30),
    ...extra,
  });
  expect(reply.status).toBe(201);
  return reply.body.round.id as string;
}

const header = 'country,name,email,language,ministry';
const csvOf = (...rows: string[]) => [header, ...rows].join('\n') + '\n';

/** A round with focal points imported: two for Kenya (English), one for Niger (French). */
async function roundWithFocalPoints() {
  const roundId = await createRound();
  const tag = unique();
  const emails = {
    kenya: `amina.${tag}@interior.go.ke`,
    kenyaColleague: `otieno.${tag}@labour.go.ke`,
    niger: `moussa.${tag}@interieur.gouv.ne`,
  };
  const reply = await postCsv(
    `/rounds/${roundId}/focal-points/import`,
    csvOf(
      `KEN,Amina Wanjiku,${emails.kenya},en,Ministry of Interior`,
      `KEN,Peter Otieno,${emails.kenyaColleague},en,Ministry of Labour`,
      `NER,Moussa Issa,${emails.niger},fr,Ministère de l'Intérieur`,
    ),
  );
  expect(reply.status).toBe(200);
  const ids = Object.fromEntries(
    await Promise.all(
      Object.entries(emails).map(async ([k, email]) => [
        k,
        String((await FocalPoint.findOne({ roundId, email }).lean())!._id),
      ]),
    ),
  ) as Record<keyof typeof emails, string>;
  return { roundId, emails, ids };
}

/** The token in the link of the latest email queued for a focal point. */
async function tokenEmailedTo(focalPointId: string): Promise<string> {
  const email = await OutboxEmail.findOne({ focalPointId }).sort({ createdAt: -1 }).lean();
  const match = /\/respond\/([A-Za-z0-9_-]{16,64})/.exec(email!.text);
  expect(match).not.toBeNull();
  return match![1];
}

async function eventually<T>(check: () => Promise<T | null | undefined>, ms = 5000): Promise<T | null | undefined> {
  const until = Date.now() + ms;
  let value = await check();
  while (!value && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await check();
  }
  return value;
}

describe('When an organizer creates a round', () => {
  it('then it is stored with the latest form version, no countries yet and default reminders', async () => {
    const deadline = inDays(20);
    const reply = await post('/rounds', {
      name: 'Roundtable 2025',
      formId: 'a1-pilot',
      languages: ['en', 'es'],
      deadline,
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/api/rounds/${reply.body.round.id}`);
    expect(reply.body.round).toMatchObject({
      name: 'Roundtable 2025',
      formId: 'a1-pilot',
      formVersion: 1,
      languages: ['en', 'es'],
      countries: [],
      reminders: { max: 3, minDaysApart: 7 },
    });
    const stored = await Round.findById(reply.body.round.id).lean();
    expect(stored).toMatchObject({ formVersion: 1, reminders: { max: 3, minDaysApart: 7 } });
    expect(stored!.deadline.toISOString()).toBe(deadline);
  });

  it('then chosen reminder settings are kept', async () => {
    const reply = await post('/rounds', {
      name: 'R',
      formId: 'a1-pilot',
      formVersion: 1,
      languages: ['fr'],
      deadline: inDays(10),
      reminders: { max: 0, minDaysApart: 14 },
    });
    expect(reply.body.round.reminders).toEqual({ max: 0, minDaysApart: 14 });
  });

  it('then an unknown form gets 422 naming body.formId, and no round is stored', async () => {
    const before = await Round.countDocuments();
    const reply = await post('/rounds', { name: 'R', formId: 'no-such-form', languages: ['en'], deadline: inDays(10) });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([{ field: 'body.formId', message: 'is not a known form' }]);
    expect(
      (
        await post('/rounds', {
          name: 'R',
          formId: 'a1-pilot',
          formVersion: 99,
          languages: ['en'],
          deadline: inDays(10),
        })
      ).body.errors[0].field,
    ).toBe('body.formVersion');
    expect(await Round.countDocuments()).toBe(before);
  });

  it.each([
    ['a past deadline', { deadline: new Date(Date.now() - 60_000).toISOString() }, 'body.deadline'],
    ['a deadline that is not a date-time', { deadline: 'next Friday' }, 'body.deadline'],
    ['no language', { languages: [] }, 'body.languages'],
    ['an unknown language', { languages: ['de'] }, 'body.languages.0'],
    ['too many reminders', { reminders: { max: 11 } }, 'body.reminders.max'],
    ['reminders on consecutive hours', { reminders: { minDaysApart: 0 } }, 'body.reminders.minDaysApart'],
    ['an unknown field', { colour: 'red' }, 'body.colour'],
  ])('then %s gets 400 naming the field', async (_what, change, field) => {
    const reply = await post('/rounds', {
      name: 'R',
      formId: 'a1-pilot',
      languages: ['en'],
      deadline: inDays(10),
      ...change,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('then its request schema is published', async () => {
    const reply = await request(url('/schemas/round-create'));
    expect(reply.status).toBe(200);
    expect(reply.body.required).toEqual(['name', 'formId', 'languages', 'deadline']);
  });
});

describe('When focal points are imported from CSV', () => {
  it('then bad rows get 422 listing each row, field and reason, and nothing is stored', async () => {
    const roundId = await createRound();
    const tag = unique();
    const reply = await postCsv(
      `/rounds/${roundId}/focal-points/import`,
      csvOf(
        `KEN,Amina Wanjiku,amina.${tag}@interior.go.ke,en,Ministry of Interior`,
        `XYZ,Nobody,nobody.${tag}@example.org,en,Ministry of Nowhere`,
        `NER,,moussa.${tag}@interieur.gouv.ne,fr,Intérieur`,
        `NGA,Ngozi Okafor,not-an-email,en,Ministry of Labour`,
        `ETH,Abebe Bekele,abebe.${tag}@mols.gov.et,es,Ministry of Labour`,
        `CHE,Anna Muster,AMINA.${tag}@interior.go.ke,en,SEM`,
        `GBR,John Smith,john.${tag}@homeoffice.gov.uk,en,`,
      ),
    );
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([
      { row: 3, field: 'country', message: 'XYZ is not a known ISO 3166 alpha-3 code' },
      { row: 4, field: 'name', message: 'is required' },
      { row: 5, field: 'email', message: 'not-an-email is not a valid email address' },
      { row: 6, field: 'language', message: "must be one of the round's languages: en, fr" },
      { row: 7, field: 'email', message: `amina.${tag}@interior.go.ke is already on row 2` },
      { row: 8, field: 'ministry', message: 'is required' },
    ]);
    expect(await FocalPoint.countDocuments({ roundId })).toBe(0);
    expect((await Round.findById(roundId).lean())!.countries).toEqual([]);
  });

  it('then with ?validOnly=true the valid rows are imported, the others reported, and new countries join the round', async () => {
    const roundId = await createRound();
    const tag = unique();
    const reply = await postCsv(
      `/rounds/${roundId}/focal-points/import?validOnly=true`,
      csvOf(
        `ken,Amina Wanjiku,Amina.${tag}@Interior.go.ke,EN,Ministry of Interior`,
        `XYZ,Nobody,nobody.${tag}@example.org,en,Nowhere`,
        `NER,Moussa Issa,moussa.${tag}@interieur.gouv.ne,fr,"Ministère de l'Intérieur, DGMI"`,
      ),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      imported: 2,
      skipped: [{ row: 3, field: 'country', message: 'XYZ is not a known ISO 3166 alpha-3 code' }],
      focalPoints: 2,
    });
    const stored = await FocalPoint.find({ roundId }).sort({ country: 1 }).lean();
    expect(stored).toMatchObject([
      {
        country: 'KEN',
        name: 'Amina Wanjiku',
        email: `amina.${tag}@interior.go.ke`,
        language: 'en',
        ministry: 'Ministry of Interior',
      },
      { country: 'NER', language: 'fr', ministry: "Ministère de l'Intérieur, DGMI" },
    ]);
    expect(stored[0].invitedAt).toBeUndefined();
    expect((await Round.findById(roundId).lean())!.countries).toEqual([
      { iso3: 'KEN', name: 'Kenya' },
      { iso3: 'NER', name: 'Niger' },
    ]);

    // A second import: an address already in the round is refused, the country is not added twice.
    const again = await postCsv(
      `/rounds/${roundId}/focal-points/import`,
      csvOf(`KEN,Amina W.,amina.${tag}@interior.go.ke,en,Interior`),
    );
    expect(again.body.errors).toEqual([
      { row: 2, field: 'email', message: `amina.${tag}@interior.go.ke is already a focal point of this round` },
    ]);
    const more = await postCsv(
      `/rounds/${roundId}/focal-points/import`,
      csvOf(`KEN,Peter Otieno,peter.${tag}@labour.go.ke,en,Labour`),
    );
    expect(more.body).toEqual({ imported: 1, skipped: [], focalPoints: 3 });
    expect((await Round.findById(roundId).lean())!.countries).toHaveLength(2);
  });

  it('then a name, ministry or address longer than its bound gets 422 naming the row and field, and nothing is stored', async () => {
    const roundId = await createRound();
    const tag = unique();
    const long = 'x'.repeat(100_000);
    const reply = await postCsv(
      `/rounds/${roundId}/focal-points/import?validOnly=true`,
      csvOf(
        `KEN,${long},a.${tag}@interior.go.ke,en,Interior`,
        `KEN,Amina,b.${tag}@interior.go.ke,en,${long}`,
        `KEN,Amina,c.${tag}@interior.go.ke,en,Interior`,
      ),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      imported: 1,
      skipped: [
        { row: 2, field: 'name', message: 'is longer than 200 characters' },
        { row: 3, field: 'ministry', message: 'is longer than 200 characters' },
      ],
      focalPoints: 1,
    });
    expect((await FocalPoint.find({ roundId }).lean()).map((f) => f.email)).toEqual([`c.${tag}@interior.go.ke`]);
  });

  it('then a file of more rows than allowed gets 422 before any row is checked, and nothing is stored', async () => {
    const roundId = await createRound();
    const rows = Array.from({ length: 5001 }, (_, i) => `KEN,P${i},p${i}@x.org,en,M`);
    const reply = await postCsv(`/rounds/${roundId}/focal-points/import?validOnly=true`, csvOf(...rows));
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([{ row: 5002, field: 'file', message: 'has more than 5000 focal points' }]);
    expect(await FocalPoint.countDocuments({ roundId })).toBe(0);
  });

  it.each(['validOnly=1', 'validOnly=TRUE', 'validOnly=true&validOnly=true', 'validonly=true'])(
    'then the query %s gets 400 naming the parameter, and nothing is stored',
    async (query) => {
      const roundId = await createRound();
      const reply = await postCsv(
        `/rounds/${roundId}/focal-points/import?${query}`,
        csvOf(`KEN,Amina,a.${unique()}@interior.go.ke,en,Interior`),
      );
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(reply.body.errors[0].field).toBe(`query.${query.split('=')[0]}`);
      expect(await FocalPoint.countDocuments({ roundId })).toBe(0);
    },
  );

  it('then a file without the expected header gets 422, and a JSON body 415', async () => {
    const roundId = await createRound();
    const reply = await postCsv(`/rounds/${roundId}/focal-points/import`, 'country,name,email\nKEN,A,a@b.org\n');
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([{ row: 1, field: 'header', message: 'misses language, ministry' }]);
    expect((await post(`/rounds/${roundId}/focal-points/import`, { country: 'KEN' })).status).toBe(415);
    expect((await postCsv('/rounds/000000000000000000000000/focal-points/import', csvOf())).status).toBe(404);
  });
});

describe('When focal points are invited', () => {
  it('then each gets a queued email with a personal link that opens their country and records the opening', async () => {
    const { roundId, emails, ids } = await roundWithFocalPoints();
    const reply = await post(`/rounds/${roundId}/invitations`);
    expect(reply.status).toBe(200);
    expect(reply.body.invited).toBe(3);

    const queued = await OutboxEmail.find({ roundId }).lean();
    expect(queued.map((e) => e.to).sort()).toEqual(Object.values(emails).sort());
    expect(queued.every((e) => e.template === 'invitation' && e.status === 'queued')).toBe(true);
    expect(queued.find((e) => e.to === emails.niger)!.locale).toBe('fr');
    for (const e of queued) expect(e.text).toContain(`${app.config.publicUrl}/respond/`);

    const fp = await FocalPoint.findById(ids.niger).lean();
    expect(fp!.invitedAt).toBeInstanceOf(Date);
    expect(fp!.linkIds).toHaveLength(1);
    expect(fp!.openedAt).toBeUndefined();

    const token = await tokenEmailedTo(ids.niger);
    const opened = await request(url(`/respondent/${token}`));
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      round: { id: roundId },
      country: { iso3: 'NER', name: 'Niger' },
      language: 'fr',
    });
    const firstOpened = (await FocalPoint.findById(ids.niger).lean())!.openedAt;
    expect(firstOpened).toBeInstanceOf(Date);
    await request(url(`/respondent/${token}`));
    expect((await FocalPoint.findById(ids.niger).lean())!.openedAt).toEqual(firstOpened); // the first opening only
    expect((await FocalPoint.findById(ids.kenya).lean())!.openedAt).toBeUndefined();

    // Inviting again sends nothing to those already invited.
    expect((await post(`/rounds/${roundId}/invitations`)).body.invited).toBe(0);
    expect(await OutboxEmail.countDocuments({ roundId })).toBe(3);
  });

  it('then focal points of one country share its response', async () => {
    const { roundId, ids } = await roundWithFocalPoints();
    await post(`/rounds/${roundId}/invitations`, { focalPointIds: [ids.kenya, ids.kenyaColleague] });
    expect(await OutboxEmail.countDocuments({ roundId })).toBe(2);
    const [a, b] = [await tokenEmailedTo(ids.kenya), await tokenEmailedTo(ids.kenyaColleague)];
    expect(a).not.toBe(b);
    const saved = await request(url(`/respondent/${a}/draft`), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: { a1_1: 2 }, baseRevision: 0 }),
    });
    expect(saved.status).toBe(200);
    expect((await request(url(`/respondent/${b}`))).body.response).toMatchObject({
      status: 'draft',
      answers: { a1_1: 2 },
    });
  });

  it('then focal points of another round are refused with 422', async () => {
    const { roundId } = await roundWithFocalPoints();
    const other = await roundWithFocalPoints();
    const reply = await post(`/rounds/${roundId}/invitations`, { focalPointIds: [other.ids.kenya] });
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0].field).toBe('body.focalPointIds');
    expect(await OutboxEmail.countDocuments({ roundId })).toBe(0);
  });

  it('then a revoked link answers 410, and a resent link replaces the old one', async () => {
    const { roundId, ids } = await roundWithFocalPoints();
    await post(`/rounds/${roundId}/invitations`);
    const first = await tokenEmailedTo(ids.kenya);

    const revoked = await post(`/focal-points/${ids.kenya}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.focalPoint).toMatchObject({ id: ids.kenya, link: 'revoked', invited: true });
    expect((await request(url(`/respondent/${first}`))).status).toBe(410);
    expect((await request(url(`/respondent/${await tokenEmailedTo(ids.kenyaColleague)}`))).status).toBe(200); // the colleague's still works

    const resent = await post(`/focal-points/${ids.kenya}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body.focalPoint).toMatchObject({
      link: 'active',
      latestEmail: { template: 'invitation', status: 'queued' },
    });
    const second = await tokenEmailedTo(ids.kenya);
    expect(second).not.toBe(first);
    expect(await OutboxEmail.countDocuments({ focalPointId: ids.kenya })).toBe(2);
    expect((await request(url(`/respondent/${second}`))).status).toBe(200);

    // Resending an active link also withdraws it.
    await post(`/focal-points/${ids.kenya}/resend`);
    const third = await tokenEmailedTo(ids.kenya);
    expect((await request(url(`/respondent/${second}`))).status).toBe(410);
    expect((await request(url(`/respondent/${third}`))).status).toBe(200);
    expect((await post('/focal-points/000000000000000000000000/resend')).status).toBe(404);

    // With ?replace=false the earlier link keeps working; a flag not exactly true or false is a 400.
    expect((await post(`/focal-points/${ids.kenya}/resend?replace=false`)).body.focalPoint).toMatchObject({
      link: 'active',
    });
    const fourth = await tokenEmailedTo(ids.kenya);
    expect(fourth).not.toBe(third);
    expect((await request(url(`/respondent/${third}`))).status).toBe(200);
    expect((await request(url(`/respondent/${fourth}`))).status).toBe(200);
    const bad = await post(`/focal-points/${ids.kenya}/resend?replace=no`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'query.replace', message: 'must be one of "true", "false"' }]);
    expect(await OutboxEmail.countDocuments({ focalPointId: ids.kenya })).toBe(4);

    // Revoking withdraws every link of the focal point.
    await post(`/focal-points/${ids.kenya}/revoke`);
    for (const token of [third, fourth]) expect((await request(url(`/respondent/${token}`))).status).toBe(410);
  });
});

describe('When organizers follow a round', () => {
  it('then each focal point shows invited, opened, started, submitted, bounced and its latest email; the round shows counts', async () => {
    const { roundId, emails, ids } = await roundWithFocalPoints();
    await post(`/rounds/${roundId}/invitations`, { focalPointIds: [ids.kenya, ids.niger] });
    const kenyaToken = await tokenEmailedTo(ids.kenya);
    await request(url(`/respondent/${kenyaToken}`));
    await request(url(`/respondent/${kenyaToken}/draft`), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: { a1_1: 2 }, baseRevision: 0 }),
    });
    // Delivered through a real SMTP server, which refuses Niger's address for good.
    const smtp = await startTestSmtpServer();
    const mailer = createMailer({ smtpUrl: smtp.url });
    try {
      smtp.rejectNext(emails.niger, 550, 1, '5.1.1 mailbox unavailable');
      await processDue({ mailer, from: 'capgap <no-reply@capgap.example>', owner: newOwner('test') });
    } finally {
      mailer.close();
      await smtp.close();
    }

    const list = await get(`/rounds/${roundId}/focal-points`);
    expect(list.status).toBe(200);
    const byId = Object.fromEntries(list.body.focalPoints.map((f: { id: string }) => [f.id, f]));
    expect(byId[ids.kenya]).toMatchObject({
      country: 'KEN',
      countryName: 'Kenya',
      invited: true,
      linkOpened: true,
      draftStarted: true,
      submitted: false,
      bounced: false,
      link: 'active',
      latestEmail: { template: 'invitation', status: 'sent' },
    });
    expect(byId[ids.kenyaColleague]).toMatchObject({
      invited: false,
      linkOpened: false,
      draftStarted: true,
      bounced: false,
      link: 'none',
      latestEmail: null,
    });
    expect(byId[ids.niger]).toMatchObject({
      invited: true,
      linkOpened: false,
      draftStarted: false,
      bounced: true,
      bounceReason: expect.stringMatching(/^550.*mailbox unavailable/),
      latestEmail: { status: 'bounced', lastError: expect.stringMatching(/^550.*mailbox unavailable/) },
    });

    const status = await get(`/rounds/${roundId}/status`);
    expect(status.status).toBe(200);
    expect(status.body).toEqual({
      focalPoints: 3,
      invited: 2,
      opened: 1,
      draftStarted: 1,
      countriesSubmitted: 0,
      approved: 0,
      returned: 0,
      countries: 2,
      bounced: 1,
      countryStates: { notStarted: 1, draft: 1, returned: 0, awaitingReview: 0, approved: 0 },
      latestEmails: { queued: 0, sent: 1, failed: 0, bounced: 1 },
    });

    // What the lists show is kept with the focal points: it does not depend on reading the outbox
    // (whose size grows with every round), so it survives the outbox being purged.
    await OutboxEmail.deleteMany({ roundId });
    expect((await get(`/rounds/${roundId}/focal-points`)).body).toEqual(list.body);
    expect((await get(`/rounds/${roundId}/status`)).body).toEqual(status.body);
    expect((await get(`/rounds/${roundId}/status?verbose=true`)).status).toBe(400);
    expect((await get('/rounds/000000000000000000000000/status')).status).toBe(404);
  });
});

describe('When a viewer tries to change anything', () => {
  it('then every write gets 403 and changes nothing', async () => {
    const { roundId, ids } = await roundWithFocalPoints();
    const writes = [
      await post('/rounds', { name: 'R', formId: 'a1-pilot', languages: ['en'], deadline: inDays(10) }, viewer),
      await postCsv(`/rounds/${roundId}/focal-points/import`, csvOf(`KEN,X,x.${unique()}@example.org,en,M`), viewer),
      await post(`/rounds/${roundId}/invitations`, {}, viewer),
      await post(`/focal-points/${ids.kenya}/revoke`, {}, viewer),
      await post(`/focal-points/${ids.kenya}/resend`, {}, viewer),
    ];
    expect(writes.map((w) => w.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await FocalPoint.countDocuments({ roundId })).toBe(3);
    expect(await OutboxEmail.countDocuments({ roundId })).toBe(0);
    expect((await request(url(`/rounds/${roundId}/focal-points`))).status).toBe(401);
  });
});

describe('When someone asks for their link again', () => {
  it('then known and unknown addresses get the same 202, only a known one gets a new link, and the limit is 5 an hour', async () => {
    const { roundId, emails, ids } = await roundWithFocalPoints();
    await post(`/rounds/${roundId}/invitations`, { focalPointIds: [ids.kenya] });
    const old = await tokenEmailedTo(ids.kenya);

    const known = await postJson(url('/links/resend'), { email: emails.kenya.toUpperCase() });
    const unknown = await postJson(url('/links/resend'), { email: `nobody.${unique()}@example.org` });
    const notInvited = await postJson(url('/links/resend'), { email: emails.niger });
    for (const reply of [known, unknown, notInvited]) {
      expect(reply.status).toBe(202);
      expect(reply.body).toEqual(linkAgainReply);
    }
    const again = await eventually(() =>
      OutboxEmail.findOne({ focalPointId: ids.kenya, template: 'link-again' }).lean(),
    );
    expect(again).toBeTruthy();
    const fresh = await tokenEmailedTo(ids.kenya);
    expect(fresh).not.toBe(old);
    expect((await request(url(`/respondent/${fresh}`))).status).toBe(200);
    // Nothing anonymous withdraws a working link, and the email says so truthfully.
    expect((await request(url(`/respondent/${old}`))).status).toBe(200);
    expect(again!.text).not.toMatch(/has not changed/);
    expect(again!.text).toContain('Links sent to you earlier still work');
    expect(
      (await get(`/rounds/${roundId}/focal-points`)).body.focalPoints.find((f: { id: string }) => f.id === ids.kenya),
    ).toMatchObject({ link: 'active', latestEmail: { template: 'link-again' } });
    expect(await OutboxEmail.countDocuments({ template: 'link-again' })).toBe(1);
    expect(await OutboxEmail.countDocuments({ focalPointId: ids.niger })).toBe(0);

    expect((await postJson(url('/links/resend'), { email: 'not an email' })).status).toBe(400);
    expect((await postJson(url('/links/resend'), { email: `nobody.${unique()}@example.org` })).status).toBe(202);
    const limited = await postJson(url('/links/resend'), { email: emails.kenya });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('429.1');
  });
});
