// The HTTP edge under bad input and hostile clients: forged proxy headers against the rate
// limits, link tokens kept out of the logs, odd schema names, undecodable paths and bodies,
// oversized arrays and error lists, and bodiless POSTs. Real app, real database, real logs.
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/http/logger';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { dropTestDatabase, startTestApp, type TestApp } from '../helpers/test-app';

/** Every line the app logs, parsed. */
const logLines: Record<string, unknown>[] = [];
const logText = () => logLines.map((l) => JSON.stringify(l)).join('\n');

let app: TestApp;
let round: TestRound;
let organizer: Organizer;
beforeAll(async () => {
  const logger = createLogger('info', { write: (line: string) => void logLines.push(JSON.parse(line)) });
  app = await startTestApp({}, logger);
  round = await createTestRound();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
});
afterAll(async () => {
  await app?.close();
  await dropTestDatabase();
});

/** Sends a request byte for byte as given (fetch and http.request add body headers of their own). */
function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; body: any }> {
  const { hostname, port } = new URL(baseUrl);
  const head = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${hostname}`,
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () =>
      socket.write(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body ?? Buffer.alloc(0)])),
    );
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString();
      const [headers, ...rest] = text.split('\r\n\r\n');
      const payload = rest.join('\r\n\r\n');
      resolve({
        status: Number(headers.split(' ')[1]),
        body: /content-type: application\/(problem\+)?json/i.test(headers) ? JSON.parse(payload) : payload,
      });
    });
  });
}

const randomAddress = () => Array.from({ length: 4 }, () => Math.floor(Math.random() * 254) + 1).join('.');

describe('When a client forges X-Forwarded-For on every request', () => {
  // What a proxy passes on: whatever the client claimed, then the address the proxy saw.
  const throughProxy = () => ({ 'X-Forwarded-For': `${randomAddress()}, 203.0.113.7` });

  it.each([
    ['one trusted hop', { TRUST_PROXY: '1' }],
    ['the proxy trusted by address', { TRUST_PROXY: 'loopback' }],
    ['no proxy trusted', {}],
  ])('then with %s, 15 wrong passwords still meet 429s', async (_name, env) => {
    const limited = await startTestApp({ ...loadConfig({ LOG_LEVEL: 'silent', ...env }), signInPerMinute: 10 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) {
        statuses.push(
          (
            await postJson(
              `${limited.baseUrl}/api/session`,
              { email: 'nobody@ministry.example', password: `guess${i}` },
              throughProxy(),
            )
          ).status,
        );
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual(Array(5).fill(429));
    } finally {
      await limited.close();
    }
  });

  it('then asking for a link again 15 times meets 429s after the fifth', async () => {
    const limited = await startTestApp({ ...loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '1' }) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) {
        statuses.push(
          (await postJson(`${limited.baseUrl}/api/links/resend`, { email: `nobody${i}@example.org` }, throughProxy()))
            .status,
        );
      }
      expect(statuses).toEqual([...Array(5).fill(202), ...Array(10).fill(429)]);
    } finally {
      await limited.close();
    }
  });
});

describe('When a respondent uses their link', () => {
  it('then the link token appears nowhere in the logs, nor does a session token', async () => {
    const token = round.kenya;
    const referer = { Referer: `${app.baseUrl}/respond/${token}?lang=fr` };
    expect((await request(`${app.baseUrl}/respond/${token}`)).status).toBe(200);
    expect((await request(`${app.baseUrl}/RESPOND/${token}/`)).status).toBe(200);
    expect((await request(`${app.baseUrl}/api/respondent/${token}`, { headers: referer })).status).toBe(200);
    const draft = await request(`${app.baseUrl}/api/respondent/${token}/draft?x=1`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...referer },
      body: JSON.stringify({ answers: {}, baseRevision: 0 }),
    });
    expect(draft.status).toBe(200);
    expect(
      (
        await request(`${app.baseUrl}/api/respondent/${token}x/draft`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: '{',
        })
      ).status,
    ).toBe(400);
    expect((await request(`${app.baseUrl}/respond/${round.revoked}`)).status).toBe(410);
    const session = organizer.cookie.split('=')[1];

    const lines = logText();
    expect(lines).toContain('/api/respondent/[token]/draft');
    expect(lines).toContain('/respond/[token]');
    for (const secret of [token, round.revoked, session]) expect(lines).not.toContain(secret);
  });
});

describe('When a partner opens a declaration link, and an admin looks up what is stored about an address', () => {
  it('then neither the link token nor the address appears in the logs', async () => {
    // Unknown tokens are logged like known ones: what matters is the URL.
    const token = 'PartnerLinkTokenXy7Qw3Zr';
    await request(`${app.baseUrl}/declare/${token}`);
    await request(`${app.baseUrl}/api/declarations/${token}`);
    await request(`${app.baseUrl}/api/declarations/${token}/draft`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: {}, baseRevision: 0 }),
    });
    const admin = await createOrganizer(app.baseUrl, 'admin');
    const email = 'someone.private@ministry.example';
    const lookup = await request(`${app.baseUrl}/api/personal-data?email=${encodeURIComponent(email)}`, {
      headers: { Cookie: admin.cookie },
    });
    expect(lookup.status).toBe(200);
    await request(`${app.baseUrl}/console/personal-data?email=${encodeURIComponent(email)}&lang=fr`, {
      headers: { Cookie: admin.cookie },
    });

    const lines = logText();
    expect(lines).toContain('/declare/[token]');
    expect(lines).toContain('/api/declarations/[token]/draft');
    expect(lines).toContain('/api/personal-data?email=[email]');
    for (const secret of [token, email, encodeURIComponent(email)]) expect(lines).not.toContain(secret);
  });
});

describe('When a schema is asked for by a name every object has', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('then /api/schemas/%s is a 404', async (name) => {
    const reply = await request(`${app.baseUrl}/api/schemas/${name}`);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ code: '404.1' });
  });
});

describe('When a request cannot be decoded', () => {
  const errorsLogged = () => logLines.filter((l) => (l.level as number) >= 50);

  it('then a malformed percent-encoding in the path is a 400 problem, logged as a warning at most', async () => {
    const before = errorsLogged().length;
    for (const path of ['/api/forms/%ZZ', '/api/respondent/%E0%A4%A', '/respond/%ZZ']) {
      const reply = await rawRequest(app.baseUrl, 'GET', path, {});
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: '400.3' });
    }
    expect(errorsLogged().length).toBe(before);
  });

  it.each(['gzip', 'deflate', 'br'])(
    'then a corrupt %s body is a 400 problem, logged as a warning at most',
    async (encoding) => {
      const before = errorsLogged().length;
      const corrupt = Buffer.concat([
        Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
        Buffer.from('definitely not compressed data'),
      ]);
      const reply = await rawRequest(
        app.baseUrl,
        'POST',
        '/api/session',
        { 'Content-Type': 'application/json', 'Content-Encoding': encoding, 'Content-Length': String(corrupt.length) },
        corrupt,
      );
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: '400.4' });
      expect(errorsLogged().length).toBe(before);
    },
  );

  it('then a well-compressed body is still read', async () => {
    const body = gzipSync(JSON.stringify({ email: 'nobody@ministry.example', password: 'wrong' }));
    const reply = await rawRequest(
      app.baseUrl,
      'POST',
      '/api/session',
      { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) },
      body,
    );
    expect(reply.status).toBe(401);
  });
});

describe('When a body holds a huge array', () => {
  it('then creating a round with 43,000 languages is a small 400 naming the field', async () => {
    const languages = Array.from({ length: 43_000 }, (_, i) => i);
    const body = {
      name: 'Huge',
      formId: 'a1-pilot',
      languages,
      deadline: new Date(Date.now() + 86400_000).toISOString(),
    };
    const reply = await request(`${app.baseUrl}/api/rounds`, {
      method: 'POST',
      headers: organizer.headers,
      body: JSON.stringify(body),
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body).length).toBeLessThan(2000);
    expect(reply.body.errors).toEqual([
      { field: 'body.languages', message: expect.stringMatching(/more than 3 items/) },
    ]);
  });
});

describe('When a body breaks its schema in many places', () => {
  it('then the problem lists the first 100 errors and counts the others', async () => {
    const answers = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`unknown${i}`, 'x']));
    const reply = await request(`${app.baseUrl}/api/respondent/${round.niger}/draft`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers, baseRevision: 0 }),
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toHaveLength(100);
    expect(reply.body.errors[0]).toEqual({ field: 'answers.unknown0', message: 'is not a known field' });
    expect(reply.body.errorsOmitted).toBe(400);
  });

  it('then a focal point import of valid rows lists the first 100 rows skipped and counts the others', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `XYZ,Name ${i},fp${i}@ministry.example,en,Ministry`);
    const csv = ['country,name,email,language,ministry', ...rows].join('\n');
    const reply = await request(`${app.baseUrl}/api/rounds/${round.roundId}/focal-points/import?validOnly=true`, {
      method: 'POST',
      headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ imported: 0, skippedOmitted: 50 });
    expect(reply.body.skipped).toHaveLength(100);
    expect(reply.body.skipped[0]).toEqual({
      row: 2,
      field: 'country',
      message: 'XYZ is not a known ISO 3166 alpha-3 code',
    });
  });

  it('then 20,000 answers are refused by their count alone, in a small answer', async () => {
    const answers = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1]));
    const reply = await request(`${app.baseUrl}/api/respondent/${round.niger}/draft`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers, baseRevision: 0 }),
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body).length).toBeLessThan(2000);
    expect(reply.body.errors).toEqual([
      { field: 'body.answers', message: expect.stringMatching(/more than \d+ properties/) },
    ]);
  });
});

describe('When a POST says application/json but sends no body', () => {
  it('then the answer is a 400 saying a JSON body is required', async () => {
    const reply = await rawRequest(app.baseUrl, 'POST', '/api/links/resend', { 'Content-Type': 'application/json' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      code: '400.5',
      title: 'A request body is required',
      detail: expect.stringMatching(/application\/json/),
    });
    expect(reply.body.detail).not.toMatch(/Content-Type was/);
  });

  it('then a body with the wrong Content-Type is still a 415 naming it', async () => {
    const reply = await rawRequest(
      app.baseUrl,
      'POST',
      '/api/links/resend',
      { 'Content-Type': 'text/plain', 'Content-Length': '2' },
      Buffer.from('{}'),
    );
    expect(reply).toMatchObject({ status: 415, body: { detail: 'Content-Type was text/plain' } });
  });
});
