// The partner registry over HTTP: organizers add, edit, archive, import and export partners;
// every bad field is named and nothing is stored partially; viewers read only.
import { Partner } from '../../server/partners/partner.model';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { setupTestApp } from '../helpers/test-app';

const app = setupTestApp();
let organizer: Organizer;
let viewer: Organizer;

const iom = {
  name: { en: 'Migration Data Institute', fr: 'Institut des données migratoires' },
  kind: 'international-organization',
  areas: [{ area: 'A1', indicators: ['a1_2'] }, { area: 'A2' }],
  modalities: ['technical-assistance', 'training'],
  scope: { global: false, regions: ['Eastern Africa'], countries: ['NGA'] },
  languages: ['eng', 'fra'],
  slots: { total: 3, perArea: { A2: 2 } },
  contacts: [{ name: 'Amina Diallo', email: 'Amina@mdi.example', language: 'fr' }],
};

const csvHeader = 'name_en,name_fr,name_es,kind,areas,modalities,where,languages,slots,contacts,notes';
const csvRow = (
  name: string,
  over: Partial<Record<'kind' | 'areas' | 'where' | 'languages' | 'slots' | 'contacts', string>> = {},
) =>
  [
    name,
    '',
    '',
    over.kind ?? 'civil-society',
    over.areas ?? 'A7; A10',
    'peer-exchange',
    over.where ?? 'Western Africa; KEN',
    over.languages ?? 'eng',
    over.slots ?? '2',
    over.contacts ?? `"Kofi Mensah <kofi@${name.toLowerCase().replace(/\W/g, '')}.example> en"`,
    '',
  ].join(',');

const importCsv = (csv: string, query = '') =>
  request(`${app().baseUrl}/api/partners/import${query}`, {
    method: 'POST',
    headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
    body: csv,
  });

beforeAll(async () => {
  await seedReferenceData();
  organizer = await createOrganizer(app().baseUrl, 'organizer');
  viewer = await createOrganizer(app().baseUrl, 'viewer');
});

describe('the registry', () => {
  let id: string;

  test('When an organizer adds a partner, then it is stored as sent and listed', async () => {
    const reply = await postJson(`${app().baseUrl}/api/partners`, iom, organizer.headers);
    expect(reply.status).toBe(201);
    id = reply.body.partner.id;
    expect(reply.body.partner).toMatchObject({
      ...iom,
      contacts: [{ ...iom.contacts[0], email: 'amina@mdi.example' }],
      archived: false,
    });
    const list = await request(`${app().baseUrl}/api/partners`, { headers: { Cookie: viewer.cookie } });
    expect(list.body.partners.map((p: { id: string }) => p.id)).toContain(id);
  });

  test('When a viewer tries to add one, then 403', async () => {
    const reply = await postJson(`${app().baseUrl}/api/partners`, iom, viewer.headers);
    expect(reply.status).toBe(403);
  });

  test.each([
    ['an unknown area', { areas: [{ area: 'A11' }] }, 400, 'body.areas.0.area'],
    ['an unknown kind', { kind: 'charity' }, 400, 'body.kind'],
    ['negative slots', { slots: { total: -1 } }, 400, 'body.slots.total'],
    ['absurd slots', { slots: { total: 5000 } }, 400, 'body.slots.total'],
    [
      'an email that is not one',
      { contacts: [{ name: 'X', email: 'not-an-email', language: 'en' }] },
      400,
      'body.contacts.0.email',
    ],
    ['an unknown region', { scope: { global: false, regions: ['Atlantis'] } }, 422, 'body.scope.regions.0'],
    ['an unknown country', { scope: { global: false, countries: ['XXX'] } }, 422, 'body.scope.countries.0'],
    ['an unknown language', { languages: ['eng', 'qqq'] }, 422, 'body.languages.1'],
    [
      'a contact named twice',
      { contacts: [iom.contacts[0], { ...iom.contacts[0], email: 'amina@MDI.example' }] },
      422,
      'body.contacts.1.email',
    ],
    ['per-area slots above the total', { slots: { total: 1, perArea: { A1: 2 } } }, 422, 'body.slots.perArea.A1'],
    [
      'an indicator of another area',
      { areas: [{ area: 'A1', indicators: ['a2_1'] }] },
      422,
      'body.areas.0.indicators.0',
    ],
    ['nowhere to work', { scope: { global: false } }, 422, 'body.scope'],
  ])('When a partner has %s, then $2 names $3 and nothing is stored', async (_what, change, status, field) => {
    const before = await Partner.countDocuments();
    const reply = await postJson(`${app().baseUrl}/api/partners`, { ...iom, ...change }, organizer.headers);
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await Partner.countDocuments()).toBe(before);
  });

  test('When an organizer replaces the offer, then fields left out are gone', async () => {
    const { fr: _fr, ...nameWithoutFrench } = iom.name;
    const changed = { ...iom, name: nameWithoutFrench, slots: { total: 5 } };
    const reply = await request(`${app().baseUrl}/api/partners/${id}`, {
      method: 'PUT',
      headers: organizer.headers,
      body: JSON.stringify(changed),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.partner.name).toEqual({ en: iom.name.en });
    expect(reply.body.partner.slots).toEqual({ total: 5 });
  });

  test('When a partner is archived, then the list leaves it out unless asked, and a vague flag is refused', async () => {
    expect(
      (await request(`${app().baseUrl}/api/partners/${id}`, { method: 'DELETE', headers: organizer.headers })).status,
    ).toBe(200);
    const ids = async (q: string) =>
      (await request(`${app().baseUrl}/api/partners${q}`, { headers: { Cookie: viewer.cookie } })).body.partners?.map(
        (p: { id: string }) => p.id,
      );
    expect(await ids('')).not.toContain(id);
    expect(await ids('?archived=true')).toContain(id);
    expect(
      (await request(`${app().baseUrl}/api/partners?archived=1`, { headers: { Cookie: viewer.cookie } })).status,
    ).toBe(400);
  });
});

describe('CSV import and export', () => {
  test('When a file has bad rows, then each is reported by row and column and nothing is imported', async () => {
    const before = await Partner.countDocuments();
    const csv = [
      csvHeader,
      csvRow('Diaspora Link'),
      csvRow('Bad Area Org', { areas: 'A1; A12' }),
      csvRow('Nowhere Org', { where: 'Atlantis' }),
      csvRow('Slots Org', { slots: '-3' }),
      csvRow('Twice Org', { contacts: '"A <a@twice.example> en; B <A@twice.example> fr"' }),
      csvRow('Diaspora Link'),
    ].join('\n');
    const reply = await importCsv(csv);
    expect(reply.status).toBe(422);
    const byRow = Object.fromEntries(reply.body.errors.map((e: { row: number; field: string }) => [e.row, e.field]));
    expect(byRow).toEqual({ 3: 'areas', 4: 'where', 5: 'slots', 6: 'contacts', 7: 'name_en' });
    expect(await Partner.countDocuments()).toBe(before);
  });

  test('When validOnly is set, then the good rows are imported and the bad reported', async () => {
    const csv = [
      csvHeader,
      csvRow('Remittance Fintech Alliance', { kind: 'private-sector', areas: 'A5' }),
      csvRow('Bad Lang Org', { languages: 'xx' }),
    ].join('\n');
    const reply = await importCsv(csv, '?validOnly=true');
    expect(reply.status).toBe(200);
    expect(reply.body.imported).toBe(1);
    expect(reply.body.skipped).toEqual([expect.objectContaining({ row: 3, field: 'languages' })]);
    expect(await Partner.countDocuments({ 'name.en': 'Remittance Fintech Alliance' })).toBe(1);
    expect((await importCsv(csv, '?validOnly=yes')).status).toBe(400);
  });

  test('When the registry is exported as CSV, then the file reads back through the import (every row already known)', async () => {
    await postJson(
      `${app().baseUrl}/api/partners`,
      { ...iom, name: { en: 'Sahel Field Data' }, notes: '- field teams in Niamey' },
      organizer.headers,
    );
    const reply = await request(`${app().baseUrl}/api/partners/export.csv`, { headers: { Cookie: viewer.cookie } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('text/csv');
    const text = String(reply.body).replace(/^\uFEFF/, '');
    // A note that a spreadsheet would run is written protected, and reads back as typed.
    expect(text).toContain("'- field teams");
    const { unprotectCell } = await import('../../server/partners/import-partners');
    expect(unprotectCell("'- field teams in Niamey")).toBe('- field teams in Niamey');
    expect(unprotectCell("'plain")).toBe("'plain");
    expect(text.split('\n')[0]).toBe(`${csvHeader},id`);
    const again = await importCsv(text, '?validOnly=true');
    expect(again.status).toBe(200);
    expect(again.body.imported).toBe(0);
    expect(
      again.body.skipped.every(
        (e: { field: string; message: string }) => e.field === 'name_en' && /already in the registry/.test(e.message),
      ),
    ).toBe(true);
    expect(again.body.skipped.length).toBeGreaterThanOrEqual(1);
  });
});

describe('demo partners', () => {
  test('When the demo partners are seeded twice, then every kind is there once, named in three languages', async () => {
    const { seedDemoPartners, demoPartners } = await import('../../server/partners/demo-partners');
    await seedDemoPartners();
    expect(await seedDemoPartners()).toBe(0);
    const names = new Set(demoPartners.map((p) => p.name.en));
    const stored = (await Partner.find().lean()).filter((p) => names.has(p.name!.en));
    expect(stored).toHaveLength(demoPartners.length);
    expect(new Set(stored.map((p) => p.kind))).toEqual(
      new Set([
        'international-organization',
        'civil-society',
        'private-sector',
        'academia',
        'government-agency',
        'other',
      ]),
    );
    expect(stored.every((p) => p.name!.fr && p.name!.es)).toBe(true);
  });

  test('When the demo partners are checked like any partner, then they hold', async () => {
    const { demoPartners } = await import('../../server/partners/demo-partners');
    const { assertPartnerFacts } = await import('../../server/partners/partners');
    for (const p of demoPartners) await expect(assertPartnerFacts(p)).resolves.toBeUndefined();
  });
});
