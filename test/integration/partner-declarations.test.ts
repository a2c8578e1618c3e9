// Partner self-declaration over HTTP: an organizer sends a partner its link (the email arrives,
// in the contact's language), the partner saves drafts and submits the partner-offer
// questionnaire, bad answers are named per question in its language and nothing is stored, and
// nothing counts before an organizer approves; a return carries a comment back; an organization
// not yet in the registry is invited and enters it on approval. Links of one subject never open
// the other's answers.
import { newOwner, processDue } from '../../server/email/outbox-worker';
import { createMailer } from '../../server/email/mailer';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { createTestRound } from '../helpers/rounds';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { setupTestApp } from '../helpers/test-app';

const app = setupTestApp();
let organizer: Organizer;
let viewer: Organizer;
let smtp: TestSmtpServer;

const partner = {
  name: { en: 'Migration Data Institute', fr: 'Institut des données migratoires' },
  kind: 'international-organization',
  areas: [{ area: 'A1' }, { area: 'A2' }],
  modalities: ['technical-assistance', 'training'],
  scope: { global: false, regions: ['Eastern Africa'], countries: ['NGA'] },
  languages: ['eng', 'fra'],
  slots: { total: 3 },
  contacts: [{ name: 'Amina Diallo', email: 'amina@mdi.example', language: 'fr' }],
};

async function deliver(): Promise<void> {
  const mailer = createMailer({ smtpUrl: smtp.url });
  try {
    await processDue({ mailer, from: 'capgap <no-reply@capgap.example>', owner: newOwner('test') });
  } finally {
    mailer.close();
  }
}

const tokenIn = (text: string) => /\/declare\/([A-Za-z0-9_-]{16,64})/.exec(text)![1]!;
const api = (path: string) => `${app().baseUrl}${path}`;
const put = (url: string, body: unknown) =>
  request(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  await seedReferenceData();
  organizer = await createOrganizer(app().baseUrl, 'organizer');
  viewer = await createOrganizer(app().baseUrl, 'viewer');
});
afterAll(async () => {
  await smtp?.close();
});

describe('When an organizer sends a registered partner its declaration link', () => {
  let partnerId: string;
  let token: string;

  beforeAll(async () => {
    const created = await postJson(api('/api/partners'), partner, organizer.headers);
    partnerId = (created.body as { partner: { id: string } }).partner.id;
  });

  it('then its contact receives the link in French, and the link opens a draft prefilled from the registry', async () => {
    const sent = await postJson(api(`/api/partners/${partnerId}/declaration-links`), {}, organizer.headers);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ link: { partnerId, sentTo: 'amina@mdi.example' } });
    await deliver();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['amina@mdi.example']);
    expect(mail!.subject).toBe(
      'Que peut proposer Institut des données migratoires ? Partenariats sur les données et la gouvernance des migrations',
    );
    token = tokenIn(mail!.text);
    expect(mail!.html).toContain(`/declare/${token}`);

    const page = await request(api(`/declare/${token}`));
    expect(page.status).toBe(200);
    expect(page.body).toContain(`data-api="/api/declarations/${token}"`);
    expect(page.body).toContain('<html lang="fr">');

    const state = await request(api(`/api/declarations/${token}`));
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({
      partner: { id: partnerId, name: 'Institut des données migratoires' },
      language: 'fr',
      response: {
        status: 'draft',
        revision: 1,
        answers: { name_en: 'Migration Data Institute', kind: 'international-organization', slots: 3, global: false },
      },
    });
  });

  it('then a partner link does not open a country’s answers, nor a country link the partner’s', async () => {
    const { kenya } = await createTestRound();
    expect((await request(api(`/api/respondent/${kenya}`))).status).toBe(200);
    expect((await request(api(`/api/declarations/${kenya}`))).status).toBe(404);
    expect((await request(api(`/declare/${kenya}`))).status).toBe(404);
    expect((await request(api(`/api/respondent/${token}`))).status).toBe(404);
  });

  it('then bad answers are named per question in French, and nothing is stored', async () => {
    const current = (await request(api(`/api/declarations/${token}`))).body as {
      response: { revision: number; answers: Record<string, unknown> };
    };
    const answers = {
      ...current.response.answers,
      countries: 'NGA, XYZ',
      contact2_name: 'Paul Martin',
      contact2_email: 'AMINA@mdi.example',
      contact2_language: 'en',
    };
    const reply = await postJson(api(`/api/declarations/${token}/submit`), {
      answers,
      baseRevision: current.response.revision,
      locale: 'fr',
    });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    const errors = (reply.body as { errors: { field: string; message: string }[] }).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          field: 'answers.countries',
          message: 'Code de pays inconnu : XYZ. Utilisez les codes ISO à trois lettres, p. ex. KEN, SEN.',
        },
        { field: 'answers.contact2_email', message: 'Cette adresse est déjà indiquée pour un autre contact.' },
      ]),
    );
    const after = (await request(api(`/api/declarations/${token}`))).body as { response: { revision: number } };
    expect(after.response.revision).toBe(current.response.revision);
  });

  it('then a draft on a stale revision is refused with 409 and the current answers', async () => {
    const ok = await put(api(`/api/declarations/${token}/draft`), {
      answers: { name_en: 'Migration Data Institute', slots: 4 },
      baseRevision: 1,
    });
    expect(ok.status).toBe(200);
    const stale = await put(api(`/api/declarations/${token}/draft`), { answers: { slots: 5 }, baseRevision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { revision: 2, answers: { slots: 4 } } });
  });

  it('then a submitted offer counts only once approved; a return carries the comment back', async () => {
    const answers = {
      name_en: 'Migration Data Institute',
      name_fr: 'Institut des données migratoires',
      kind: 'international-organization',
      areas: ['A1', 'A2', 'A5'],
      modalities: ['training'],
      slots: 4,
      global: true,
      languages: ['eng', 'fra', 'spa'],
      contact1_name: 'Amina Diallo',
      contact1_email: 'amina@mdi.example',
      contact1_language: 'fr',
    };
    const submitted = await postJson(api(`/api/declarations/${token}/submit`), { answers, baseRevision: 2 });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', revision: 3 });
    // Not in the registry yet.
    const before = (await request(api(`/api/partners/${partnerId}`), { headers: viewer.headers })).body as {
      partner: { slots: { total: number } };
    };
    expect(before.partner.slots.total).toBe(3);
    // Viewers see it but cannot decide.
    const detail = await request(api(`/api/partner-declarations/${partnerId}`), { headers: viewer.headers });
    expect(detail.body).toMatchObject({
      declaration: { status: 'submitted', offer: { slots: { total: 4 }, scope: { global: true } } },
    });
    expect((await postJson(api(`/api/partner-declarations/${partnerId}/approve`), {}, viewer.headers)).status).toBe(
      403,
    );

    const returned = await postJson(
      api(`/api/partner-declarations/${partnerId}/return`),
      { comment: 'Merci d’indiquer aussi les régions.', revision: 3 },
      organizer.headers,
    );
    expect(returned.status).toBe(200);
    const seen = (await request(api(`/api/declarations/${token}`))).body as {
      response: { status: string; review: { comment: string } };
    };
    expect(seen.response).toMatchObject({
      status: 'returned',
      review: { comment: 'Merci d’indiquer aussi les régions.' },
    });

    const again = await postJson(api(`/api/declarations/${token}/submit`), {
      answers: { ...answers, global: false, regions: ['Western Africa'] },
      baseRevision: 4,
    });
    expect(again.body).toMatchObject({ status: 'resubmitted', revision: 5 });
    // An approval on what the organizer read before the resubmission is refused.
    expect(
      (await postJson(api(`/api/partner-declarations/${partnerId}/approve`), { revision: 3 }, organizer.headers))
        .status,
    ).toBe(409);
    const approved = await postJson(
      api(`/api/partner-declarations/${partnerId}/approve`),
      { revision: 5 },
      organizer.headers,
    );
    expect(approved.status).toBe(200);
    const now = (await request(api(`/api/partners/${partnerId}`), { headers: viewer.headers })).body as {
      partner: Record<string, unknown>;
    };
    expect(now.partner).toMatchObject({
      areas: [{ area: 'A1' }, { area: 'A2' }, { area: 'A5' }],
      slots: { total: 4 },
      scope: { global: false, regions: ['Western Africa'] },
      languages: ['eng', 'fra', 'spa'],
    });
    const audit = await request(api('/api/audit?action=declaration.approve'), {
      headers: (await createOrganizer(app().baseUrl, 'admin')).headers,
    });
    expect(JSON.stringify(audit.body)).toContain(partnerId);
  });

  it('then a withdrawn link stops working with 410', async () => {
    const detail = (await request(api(`/api/partner-declarations/${partnerId}`), { headers: viewer.headers })).body as {
      declaration: { links: { id: string; openedAt?: string }[] };
    };
    const [link] = detail.declaration.links;
    expect(link!.openedAt).toBeDefined();
    const revoked = await request(api(`/api/partner-declarations/${partnerId}/links/${link!.id}`), {
      method: 'DELETE',
      headers: organizer.headers,
    });
    expect(revoked.status).toBe(200);
    expect((await request(api(`/api/declarations/${token}`))).status).toBe(410);
  });
});

describe('When an organizer invites an organization that is not in the registry yet', () => {
  it('then its approved declaration enters the registry under the id it was given', async () => {
    const invited = await postJson(
      api('/api/partner-declarations/invitations'),
      { organization: 'Red Migración Sur', name: 'Lucía Pérez', email: 'Lucia@rms.example', language: 'es' },
      organizer.headers,
    );
    expect(invited.status).toBe(201);
    const { partnerId } = (invited.body as { link: { partnerId: string } }).link;
    const before = smtp.received.length;
    await deliver();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toEqual(['lucia@rms.example']);
    expect(mail!.subject).toContain('¿Qué puede ofrecer Red Migración Sur?');
    const token = tokenIn(mail!.text);
    expect(
      ((await request(api(`/api/declarations/${token}`))).body as { response: { status: string } }).response,
    ).toMatchObject({
      status: 'new',
    });
    const submitted = await postJson(api(`/api/declarations/${token}/submit`), {
      answers: {
        name_en: 'South Migration Network',
        name_es: 'Red Migración Sur',
        kind: 'civil-society',
        areas: ['A7'],
        modalities: ['peer-exchange'],
        slots: 2,
        global: false,
        countries: 'mex, gtm',
        languages: ['spa'],
        contact1_name: 'Lucía Pérez',
        contact1_email: 'lucia@rms.example',
        contact1_language: 'es',
      },
      baseRevision: 0,
    });
    expect(submitted.status).toBe(200);
    const list = (await request(api('/api/partner-declarations'), { headers: viewer.headers })).body as {
      declarations: { partnerId: string; inRegistry: boolean; status: string }[];
    };
    expect(list.declarations[0]).toMatchObject({ partnerId, inRegistry: false, status: 'submitted' });
    expect((await postJson(api(`/api/partner-declarations/${partnerId}/approve`), {}, organizer.headers)).status).toBe(
      200,
    );
    const entered = await request(api(`/api/partners/${partnerId}`), { headers: viewer.headers });
    expect(entered.body).toMatchObject({
      partner: { id: partnerId, name: { en: 'South Migration Network' }, scope: { countries: ['MEX', 'GTM'] } },
    });
  });
});

describe('When a round is created on the partner-offer questionnaire', () => {
  it('then it is refused: rounds ask countries about their capacity', async () => {
    const reply = await postJson(
      api('/api/rounds'),
      {
        name: 'Wrong',
        formId: 'partner-offer',
        languages: ['en'],
        deadline: new Date(Date.now() + 86400_000).toISOString(),
      },
      organizer.headers,
    );
    expect(reply.status).toBe(422);
    expect(JSON.stringify(reply.body)).toContain('body.formId');
  });
});

describe('When the console shows the declarations', () => {
  it('then organizers get the invitation form and the decisions, viewers only read', async () => {
    const list = await request(api('/console/declarations'), { headers: { Cookie: organizer.cookie } });
    expect(list.status).toBe(200);
    expect(list.body).toContain('data-api="POST /api/partner-declarations/invitations"');
    expect(list.body).toContain('Migration Data Institute');
    const asViewer = await request(api('/console/declarations?lang=es'), { headers: { Cookie: viewer.cookie } });
    expect(asViewer.body).toContain('Declaraciones de los socios');
    expect(asViewer.body).not.toContain('data-api="POST /api/partner-declarations/invitations"');
    expect(asViewer.body).not.toContain('/approve');
  });
});
