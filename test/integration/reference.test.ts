// The reference API over HTTP against the real database: reading countries and groups, admin
// edits of group memberships (recorded, and surviving a re-seed), and who may do what.
import { CountryGroup, ReferenceCountry } from '../../server/reference/reference.model';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, request, type Organizer } from '../helpers/http';
import { setupTestApp, type TestApp } from '../helpers/test-app';

const testApp = setupTestApp();
let app: TestApp;
let admin: Organizer;
let viewer: Organizer;
let organizer: Organizer;
beforeAll(async () => {
  app = testApp();
  await seedReferenceData();
  [admin, viewer, organizer] = await Promise.all([
    createOrganizer(app.baseUrl, 'admin'),
    createOrganizer(app.baseUrl, 'viewer'),
    createOrganizer(app.baseUrl, 'organizer'),
  ]);
});

const url = (path: string) => `${app.baseUrl}/api/reference${path}`;
const get = (path: string, who: Organizer = viewer) => request(url(path), { headers: { Cookie: who.cookie } });
const put = (path: string, body: unknown, who: Organizer = admin) =>
  request(url(path), { method: 'PUT', headers: who.headers, body: JSON.stringify(body) });
const del = (path: string, who: Organizer = admin) => request(url(path), { method: 'DELETE', headers: who.headers });

describe('When the reference data is seeded', () => {
  it('then every country and group is in the database, and seeding again changes nothing', async () => {
    expect(await ReferenceCountry.countDocuments()).toBe(248);
    expect(await CountryGroup.countDocuments()).toBe(20);
    expect(await seedReferenceData()).toEqual({
      countriesAdded: 0,
      countriesUpdated: 0,
      groupsAdded: 0,
      groupsUpdated: 0,
    });
  });

  it('then a country changed in the database is brought back to the files on the next seed', async () => {
    await ReferenceCountry.updateOne({ iso3: 'KEN' }, { $set: { hdiGroup: 'High', borders: ['ETH'] } });
    expect(await seedReferenceData()).toMatchObject({ countriesAdded: 0, countriesUpdated: 1 });
    expect(await ReferenceCountry.findOne({ iso3: 'KEN' }).lean()).toMatchObject({
      hdiGroup: 'Medium',
      borders: ['ETH', 'SOM', 'SSD', 'TZA', 'UGA'],
    });
  });
});

describe('When a viewer reads the reference data', () => {
  it('then countries come sorted, and ?region= filters by M49 region or sub-region', async () => {
    const all = await get('/countries');
    expect(all.status).toBe(200);
    expect(all.body.countries).toHaveLength(248);
    expect(all.body.countries[0].iso3).toBe('ABW');
    const africa = await get('/countries?region=Africa');
    expect(africa.body.countries).toHaveLength(60);
    const eastern = await get('/countries?region=Eastern%20Africa');
    expect(eastern.body.countries.map((c: { iso3: string }) => c.iso3)).toEqual(expect.arrayContaining(['ETH', 'KEN']));
    expect(
      eastern.body.countries.every((c: { intermediateRegion: string }) => c.intermediateRegion === 'Eastern Africa'),
    ).toBe(true);
  });

  it('then a misspelt region gets 400 naming the query field', async () => {
    const reply = await get('/countries?region=Afrika');
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].field).toBe('query.region');
    expect((await get('/countries?colour=red')).body.errors).toContainEqual({
      field: 'query.colour',
      message: 'is not a known field',
    });
  });

  it("then a country comes with its facts and its groups' dates", async () => {
    const reply = await get('/countries/NER');
    expect(reply.status).toBe(200);
    expect(reply.body.country).toMatchObject({
      iso3: 'NER',
      names: { fr: 'Niger' },
      hdiGroup: 'Low',
      languages: ['fra'],
    });
    expect(reply.body.groups).toContainEqual({
      code: 'ECOWAS',
      name: 'Economic Community of West African States',
      type: 'rec',
      until: '2025-01-29',
      active: false,
    });
    expect(reply.body.groups).toContainEqual(expect.objectContaining({ code: 'MIDWA', active: true }));
  });

  it('then groups list their members, and unknown ones get 404 problem+json', async () => {
    const list = await get('/groups');
    expect(list.body.groups.map((g: { code: string }) => g.code)).toContain('IGAD-RCP');
    const eac = await get('/groups/EAC');
    expect(eac.body.group).toMatchObject({ code: 'EAC', type: 'rec' });
    expect(eac.body.group.members).toContainEqual({ iso3: 'SOM', since: '2024-01-01', active: true });
    for (const path of ['/groups/NOPE', '/countries/XXX', '/countries/ken']) {
      const reply = await get(path);
      expect([path, reply.status, reply.body.code]).toEqual([path, 404, '404.1']);
      expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
  });

  it('then without a session it gets 401', async () => {
    expect((await request(url('/countries'))).status).toBe(401);
  });
});

describe('When an admin edits a group membership', () => {
  it('then the change is stored with who and when, and survives a re-seed', async () => {
    const reply = await put('/groups/ECOWAS/members/NER', { since: '1975-05-28' });
    expect(reply.status).toBe(200);
    const member = reply.body.group.members.find((m: { iso3: string }) => m.iso3 === 'NER');
    expect(member).toMatchObject({ iso3: 'NER', since: '1975-05-28', active: true, editedBy: admin.email });
    expect(member.until).toBeUndefined();

    await seedReferenceData();
    const stored = await CountryGroup.findOne({ code: 'ECOWAS' }).lean();
    const ner = stored!.members.find((m) => m.iso3 === 'NER')!;
    expect(ner).toMatchObject({ since: '1975-05-28', editedBy: admin.email });
    expect(ner.until).toBeFalsy();
    expect(Date.now() - ner.editedAt!.getTime()).toBeLessThan(60_000);
    // untouched members still follow the file
    expect(stored!.members.find((m) => m.iso3 === 'MLI')).toMatchObject({ until: '2025-01-29' });
  });

  it('then a new member is added with 201', async () => {
    const reply = await put('/groups/EAC/members/ETH', { since: '2030-01-01', until: '2031-01-01' });
    expect(reply.status).toBe(201);
    expect(reply.body.group.members).toContainEqual(
      expect.objectContaining({ iso3: 'ETH', since: '2030-01-01', active: false, editedBy: admin.email }),
    );
  });

  it('then of eight edits at once none is lost: each is stored, or refused with 409', async () => {
    const countries = ['FRA', 'DEU', 'JPN', 'BRA', 'CAN', 'MEX', 'IND', 'CHN'];
    const replies = await Promise.all(
      countries.map((iso3) => put(`/groups/SADC/members/${iso3}`, { since: '2030-01-01' })),
    );
    expect(replies.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const accepted = countries.filter((_, i) => replies[i].status === 201);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    const members = (await get('/groups/SADC')).body.group.members.map((m: { iso3: string }) => m.iso3);
    for (const iso3 of accepted) expect(members).toContain(iso3);
    for (const iso3 of countries.filter((c) => !accepted.includes(c))) expect(members).not.toContain(iso3);
  });

  it('then a removed membership stays removed after a re-seed', async () => {
    expect((await del('/groups/IGAD/members/ERI')).status).toBe(204);
    await seedReferenceData();
    const igad = (await get('/groups/IGAD')).body.group;
    expect(igad.members.map((m: { iso3: string }) => m.iso3)).not.toContain('ERI');
    expect(igad.removed).toEqual([expect.objectContaining({ iso3: 'ERI', editedBy: admin.email })]);
    expect((await del('/groups/IGAD/members/ERI')).status).toBe(404);
    // …and can be put back
    expect((await put('/groups/IGAD/members/ERI', {})).status).toBe(201);
    expect((await CountryGroup.findOne({ code: 'IGAD' }).lean())!.removed).toEqual([]);
  });

  it('then bad dates get 400 naming the field, and nothing changes', async () => {
    const before = await CountryGroup.findOne({ code: 'SADC' }).lean();
    const wrongOrder = await put('/groups/SADC/members/ZAF', { since: '2020-01-01', until: '2019-12-31' });
    expect(wrongOrder.status).toBe(400);
    expect(wrongOrder.body.errors).toEqual([{ field: 'body.until', message: 'must not be before since' }]);
    const notADate = await put('/groups/SADC/members/ZAF', { since: '2020-02-30' });
    expect(notADate.status).toBe(400);
    expect(notADate.body.errors).toEqual([{ field: 'body.since', message: 'must match format "date"' }]);
    const unknownField = await put('/groups/SADC/members/ZAF', { from: '2020-01-01' });
    expect(unknownField.body.errors).toEqual([{ field: 'body.from', message: 'is not a known field' }]);
    expect((await CountryGroup.findOne({ code: 'SADC' }).lean())!.revision).toBe(before!.revision);
  });

  it('then an unknown group or country gets 404', async () => {
    expect((await put('/groups/NOPE/members/KEN', {})).status).toBe(404);
    expect((await put('/groups/EAC/members/XXX', {})).body.code).toBe('404.1');
    expect((await del('/groups/EAC/members/CHE')).status).toBe(404);
  });
});

describe('When someone other than an admin edits a membership', () => {
  it('then a viewer or organizer gets 403 and nothing is written', async () => {
    const before = await CountryGroup.findOne({ code: 'EAC' }).lean();
    for (const who of [viewer, organizer]) {
      expect((await put('/groups/EAC/members/KEN', { until: '2026-01-01' }, who)).body.code).toBe('403.2');
      expect((await del('/groups/EAC/members/KEN', who)).status).toBe(403);
    }
    expect((await CountryGroup.findOne({ code: 'EAC' }).lean())!.revision).toBe(before!.revision);
  });

  it('then an admin without the CSRF token gets 403', async () => {
    const reply = await request(url('/groups/EAC/members/KEN'), {
      method: 'PUT',
      headers: { Cookie: admin.cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(reply).toMatchObject({ status: 403, body: { code: '403.1' } });
  });
});

describe('When the published schemas are listed', () => {
  it('then the group-membership schema is among them', async () => {
    const reply = await request(`${app.baseUrl}/api/schemas/group-membership`);
    expect(reply.status).toBe(200);
    expect(reply.body.properties.since).toEqual({ type: 'string', format: 'date', maxLength: 10 });
  });
});
