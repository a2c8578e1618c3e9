// Personal data through the real app, database and SMTP server: a focal point invited (the
// invitation delivered, so it is in the outbox history) who answered, and a partner's contact
// sent a declaration link who saved a draft, are erased; afterwards no document of any
// collection holds their address or name, the country's response and scores and the partner's
// declaration stay, the audit chain still verifies and names them by pseudonym. An admin exports
// everything about an address (an organizer may not); client addresses expire after the
// retention period; erasing again changes nothing, and an erasure that stopped halfway is
// finished by running it again.
import mongoose from 'mongoose';
import { recordAudit } from '../../server/audit/record-audit';
import { erasePersonFromMessages } from '../../server/email/erase-messages';
import { focalPointsWithEmail } from '../../server/focal-points/person-focal-points';
import { eraseLinksOfPerson } from '../../server/invitations/erase-links';
import { pseudonymOf } from '../../server/privacy/pseudonym';
import { sweepClientAddresses } from '../../server/privacy/client-addresses';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { a1PilotAnswers } from '../helpers/rounds';
import { deliverOutbox, startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { setupTestApp } from '../helpers/test-app';
import { runVerifyAudit } from '../helpers/verify-audit';

const app = setupTestApp();
let organizer: Organizer;
let admin: Organizer;
let smtp: TestSmtpServer;

const api = (p: string) => `${app().baseUrl}${p}`;
const get = (p: string, who: Organizer) => request(api(p), { headers: { Cookie: who.cookie } });
const del = (p: string, who: Organizer) => request(api(p), { method: 'DELETE', headers: who.headers });
const put = (url: string, body: unknown) =>
  request(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const deliver = () => deliverOutbox(smtp);

/** The documents of every collection of the database whose JSON holds one of the strings. */
async function documentsHolding(...needles: string[]): Promise<string[]> {
  const db = mongoose.connection.db!;
  const found: string[] = [];
  for (const { name } of await db.listCollections().toArray()) {
    for (const doc of await db.collection(name).find().toArray()) {
      const json = JSON.stringify(doc).toLowerCase();
      for (const needle of needles)
        if (json.includes(needle.toLowerCase())) found.push(`${name} ${String(doc._id)}: ${needle}`);
    }
  }
  return found;
}

const runVerify = runVerifyAudit;

interface AuditEntryView {
  seq: number;
  action: string;
  actor: { kind: string; id: string; label?: string };
  people?: string[];
  ip?: string;
  clientAddress?: string;
}
const auditOf = async (query: string) => (await get(`/api/audit${query}`, admin)).body.entries as AuditEntryView[];

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  await seedReferenceData();
  organizer = await createOrganizer(app().baseUrl, 'organizer');
  admin = await createOrganizer(app().baseUrl, 'admin');
});
afterAll(async () => {
  await smtp?.close();
});

describe('When a focal point who was invited by email and answered is erased', () => {
  const amina = { name: 'Amina Wanjiku', email: 'amina.wanjiku@interior.go.ke' };
  let roundId: string;
  let focalPointId: string;
  let token: string;

  beforeAll(async () => {
    const deadline = new Date(Date.now() + 30 * 86400_000).toISOString();
    const round = await postJson(
      api('/api/rounds'),
      { name: 'Erasure round', formId: 'a1-pilot', languages: ['en', 'fr'], deadline },
      organizer.headers,
    );
    roundId = round.body.round.id;
    const csv = `country,name,email,language,ministry\nKEN,${amina.name},${amina.email},en,Interior\nNER,Moussa Issa,moussa@interieur.gouv.ne,fr,Intérieur\n`;
    const imported = await request(api(`/api/rounds/${roundId}/focal-points/import`), {
      method: 'POST',
      headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(imported.status).toBe(200);
    expect((await postJson(api(`/api/rounds/${roundId}/invitations`), {}, organizer.headers)).body.invited).toBe(2);
    await deliver();
    const received = await smtp.waitFor(2);
    const mail = received.find((m) => m.to[0] === amina.email)!;
    token = /\/respond\/([A-Za-z0-9_-]{16,64})/.exec(mail.text)![1]!;
    const submitted = await postJson(api(`/api/respondent/${token}/submit`), {
      answers: a1PilotAnswers,
      baseRevision: 0,
      locale: 'en',
    });
    expect(submitted.status).toBe(200);
    await deliver(); // the receipt, if any, is in the outbox history too
    const list = (await get(`/api/rounds/${roundId}/focal-points`, organizer)).body.focalPoints as {
      id: string;
      email: string;
    }[];
    focalPointId = list.find((f) => f.email === amina.email)!.id;
  });

  it('then before, an admin exports every record about the address, and an organizer may not', async () => {
    const exported = await get(`/api/personal-data?email=${encodeURIComponent(amina.email.toUpperCase())}`, admin);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('cache-control')).toBe('no-store');
    const data = exported.body;
    expect(data.email).toBe(amina.email);
    expect(data.pseudonym).toMatch(/^person-[0-9a-f]{16}$/);
    expect(data.focalPoints).toEqual([
      expect.objectContaining({ id: focalPointId, name: amina.name, email: amina.email }),
    ]);
    expect(data.links).toEqual([expect.objectContaining({ focalPointId, label: amina.email })]);
    expect(data.outbox.length).toBeGreaterThanOrEqual(1);
    expect(data.outbox.every((m: { to: string }) => m.to === amina.email)).toBe(true);
    expect(data.outbox.map((m: { template: string }) => m.template)).toContain('invitation');
    const submit = data.audit.find((e: AuditEntryView) => e.action === 'response.submit');
    expect(submit).toMatchObject({ actor: { kind: 'link', id: data.links[0].id } });
    expect(submit.ip).toMatch(/127\.0\.0\.1/);
    expect(data.accounts).toEqual([]);

    expect((await get(`/api/personal-data?email=${encodeURIComponent(amina.email)}`, organizer)).status).toBe(403);
    const bad = await get('/api/personal-data?email=not-an-address', admin);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await get('/api/personal-data', admin)).status).toBe(400);
    // The export is audited, naming the person by pseudonym only.
    const [entry] = await auditOf('?action=personalData.export');
    expect(entry).toMatchObject({ people: [data.pseudonym] });
    expect(JSON.stringify(entry)).not.toContain(amina.email);
  });

  it('then no collection holds the address or the name, the response and scores stay, and the audit verifies with the pseudonym', async () => {
    expect(await documentsHolding(amina.email, amina.name)).not.toEqual([]);
    const viewerTry = await request(api(`/api/focal-points/${focalPointId}`), {
      method: 'DELETE',
      headers: { Cookie: organizer.cookie },
    });
    expect(viewerTry.status).toBe(403); // no CSRF token

    const erased = await del(`/api/focal-points/${focalPointId}`, organizer);
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ focalPoints: 1, links: 1 });
    expect(erased.body.erased.messages).toBeGreaterThanOrEqual(1);
    expect(erased.body.erased.clientAddresses).toBeGreaterThanOrEqual(1);
    const pseudonym = erased.body.erased.pseudonym as string;
    expect(pseudonym).toMatch(/^person-[0-9a-f]{16}$/);

    expect(await documentsHolding(amina.email, amina.name)).toEqual([]);
    // The other focal point is untouched.
    expect(await documentsHolding('moussa@interieur.gouv.ne')).not.toEqual([]);

    const db = mongoose.connection.db!;
    const response = await db.collection('countryresponses').findOne({ _id: `${roundId}-KEN` as never });
    expect(response).toMatchObject({ status: 'submitted', answers: expect.objectContaining({ a1_1: 2 }) });
    expect(await db.collection('scoresnapshots').countDocuments({ _id: `${roundId}-KEN-s1` as never })).toBe(1);
    // The link no longer opens anything; its record stays with the pseudonym.
    expect((await request(api(`/api/respondent/${token}`))).status).toBe(410);

    const [entry] = await auditOf('?action=focalPoint.erase');
    expect(entry).toMatchObject({ people: [pseudonym], actor: { kind: 'account', label: organizer.email } });
    // What was done through the link stays in the log, without its client address.
    const [submit] = await auditOf('?action=response.submit');
    expect(submit!.clientAddress).toBeDefined();
    expect(submit!.ip).toBeUndefined();

    const verified = await runVerify();
    expect(verified.stdout).toMatch(/^OK: \d+ entries, chain intact/m);
    expect(verified.code).toBe(0);
  });

  it('then erasing again changes nothing: the focal point is gone, and an erasure by address finds nothing left', async () => {
    expect((await del(`/api/focal-points/${focalPointId}`, organizer)).status).toBe(404);
    const again = await postJson(api('/api/personal-data/erasures'), { email: amina.email }, admin.headers);
    expect(again.status).toBe(200);
    expect(again.body.erased).toMatchObject({
      focalPoints: 0,
      partnerContacts: 0,
      declarations: 0,
      links: 0,
      introductions: 0,
      messages: 0,
      clientAddresses: 0,
      accountKept: false,
    });
    expect((await postJson(api('/api/personal-data/erasures'), { email: amina.email }, organizer.headers)).status).toBe(
      403,
    );
    expect(await documentsHolding(amina.email, amina.name)).toEqual([]);
    expect((await runVerify()).code).toBe(0);
  });
});

describe('When an erasure stops halfway', () => {
  it('then the focal point is still there, and erasing it again finishes the job', async () => {
    const moussa = { name: 'Moussa Issa', email: 'moussa@interieur.gouv.ne' };
    const [fp] = await focalPointsWithEmail(moussa.email);
    const pseudonym = await pseudonymOf(moussa.email);
    // The first steps of an erasure, then a stop: links and messages erased, the record not yet.
    await eraseLinksOfPerson({ focalPointId: String(fp!._id) }, moussa.email, pseudonym);
    await erasePersonFromMessages({ email: moussa.email, names: [moussa.name] }, pseudonym, {
      roundId: String(fp!.roundId),
    });
    expect(await documentsHolding(moussa.email)).toEqual([expect.stringMatching(/^focalpoints /)]);

    const finished = await del(`/api/focal-points/${String(fp!._id)}`, organizer);
    expect(finished.status).toBe(200);
    expect(finished.body.erased).toMatchObject({ pseudonym, focalPoints: 1, links: 1 });
    expect(await documentsHolding(moussa.email, moussa.name)).toEqual([]);
    expect((await runVerify()).code).toBe(0);
  });
});

describe('When a partner’s contact who was sent a declaration link and saved a draft is erased', () => {
  const kofi = { name: 'Kofi Mensah', email: 'kofi.mensah@ngo.example' };
  let partnerId: string;

  beforeAll(async () => {
    const created = await postJson(
      api('/api/partners'),
      {
        name: { en: 'Data for Migration Network' },
        kind: 'civil-society',
        areas: [{ area: 'A1' }],
        modalities: ['training'],
        scope: { global: true },
        languages: ['eng'],
        slots: { total: 2 },
        contacts: [
          { name: kofi.name, email: kofi.email, language: 'en' },
          { name: 'Efua Owusu', email: 'efua.owusu@ngo.example', language: 'en' },
        ],
      },
      organizer.headers,
    );
    expect(created.status).toBe(201);
    partnerId = created.body.partner.id;
    const sent = await postJson(
      api(`/api/partners/${partnerId}/declaration-links`),
      { contactEmail: kofi.email },
      organizer.headers,
    );
    expect(sent.status).toBe(201);
    smtp.received.length = 0;
    await deliver();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual([kofi.email]);
    const token = /\/declare\/([A-Za-z0-9_-]{16,64})/.exec(mail!.text)![1]!;
    const state = (await request(api(`/api/declarations/${token}`))).body as {
      response: { revision: number; answers: Record<string, unknown> };
    };
    expect(state.response.answers.contact1_email).toBe(kofi.email);
    const saved = await put(api(`/api/declarations/${token}/draft`), {
      answers: { ...state.response.answers, notes: 'Kofi can help in June' },
      baseRevision: state.response.revision,
    });
    expect(saved.status).toBe(200);
  });

  it('then no collection holds the address or the name; the partner, its other contact and its declaration stay', async () => {
    expect(await documentsHolding(kofi.email, kofi.name)).not.toEqual([]);
    const exported = (await get(`/api/personal-data?email=${encodeURIComponent(kofi.email)}`, admin)).body;
    expect(exported.partnerContacts).toEqual([
      { partnerId, partnerName: 'Data for Migration Network', contact: { ...kofi, language: 'en' } },
    ]);
    expect(exported.links).toEqual([expect.objectContaining({ partnerId, sentTo: kofi.email })]);
    expect(exported.outbox).toEqual([expect.objectContaining({ to: kofi.email, template: 'declaration' })]);
    expect(exported.declarations).toEqual([expect.objectContaining({ partnerId })]);
    expect(exported.audit.map((e: AuditEntryView) => e.action)).toEqual(
      expect.arrayContaining(['declaration.linkSend', 'declaration.draftSave']),
    );
    const erased = await del(`/api/partners/${partnerId}/contacts/${encodeURIComponent(kofi.email)}`, organizer);
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ partnerContacts: 1, links: 1 });
    expect(erased.body.erased.declarations).toBeGreaterThanOrEqual(1);
    expect(erased.body.erased.messages).toBeGreaterThanOrEqual(1);
    const pseudonym = erased.body.erased.pseudonym as string;

    expect(await documentsHolding(kofi.email, kofi.name)).toEqual([]);
    const partner = (await get(`/api/partners/${partnerId}`, organizer)).body.partner;
    expect(partner.contacts).toEqual([{ name: 'Efua Owusu', email: 'efua.owusu@ngo.example', language: 'en' }]);
    const declaration = await get(`/api/partner-declarations/${partnerId}`, organizer);
    expect(declaration.status).toBe(200);
    expect(JSON.stringify(declaration.body)).toContain(pseudonym);

    const [entry] = await auditOf('?action=partner.contactErase');
    expect(entry).toMatchObject({ people: [pseudonym] });
    expect((await runVerify()).code).toBe(0);

    expect((await del(`/api/partners/${partnerId}/contacts/${encodeURIComponent(kofi.email)}`, organizer)).status).toBe(
      404,
    );
    const bad = await del(`/api/partners/${partnerId}/contacts/not-an-address`, organizer);
    expect(bad.status).toBe(400);
  });

  it('then erasing its last contact leaves a partner the API still shows, with no contact', async () => {
    const last = await del(
      `/api/partners/${partnerId}/contacts/${encodeURIComponent('efua.owusu@ngo.example')}`,
      organizer,
    );
    expect(last.status).toBe(200);
    // Answers are checked against their documented schemas: a partner may have no contact left.
    const shown = await get(`/api/partners/${partnerId}`, organizer);
    expect([shown.status, shown.body.partner.contacts]).toEqual([200, []]);
    expect((await get('/api/partners', organizer)).status).toBe(200);
    expect((await get(`/api/partner-declarations/${partnerId}`, organizer)).status).toBe(200);
  });
});

describe('When client addresses are older than the retention period', () => {
  it('then a sweep removes them from the records, newer ones stay, and the chain still verifies', async () => {
    const old = await recordAudit({
      actor: { kind: 'system', id: 'test' },
      action: 'reminders.send',
      ip: '198.51.100.7',
      at: new Date(Date.now() - 100 * 86400_000),
      details: { queued: 0 },
    });
    const recent = await postJson(
      api('/api/rounds'),
      {
        name: 'Retention round',
        formId: 'a1-pilot',
        languages: ['en'],
        deadline: new Date(Date.now() + 86400_000).toISOString(),
      },
      organizer.headers,
    );
    expect(recent.status).toBe(201);
    const before = await auditOf('?limit=200');
    expect(before.find((e) => e.seq === old.seq)!.ip).toBe('198.51.100.7');

    const swept = await sweepClientAddresses(90);
    expect(swept.removed).toBeGreaterThanOrEqual(1);
    const after = await auditOf('?limit=200');
    expect(after.find((e) => e.seq === old.seq)).toMatchObject({ clientAddress: old.clientAddress });
    expect(after.find((e) => e.seq === old.seq)!.ip).toBeUndefined();
    expect(after.find((e) => e.action === 'round.create')!.ip).toMatch(/127\.0\.0\.1/);
    expect(await documentsHolding('198.51.100.7')).toEqual([]);

    // A second sweep has nothing left to do.
    expect(await sweepClientAddresses(90)).toEqual({ days: 0, removed: 0 });
    expect((await runVerify()).code).toBe(0);
  });
});
