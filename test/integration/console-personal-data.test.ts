// The console's pages for personal data, through the real app and database: a round's dashboard
// and a partner's page show an "Erase" action per person to organizers (with a confirmation that
// says what stays) and none to viewers; the admin-only personal-data page lists what is stored
// about an invited focal point, feature by feature, links the JSON download (a file with a
// sensible name), and is the console's 403 page for an organizer.
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { roundWithFocalPoints } from '../helpers/rounds';
import { setupTestApp } from '../helpers/test-app';

const app = setupTestApp();
let organizer: Organizer;
let viewer: Organizer;
let admin: Organizer;
let roundId: string;
let partnerId: string;
const amina = { name: 'Amina Wanjiku', email: 'amina.wanjiku@interior.go.ke' };
const kofi = { name: 'Kofi Mensah', email: 'kofi+data@ngo.example' };

const url = (p: string) => `${app().baseUrl}${p}`;
const page = (p: string, who: Organizer) => request(url(p), { headers: { Cookie: who.cookie } });

beforeAll(async () => {
  await seedReferenceData();
  organizer = await createOrganizer(app().baseUrl, 'organizer');
  viewer = await createOrganizer(app().baseUrl, 'viewer');
  admin = await createOrganizer(app().baseUrl, 'admin');
  roundId = await roundWithFocalPoints(app().baseUrl, organizer, [`KEN,${amina.name},${amina.email},en,Interior`], {
    invite: true,
  });
  const partner = await postJson(
    url('/api/partners'),
    {
      name: { en: 'Data for Migration Network' },
      kind: 'civil-society',
      areas: [{ area: 'A1' }],
      modalities: ['training'],
      scope: { global: true },
      languages: ['eng'],
      slots: { total: 1 },
      contacts: [{ ...kofi, language: 'en' }],
    },
    organizer.headers,
  );
  expect(partner.status).toBe(201);
  partnerId = partner.body.partner.id;
});

describe('When an organizer or a viewer opens a round’s dashboard and a partner’s page', () => {
  it('then the organizer sees an Erase action per person, saying what stays, and the viewer sees none', async () => {
    const dashboard = await page(`/console/rounds/${roundId}`, organizer);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body).toMatch(/data-api="DELETE \/api\/focal-points\/[0-9a-f]{24}"/);
    expect(dashboard.body).toContain('aria-label="Erase the personal data of Amina Wanjiku"');
    expect(dashboard.body).toContain(
      'data-confirm="Erase Amina Wanjiku &lt;amina.wanjiku@interior.go.ke&gt;? Their name, email address and client addresses are erased everywhere, including the emails sent to them. The country’s response and the audit trail stay, under a pseudonym. This cannot be undone."',
    );
    const partner = await page(`/console/partners/${partnerId}?lang=fr`, organizer);
    expect(partner.body).toContain(`data-api="DELETE /api/partners/${partnerId}/contacts/kofi%2Bdata%40ngo.example"`);
    expect(partner.body).toContain('aria-label="Effacer les données personnelles de Kofi Mensah"');

    for (const p of [`/console/rounds/${roundId}`, `/console/partners/${partnerId}`]) {
      const seen = await page(p, viewer);
      expect(seen.status).toBe(200);
      expect(seen.body).not.toContain('DELETE /api/focal-points');
      expect(seen.body).not.toContain('/contacts/');
    }
  });

  it('then the contact’s Erase action calls a path the API answers (the address encoded): the contact is erased', async () => {
    const partner = await page(`/console/partners/${partnerId}`, organizer);
    const path = /data-api="DELETE (\/api\/partners\/[^"]+\/contacts\/[^"]+)"/.exec(partner.body)![1]!;
    const erased = await request(url(path), { method: 'DELETE', headers: organizer.headers });
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ partnerContacts: 1 });
    expect((await page(`/console/partners/${partnerId}`, organizer)).body).not.toContain(kofi.email);
  });
});

describe('When an admin looks up an invited focal point’s address on the personal-data page', () => {
  it('then the page lists the records by feature with their counts, the download and the erasure, and the lookup is audited', async () => {
    const seen = await page(`/console/personal-data?email=${encodeURIComponent(amina.email.toUpperCase())}`, admin);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatch(/href="\/console\/personal-data"\s+aria-current="page"/);
    expect(seen.body).toContain(`Stored about ${amina.email}`);
    expect(seen.body).toMatch(/Focal points \(<span data-count="focalPoints">1<\/span>\)/);
    expect(seen.body).toMatch(/Emails \(<span data-count="outbox">1<\/span>\)/);
    expect(seen.body).toMatch(/Links \(<span data-count="links">1<\/span>\)/);
    expect(seen.body).toContain(`<dd>${amina.name}</dd>`);
    expect(seen.body).toContain('data-api="POST /api/personal-data/erasures"');
    expect(seen.body).toContain(`<input type="hidden" name="email" value="${amina.email}" />`);
    const download = /href="(\/api\/personal-data\?email=[^"]+&amp;download=true)"/
      .exec(seen.body)![1]!
      .replace('&amp;', '&');
    const file = await page(download, admin);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?personal-data-person-[0-9a-f]{16}-\d{4}-\d{2}-\d{2}\.json"?$/,
    );
    expect(file.body.focalPoints).toEqual([expect.objectContaining({ name: amina.name })]);

    const audit = await request(url('/api/audit?action=personalData.export'), { headers: admin.headers });
    expect(audit.body.entries.length).toBe(2); // the page's lookup and the download
  });

  it('then an address nobody stored says so, and a malformed one is refused on the page', async () => {
    const none = await page('/console/personal-data?email=nobody%40nowhere.example', admin);
    expect(none.body).toContain('Nothing stored names this address.');
    const bad = await page('/console/personal-data?email=not-an-address&lang=es', admin);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Esta no es una dirección de correo.');
    expect(bad.body).not.toContain('/api/personal-data/erasures');
  });

  it('then only admins have the page and its navigation item: an organizer gets the console’s 403 page', async () => {
    const refused = await page(`/console/personal-data?email=${encodeURIComponent(amina.email)}`, organizer);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('Not available to your role');
    expect(refused.body).not.toContain(amina.name);
    expect((await page('/console/rounds', organizer)).body).not.toContain('/console/personal-data');
  });
});
