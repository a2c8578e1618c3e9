// The email outbox against a real database and a real SMTP server: delivery, retries, bounces,
// crashes between claim and send, and several workers racing over the same messages.
import { claimNext } from '../../server/email/outbox-claim';
import { OutboxClaim } from '../../server/email/outbox-claim.model';
import { OutboxDue } from '../../server/email/outbox-due.model';
import { relistWaitingMessages } from '../../server/email/outbox-relist';
import { OutboxEmail } from '../../server/email/outbox.model';
import { createMailer, type Mailer } from '../../server/email/mailer';
import { deliver, processDue, startOutboxWorker, type DeliveryContext } from '../../server/email/outbox-worker';
import { queueEmail } from '../../server/email/queue-email';
import type { TemplateData } from '../../server/email/templates';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { dropTestDatabase, useTestDatabase } from '../helpers/test-app';

const from = 'Capacity Secretariat <secretariat@capgap.example>';
const data: TemplateData = {
  name: 'Ana Pereira',
  countryName: 'Côte d’Ivoire',
  roundName: 'Capacity Assessment 2027',
  deadline: new Date('2027-03-15T12:00:00Z'),
  link: 'https://capgap.example/respond/tok_1234567890abcdef',
};

let smtp: TestSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  await useTestDatabase();
  smtp = await startTestSmtpServer();
  // A short send deadline: the tests' 60 s leases must be at least twice as long.
  mailer = createMailer({ smtpUrl: smtp.url, sendDeadlineMs: 10_000 });
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
  await dropTestDatabase();
});
beforeEach(async () => {
  await OutboxEmail.deleteMany({});
  await OutboxClaim.deleteMany({});
  await OutboxDue.deleteMany({});
  smtp.received.length = 0;
});

/** Immediate retries: the tests look at outcomes, not at waiting. */
const ctx = (owner: string): DeliveryContext & { owner: string; leaseMs: number } => ({
  mailer,
  from,
  owner,
  backoffBaseMs: 0,
  leaseMs: 60_000,
});

const queue = (to: string, locale: 'en' | 'fr' | 'es' = 'en') =>
  queueEmail({ to, template: 'invitation', locale, data });

describe('When a queued invitation is processed', () => {
  it('then it is delivered once and marked sent with its Message-ID', async () => {
    const id = await queue('focal.point@ministry.example');
    expect(await processDue(ctx('A'))).toBe(1);
    expect(await processDue(ctx('A'))).toBe(0);

    expect(smtp.received).toHaveLength(1);
    const email = smtp.received[0];
    expect(email.to).toEqual(['focal.point@ministry.example']);
    expect(email.from).toBe('secretariat@capgap.example');
    expect(email.subject).toBe('Invitation: Capacity Assessment 2027 (Côte d’Ivoire)');
    expect(email.text).toContain(data.link);
    expect(email.text).toContain('15 March 2027');
    expect(email.html).toContain(`href="${data.link}"`);

    const doc = await OutboxEmail.findById(id).lean();
    expect(doc).toMatchObject({ status: 'sent', attempts: 1, handledBy: 'A' });
    expect(doc!.sentAt).toBeInstanceOf(Date);
    expect(doc!.messageId).toBe(email.messageId);
    expect(doc!.messageId).toBe(`<outbox-${id}@capgap.example>`);
  });
});

describe('When the recipient server answers 451 once', () => {
  it('then the message is retried and delivered once, after 2 attempts', async () => {
    smtp.rejectNext('busy@ministry.example', 451);
    const id = await queue('busy@ministry.example');

    // A real backoff first: after the failure the message waits for its retry time.
    const first = await claimNext('A', 60_000);
    expect(await deliver(first!, { mailer, from, backoffBaseMs: 60_000 })).toBe('retry');
    const waiting = await OutboxEmail.findById(id).lean();
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting!.lastError).toMatch(/^451/);
    expect(waiting!.retryAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect((await OutboxDue.findById(id).lean())!.dueAt).toEqual(waiting!.retryAt);
    expect(await processDue(ctx('A'))).toBe(0);

    await OutboxDue.updateOne({ _id: id }, { $set: { dueAt: new Date() } }); // the minute has passed
    expect(await processDue(ctx('A'))).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(await OutboxEmail.findById(id).lean()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('then a message that keeps failing temporarily ends as failed after maxAttempts', async () => {
    smtp.rejectNext('down@ministry.example', 421, 10, 'Service not available');
    const id = await queue('down@ministry.example');
    expect(await processDue({ ...ctx('A'), maxAttempts: 3 })).toBe(3);
    expect(smtp.received).toHaveLength(0);
    expect(await OutboxEmail.findById(id).lean()).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: expect.stringMatching(/^421/),
    });
  });
});

describe('When the relay cannot be reached', () => {
  it('then the message waits for a retry with the connection error, and nothing is lost', async () => {
    const net = await import('node:net');
    // A port that was free a moment ago: connecting to it is refused.
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as import('node:net').AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const unreachable = createMailer({ smtpUrl: `smtp://127.0.0.1:${closed}`, sendDeadlineMs: 10_000 });
    const id = await queue('patient@ministry.example');
    try {
      expect(await processDue({ ...ctx('A'), mailer: unreachable, backoffBaseMs: 60_000 })).toBe(1);
    } finally {
      unreachable.close();
    }
    const waiting = await OutboxEmail.findById(id).lean();
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting!.lastError).toMatch(/ECONNREFUSED/);
    expect(await OutboxDue.countDocuments()).toBe(1);
  });
});

describe('When the recipient server answers 550', () => {
  it('then the message is bounced with the reason and never retried', async () => {
    smtp.rejectNext('nobody@ministry.example', 550, 5, 'No such user here');
    const id = await queue('nobody@ministry.example');
    const okId = await queue('someone@ministry.example');
    expect(await processDue(ctx('A'))).toBe(2);
    expect(await processDue(ctx('A'))).toBe(0);

    const bounced = await OutboxEmail.findById(id).lean();
    expect(bounced).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(bounced!.lastError).toContain('550');
    expect(bounced!.lastError).toContain('No such user here');
    expect(smtp.received.map((e) => e.to[0])).toEqual(['someone@ministry.example']);
    expect(await OutboxEmail.findById(okId).lean()).toMatchObject({ status: 'sent' });
    // Other features find bounces by focal point or address in the outbox.
    expect(await OutboxEmail.countDocuments({ status: 'bounced', to: 'nobody@ministry.example' })).toBe(1);
  });
});

describe('When a worker crashes after claiming a message and before sending it', () => {
  it('then another worker sends it after the lease expires, exactly once', async () => {
    const id = await queue('crash@ministry.example');
    const claimed = await claimNext('A', 400); // A "crashes" here: it never delivers
    expect(claimed).not.toBeNull();

    expect(await processDue(ctx('B'))).toBe(0); // still leased to A
    expect(smtp.received).toHaveLength(0);

    await new Promise((r) => setTimeout(r, 500));
    expect(await processDue({ ...ctx('B'), leaseMs: 60_000 })).toBe(1);
    expect(await processDue({ ...ctx('B'), leaseMs: 60_000 })).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(await OutboxEmail.findById(id).lean()).toMatchObject({ status: 'sent', attempts: 2, handledBy: 'B' });

    // A, back from the dead with its stale claim, cannot record anything over B's outcome.
    expect(await deliver({ ...claimed!, leaseUntil: new Date(Date.now() + 60_000) }, { mailer, from })).toBe(
      'lease-lost',
    );
    expect(await OutboxEmail.findById(id).lean()).toMatchObject({ status: 'sent', handledBy: 'B' });
  });
});

describe('When two workers race over 20 messages', () => {
  it('then each message is received exactly once', async () => {
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push(await queue(`fp${i}@ministry.example`));
    // Two "instances": each its own mailer and owner, polling fast.
    const mailerB = createMailer({ smtpUrl: smtp.url });
    const a = startOutboxWorker({ mailer, from, owner: 'instance-A', pollMs: 10, concurrency: 2 });
    const b = startOutboxWorker({ mailer: mailerB, from, owner: 'instance-B', pollMs: 10, concurrency: 2 });
    try {
      await smtp.waitFor(20);
      await new Promise((r) => setTimeout(r, 300)); // time for any duplicate to show up
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      mailerB.close();
    }
    const recipients = smtp.received.map((e) => e.to[0]).sort();
    expect(recipients).toEqual(Array.from({ length: 20 }, (_, i) => `fp${i}@ministry.example`).sort());
    const docs = await OutboxEmail.find({}).lean();
    expect(docs.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
    const owners = new Set(docs.map((d) => d.handledBy!.replace(/#\d+$/, '')));
    expect(owners.size).toBeGreaterThanOrEqual(1);
  });
});

describe('When six claimers race over 40 due messages (no sending)', () => {
  it('then each message is claimed exactly once', async () => {
    for (let i = 0; i < 40; i++) await queue(`claim${i}@ministry.example`);
    const claims: string[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        for (;;) {
          const m = await claimNext(`w${w}`, 60_000);
          if (!m) return;
          claims.push(m.to);
        }
      }),
    );
    expect(claims).toHaveLength(40);
    expect(new Set(claims).size).toBe(40);
    expect(await OutboxClaim.countDocuments()).toBe(40);
    // Each entry of the due list now shows one attempt and waits for its lease to end.
    const entries = await OutboxDue.find({}).lean();
    expect(entries).toHaveLength(40);
    expect(entries.every((e) => e.attempts === 1 && e.dueAt.getTime() > Date.now() + 50_000)).toBe(true);
  });
});

describe('When a claimer dies between inserting its claim and updating the due list', () => {
  it('then the message is claimed again (next attempt number) once that claim has expired', async () => {
    const id = await queue('halfway@ministry.example');
    const doc = await OutboxEmail.findById(id).lean();
    await OutboxClaim.create({
      _id: `${id}:1`,
      outboxId: doc!._id,
      attempt: 1,
      owner: 'A',
      claimedAt: new Date(),
      leaseUntil: new Date(Date.now() + 300),
    });
    expect(await claimNext('B', 60_000)).toBeNull(); // A's claim still holds
    await new Promise((r) => setTimeout(r, 400));
    expect(await processDue(ctx('B'))).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(await OutboxEmail.findById(id).lean()).toMatchObject({ status: 'sent', attempts: 2, handledBy: 'B' });
  });
});

describe('When the outcome was written but the due entry was not removed (a crash between)', () => {
  it('then the next claimer drops the entry and does not send the message again', async () => {
    const id = await queue('once@ministry.example');
    expect(await processDue(ctx('A'))).toBe(1);
    expect(await OutboxDue.countDocuments()).toBe(0);
    await OutboxDue.create({ _id: id, dueAt: new Date(), attempts: 1 }); // as if the removal never happened
    expect(await processDue(ctx('B'))).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(await OutboxDue.countDocuments()).toBe(0);
    expect(await OutboxEmail.findById(id).lean()).toMatchObject({ status: 'sent', attempts: 1, handledBy: 'A' });
  });
});

describe('When a due entry has no message (queueEmail failed after its first insert)', () => {
  it('then a young entry is left for its message to arrive, and an old one is dropped', async () => {
    const { Types } = await import('mongoose');
    const young = new Types.ObjectId();
    const old = Types.ObjectId.createFromTime(Math.floor(Date.now() / 1000) - 120);
    await OutboxDue.create([
      { _id: young, dueAt: new Date(), attempts: 0 },
      { _id: old, dueAt: new Date(), attempts: 0 },
    ]);
    expect(await processDue(ctx('A'))).toBe(0);
    expect((await OutboxDue.find({}).lean()).map((e) => String(e._id))).toEqual([String(young)]);
    expect(await OutboxClaim.countDocuments()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('When the outbox holds messages from before the due list existed', () => {
  it('then a starting worker lists them again and delivers each once, a half-sent one included', async () => {
    const queued = await queue('waiting@ministry.example');
    const halfSent = await queue('half-sent@ministry.example');
    await OutboxDue.deleteMany({}); // the older version had no due list…
    // …and marked a message being sent as 'sending' (that worker stopped mid-way).
    await OutboxEmail.collection.updateOne(
      { _id: new (await import('mongoose')).Types.ObjectId(halfSent) },
      { $set: { status: 'sending', attempts: 1, leaseOwner: 'old', leaseUntil: new Date(0) } },
    );
    const worker = startOutboxWorker({ mailer, from, pollMs: 10 });
    try {
      await smtp.waitFor(2);
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await worker.stop();
    }
    expect(smtp.received.map((e) => e.to[0]).sort()).toEqual([
      'half-sent@ministry.example',
      'waiting@ministry.example',
    ]);
    expect(await OutboxEmail.findById(queued).lean()).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await OutboxEmail.findById(halfSent).lean()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await OutboxDue.countDocuments()).toBe(0);
  });
});

describe('When waiting messages are relisted and some are still on the due list', () => {
  it('then only the unlisted ones are put back, and the listed ones keep their entry', async () => {
    const listed = await queue('listed@ministry.example');
    const unlisted = await queue('unlisted@ministry.example');
    await OutboxDue.updateOne({ _id: listed }, { $set: { attempts: 2 } });
    await OutboxDue.deleteOne({ _id: unlisted });
    expect(await relistWaitingMessages()).toBe(1);
    expect(await OutboxDue.findById(listed).lean()).toMatchObject({ attempts: 2 });
    expect(await OutboxDue.findById(unlisted).lean()).toMatchObject({ attempts: 0 });
    expect(await relistWaitingMessages()).toBe(0);
  });
});

describe('When a French invitation is delivered', () => {
  it('then it arrives with the French subject and text', async () => {
    await queue('point.focal@ministere.example', 'fr');
    const worker = startOutboxWorker({ mailer, from, pollMs: 10 });
    try {
      await smtp.waitFor(1);
    } finally {
      await worker.stop();
    }
    const email = smtp.received[0];
    expect(email.subject).toBe('Invitation : Capacity Assessment 2027 (Côte d’Ivoire)');
    expect(email.text).toContain('Madame, Monsieur,');
    expect(email.text).toContain('au plus tard le 15 mars 2027');
    expect(email.text).toContain(data.link);
    expect(email.html).toContain('<html lang="fr">');
  });
});
