// Organizer sign-in and the protection of organizer endpoints, through HTTP against the real
// database: sessions in MongoDB, roles, CSRF, rate limiting.
import { Account } from '../../server/auth/account.model';
import { Session } from '../../server/auth/session.model';
import { demoPassword } from '../../server/rounds/seed-demo';
import { setupTestApp, startTestApp, type TestApp } from '../helpers/test-app';
import { createOrganizer, postJson, request, testPassword } from '../helpers/http';

const testApp = setupTestApp();
let app: TestApp;
beforeAll(() => {
  app = testApp();
});

const newAccount = () => ({
  email: `new-${Date.now()}-${Math.random()}@ministry.example`,
  name: 'New organizer',
  role: 'organizer',
  password: 'a long enough password',
});

describe('When an organizer signs in', () => {
  it('then a session lives in MongoDB and the cookie is HTTP-only and SameSite', async () => {
    const admin = await createOrganizer(app.baseUrl, 'admin');
    const reply = await postJson(`${app.baseUrl}/api/session`, {
      email: admin.email.toUpperCase(),
      password: testPassword,
    });
    expect(reply.status).toBe(201);
    const cookie = reply.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^capgap_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await Session.countDocuments()).toBeGreaterThanOrEqual(2);
    const token = cookie.split(';')[0].split('=')[1];
    expect(await Session.exists({ _id: token })).toBeNull(); // only a hash of the token is stored

    const me = await request(`${app.baseUrl}/api/session`, { headers: { Cookie: cookie.split(';')[0] } });
    expect(me.body).toMatchObject({ account: { email: admin.email, role: 'admin' }, csrfToken: reply.body.csrfToken });
  });

  it('then the password is stored hashed, never in clear', async () => {
    const admin = await createOrganizer(app.baseUrl, 'admin');
    const stored = await Account.findOne({ email: admin.email }).lean();
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    expect(stored!.passwordHash).not.toContain(testPassword);
  });

  it('then a wrong password gets 401 and no session', async () => {
    const admin = await createOrganizer(app.baseUrl, 'admin');
    const before = await Session.countDocuments();
    const reply = await postJson(`${app.baseUrl}/api/session`, { email: admin.email, password: 'wrong' });
    expect(reply).toMatchObject({ status: 401, body: { code: '401.2' } });
    expect(reply.headers.get('set-cookie')).toBeNull();
    expect(await Session.countDocuments()).toBe(before);
  });

  it('then a sign-in body that breaks the schema gets 400 naming the field', async () => {
    const reply = await postJson(`${app.baseUrl}/api/session`, { email: { $ne: '' }, password: 'x' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toContainEqual({ field: 'body.email', message: 'must be string' });
  });

  it('then signing out ends the session', async () => {
    const viewer = await createOrganizer(app.baseUrl, 'viewer');
    const out = await request(`${app.baseUrl}/api/session`, { method: 'DELETE', headers: viewer.headers });
    expect(out.status).toBe(204);
    expect((await request(`${app.baseUrl}/api/session`, { headers: { Cookie: viewer.cookie } })).status).toBe(401);
  });
});

describe('When an organizer endpoint is called', () => {
  it('then without a session it gets 401 and nothing is written', async () => {
    const before = await Account.countDocuments();
    const reply = await postJson(`${app.baseUrl}/api/accounts`, newAccount());
    expect(reply).toMatchObject({ status: 401, body: { code: '401.1' } });
    expect(reply.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await request(`${app.baseUrl}/api/forms/a1-pilot/responses`)).status).toBe(401);
    expect(await Account.countDocuments()).toBe(before);
  });

  it("then with a viewer's session a state change gets 403 and nothing is written", async () => {
    const viewer = await createOrganizer(app.baseUrl, 'viewer');
    const before = await Account.countDocuments();
    const reply = await postJson(`${app.baseUrl}/api/accounts`, newAccount(), viewer.headers);
    expect(reply).toMatchObject({ status: 403, body: { code: '403.2' } });
    expect(await Account.countDocuments()).toBe(before);
    // …while reading what a viewer may read works
    expect(
      (await request(`${app.baseUrl}/api/forms/a1-pilot/responses`, { headers: { Cookie: viewer.cookie } })).status,
    ).toBe(200);
  });

  it('then without the CSRF token a state change gets 403 and nothing is written', async () => {
    const admin = await createOrganizer(app.baseUrl, 'admin');
    const before = await Account.countDocuments();
    const reply = await postJson(`${app.baseUrl}/api/accounts`, newAccount(), { Cookie: admin.cookie });
    expect(reply).toMatchObject({ status: 403, body: { code: '403.1' } });
    const wrong = await postJson(`${app.baseUrl}/api/accounts`, newAccount(), {
      Cookie: admin.cookie,
      'X-CSRF-Token': 'x'.repeat(43),
    });
    expect(wrong.status).toBe(403);
    expect(await Account.countDocuments()).toBe(before);
  });

  it('then an admin with the CSRF token creates an account, which can sign in', async () => {
    const admin = await createOrganizer(app.baseUrl, 'admin');
    const account = newAccount();
    const reply = await postJson(`${app.baseUrl}/api/accounts`, account, admin.headers);
    expect(reply.status).toBe(201);
    expect(reply.body.account).toMatchObject({ email: account.email, role: 'organizer' });
    expect(reply.body.account.passwordHash).toBeUndefined();
    expect(
      (await postJson(`${app.baseUrl}/api/session`, { email: account.email, password: account.password })).status,
    ).toBe(201);
    expect((await postJson(`${app.baseUrl}/api/accounts`, account, admin.headers)).status).toBe(409);
  });

  it('then an account with a bad role or short password gets 400 naming the fields', async () => {
    const admin = await createOrganizer(app.baseUrl, 'admin');
    const reply = await postJson(
      `${app.baseUrl}/api/accounts`,
      { ...newAccount(), role: 'root', password: 'short' },
      admin.headers,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.password', 'body.role']);
  });
});

describe('When an admin gives a new account a password that is easy to guess', () => {
  it.each([
    ['aaaaaaaaaaaa', /repeated/i],
    ['123456789012', /commonly used/i],
    ['password1234', /commonly used/i],
  ])('then %s gets 422 naming the password and why, and nothing is stored', async (password, why) => {
    const admin = await createOrganizer(app.baseUrl, 'admin');
    const account = { ...newAccount(), password };
    const reply = await postJson(`${app.baseUrl}/api/accounts`, account, admin.headers);
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({
      code: '422.3',
      errors: [{ field: 'body.password', message: expect.stringMatching(why) }],
    });
    expect(await Account.exists({ email: account.email })).toBeNull();
  });

  it("then a password made of the account's own name and email is refused", async () => {
    const admin = await createOrganizer(app.baseUrl, 'admin');
    const reply = await postJson(
      `${app.baseUrl}/api/accounts`,
      { ...newAccount(), email: 'amina.diallo@ministry.example', name: 'Amina Diallo', password: 'dialloministry' },
      admin.headers,
    );
    expect(reply).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'body.password', message: expect.stringMatching(/personal/) }] },
    });
  });

  it('then the published demo password is refused outside demo mode, and accepted in it', async () => {
    const production = await startTestApp({ seedDemo: false });
    try {
      const admin = await createOrganizer(production.baseUrl, 'admin');
      const refused = await postJson(
        `${production.baseUrl}/api/accounts`,
        { ...newAccount(), password: demoPassword },
        admin.headers,
      );
      expect(refused).toMatchObject({
        status: 422,
        body: { code: '422.3', errors: [{ field: 'body.password', message: expect.stringMatching(/demo password/) }] },
      });
    } finally {
      await production.close();
    }
    const admin = await createOrganizer(app.baseUrl, 'admin');
    expect(app.config.seedDemo).toBe(true);
    expect(
      (await postJson(`${app.baseUrl}/api/accounts`, { ...newAccount(), password: demoPassword }, admin.headers))
        .status,
    ).toBe(201);
  });
});

describe('When someone keeps guessing passwords', () => {
  it('then sign-in is rate limited with 429', async () => {
    const limited = await startTestApp({ signInPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (
            await postJson(`${limited.baseUrl}/api/session`, {
              email: 'nobody@ministry.example',
              password: `guess${i}`,
            })
          ).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
