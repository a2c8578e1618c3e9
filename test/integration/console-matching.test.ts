// A round's matching page as the server renders it, through the real app and database: before a
// run, after one (proposals grouped by country and area with their explanations in the page's
// language, the buttons that call the API for organizers, none for viewers, the settings form for
// admins only), and after decisions and a second run (introductions and their answers, the
// changes since the run before, unmet demand with its reason, pins and exclusions).
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { createMatchingRound } from '../helpers/matching-round';
import { setupTestApp } from '../helpers/test-app';

const app = setupTestApp();
let organizer: Organizer;
let viewer: Organizer;
let admin: Organizer;
let roundId: string;
let api: string;

const page = async (who: Organizer, query = '') => {
  const reply = await request(`${app().baseUrl}/console/rounds/${roundId}/matching${query}`, {
    headers: { Cookie: who.cookie },
  });
  expect(reply.status).toBe(200);
  return String(reply.body);
};
/** The page's main content (the header holds the sign-out form). */
const main = (htmlText: string) => htmlText.slice(htmlText.indexOf('<main'));
const latest = async () =>
  (await request(`${app().baseUrl}${api}/runs/latest`, { headers: { Cookie: organizer.cookie } })).body.run;

beforeAll(async () => {
  await seedReferenceData();
  organizer = await createOrganizer(app().baseUrl, 'organizer');
  viewer = await createOrganizer(app().baseUrl, 'viewer');
  admin = await createOrganizer(app().baseUrl, 'admin');
  roundId = await createMatchingRound(app().baseUrl, organizer, 'Roundtable 2027');
  api = `/api/rounds/${roundId}/matching`;
});

describe('When a round has not been matched yet', () => {
  it('then its page says so, offers organizers the run button, and the dashboard links to it', async () => {
    const body = await page(organizer);
    expect(body).toContain('Matching has not been run for this round yet.');
    expect(body).toContain(`data-api="POST ${api}/runs"`);
    expect(main(await page(viewer))).not.toContain('data-api');
    const dashboard = await request(`${app().baseUrl}/console/rounds/${roundId}`, {
      headers: { Cookie: viewer.cookie },
    });
    expect(dashboard.body).toContain(`href="/console/rounds/${roundId}/matching"`);
  });
});

describe('When matching has run', () => {
  let run: { n: number; matches: { id: string; country: string; explanation: Record<string, string> }[] };

  beforeAll(async () => {
    expect((await postJson(`${app().baseUrl}${api}/runs`, {}, organizer.headers)).status).toBe(201);
    run = await latest();
  });

  it('then organizers see the proposals by country and area, each explained, with confirm, reject, pin and exclude', async () => {
    const body = await page(organizer);
    expect(body).toMatch(/<table class="matches" id="matches-KEN">/);
    expect(body).toMatch(/<table class="matches" id="matches-NER">/);
    expect(body).toMatch(/<th scope="rowgroup" rowspan="2">A1 /);
    const kenya = run.matches.filter((m) => m.country === 'KEN');
    expect(kenya).toHaveLength(2);
    for (const m of kenya) {
      const escapedId = encodeURIComponent(m.id);
      expect(body).toContain(`data-api="POST ${api}/runs/${run.n}/matches/${escapedId}/confirm"`);
      expect(body).toContain(`data-api="POST ${api}/runs/${run.n}/matches/${escapedId}/reject"`);
      expect(body).toContain(
        m.explanation.en.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
      );
    }
    expect(body).toContain('data-conflict="These proposals are from an older run');
    expect(body).toContain(`data-api="PUT ${api}/pins"`);
    expect(body).toContain(`href="${api}/coverage.csv"`);
    expect(body).toContain(`href="${api}/coverage.xlsx"`);
    // Organizers read the settings; only admins get their form.
    expect(body).toContain('id="settings-table"');
    expect(body).not.toContain(`data-api="PUT ${api}/settings"`);
    expect(await page(admin)).toContain(`data-api="PUT ${api}/settings"`);
  });

  it('then the explanations follow the page language', async () => {
    const fr = await page(organizer, '?lang=fr');
    expect(fr).toContain('<html lang="fr">');
    const first = run.matches[0].explanation.fr.split(' · ')[0];
    expect(fr).toContain(first.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
    expect(fr).toContain('Confirmer');
  });

  it('then viewers see the same proposals without any button that acts, and one country at a time on asking', async () => {
    const body = main(await page(viewer));
    expect(body).toContain('id="matches-KEN"');
    expect(body).not.toContain('data-api');
    const one = main(await page(viewer, '?country=NER'));
    expect(one).toContain('id="matches-NER"');
    expect(one).not.toContain('id="matches-KEN"');
  });
});

describe('When matches were decided, a pair excluded and matching run again', () => {
  it('then the page shows the introductions and their answers, the changes since the run before, and the unmet demand with its reason', async () => {
    const first = await latest();
    const kenya = first.matches.filter((m: { country: string }) => m.country === 'KEN');
    const confirm = await postJson(
      `${app().baseUrl}${api}/runs/${first.n}/matches/${encodeURIComponent(kenya[0].id)}/confirm`,
      {},
      organizer.headers,
    );
    expect(confirm.status).toBe(200);
    expect(
      (
        await postJson(
          `${app().baseUrl}${api}/runs/${first.n}/matches/${encodeURIComponent(kenya[1].id)}/reject`,
          {},
          organizer.headers,
        )
      ).status,
    ).toBe(200);
    // Niger keeps only Uganda: Tanzania and the registered partner are excluded.
    const partners = await request(`${app().baseUrl}/api/partners`, { headers: { Cookie: viewer.cookie } });
    const exclusions = ['gov:TZA', partners.body.partners[0].id].map((provider) => ({
      country: 'NER',
      area: 'A1',
      provider,
    }));
    const pins = await request(`${app().baseUrl}${api}/pins`, {
      method: 'PUT',
      headers: organizer.headers,
      body: JSON.stringify({ pins: [], exclusions }),
    });
    expect(pins.status).toBe(200);

    const between = await page(organizer);
    expect(between).toMatch(/id="introduction-states"[\s\S]*introduction sent, no answer yet/);
    expect(between).toMatch(/id="pin-list"[\s\S]*excluded/);

    expect((await postJson(`${app().baseUrl}${api}/runs`, {}, organizer.headers)).status).toBe(201);
    const body = await page(organizer);
    expect(body).toContain('Changes since run 1');
    expect(body).toContain('id="run-diff"');
    // The confirmed pair is kept with its introduction's state; the rejected one is gone.
    expect(body).toMatch(
      new RegExp(`data-match="${kenya[0].id}"[\\s\\S]*?confirmed[\\s\\S]*?kept from an earlier run`),
    );
    expect(body).not.toContain(`data-match="${kenya[1].id}"`);
    expect(body).not.toContain('data-match="NER-A1-gov:TZA"');
    expect(body).toMatch(/id="unmet-demand"[\s\S]*Niger \(NER\)[\s\S]*the partners left were excluded/);
    expect(body).toMatch(/id="coverage-rows"[\s\S]*Africa/);
    // The kept pair has no buttons; the proposals of the new run do.
    const second = await latest();
    expect(body).not.toContain(`matches/${encodeURIComponent(kenya[0].id)}/confirm`);
    expect(body).toContain(`runs/${second.n}/matches/`);
  });
});

describe('When the round does not exist', () => {
  it('then the console answers with its not-found page', async () => {
    const reply = await request(`${app().baseUrl}/console/rounds/${'0'.repeat(24)}/matching`, {
      headers: { Cookie: viewer.cookie },
    });
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('<html');
  });
});
