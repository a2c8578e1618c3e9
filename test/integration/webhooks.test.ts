// Round webhooks end to end: the real app and database, the real webhook worker, and a real
// HTTPS receiver in this test with a self-signed certificate made at test time (openssl), which
// the app trusts through its extra-CA setting. A submit, an approval and a confirmed match each
// arrive once, signed (checked here independently); a receiver failing twice gets retries and
// one acknowledged delivery; http:// and private URLs are refused naming the field; viewers
// cannot register; the secret never reaches the logs.
import { execFileSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import pino from 'pino';
import { AuditEntry } from '../../server/audit/audit-entry.model';
import { createCountryLink } from '../../server/invitations/links';
import type { RunningWorker } from '../../server/jobs/claim-loop';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { recordWebhookEvent } from '../../server/webhooks/record-event';
import { WebhookDue } from '../../server/webhooks/webhook.model';
import { startWebhookWorker } from '../../server/webhooks/webhook-worker';
import { createOrganizer, postJson, request, type Organizer } from '../helpers/http';
import { ok, strongA1, weakA1 } from '../helpers/matching-round';
import { createEastAfricaRound } from '../helpers/rounds';
import { eventually } from '../helpers/service-process';
import { dropTestDatabase, startTestApp, type TestApp } from '../helpers/test-app';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

/** An HTTPS server that records every request; `script[path]` lists the statuses to answer in turn (then 200). */
async function startReceiver(key: string, cert: string) {
  const received: Received[] = [];
  const script: Record<string, number[]> = {};
  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const p = req.url ?? '/';
      received.push({ path: p, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = script[p]?.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    script,
    url: (p: string) => `https://localhost:${port}${p}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The receiver's side of the contract, written from the README: no code of the service used. */
function verify(secret: string, r: Received): boolean {
  const timestamp = String(r.headers['capgap-timestamp']);
  const given = String(r.headers['capgap-signature']).replace(/^v1=/, '');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${r.raw}`).digest('hex');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

let dir: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let app: TestApp;
let guarded: TestApp;
let worker: RunningWorker;
let startWorker: () => RunningWorker;
let organizer: Organizer;
let viewer: Organizer;
let logText = '';
const secrets: string[] = [];

const hookPath = (roundId: string) => `/api/rounds/${roundId}/webhook`;
const putHook = (roundId: string, url: string, who: Organizer = organizer, base = app.baseUrl) =>
  request(`${base}${hookPath(roundId)}`, { method: 'PUT', headers: who.headers, body: JSON.stringify({ url }) });
const getHook = async (roundId: string, who: Organizer = viewer) =>
  (await request(`${app.baseUrl}${hookPath(roundId)}`, { headers: { Cookie: who.cookie } })).body.webhook;

async function register(roundId: string, url: string): Promise<string> {
  const reply = await putHook(roundId, url);
  expect(reply.status).toBe(200);
  secrets.push(reply.body.secret);
  return reply.body.secret as string;
}

/** Waits until every delivery listed with the round's webhook has an outcome; returns them. */
async function settled(roundId: string, count: number) {
  let deliveries: { id: string; type: string; status: string; attempts: { outcome: string; httpStatus?: number }[] }[] =
    [];
  await eventually(async () => {
    deliveries = (await getHook(roundId)).deliveries;
    return deliveries.length === count && deliveries.every((d) => d.status !== 'pending');
  }, `${count} deliveries with an outcome`);
  return deliveries;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-webhooks-'));
  const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  receiver = await startReceiver(fs.readFileSync(keyFile, 'utf8'), fs.readFileSync(certFile, 'utf8'));

  // Everything the app and the worker log, to look for secrets in.
  const sink = new Writable({
    write(chunk, _enc, done) {
      logText += String(chunk);
      done();
    },
  });
  const logger = pino({ level: 'trace' }, sink);
  app = await startTestApp({ webhookAllowPrivate: true, webhookCaFile: certFile, logLevel: 'trace' }, logger);
  // The same service with the default guard: private addresses refused.
  guarded = await startTestApp({ webhookAllowPrivate: false }, logger);
  startWorker = () =>
    startWebhookWorker({
      allowPrivate: true,
      caFile: certFile,
      pollMs: 50,
      backoffBaseMs: 100,
      backoffMaxMs: 400,
      timeoutMs: 5_000,
      log: logger,
    });
  worker = startWorker();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
  viewer = await createOrganizer(app.baseUrl, 'viewer');
});

afterAll(async () => {
  await worker?.stop();
  await app?.close();
  await guarded?.close();
  await receiver?.close();
  await dropTestDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('When an organizer registers an https webhook for a round', () => {
  it('then a submit, an approval and a confirmed match each arrive once, signed with the round’s secret', async () => {
    const roundId = await createEastAfricaRound();
    const secret = await register(roundId, receiver.url('/events'));
    expect(secret).toMatch(/^whsec_/);
    await ok(
      request(`${app.baseUrl}/api/rounds/${roundId}/focal-points/import`, {
        method: 'POST',
        headers: { ...organizer.headers, 'Content-Type': 'text/csv' },
        body: 'country,name,email,language,ministry\nKEN,Amina Wanjiku,amina@interior.go.ke,en,Interior\nUGA,Moïse Okello,moise@ubos.example,fr,Statistics\n',
      }),
    );
    for (const [country, answers] of [
      ['KEN', weakA1],
      ['UGA', strongA1],
    ] as const) {
      const { token } = await createCountryLink({ roundId, country, language: 'en' });
      await ok(postJson(`${app.baseUrl}/api/respondent/${token}/submit`, { answers, baseRevision: 0 }));
      await ok(postJson(`${app.baseUrl}/api/rounds/${roundId}/responses/${country}/approve`, {}, organizer.headers));
    }
    const run = await ok(postJson(`${app.baseUrl}/api/rounds/${roundId}/matching/runs`, {}, organizer.headers), 201);
    const match = (run.run ?? run).matches.find((m: { country: string }) => m.country === 'KEN');
    await ok(
      postJson(
        `${app.baseUrl}/api/rounds/${roundId}/matching/runs/1/matches/${match.id}/confirm`,
        {},
        organizer.headers,
      ),
    );

    const deliveries = await settled(roundId, 5);
    expect(deliveries.map((d) => d.status)).toEqual(Array(5).fill('delivered'));
    const arrived = receiver.received.filter((r) => r.path === '/events');
    // Once each: one request per delivery, no delivery id twice.
    expect(arrived).toHaveLength(5);
    expect(new Set(arrived.map((r) => r.headers['capgap-delivery'])).size).toBe(5);
    for (const r of arrived) expect(verify(secret, r)).toBe(true);
    expect(verify('whsec_not-the-secret', arrived[0])).toBe(false);

    const bodies = arrived.map((r) => JSON.parse(r.raw));
    for (const [b, r] of bodies.map((b, i) => [b, arrived[i]] as const)) {
      expect(Object.keys(b).sort()).toEqual(['data', 'id', 'occurredAt', 'roundId', 'type']);
      expect(b.id).toBe(r.headers['capgap-delivery']);
      expect(b.type).toBe(r.headers['capgap-event']);
      expect(b.roundId).toBe(roundId);
      // No personal data: no email address, no focal point's name.
      expect(r.raw).not.toMatch(/@|Amina|Okello|Wanjiku/);
    }
    const of = (type: string) => bodies.filter((b) => b.type === type).map((b) => b.data);
    expect(of('response.submitted')).toEqual(
      expect.arrayContaining([
        {
          country: 'KEN',
          revision: 1,
          status: 'submitted',
          links: {
            response: `/api/rounds/${roundId}/responses/KEN`,
            scores: `/api/rounds/${roundId}/countries/KEN/profile`,
          },
        },
        expect.objectContaining({ country: 'UGA', revision: 1 }),
      ]),
    );
    expect(of('response.approved')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ country: 'KEN', revision: 2 }),
        expect.objectContaining({ country: 'UGA', revision: 2 }),
      ]),
    );

    // Each payload is what the OpenAPI document's `webhooks` section says, headers included.
    const doc = (await request(`${app.baseUrl}/api/openapi.json`)).body;
    expect(Object.keys(doc.webhooks).sort()).toEqual(['match.confirmed', 'response.approved', 'response.submitted']);
    const ajv = addFormats(new Ajv2020({ strict: false }));
    for (const [b, r] of bodies.map((b, i) => [b, arrived[i]] as const)) {
      const described = doc.webhooks[b.type].post;
      const check = ajv.compile(described.requestBody.content['application/json'].schema);
      expect({ type: b.type, valid: check(b), errors: check.errors }).toEqual({
        type: b.type,
        valid: true,
        errors: null,
      });
      for (const header of described.parameters.filter((p: { in: string }) => p.in === 'header'))
        expect(r.headers[header.name.toLowerCase()]).toMatch(new RegExp(header.schema.pattern ?? '.'));
    }
    expect(of('match.confirmed')).toEqual([
      expect.objectContaining({
        matchId: match.id,
        run: 1,
        country: 'KEN',
        area: match.area,
        providerId: match.providerId,
      }),
    ]);
  });
});

describe('When the receiver answers 500 twice and then 200', () => {
  it('then the delivery is retried and acknowledged once, every attempt recorded', async () => {
    const roundId = await createEastAfricaRound();
    receiver.script['/flaky'] = [500, 500];
    const secret = await register(roundId, receiver.url('/flaky'));
    const { token } = await createCountryLink({ roundId, country: 'TZA', language: 'en' });
    await ok(postJson(`${app.baseUrl}/api/respondent/${token}/submit`, { answers: strongA1, baseRevision: 0 }));

    const [delivery] = await settled(roundId, 1);
    expect(delivery).toMatchObject({ type: 'response.submitted', status: 'delivered' });
    expect(delivery.attempts.map((a) => [a.outcome, a.httpStatus])).toEqual([
      ['retry', 500],
      ['retry', 500],
      ['acknowledged', 200],
    ]);
    const arrived = receiver.received.filter((r) => r.path === '/flaky');
    expect(arrived).toHaveLength(3);
    // The same delivery, the same bytes, each attempt signed afresh.
    expect(new Set(arrived.map((r) => r.headers['capgap-delivery']))).toEqual(new Set([delivery.id]));
    expect(new Set(arrived.map((r) => r.raw)).size).toBe(1);
    for (const r of arrived) expect(verify(secret, r)).toBe(true);
  });
});

describe('When the service stopped between storing a delivery and listing it as due', () => {
  it('then the next worker to start lists it and delivers it once', async () => {
    const roundId = await createEastAfricaRound();
    const secret = await register(roundId, receiver.url('/relisted'));
    await worker.stop(); // the running worker relisted at its start only
    const id = await recordWebhookEvent({
      type: 'response.approved',
      roundId,
      subject: 'TZA:r2',
      data: { country: 'TZA', revision: 2 },
    });
    await WebhookDue.deleteOne({ _id: id }); // as if the process had died right after the first insert
    worker = startWorker();
    const [delivery] = await settled(roundId, 1);
    expect(delivery).toMatchObject({ id, status: 'delivered' });
    const arrived = receiver.received.filter((r) => r.path === '/relisted');
    expect(arrived).toHaveLength(1);
    expect(verify(secret, arrived[0])).toBe(true);
    // Recording the same event again stores nothing new.
    expect(await recordWebhookEvent({ type: 'response.approved', roundId, subject: 'TZA:r2', data: {} })).toBe(id);
    expect((await getHook(roundId)).deliveries).toHaveLength(1);
  });
});

describe('When a registered host resolves to a private address at delivery time and private addresses are not allowed', () => {
  it('then nothing is sent and the attempt says why', async () => {
    const roundId = await createEastAfricaRound();
    await register(roundId, receiver.url('/rebound')); // localhost: allowed by the app that registered it
    await worker.stop();
    const guardedWorker = startWebhookWorker({ allowPrivate: false, pollMs: 50, maxAttempts: 1 });
    try {
      await recordWebhookEvent({ type: 'response.approved', roundId, subject: 'KEN:r2', data: { country: 'KEN' } });
      const [delivery] = await settled(roundId, 1);
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts).toEqual([
        expect.objectContaining({ outcome: 'failed', error: expect.stringMatching(/private address/) }),
      ]);
      expect(receiver.received.filter((r) => r.path === '/rebound')).toHaveLength(0);
    } finally {
      await guardedWorker.stop();
      worker = startWorker();
    }
  });
});

describe('When a webhook URL is not https or points inside the network', () => {
  it('then it is refused with a problem naming body.url, and nothing is registered', async () => {
    const roundId = await createEastAfricaRound();
    const plain = await putHook(roundId, 'http://receiver.example/hook');
    expect(plain.status).toBe(400);
    expect(plain.headers.get('content-type')).toContain('application/problem+json');
    expect(plain.body.errors.map((e: { field: string }) => e.field)).toContain('body.url');

    for (const url of [
      'https://10.1.2.3/hook',
      'https://127.0.0.1:8443/hook',
      'https://[::1]/hook',
      receiver.url('/x'),
    ]) {
      const refused = await putHook(roundId, url, organizer, guarded.baseUrl);
      expect({ url, status: refused.status }).toEqual({ url, status: 422 });
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors[0].field).toBe('body.url');
    }
    expect(await getHook(roundId)).toBeNull();
  });
});

describe('When a viewer looks at a round’s webhook', () => {
  it('then they see its URL and deliveries but not the secret, and cannot register, replace or remove it', async () => {
    const roundId = await createEastAfricaRound();
    const first = await register(roundId, receiver.url('/viewer'));
    expect((await putHook(roundId, receiver.url('/mine'), viewer)).status).toBe(403);
    expect(
      (await request(`${app.baseUrl}${hookPath(roundId)}`, { method: 'DELETE', headers: viewer.headers })).status,
    ).toBe(403);
    // Without the CSRF header, even an organizer is refused.
    const noCsrf = await request(`${app.baseUrl}${hookPath(roundId)}`, {
      method: 'PUT',
      headers: { Cookie: organizer.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url('/x') }),
    });
    expect(noCsrf.status).toBe(403);

    const seen = await request(`${app.baseUrl}${hookPath(roundId)}`, { headers: { Cookie: viewer.cookie } });
    expect(seen.body.webhook).toMatchObject({ url: receiver.url('/viewer'), deliveries: [] });
    expect(JSON.stringify(seen.body)).not.toContain(first);

    // Putting it again rotates the secret; removing it is audited.
    const second = await register(roundId, receiver.url('/viewer'));
    expect(second).not.toBe(first);
    expect(
      (await request(`${app.baseUrl}${hookPath(roundId)}`, { method: 'DELETE', headers: organizer.headers })).status,
    ).toBe(204);
    expect(await getHook(roundId)).toBeNull();
    const audited = await AuditEntry.find({ roundId, action: /^round\.webhook/ }).lean();
    expect(audited.map((e) => e.action).sort()).toEqual([
      'round.webhookRemove',
      'round.webhookSet',
      'round.webhookSet',
    ]);
    expect(JSON.stringify(audited)).not.toMatch(/whsec_/);
  });
});

describe('When webhooks were registered and delivered', () => {
  it('then no secret appears in the logs', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    expect(logText).toContain('webhook delivered'); // the log was captured
    for (const secret of secrets) expect(logText).not.toContain(secret);
    expect(logText).not.toMatch(/whsec_/);
  });
});
