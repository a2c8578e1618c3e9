// The account endpoints the console's pages call: changing one's own password, and an admin
// changing another account's role or disabling it. Each is audited.
import { createOrganizer, postJson, request, testPassword } from '../helpers/http';
import { createTestRound } from '../helpers/rounds';
import { setupTestApp } from '../helpers/test-app';

const app = setupTestApp();
const newPassword = 'quiet harbour lantern orbit';

describe('When an organizer changes their password', () => {
  it('then a wrong current password or a weak new one is refused, and a good change lets them sign in with the new one only', async () => {
    const org = await createOrganizer(app().baseUrl, 'organizer');
    const url = `${app().baseUrl}/api/session/password`;
    const wrong = await request(url, {
      method: 'PUT',
      headers: org.headers,
      body: JSON.stringify({ current: 'not my password', new: newPassword }),
    });
    expect(wrong.body).toMatchObject({ status: 422, errors: [{ field: 'body.current' }] });
    const weak = await request(url, {
      method: 'PUT',
      headers: org.headers,
      body: JSON.stringify({ current: testPassword, new: 'password1234' }),
    });
    expect(weak.body).toMatchObject({ status: 422, errors: [{ field: 'body.password' }] });
    const noCsrf = await request(url, {
      method: 'PUT',
      headers: { ...org.headers, 'X-CSRF-Token': '' },
      body: JSON.stringify({ current: testPassword, new: newPassword }),
    });
    expect(noCsrf.status).toBe(403);

    const ok = await request(url, {
      method: 'PUT',
      headers: org.headers,
      body: JSON.stringify({ current: testPassword, new: newPassword }),
    });
    expect(ok.status).toBe(204);
    expect((await postJson(`${app().baseUrl}/api/session`, { email: org.email, password: testPassword })).status).toBe(
      401,
    );
    expect((await postJson(`${app().baseUrl}/api/session`, { email: org.email, password: newPassword })).status).toBe(
      201,
    );

    const admin = await createOrganizer(app().baseUrl, 'admin');
    const audit = await request(`${app().baseUrl}/api/audit?action=account.passwordChange`, { headers: admin.headers });
    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        action: 'account.passwordChange',
        target: expect.objectContaining({ label: org.email }),
      }),
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(newPassword);
  });
});

describe('When an admin changes accounts', () => {
  it('then a role change and a disable take effect at once, are audited, and only admins may do it (not on their own account)', async () => {
    const admin = await createOrganizer(app().baseUrl, 'admin');
    const org = await createOrganizer(app().baseUrl, 'organizer');
    const accounts = await request(`${app().baseUrl}/api/accounts`, { headers: admin.headers });
    const orgId = accounts.body.accounts.find((a: { email: string }) => a.email === org.email).id;
    const adminId = accounts.body.accounts.find((a: { email: string }) => a.email === admin.email).id;
    const patch = (who: { headers: Record<string, string> }, id: string, body: unknown) =>
      request(`${app().baseUrl}/api/accounts/${id}`, {
        method: 'PATCH',
        headers: who.headers,
        body: JSON.stringify(body),
      });

    expect((await patch(org, orgId, { role: 'admin' })).status).toBe(403);
    expect((await patch(admin, adminId, { disabled: true })).status).toBe(422);
    expect((await patch(admin, orgId, { role: 'owner' })).status).toBe(400);
    expect((await patch(admin, orgId, {})).status).toBe(400);

    expect((await patch(admin, orgId, { role: 'viewer' })).body.account).toMatchObject({ role: 'viewer' });
    expect((await request(`${app().baseUrl}/api/session`, { headers: org.headers })).body.account.role).toBe('viewer');
    expect((await patch(admin, orgId, { disabled: true })).body.account).toMatchObject({ disabled: true });
    expect((await request(`${app().baseUrl}/api/session`, { headers: org.headers })).status).toBe(401);

    const audit = await request(`${app().baseUrl}/api/audit?action=account.update`, { headers: admin.headers });
    expect(audit.body.entries.map((e: { details: unknown }) => e.details)).toEqual([
      { disabled: true },
      { role: 'viewer' },
    ]);
  });
});

describe('When someone without a session opens a console page', () => {
  it('then they are sent to sign-in, coming back to that page after', async () => {
    const res = await fetch(`${app().baseUrl}/console/password`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/sign-in?next=%2Fconsole%2Fpassword');
  });

  it('then the sign-in page answers in the language asked, remembered in a cookie', async () => {
    const res = await fetch(`${app().baseUrl}/console/sign-in?lang=fr`);
    const page = await res.text();
    expect(page).toContain('<html lang="fr">');
    // Without the module, a submit must not put the password into the address.
    expect(page).toContain('<form method="post" data-api="POST /api/session"');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const again = await fetch(`${app().baseUrl}/console/sign-in`, {
      headers: { Cookie: cookie, 'Accept-Language': 'es' },
    });
    expect(await again.text()).toContain('<html lang="fr">');
    const spanish = await fetch(`${app().baseUrl}/console/sign-in`, {
      headers: { 'Accept-Language': 'es-MX,es;q=0.9' },
    });
    expect(await spanish.text()).toContain('<html lang="es">');
  });
});

describe('When a signed-in organizer opens a console address of a round or partner that does not exist', () => {
  it('then a 404 page in their language says so', async () => {
    const org = await createOrganizer(app().baseUrl, 'organizer');
    for (const path of [
      '/console/rounds/0123456789abcdef01234567',
      '/console/rounds/nonsense',
      '/console/partners/0123456789abcdef01234567',
    ]) {
      const res = await fetch(`${app().baseUrl}${path}?lang=es`, { headers: { Cookie: org.cookie } });
      expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({
        path,
        status: 404,
        type: 'text/html; charset=utf-8',
      });
      expect(await res.text()).toContain('<h1>No encontrado</h1>');
    }
  });
});

describe('When an admin opens every console page in each language', () => {
  it('then each answers 200 in that language, with no text missing', async () => {
    const admin = await createOrganizer(app().baseUrl, 'admin');
    const round = await createTestRound('capacity');
    const pages = [
      '/',
      '/console/sign-in',
      '/console/password',
      '/console/rounds',
      `/console/rounds/${round.roundId}`,
      `/console/rounds/${round.roundId}/settings`,
      '/console/partners',
      '/console/outbox',
      '/console/audit',
      '/console/accounts',
    ];
    for (const lang of ['en', 'fr', 'es']) {
      for (const path of pages) {
        const res = await fetch(`${app().baseUrl}${path}?lang=${lang}`, { headers: { Cookie: admin.cookie } });
        const text = await res.text();
        expect({
          path,
          lang,
          status: res.status,
          html: text.includes(`<html lang="${lang}">`),
          missing: /undefined|\[object Object\]/.test(text),
        }).toEqual({ path, lang, status: 200, html: true, missing: false });
      }
    }
  });
});
