// The mail relay goes away, or hangs, and comes back: the outbox worker (pooled connections,
// as the service runs it) delivers every message exactly once after the relay returns, and no
// send waits on a silent relay past its deadline.
import { OutboxClaim } from '../../server/email/outbox-claim.model';
import { OutboxDue } from '../../server/email/outbox-due.model';
import { OutboxEmail } from '../../server/email/outbox.model';
import { createMailer, type MailerOptions } from '../../server/email/mailer';
import { startOutboxWorker, type WorkerLog, type WorkerOptions } from '../../server/email/outbox-worker';
import { queueEmail } from '../../server/email/queue-email';
import type { TemplateData } from '../../server/email/templates';
import { startSilentRelay } from '../helpers/silent-relay';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { dropTestDatabase, useTestDatabase } from '../helpers/test-app';

const from = 'Capacity Secretariat <secretariat@capgap.example>';
const data: TemplateData = {
  name: 'Ana Pereira',
  countryName: 'Chile',
  roundName: 'Capacity Assessment 2027',
  deadline: new Date('2027-03-15T12:00:00Z'),
  link: 'https://capgap.example/respond/tok_1234567890abcdef',
};

beforeAll(useTestDatabase);
afterAll(dropTestDatabase);
beforeEach(async () => {
  await OutboxEmail.deleteMany({});
  await OutboxClaim.deleteMany({});
  await OutboxDue.deleteMany({});
});

/** More messages than the pool's 3 connections: each failed connection used to keep a slot. */
async function queueInvitations(count: number): Promise<string[]> {
  const to = Array.from({ length: count }, (_, i) => `focal.point.${i}@ministry.example`);
  for (const address of to) await queueEmail({ to: address, template: 'invitation', locale: 'en', data });
  return to;
}

interface RecordingLog extends WorkerLog {
  /** Reasons of the "will retry" lines. */
  failures: string[];
  stuck: number;
}

function recordingLog(): RecordingLog {
  const log: RecordingLog = {
    failures: [],
    stuck: 0,
    info() {},
    warn(obj: object, msg?: string) {
      if (msg?.startsWith('email send failed')) log.failures.push((obj as { reason: string }).reason);
    },
    error(_obj: object, msg?: string) {
      if (msg?.includes('stuck')) log.stuck++;
    },
  };
  return log;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Runs the worker through a relay outage: `down` is what sits on the relay's port while the
 * messages fail; once `failed` holds, the real relay starts on that port and every message must
 * arrive there exactly once and be marked sent.
 */
async function deliverAcrossOutage(options: {
  count: number;
  port: number;
  mailer: Omit<MailerOptions, 'smtpUrl'>;
  worker: Omit<WorkerOptions, 'mailer' | 'from' | 'log'>;
  failed: (log: RecordingLog) => boolean;
  relayBack: () => Promise<void>;
}): Promise<RecordingLog> {
  const to = await queueInvitations(options.count);
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${options.port}`, pool: true, ...options.mailer });
  const log = recordingLog();
  const worker = startOutboxWorker({
    mailer,
    from,
    pollMs: 20,
    backoffBaseMs: 200,
    backoffMaxMs: 200,
    log,
    ...options.worker,
  });
  let relay: TestSmtpServer | undefined;
  try {
    await until(() => options.failed(log), 'the sends to fail while the relay is away');
    await options.relayBack();
    relay = await startTestSmtpServer({ port: options.port });
    await relay.waitFor(to.length, 15_000);
    await until(async () => (await OutboxDue.countDocuments()) === 0, 'the due list to empty');
    await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up
  } finally {
    await worker.stop();
    mailer.close();
    await relay?.close();
  }
  expect(relay.received.map((e) => e.to[0]).sort()).toEqual([...to].sort());
  const stored = await OutboxEmail.find({}, { status: 1 }).lean();
  expect(stored.map((m) => m.status)).toEqual(to.map(() => 'sent'));
  return log;
}

describe('When the relay is down while more messages than the pool size are sent, then comes back', () => {
  it('then every message is delivered exactly once', async () => {
    const stopped = await startTestSmtpServer();
    await stopped.close(); // connections to its port are now refused
    const log = await deliverAcrossOutage({
      count: 5,
      port: stopped.port,
      mailer: {},
      worker: {},
      failed: (l) => l.failures.length >= 5,
      relayBack: async () => {},
    });
    expect(log.failures.slice(0, 5)).toEqual(Array(5).fill(expect.stringMatching(/ECONNREFUSED/)));
  });
});

describe('When the relay accepts connections and never answers, then a working relay takes its place', () => {
  it('then every send is cut at its deadline and every message is delivered exactly once', async () => {
    const silent = await startSilentRelay();
    const deadlineMs = 500;
    let swappedAt = 0;
    const log = await deliverAcrossOutage({
      count: 4,
      port: silent.port,
      // nodemailer's own greeting timeout (15 s) stays far away: the send deadline must act.
      mailer: { sendDeadlineMs: deadlineMs },
      worker: { leaseMs: 3000 },
      failed: (l) => l.failures.length >= 4,
      relayBack: async () => {
        swappedAt = Date.now();
        await silent.close();
      },
    });
    expect(log.failures.slice(0, 4)).toEqual(
      Array(4).fill(expect.stringMatching(/did not complete the send within 500 ms/)),
    );
    // Hang guard: no connection to the silent relay stayed open much past a send's deadline.
    expect(silent.connections.length).toBeGreaterThanOrEqual(4);
    for (const c of silent.connections) expect((c.closedAt ?? swappedAt) - c.openedAt).toBeLessThan(deadlineMs + 1500);
  });
});

describe('When a send hangs and its deadline is far away', () => {
  it('then the watchdog notices the stuck claimer and cuts the send, and every message is delivered exactly once', async () => {
    const silent = await startSilentRelay();
    const log = await deliverAcrossOutage({
      count: 4,
      port: silent.port,
      mailer: { sendDeadlineMs: 30_000 },
      worker: { leaseMs: 60_000, stuckAfterMs: 500 },
      failed: (l) => l.failures.length >= 4,
      relayBack: () => silent.close(),
    });
    expect(log.stuck).toBeGreaterThanOrEqual(4);
    expect(log.failures.slice(0, 4)).toEqual(Array(4).fill(expect.stringMatching(/connection to the relay reset/)));
  });
});
