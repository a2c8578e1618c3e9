// The rounds pages of the console over HTTP, against the real app and database: creating a round
// with its scoring settings and changing it (PATCH /api/rounds/:id, its refusals and its audit
// entry), the settings page by role, and a round's dashboard: every response state, how complete
// each draft is, the last activity, the progress chart and its table, the invitation previews in
// each language with a dry-run count, and a download link for every export.
import { AuditEntry } from '../../server/audit/audit-entry.model';
import { Round } from '../../server/rounds/round.model';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let organizer: Organizer;
let admin: Organizer;
let viewer: Organizer;

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const complete = { a1_1: 2, a1_2: 3, a1_3: 'na', a1_4: 1, a1_5: 'dk', a1_importance: 4, a1_target: 3, a1_share: 'no' };

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
  admin = await createOrganizer(app.baseUrl, 'admin');
  viewer = await createOrganizer(app.baseUrl, 'viewer');
});

const patch = (roundId: string, body: unknown, who: Organizer) =>
  request(`${app.baseUrl}/api/rounds/${roundId}`, {
    method: 'PATCH',
    headers: who.headers,
    body: JSON.stringify(body),
  });
const page = async (path: string, who: Organizer) => {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: who.cookie } });
  return { status: res.status, text: await res.text() };
};
const respondent = (token: string) => `${app.baseUrl}/api/respondent/${token}`;
const saveDraft = (token: string, answers: unknown, baseRevision: number) =>
  request(`${respondent(token)}/draft`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers, baseRevision }),
  });
const importCsv = (roundId: string, csv: string) =>
  request(`${app.baseUrl}/api/rounds/${roundId}/focal-points/import`, {
    method: 'POST',
    headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
    body: csv,
  });

describe('When an organizer creates a round with scoring settings and then changes it', () => {
  it('then the settings are stored, a change is one audited update, and what cannot change is refused with a problem', async () => {
    const created = await postJson(
      `${app.baseUrl}/api/rounds`,
      {
        name: 'Roundtable 2027',
        formId: 'a1-pilot',
        languages: ['en', 'fr'],
        deadline: future(30),
        scoring: { southDefinition: 'world-bank', scoresFrom: 'submitted' },
      },
      organizer.headers,
    );
    expect(created.status).toBe(201);
    const roundId = created.body.round.id as string;
    expect(created.body.round.scoring).toMatchObject({
      southDefinition: 'world-bank',
      scoresFrom: 'submitted',
      completenessThreshold: 0.5,
    });

    const deadline = future(60);
    const changed = await patch(
      roundId,
      { name: 'Roundtable 2027 (extended)', deadline, languages: ['en', 'fr', 'es'], reminders: { max: 5 } },
      organizer,
    );
    expect(changed.status).toBe(200);
    expect(changed.body.round).toMatchObject({
      name: 'Roundtable 2027 (extended)',
      deadline,
      languages: ['en', 'fr', 'es'],
      reminders: { max: 5, minDaysApart: 7 },
    });
    const audit = await AuditEntry.findOne({ action: 'round.update', roundId }).lean();
    expect(audit?.details).toMatchObject({ fields: ['name', 'languages', 'deadline', 'reminders.max'] });

    // A form sends every field again: the stored deadline is no change, even once past.
    await Round.updateOne({ _id: roundId }, { $set: { deadline: new Date('2020-01-01T23:59:59Z') } });
    expect((await patch(roundId, { deadline: '2020-01-01T23:59:59.000Z', name: 'Closed' }, organizer)).status).toBe(
      200,
    );
    const past = await patch(roundId, { deadline: '2021-01-01T23:59:59.000Z' }, organizer);
    expect(past.status).toBe(400);
    expect(past.headers.get('content-type')).toContain('application/problem+json');
    expect(past.body.errors).toEqual([{ field: 'body.deadline', message: 'must be in the future' }]);
    await patch(roundId, { deadline }, organizer);

    for (const [body, status] of [
      [{}, 400],
      [{ languages: [] }, 400],
      [{ name: 'x', scoring: { southDefinition: 'un-regions' } }, 400],
      [{ formId: 'no-such-form' }, 422],
      [{ formId: 'a1-pilot', formVersion: 99 }, 422],
    ] as const) {
      const reply = await patch(roundId, body, organizer);
      expect({ body, status: reply.status, type: reply.headers.get('content-type') }).toEqual({
        body,
        status,
        type: 'application/problem+json; charset=utf-8',
      });
    }
    expect((await patch(roundId, { name: 'By a viewer' }, viewer)).status).toBe(403);

    // A language that a focal point reads stays; the questionnaire changes only before any answer.
    expect(
      (await importCsv(roundId, 'country,name,email,language,ministry\nESP,Ana,ana@x.example,es,M\n')).status,
    ).toBe(200);
    const dropped = await patch(roundId, { languages: ['en', 'fr'] }, organizer);
    expect(dropped.status).toBe(422);
    expect(dropped.body.errors[0].field).toBe('body.languages');
    expect((await patch(roundId, { formId: 'capacity', formVersion: 1 }, organizer)).body.round).toMatchObject({
      formId: 'capacity',
      formVersion: 1,
    });
    expect((await Round.findById(roundId).lean())?.name).toBe('Closed');
  });

  it('then once a country has answered, the questionnaire cannot change (409) and nothing else of that request is stored', async () => {
    const round = await createTestRound();
    expect((await saveDraft(round.kenya, { a1_1: 2 }, 0)).status).toBe(200);
    const refused = await patch(round.roundId, { name: 'Renamed', formId: 'capacity' }, organizer);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: '409.5', errors: [{ field: 'body.formId' }] });
    const stored = await Round.findById(round.roundId).lean();
    expect({ name: stored?.name.startsWith('Test round'), formId: stored?.formId }).toEqual({
      name: true,
      formId: 'a1-pilot',
    });
  });
});

describe('When an organizer gives the round a contact for respondents', () => {
  it('then the respondent API names it, a malformed one is refused with a problem, and an empty one removes it', async () => {
    const round = await createTestRound('a1-pilot');
    expect((await request(respondent(round.kenya))).body.round.contact).toBeUndefined();

    const contact = { name: 'Survey team', email: 'survey-team@example.org' };
    expect((await patch(round.roundId, { contact }, organizer)).status).toBe(200);
    expect((await request(respondent(round.kenya))).body.round.contact).toEqual(contact);
    // The settings page shows it in the round's form, where an organizer changes or clears it.
    const settings = await page(`/console/rounds/${round.roundId}/settings`, organizer);
    expect(settings.text).toContain('name="contact.name"');
    expect(settings.text).toContain('value="survey-team@example.org"');

    const refused = await patch(round.roundId, { contact: { email: 'not an address', phone: '1' } }, organizer);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await request(respondent(round.kenya))).body.round.contact).toEqual(contact);

    expect((await patch(round.roundId, { contact: {} }, organizer)).status).toBe(200);
    expect((await request(respondent(round.kenya))).body.round.contact).toBeUndefined();
  });
});

describe('When the settings page of a round is opened', () => {
  it('then an admin gets the round and scoring forms, an organizer the round’s only, a viewer none; the questionnaire is locked once answered', async () => {
    const round = await createTestRound();
    const path = `/console/rounds/${round.roundId}/settings`;
    const asAdmin = await page(path, admin);
    expect(asAdmin.status).toBe(200);
    for (const api of [
      `PATCH /api/rounds/${round.roundId}`,
      `PUT /api/rounds/${round.roundId}/scoring`,
      `POST /api/rounds/${round.roundId}/scores/recompute`,
    ])
      expect(asAdmin.text).toContain(`data-api="${api}"`);
    expect(asAdmin.text).toMatch(/<option value="un-regions"\s+selected/);
    expect(asAdmin.text).toContain(`href="/console/rounds/${round.roundId}/matching#settings"`);
    expect(asAdmin.text).toContain('name="weights.0.weight"');
    expect(asAdmin.text).not.toContain('id="form-locked"');

    const asOrganizer = await page(path, organizer);
    // Save the round; register the webhook; sign out.
    expect((asOrganizer.text.match(/<button type="submit">/g) ?? []).length).toBe(1 + 1 + 1);
    expect(asOrganizer.text).toContain(`data-api="PUT /api/rounds/${round.roundId}/webhook"`);
    expect(asOrganizer.text).toContain('Only administrators change these settings.');

    const asViewer = await page(`${path}?lang=fr`, viewer);
    expect(asViewer.text).toContain('Seuls les organisateurs changent ces paramètres.');
    expect(asViewer.text.match(/<main[\s\S]*<\/main>/)?.[0]).not.toContain('<button');

    await saveDraft(round.niger, { a1_1: 1 }, 0);
    expect((await page(path, admin)).text).toContain('id="form-locked"');
  });
});

describe('When a round has countries in every state', () => {
  let round: TestRound;
  let dashboard: string;
  const questions = () => Object.keys(app.forms.get('a1-pilot', 1)!.answerSchema.properties).length;

  beforeAll(async () => {
    round = await createTestRound();
    await Round.updateOne(
      { _id: round.roundId },
      {
        $push: {
          countries: {
            $each: [
              { iso3: 'NGA', name: 'Nigeria' },
              { iso3: 'GHA', name: 'Ghana' },
            ],
          },
        },
      },
    );
    await importCsv(
      round.roundId,
      'country,name,email,language,ministry\nKEN,Amina,amina@ke.example,en,M\nNER,Moussa,moussa@ne.example,fr,M\nGHA,Kofi,kofi@gh.example,es,M\n',
    );
    // Kenya: submitted then returned; Niger: a draft with three answers; Nigeria: submitted and approved.
    const step = (country: string, action: string, body: unknown = {}) =>
      postJson(`${app.baseUrl}/api/rounds/${round.roundId}/responses/${country}/${action}`, body, organizer.headers);
    expect((await postJson(`${respondent(round.kenya)}/submit`, { answers: complete, baseRevision: 0 })).status).toBe(
      200,
    );
    expect((await step('KEN', 'return', { comment: 'Please add evidence.' })).status).toBe(200);
    expect((await saveDraft(round.niger, { a1_1: 2, a1_2: 1, a1_3: 'na' }, 0)).status).toBe(200);
    const { createCountryLink } = await import('../../server/invitations/links');
    const nigeria = (await createCountryLink({ roundId: round.roundId, country: 'NGA', language: 'en' })).token;
    expect((await postJson(`${respondent(nigeria)}/submit`, { answers: complete, baseRevision: 0 })).status).toBe(200);
    expect((await step('NGA', 'approve')).status).toBe(200);
    const reply = await page(`/console/rounds/${round.roundId}`, organizer);
    expect(reply.status).toBe(200);
    dashboard = reply.text;
  });

  const row = (iso3: string) =>
    dashboard.match(new RegExp(`<tr>\\s*<th scope="row">\\s*(?:<a [^>]*>)?[^<]*\\(${iso3}\\)[\\s\\S]*?</tr>`))?.[0] ??
    '';

  it('then each country’s row shows its state, how complete its response is and its last activity', () => {
    const n = questions();
    expect(row('KEN')).toContain('>returned</span>');
    expect(row('NER')).toContain('>draft</span>');
    expect(row('NER')).toContain(`3 of ${n} answered (${Math.round(300 / n)} %)`);
    expect(row('NGA')).toContain('>approved</span>');
    expect(row('GHA')).toContain('>not started</span>');
    expect(row('GHA')).toMatch(/<td>—<\/td>\s*<td>—<\/td>/);
    expect(row('NER')).toMatch(/<td>[^<]*\d{4}[^<]* UTC<\/td>/);
  });

  it('then the counts and the chart on top say the same, the chart as an image with a text alternative and a table', () => {
    expect(dashboard).toMatch(/<strong>1 \/ 4<\/strong>Countries approved/);
    expect(dashboard).toMatch(/<strong>1<\/strong>Returned for changes/);
    const svg = dashboard.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="progress-chart-title progress-chart-desc"');
    expect(svg).toMatch(
      /<desc id="progress-chart-desc">Of 4 countries in the round: Not started: 1 \(25 %\); Draft in progress: 1 \(25 %\); Returned for changes: 1 \(25 %\); Awaiting review: 0 \(0 %\); Approved: 1 \(25 %\)\.<\/desc>/,
    );
    const table = dashboard.match(/<table id="progress-chart-table">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(
      [...table.matchAll(/<th scope="row">([^<]+)<\/th>\s*<td>([^<]+)<\/td>/g)].map((m) => `${m[1]}=${m[2]}`),
    ).toEqual([
      'Not started=1 (25 %)',
      'Draft in progress=1 (25 %)',
      'Returned for changes=1 (25 %)',
      'Awaiting review=0 (0 %)',
      'Approved=1 (25 %)',
    ]);
  });

  it('then the invitation is previewed in each of the round’s languages with a placeholder link, and a dry run counts who would be emailed', async () => {
    const previews = [...dashboard.matchAll(/<details class="email-preview" data-lang="(\w+)">[\s\S]*?<\/details>/g)];
    expect(previews.map((p) => p[1])).toEqual(['en', 'fr', 'es']);
    const french = previews[1][0];
    expect(french).toContain('Invitation : ');
    expect(french).toContain('srcdoc="&lt;!doctype html&gt;');
    expect(french).toContain(`${app.config.publicUrl}/respond/PERSONAL-LINK`);
    expect(french).toContain('Ouvrir le questionnaire');

    const dryRun = await postJson(
      `${app.baseUrl}/api/rounds/${round.roundId}/invitations?dryRun=true`,
      {},
      organizer.headers,
    );
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ dryRun: true, wouldInvite: 3 });
    expect(dryRun.body.focalPoints.map((f: { email: string }) => f.email).sort()).toEqual([
      'amina@ke.example',
      'kofi@gh.example',
      'moussa@ne.example',
    ]);
    const after = await page(`/console/rounds/${round.roundId}`, organizer);
    expect(after.text).toMatch(/<span data-count="queued">0<\/span>/);
    expect(after.text).toContain('id="invite-no-relay"');
    expect(
      (await postJson(`${app.baseUrl}/api/rounds/${round.roundId}/invitations?dryRun=yes`, {}, organizer.headers))
        .status,
    ).toBe(400);

    const sent = await postJson(`${app.baseUrl}/api/rounds/${round.roundId}/invitations`, {}, organizer.headers);
    expect(sent.body.invited).toBe(3);
    const status = await request(`${app.baseUrl}/api/rounds/${round.roundId}/status`, {
      headers: { Cookie: viewer.cookie },
    });
    expect(status.body).toMatchObject({
      approved: 1,
      returned: 1,
      countryStates: { notStarted: 1, draft: 1, returned: 1, awaitingReview: 0, approved: 1 },
      latestEmails: { queued: 3, sent: 0, failed: 0, bounced: 0 },
    });
    const waiting = await page(`/console/rounds/${round.roundId}`, organizer);
    expect(waiting.text).toMatch(/<span data-count="queued">3<\/span>/);
    // No relay: nothing to wait for on the page, so the module does not poll.
    expect(waiting.text).not.toContain('data-poll-status');
  });

  it('then every export is linked in each format (responses in each language) and each link downloads', async () => {
    const links = [...dashboard.matchAll(/<a href="(\/api\/rounds\/[^"]+)" download>/g)].map((m) =>
      m[1].replace(/&amp;/g, '&'),
    );
    const base = `/api/rounds/${round.roundId}`;
    expect(links).toEqual(
      expect.arrayContaining([
        `${base}/exports/responses.csv?lang=en`,
        `${base}/exports/responses.xlsx?lang=fr`,
        `${base}/exports/responses.csv?lang=es`,
        `${base}/exports/scores.xlsx`,
        `${base}/exports/aggregates.csv?by=south`,
        `${base}/exports/aggregates.xlsx?by=hdi`,
        `${base}/matching/coverage.csv`,
      ]),
    );
    expect(links).toHaveLength((3 + 1 + 6 + 1) * 2);
    for (const link of links.filter((l) => !l.includes('/matching/'))) {
      const res = await fetch(`${app.baseUrl}${link}`, { headers: { Cookie: viewer.cookie } });
      expect({ link, status: res.status }).toEqual({ link, status: 200 });
      await res.arrayBuffer();
    }
    expect(
      (await postJson(`${app.baseUrl}/api/rounds/${round.roundId}/matching/runs`, {}, organizer.headers)).status,
    ).toBe(201);
    for (const link of links.filter((l) => l.includes('/matching/'))) {
      const res = await fetch(`${app.baseUrl}${link}`, { headers: { Cookie: viewer.cookie } });
      expect({ link, status: res.status }).toEqual({ link, status: 200 });
      await res.arrayBuffer();
    }
  });

  it('then a viewer sees the states, chart and downloads but no preview, invite or other action', async () => {
    const asViewer = await page(`/console/rounds/${round.roundId}?lang=es`, viewer);
    expect(asViewer.text).toContain('id="progress-chart-table"');
    expect(asViewer.text).toContain('id="exports-table"');
    expect(asViewer.text).not.toContain('email-preview');
    expect(asViewer.text.match(/<main[\s\S]*<\/main>/)?.[0]).not.toContain('<button');
  });

  it('then without a relay the outbox says the invitations are waiting and how to configure one, and previews each', async () => {
    const outbox = await page(`/console/outbox?round=${round.roundId}`, viewer);
    expect(outbox.text).toMatch(/<p class="notice" id="no-relay">\d+ emails are waiting: no mail relay is configured/);
    expect(outbox.text).toContain('set SMTP_URL (for example smtp://');
    const ids = [...outbox.text.matchAll(/<a href="\/console\/outbox\/([0-9a-f]{24})">Invita(?:tion ?|ción):/g)].map(
      (m) => m[1],
    );
    expect(ids).toHaveLength(3); // in English, French and Spanish
    const one = await page(`/console/outbox/${ids[0]}?lang=fr`, viewer);
    expect(one.status).toBe(200);
    expect(one.text).toMatch(
      /<iframe class="preview" sandbox="" title="Aperçu: Invita[^"]+" srcdoc="&lt;!doctype html&gt;/,
    );
    expect(one.text).toMatch(/\/respond\/[A-Za-z0-9_-]{20,}/);
  });
});
