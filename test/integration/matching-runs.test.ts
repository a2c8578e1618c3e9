// Match runs end to end through the real app, database and SMTP server: Kenya needs partners in
// A1; Uganda and Tanzania (strong, willing to share) and a registered organization can help.
// A run proposes two partners, an organizer confirms one of the latest run, both sides receive
// their introduction in their own language, the partner declines through its link, and the next
// run proposes someone else. Older runs cannot be decided on, contradictory pins are refused
// naming the pair, and viewers can read but not run or decide.
import { createCountryLink } from '../../server/invitations/links';
import { runDemoMatching } from '../../server/matching-runs/demo-matching';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { Round } from '../../server/rounds/round.model';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { matchingPartner as partner, strongA1 as strong, weakA1 as weak } from '../helpers/matching-round';
import { deliverOutbox, startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { createEastAfricaRound } from '../helpers/rounds';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let smtp: TestSmtpServer;
let organizer: Organizer;
let admin: Organizer;
let viewer: Organizer;
let roundId: string;
let base: string;

const get = (path: string, who: Organizer = viewer) =>
  request(`${app.baseUrl}${path}`, { headers: { Cookie: who.cookie } });
const put = (path: string, body: unknown, who: Organizer) =>
  request(`${app.baseUrl}${path}`, { method: 'PUT', headers: who.headers, body: JSON.stringify(body) });
interface MatchView {
  id: string;
  kept: boolean;
  country: string;
  area: string;
  providerId: string;
  status: string;
  explanation: Record<'en' | 'fr' | 'es', string>;
}
const kenyaA1 = (run: { matches: MatchView[] }) => run.matches.filter((m) => m.country === 'KEN' && m.area === 'A1');

beforeAll(async () => {
  app = testApp();
  smtp = await startTestSmtpServer();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
  admin = await createOrganizer(app.baseUrl, 'admin');
  viewer = await createOrganizer(app.baseUrl, 'viewer');
  roundId = await createEastAfricaRound();
  base = `/api/rounds/${roundId}/matching`;
  const csv =
    'country,name,email,language,ministry\nKEN,Amina Wanjiku,amina@interior.go.ke,en,Interior\nUGA,Moïse Okello,moise@ubos.example,fr,Statistics\nTZA,Rosa Mbwana,rosa@nbs.example,es,Statistics\n';
  expect(
    (
      await request(`${app.baseUrl}/api/rounds/${roundId}/focal-points/import`, {
        method: 'POST',
        headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
        body: csv,
      })
    ).status,
  ).toBe(200);
  for (const [country, answers] of [
    ['KEN', weak],
    ['UGA', strong],
    ['TZA', strong],
  ] as const) {
    const { token } = await createCountryLink({ roundId, country, language: 'en' });
    expect((await postJson(`${app.baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 })).status).toBe(
      200,
    );
    // Matching uses approved responses (the round's default scoresFrom).
    expect(
      (await postJson(`${app.baseUrl}/api/rounds/${roundId}/responses/${country}/approve`, {}, organizer.headers))
        .status,
    ).toBe(200);
  }
  expect((await postJson(`${app.baseUrl}/api/partners`, partner, organizer.headers)).status).toBe(201);
});
afterAll(async () => {
  await smtp?.close();
});

describe('When a viewer tries to run matching, change pins or decide on a match', () => {
  it('then each is refused with 403, while the settings can be read', async () => {
    expect((await postJson(`${app.baseUrl}${base}/runs`, {}, viewer.headers)).status).toBe(403);
    expect((await put(`${base}/pins`, { pins: [], exclusions: [] }, viewer)).status).toBe(403);
    expect((await put(`${base}/settings`, { partnersPerArea: 1 }, organizer)).status).toBe(403);
    expect(
      (await postJson(`${app.baseUrl}${base}/runs/1/matches/KEN-A1-gov:UGA/confirm`, {}, viewer.headers)).status,
    ).toBe(403);
    const settings = await get(`${base}/settings`);
    expect(settings.status).toBe(200);
    expect(settings.body.settings).toMatchObject({ partnersPerArea: 2, priorityThreshold: 20 });
  });
});

describe('When an organizer runs matching, confirms a match and the partner declines it', () => {
  it('then both sides get their introduction in their language, and the next run proposes someone else', async () => {
    const bad = await put(`${base}/settings`, { partnersPerArea: 0 }, admin);
    expect(bad.status).toBe(400);
    expect((await put(`${base}/settings`, { partnersPerArea: 2, weights: { language: 3 } }, admin)).status).toBe(200);

    const first = await postJson(`${app.baseUrl}${base}/runs`, {}, organizer.headers);
    expect(first.status).toBe(201);
    expect(first.body.run).toMatchObject({
      n: 1,
      methodologyVersion: expect.any(String),
      settings: { partnersPerArea: 2 },
    });
    expect(first.body.run.scores.map((s: { country: string }) => s.country)).toEqual(['KEN', 'TZA', 'UGA']);
    const proposed = kenyaA1(first.body.run);
    expect(proposed).toHaveLength(2);
    expect(proposed[0]).toMatchObject({
      status: 'proposed',
      explanation: { en: expect.any(String), fr: expect.any(String), es: expect.any(String) },
    });

    // A second run: decisions must be taken on it, not on run 1.
    const second = await postJson(`${app.baseUrl}${base}/runs`, {}, organizer.headers);
    expect(second.body.run.n).toBe(2);
    const stored = (await get(`${base}/runs/latest`)).body.run;
    expect(stored.n).toBe(2);
    // Read back from the database, the run still says which day its group memberships were taken on.
    expect(stored.date).toBe(second.body.run.date);
    expect(stored.date).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect((await get(`${base}/runs/2/diff`)).body).toMatchObject({
      from: 1,
      to: 2,
      added: [],
      removed: [],
      changed: [],
    });
    const target = kenyaA1(second.body.run)[0];
    const stale = await postJson(`${app.baseUrl}${base}/runs/1/matches/${target.id}/confirm`, {}, organizer.headers);
    expect(stale.status).toBe(409);
    expect(stale.body.latestRun).toBe(2);

    const confirmed = await postJson(
      `${app.baseUrl}${base}/runs/2/matches/${target.id}/confirm`,
      {},
      organizer.headers,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.introductions).toEqual({ requester: 1, provider: 1 });
    expect(
      (await postJson(`${app.baseUrl}${base}/runs/2/matches/${target.id}/confirm`, {}, organizer.headers)).status,
    ).toBe(409);

    expect(await deliverOutbox(smtp)).toBe(2);
    const received = await smtp.waitFor(2);
    const kenya = received.find((m) => m.to[0] === 'amina@interior.go.ke')!;
    const other = received.find((m) => m.to[0] !== 'amina@interior.go.ke')!;
    expect(kenya.subject).toMatch(/^Partnership introduction: Kenya and /);
    expect(other.subject).toMatch(/^(Mise en relation|Presentación para una alianza)/);
    for (const mail of [kenya, other]) {
      expect(mail.text).toContain('amina@interior.go.ke');
      expect(mail.html).toContain('amina@interior.go.ke');
    }
    expect(kenya.text).toContain(other.to[0]);
    expect(kenya.text).toContain(target.explanation.en);

    // The partner's side declines through the link in its email.
    const token = /\/introductions\/([A-Za-z0-9_-]{32})/.exec(other.text)![1];
    const page = await request(`${app.baseUrl}/introductions/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html lang="(fr|es)">/);
    expect(page.body).toContain(`action="/introductions/${token}/decline"`);
    expect(page.body).not.toContain('<script');
    const declined = await postJson(`${app.baseUrl}/api/introductions/${token}/decline`, {});
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ side: 'provider', decision: { status: 'declined' } });
    expect((await postJson(`${app.baseUrl}/api/introductions/${token}/accept`, {})).status).toBe(409);
    expect((await request(`${app.baseUrl}/introductions/not-a-token`)).status).toBe(404);

    const third = await postJson(`${app.baseUrl}${base}/runs`, {}, organizer.headers);
    const now = kenyaA1(third.body.run);
    expect(now).toHaveLength(2);
    expect(now.map((m) => m.providerId)).not.toContain(target.providerId);
    const diff = (await get(`${base}/runs/3/diff`)).body;
    expect(diff.removed.map((m: { id: string }) => m.id)).toEqual([target.id]);
    expect(diff.added).toHaveLength(1);
  });
});

describe('When pins contradict exclusions or name a pair that is not eligible', () => {
  it('then they are refused with 422 naming the pair, and nothing is stored', async () => {
    const pair = { country: 'KEN', area: 'A1', provider: 'gov:UGA' };
    const both = await put(`${base}/pins`, { pins: [pair], exclusions: [pair] }, organizer);
    expect(both.status).toBe(422);
    expect(both.body.detail).toContain('KEN A1 ↔ gov:UGA');
    expect(both.body.pairs).toEqual([pair]);
    const notDemand = await put(
      `${base}/pins`,
      { pins: [{ country: 'UGA', area: 'A1', provider: 'gov:TZA' }], exclusions: [] },
      organizer,
    );
    expect(notDemand.status).toBe(422);
    expect(notDemand.body.detail).toContain('UGA A1 ↔ gov:TZA');
    expect((await get(`${base}/pins`)).body).toEqual({ pins: [], exclusions: [] });
  });
});

describe('When a proposal is rejected and no other partner is left', () => {
  it('then the coverage report shows the unmet demand by area and region, also as CSV', async () => {
    const latest = (await get(`${base}/runs/latest`)).body.run;
    const target = kenyaA1(latest).find((m) => m.status === 'proposed')!;
    expect(
      (await postJson(`${app.baseUrl}${base}/runs/${latest.n}/matches/${target.id}/reject`, {}, organizer.headers))
        .status,
    ).toBe(200);
    const next = (await postJson(`${app.baseUrl}${base}/runs`, {}, organizer.headers)).body.run;
    expect(kenyaA1(next)).toHaveLength(1);
    expect(next.unmet).toEqual([
      expect.objectContaining({ country: 'KEN', area: 'A1', wanted: 2, assigned: 1, reason: 'excluded' }),
    ]);

    const coverage = await get(`${base}/coverage`);
    expect(coverage.status).toBe(200);
    expect(coverage.body).toMatchObject({ run: next.n, unmet: 1 });
    expect(coverage.body.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dimension: 'area', key: 'A1', gaps: 1, missingPartners: 1 }),
        expect.objectContaining({ dimension: 'region', key: 'Africa', countries: 1 }),
        expect.objectContaining({ dimension: 'group', key: 'EAC' }),
      ]),
    );
    const csv = await get(`${base}/coverage.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\n')[0]).toContain('dimension,key,gaps');
  });
});

describe('When both sides accept a confirmed introduction', () => {
  it('then the pair is accepted and the next run keeps it with its slot', async () => {
    const latest = (await get(`${base}/runs/latest`)).body.run;
    const target = kenyaA1(latest)[0];
    const before = smtp.received.length;
    expect(
      (await postJson(`${app.baseUrl}${base}/runs/${latest.n}/matches/${target.id}/confirm`, {}, organizer.headers))
        .status,
    ).toBe(200);
    expect(await deliverOutbox(smtp)).toBe(2);
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    const [first, second] = mails.map((m) => /\/introductions\/([A-Za-z0-9_-]{32})/.exec(m.text)![1]);
    // One side answers with the page's plain form, the other through the JSON API.
    const page = await request(`${app.baseUrl}/introductions/${first}/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('/accept"');
    expect((await postJson(`${app.baseUrl}/api/introductions/${second}/accept`, {})).body.decision.status).toBe(
      'accepted',
    );

    const next = (await postJson(`${app.baseUrl}${base}/runs`, {}, organizer.headers)).body.run;
    expect(kenyaA1(next).find((m) => m.id === target.id)).toMatchObject({ kept: true, status: 'accepted' });
  });
});

describe('When matching was set up, run and decided on', () => {
  it('then the audit log holds every step: settings, runs, confirm, reject, decline', async () => {
    const audit = await get(`/api/audit?round=${roundId}&limit=100`, admin);
    expect(audit.status).toBe(200);
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    for (const action of [
      'matching.settingsChange',
      'matching.run',
      'match.confirm',
      'match.reject',
      'introduction.decline',
      'introduction.accept',
    ])
      expect(actions).toContain(action);
    const decline = audit.body.entries.find((e: { action: string }) => e.action === 'introduction.decline');
    expect(decline).toMatchObject({ actor: { kind: 'link' }, details: { side: 'provider', status: 'declined' } });
  });
});

describe('When the demo seed asks for a first run', () => {
  it('then a round without approved responses gets none, one with approved responses gets one run, and only once', async () => {
    const round = await Round.create({
      name: 'Demo-like round',
      formId: 'a1-pilot',
      formVersion: 1,
      languages: ['en'],
      deadline: new Date(Date.now() + 30 * 86400_000),
      countries: [
        { iso3: 'KEN', name: 'Kenya' },
        { iso3: 'UGA', name: 'Uganda' },
      ],
    });
    const id = String(round._id);
    expect(await runDemoMatching(app.forms, id, app.config.publicUrl)).toBeNull();
    for (const [country, answers] of [
      ['KEN', weak],
      ['UGA', strong],
    ] as const) {
      const { token } = await createCountryLink({ roundId: id, country, language: 'en' });
      expect(
        (await postJson(`${app.baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 })).status,
      ).toBe(200);
    }
    expect(await runDemoMatching(app.forms, id, app.config.publicUrl)).toBeNull(); // submitted, not yet approved
    for (const country of ['KEN', 'UGA'])
      expect(
        (await postJson(`${app.baseUrl}/api/rounds/${id}/responses/${country}/approve`, {}, organizer.headers)).status,
      ).toBe(200);
    const run = await runDemoMatching(app.forms, id, app.config.publicUrl);
    expect(run).toMatchObject({ n: 1, createdBy: 'demo-seed' });
    expect(run!.matches.map((m) => m.id)).toContain('KEN-A1-gov:UGA');
    expect(await runDemoMatching(app.forms, id, app.config.publicUrl)).toBeNull();
  });
});
