// Reviewing country responses over HTTP against the real database: approve, return with
// comments, reopen, by role; refused steps (409 with the current state, 422 for what a return
// lacks); a returned response edited and resubmitted through a link, then approved; the return
// email delivered over SMTP in French; which scores count before and after approval.
import Ajv from 'ajv';
import { AuditEntry } from '../../server/audit/audit-entry.model';
import { createMailer } from '../../server/email/mailer';
import { OutboxEmail } from '../../server/email/outbox.model';
import { newOwner, processDue } from '../../server/email/outbox-worker';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { remindRound } from '../../server/reminders/send-reminders';
import { findLatestResponse } from '../../server/responses/country-response-store';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let organizer: Organizer;
let admin: Organizer;
let viewer: Organizer;
let round: TestRound;

const complete = { a1_1: 2, a1_2: 3, a1_3: 'na', a1_4: 1, a1_5: 'dk', a1_importance: 4, a1_target: 3, a1_share: 'no' };

beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
  admin = await createOrganizer(app.baseUrl, 'admin');
  viewer = await createOrganizer(app.baseUrl, 'viewer');
});
beforeEach(async () => {
  round = await createTestRound();
});

const respondent = (token: string) => `${app.baseUrl}/api/respondent/${token}`;
const submit = (token: string, answers: unknown, baseRevision: number) =>
  postJson(`${respondent(token)}/submit`, { answers, baseRevision });
const saveDraft = (token: string, answers: unknown, baseRevision: number) =>
  request(`${respondent(token)}/draft`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answers, baseRevision }),
  });
const step = (action: string, who: Organizer | null, body: unknown = {}, country = 'KEN') =>
  postJson(`${app.baseUrl}/api/rounds/${round.roundId}/responses/${country}/${action}`, body, who?.headers ?? {});
const read = (path: string, who: Organizer = viewer) =>
  request(`${app.baseUrl}/api/rounds/${round.roundId}${path}`, { headers: { Cookie: who.cookie } });

describe('When an approval is sent with a field it does not take', () => {
  it('then it is refused with 400 naming the field, and the response stays as it was', async () => {
    expect((await submit(round.kenya, complete, 0)).body.status).toBe('submitted');
    const reply = await step('approve', organizer, { comment: 'looks good' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: '400.2' });
    expect(JSON.stringify(reply.body.errors)).toContain('comment');
    expect((await findLatestResponse(round.roundId, 'KEN'))?.status).toBe('submitted');
    expect((await step('approve', organizer)).status).toBe(200);
  });
});

describe('When organizers review a submitted response', () => {
  it('then an organizer or an admin may approve, return and reopen; a viewer gets 403 and a link or no session 401', async () => {
    expect((await submit(round.kenya, complete, 0)).body.status).toBe('submitted');
    for (const action of ['approve', 'return', 'reopen']) {
      expect((await step(action, viewer, { comment: 'x' })).status).toBe(403);
      expect((await step(action, null, { comment: 'x' })).status).toBe(401);
      const withLink = await postJson(
        `${app.baseUrl}/api/rounds/${round.roundId}/responses/KEN/${action}?token=${round.kenya}`,
        { comment: 'x' },
        { Authorization: `Bearer ${round.kenya}` },
      );
      expect(withLink.status).toBe(401);
    }
    expect(await findLatestResponse(round.roundId, 'KEN')).toMatchObject({ status: 'submitted', revision: 1 });

    const approved = await step('approve', organizer);
    expect(approved).toMatchObject({ status: 200, body: { status: 'approved', revision: 2, answers: complete } });
    const reopened = await step('reopen', admin);
    expect(reopened).toMatchObject({ status: 200, body: { status: 'draft', revision: 3 } });
    expect((await submit(round.kenya, complete, 3)).body.status).toBe('submitted');
    const returned = await step('return', admin, { comment: 'Please give a source for A1.4.' });
    expect(returned.body).toMatchObject({
      status: 'returned',
      revision: 5,
      review: { comment: 'Please give a source for A1.4.' },
    });

    const history = (await read('/responses/KEN')).body.history as {
      action: string;
      status: string;
      revision: number;
      by: { kind: string; label?: string };
      at: string;
      comment?: string;
    }[];
    expect(history.map((e) => [e.action, e.status, e.revision])).toEqual([
      ['submit', 'submitted', 1],
      ['approve', 'approved', 2],
      ['reopen', 'draft', 3],
      ['submit', 'submitted', 4],
      ['return', 'returned', 5],
    ]);
    expect(history[1].by).toMatchObject({ kind: 'account', label: organizer.email });
    expect(history[4]).toMatchObject({
      by: { kind: 'account', label: admin.email },
      comment: 'Please give a source for A1.4.',
      at: expect.any(String),
    });
    expect(history[0].by.kind).toBe('link');

    const reviewActions = ['response.approve', 'response.reopen', 'response.return'];
    const audit = (await AuditEntry.find({ roundId: round.roundId }).lean()).filter((e) =>
      reviewActions.includes(e.action),
    );
    expect(audit.map((e) => e.action).sort()).toEqual(['response.approve', 'response.reopen', 'response.return']);
    expect(audit.find((e) => e.action === 'response.return')).toMatchObject({
      actor: { kind: 'account', label: admin.email },
      target: { kind: 'country', id: 'KEN' },
      details: { status: 'returned', questionsCommented: 0 },
    });
  });

  it('then two reviewers at once: one wins, the other gets 409 with the state the winner left', async () => {
    await submit(round.kenya, complete, 0);
    const [a, b] = await Promise.all([step('approve', organizer), step('return', admin, { comment: 'Check A1.2' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 409 ? b : a;
    expect(loser.body).toMatchObject({ code: '409.4', current: { status: winner.body.status, revision: 2 } });
    expect((await findLatestResponse(round.roundId, 'KEN'))!.revision).toBe(2);
  });
});

describe('When a review step does not fit the response', () => {
  it('then approving or returning a draft gets 409 with its current state, and nothing is stored', async () => {
    await saveDraft(round.kenya, { a1_1: 2 }, 0);
    for (const action of ['approve', 'return']) {
      const reply = await step(action, organizer, action === 'return' ? { comment: 'Too early' } : {});
      expect(reply.status).toBe(409);
      expect(reply.headers.get('content-type')).toMatch(/problem\+json/);
      expect(reply.body).toMatchObject({
        code: '409.4',
        current: { status: 'draft', revision: 1, answers: { a1_1: 2 } },
      });
    }
    expect((await step('approve', organizer, {}, 'NER')).body).toMatchObject({
      code: '409.4',
      current: { status: 'new' },
    });
    expect((await step('approve', organizer, {}, 'XYZ')).status).toBe(404); // not a country of the round
    expect(
      (await postJson(`${app.baseUrl}/api/rounds/not-a-round/responses/KEN/approve`, {}, organizer.headers)).status,
    ).toBe(404);
    await submit(round.kenya, complete, 1);
    await step('approve', organizer);
    expect((await step('approve', organizer)).body).toMatchObject({ code: '409.4', current: { status: 'approved' } });
    expect((await findLatestResponse(round.roundId, 'KEN'))!.revision).toBe(3);
  });

  it('then a return without a comment, or with an empty one, gets 422 from the published schema', async () => {
    await submit(round.kenya, complete, 0);
    for (const body of [
      {},
      { comment: '' },
      { comment: '   ' },
      { comment: 'x'.repeat(5001) },
      { comment: 'ok', questionComments: { a1_1: '' } },
    ]) {
      const reply = await step('return', organizer, body);
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].field).toMatch(/^body/);
    }
    const schema = await request(`${app.baseUrl}/api/schemas/response-return`);
    expect(schema.body).toMatchObject({ $id: 'response-return', required: ['comment'] });
    expect((await findLatestResponse(round.roundId, 'KEN'))!.status).toBe('submitted');
  });

  it('then comments on questions the form lacks get 422 naming them, and nothing is stored', async () => {
    await submit(round.kenya, complete, 0);
    const reply = await step('return', organizer, {
      comment: 'See below',
      questionComments: { a1_1: 'Which year?', a9_9: 'x', nothere: 'y' },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.detail).toMatch(/a9_9, nothere/);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.questionComments.a9_9',
      'body.questionComments.nothere',
    ]);
    expect(await findLatestResponse(round.roundId, 'KEN')).toMatchObject({ status: 'submitted', revision: 1 });
    expect(
      (await OutboxEmail.find({ roundId: round.roundId }).lean()).filter((e) => String(e.template) === 'returned'),
    ).toEqual([]);
  });
});

describe('When a returned response is edited through a link and submitted again', () => {
  it('then the link shows the comments, drafts are allowed, the resubmission can be approved, and reminders go only while returned', async () => {
    await submit(round.kenya, complete, 0);
    // No focal points: nothing to plan.
    expect((await remindRound(app.baseUrl, round.roundId, { dryRun: true })).decisions).toEqual([]);
    await step('return', organizer, {
      comment: 'Please check the evidence.',
      questionComments: { a1_4: 'Which bulletin?' },
    });

    const seen = (await request(respondent(round.kenyaColleague))).body.response;
    expect(seen).toMatchObject({
      status: 'returned',
      revision: 2,
      review: { comment: 'Please check the evidence.', questionComments: { a1_4: 'Which bulletin?' } },
    });
    expect(seen.history).toBeUndefined(); // reviewers' names stay with the organizers

    const draft = await saveDraft(round.kenyaColleague, { ...complete, a1_4: 2 }, 2);
    expect(draft.body).toMatchObject({
      status: 'returned',
      revision: 3,
      review: { comment: 'Please check the evidence.' },
    });
    const resubmitted = await submit(round.kenya, { ...complete, a1_4: 2 }, 3);
    expect(resubmitted.body).toMatchObject({ status: 'resubmitted', revision: 4, answers: { a1_4: 2 } });
    expect(resubmitted.body.review).toBeUndefined();
    expect((await saveDraft(round.kenya, complete, 4)).body).toMatchObject({
      code: '409.3',
      current: { status: 'resubmitted' },
    });

    const approved = await step('approve', organizer);
    expect(approved.body).toMatchObject({ status: 'approved', revision: 5, answers: { a1_4: 2 } });
    const history = (await read('/responses/KEN')).body.history as { action: string }[];
    expect(history.map((e) => e.action)).toEqual(['submit', 'return', 'resubmit', 'approve']);
  });
});

describe('When scores count from approved responses (the default)', () => {
  it('then the overview and aggregates leave out a submitted response until it is approved, and say which they used', async () => {
    await submit(round.kenya, complete, 0);
    const before = (await read('/aggregates?by=region')).body;
    expect(before).toMatchObject({ scoresFrom: 'approved', countriesScored: 0 });
    const overviewBefore = (await read('/overview')).body;
    expect(overviewBefore.scoresFrom).toBe('approved');
    expect(overviewBefore.countries.find((c: { iso3: string }) => c.iso3 === 'KEN')).toMatchObject({
      response: 'submitted',
      areas: {},
    });

    await step('approve', organizer);
    const after = (await read('/aggregates?by=region')).body;
    expect(after).toMatchObject({ scoresFrom: 'approved', countriesScored: 1 });
    const overview = await read('/overview');
    expect(overview.body.countries.find((c: { iso3: string }) => c.iso3 === 'KEN')).toMatchObject({
      response: 'approved',
      areas: { A1: { capacity: 50 } },
    });
    const schema = (await request(`${app.baseUrl}/api/schemas/round-overview`)).body;
    expect(new Ajv({ strict: false }).validate({ ...schema, $id: undefined }, overview.body)).toBe(true);

    await step('reopen', organizer);
    expect((await read('/aggregates?by=region')).body.countriesScored).toBe(0);
  });

  it('then a round set to count submitted responses shows them before approval', async () => {
    await submit(round.kenya, complete, 0);
    const set = await request(`${app.baseUrl}/api/rounds/${round.roundId}/scoring`, {
      method: 'PUT',
      headers: admin.headers,
      body: JSON.stringify({ scoresFrom: 'submitted' }),
    });
    expect(set).toMatchObject({ status: 200, body: { scoring: { scoresFrom: 'submitted' } } });
    expect((await read('/aggregates?by=region')).body).toMatchObject({ scoresFrom: 'submitted', countriesScored: 1 });
    expect((await read('/overview')).body.scoresFrom).toBe('submitted');
  });
});

describe('When a response is returned to a country whose focal point writes in French', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it('then the focal point receives, over SMTP, the comment, the number of questions commented and a working link, in French', async () => {
    const csv = 'country,name,email,language,ministry\nNER,Moussa Issa,moussa@interieur.gouv.ne,fr,Intérieur\n';
    expect(
      (
        await request(`${app.baseUrl}/api/rounds/${round.roundId}/focal-points/import`, {
          method: 'POST',
          headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
          body: csv,
        })
      ).status,
    ).toBe(200);
    expect(
      (await postJson(`${app.baseUrl}/api/rounds/${round.roundId}/invitations`, {}, organizer.headers)).body.invited,
    ).toBe(1);
    await submit(round.niger, complete, 0);
    const comment = 'Merci de préciser la source <des données> pour A1.4.';
    expect(
      (
        await step(
          'return',
          organizer,
          { comment, questionComments: { a1_4: 'Quelle publication ?', a1_2: 'Année ?' } },
          'NER',
        )
      ).body,
    ).toMatchObject({ status: 'returned', focalPointsNotified: 1 });

    const mailer = createMailer({ smtpUrl: smtp.url });
    try {
      expect(await processDue({ mailer, from: 'capgap <no-reply@capgap.example>', owner: newOwner('test') })).toBe(2); // invitation, return
    } finally {
      mailer.close();
    }
    const received = await smtp.waitFor(2);
    const returned = received.find((m) => /renvoyée/.test(m.subject))!;
    expect(returned.to).toEqual(['moussa@interieur.gouv.ne']);
    expect(returned.subject).toBe(
      `Réponse renvoyée pour révision : Test round ${returned.subject.split('Test round ')[1]}`,
    );
    expect(returned.text).toContain(`> ${comment}`);
    expect(returned.text).toContain('2 questions font l’objet d’un commentaire particulier');
    expect(returned.html).toContain('Merci de préciser la source &lt;des données&gt; pour A1.4.');
    expect(returned.html).toContain('<html lang="fr">');
    const token = /https?:\/\/\S+\/respond\/([A-Za-z0-9_-]{16,64})/.exec(returned.text)![1];
    const opened = (await request(respondent(token))).body;
    expect(opened).toMatchObject({
      country: { iso3: 'NER' },
      language: 'fr',
      response: { status: 'returned', review: { comment } },
    });
  });

  it('then reminders go to a returned response, not to a submitted or approved one', async () => {
    const csv = 'country,name,email,language,ministry\nNER,Moussa Issa,moussa@interieur.gouv.ne,fr,Intérieur\n';
    await request(`${app.baseUrl}/api/rounds/${round.roundId}/focal-points/import`, {
      method: 'POST',
      headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
      body: csv,
    });
    await postJson(`${app.baseUrl}/api/rounds/${round.roundId}/invitations`, {}, organizer.headers);
    const later = new Date(Date.now() + 8 * 86400_000);
    const plan = async () =>
      (await remindRound(app.baseUrl, round.roundId, { dryRun: true, now: later })).decisions.filter((d) => d.remind)
        .length;
    expect(await plan()).toBe(1);
    await submit(round.niger, complete, 0);
    expect(await plan()).toBe(0);
    await step('return', organizer, { comment: 'À revoir' }, 'NER');
    expect(await plan()).toBe(1);
    await submit(round.niger, complete, 2);
    await step('approve', organizer, {}, 'NER');
    expect(await plan()).toBe(0);
  });
});
