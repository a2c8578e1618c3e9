// The audit log: a hash chain appended under concurrency without gaps or forks, listed by round,
// actor, action and time without reading the whole log, and a tampered entry found by the
// verify script.
import mongoose from 'mongoose';
import { AuditEntry } from '../../server/audit/audit-entry.model';
import { recordAudit } from '../../server/audit/record-audit';
import { verifyAuditChain } from '../../server/audit/verify-audit';
import { createOrganizer, request, type Organizer } from '../helpers/http';
import { setupTestApp } from '../helpers/test-app';
import { runVerifyAudit } from '../helpers/verify-audit';

const app = setupTestApp();
const roundA = 'a'.repeat(24);
const roundB = 'b'.repeat(24);
const ana = { kind: 'account', id: 'acc-ana', label: 'ana@ministry.example' };
const ben = { kind: 'account', id: 'acc-ben', label: 'ben@ministry.example' };
let admin: Organizer;

beforeAll(async () => {
  admin = await createOrganizer(app().baseUrl, 'admin');
  // Twenty concurrent recorders, as several instances would be.
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      recordAudit({
        actor: i % 2 ? ana : ben,
        action: i % 3 ? 'response.submit' : 'round.update',
        roundId: i % 4 ? roundA : roundB,
        target: { kind: 'country', id: `C${String(i).padStart(2, '0')}` },
        details: { i },
      }),
    ),
  );
});

const get = (query: string) => request(`${app().baseUrl}/api/audit${query}`, { headers: { Cookie: admin.cookie } });

describe('the audit chain', () => {
  test('When twenty entries are recorded at once, then they take numbers 1 to 20 and the chain holds', async () => {
    const entries = await AuditEntry.find({}, { seq: 1 }).lean();
    const seqs = entries
      .map((e) => e.seq)
      .filter((s) => s <= 20)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const result = await verifyAuditChain();
    expect(result.firstBreak).toBeNull();
    expect(result.checked).toBeGreaterThanOrEqual(20);
  });
});

describe('GET /api/audit', () => {
  test('When an admin lists a round, then only that round comes, newest first', async () => {
    const reply = await get(`?round=${roundB}`);
    expect(reply.status).toBe(200);
    expect(reply.body.entries).toHaveLength(5);
    expect(reply.body.entries.every((e: { roundId: string }) => e.roundId === roundB)).toBe(true);
    // Read through the round's own sequence: 5 entries examined, not the 20 of the whole log.
    expect(reply.body.scanned).toBe(5);
    const seqs = reply.body.entries.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  test('When filtered by actor and action and paged, then the pages add up to the matching entries', async () => {
    const seen: number[] = [];
    let query = `?actorKind=account&actor=acc-ana&action=response.submit&limit=2`;
    for (let page = 0; page < 10; page++) {
      const reply = await get(query);
      expect(reply.status).toBe(200);
      for (const e of reply.body.entries) {
        expect(e.actor.id).toBe('acc-ana');
        expect(e.action).toBe('response.submit');
        seen.push(e.seq);
      }
      if (!reply.body.next) break;
      query = `?actorKind=account&actor=acc-ana&action=response.submit&limit=2&before=${reply.body.next.before}`;
    }
    const stored = await AuditEntry.find({ 'actor.id': 'acc-ana', action: 'response.submit' }, { seq: 1 }).lean();
    expect(seen.sort((a, b) => a - b)).toEqual(stored.map((e) => e.seq).sort((a, b) => a - b));
  });

  test('When a time window is given, then only entries inside it come', async () => {
    const all = await AuditEntry.find({}, { seq: 1, at: 1 }).lean();
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await get(`?from=${encodeURIComponent(future)}`)).body.entries).toHaveLength(0);
    const past = new Date(Date.now() - 3600_000).toISOString();
    expect((await get(`?to=${encodeURIComponent(past)}`)).body.entries).toHaveLength(0);
    expect((await get(`?from=${encodeURIComponent(past)}&limit=200`)).body.entries).toHaveLength(all.length);
  });

  test('When a filter carries an operator, an unknown field or a repeated value, then 400 names it', async () => {
    for (const bad of [
      '?round[$ne]=x',
      '?colour=red',
      `?round=${roundA}&round=${roundB}`,
      '?action=drop',
      '?limit=0',
      '?actor=acc-ana',
    ]) {
      const reply = await get(bad);
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body.errors[0].field).toMatch(/^query/);
    }
  });

  test('When a viewer or nobody asks, then 403 or 401', async () => {
    const viewer = await createOrganizer(app().baseUrl, 'viewer');
    expect((await request(`${app().baseUrl}/api/audit`, { headers: { Cookie: viewer.cookie } })).status).toBe(403);
    expect((await request(`${app().baseUrl}/api/audit`)).status).toBe(401);
  });
});

describe('actions through HTTP', () => {
  test('When an organizer signs in, fails to, downloads an export and signs out, then each is in the log as that actor', async () => {
    const organizer = await createOrganizer(app().baseUrl, 'organizer');
    const bad = await request(`${app().baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: organizer.email, password: 'not the password at all' }),
    });
    expect(bad.status).toBe(401);
    expect(
      (await request(`${app().baseUrl}/api/partners/export.csv`, { headers: { Cookie: organizer.cookie } })).status,
    ).toBe(200);
    expect(
      (await request(`${app().baseUrl}/api/session`, { method: 'DELETE', headers: organizer.headers })).status,
    ).toBe(204);

    const entries = (await get('?limit=20')).body.entries as {
      action: string;
      actor: { kind: string; label?: string };
      details?: Record<string, unknown>;
      requestId?: string;
    }[];
    const mine = entries.filter((e) => e.actor.label === organizer.email || e.details?.email === organizer.email);
    expect(mine.map((e) => e.action).reverse()).toEqual([
      'session.signIn',
      'session.signInFailed',
      'export.download',
      'session.signOut',
    ]);
    expect(mine.find((e) => e.action === 'export.download')!.details).toEqual({
      export: 'capgap-partners',
      format: 'csv',
    });
    expect(mine.every((e) => typeof e.requestId === 'string')).toBe(true);
    // Nothing secret goes in: no password, no session token.
    expect(JSON.stringify(mine)).not.toMatch(/not the password|capgap_session/);
  });
});

describe('tampering', () => {
  const runVerify = runVerifyAudit;

  test('When nothing was touched, then the script says the chain is intact', async () => {
    const result = await runVerify();
    expect(result.stdout).toMatch(/^OK: \d+ entries, chain intact/m);
    expect(result.code).toBe(0);
  });

  test('When an entry is edited with the driver, then the script names it and exits 1', async () => {
    await mongoose.connection
      .db!.collection('auditentries')
      .updateOne({ _id: 'audit:7' as never }, { $set: { 'details.i': 999 } });
    const result = await runVerify();
    expect(result.stdout).toMatch(/BROKEN at entry 7 \(changed\)/);
    expect(result.code).toBe(1);
  });

  test('When an entry is deleted, then the chain breaks there', async () => {
    await mongoose.connection.db!.collection('auditentries').deleteOne({ _id: 'audit:3' as never });
    const result = await verifyAuditChain();
    expect(result.firstBreak).toMatchObject({ seq: 3, problem: 'missing' });
  });
});
