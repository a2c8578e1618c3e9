// The outbox worker: claims due messages (a few at a time, see outbox-claim.ts), sends them
// through the SMTP relay and records what happened. Several workers (in one process or in
// several instances of the service) may run at once.
//
// Life of a message:  queued ──claim──▶ (held by one claimer until its lease ends)
//                        ▲                 │ send ok ─────────▶ sent
//                        └─ retryAt ◀──────┤ temporary error ─▶ queued again after a backoff,
//                                          │                    or failed after maxAttempts
//                                          │ permanent error ─▶ bounced (lastError = the reply)
//                                          └ lease expired (the worker died) ─▶ claimable again
// An outcome is written on the message (OutboxEmail) and then on the due list (the entry is
// removed, or moved to the retry time).
//
// Exactly once, and its limit. A worker that crashes after claiming and before sending leaves
// the message claimed; once the lease has passed, another claim takes it and sends it: it is
// sent once. The one window where a message can be sent twice is after the relay has accepted
// it (250 reply to DATA) and before 'sent' is written: a crash there (or a lost database
// connection) leaves the message due, and the next claim sends it again. SMTP gives no way to
// ask a relay "did you already take this one?", so delivery is at-least-once in that narrow
// window. It is kept small: 'sent' is the very next write after the 250 reply, the message
// carries the same Message-ID on every attempt (<outbox-ID@domain>) so clients that dedupe on
// it show one, and leaseMs (default 5 min) is far longer than the transport's timeouts
// (connection 15 s + socket 60 s, mailer.ts), so a slow but live worker does not lose its lease
// mid-send — and a claim whose lease has already run out is not sent (it is claimable again).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { claimBatch, claimNext, defaultLeaseMs, stillHeld, type ClaimedEmail } from './outbox-claim';
import { OutboxDue } from './outbox-due.model';
import { relistWaitingMessages } from './outbox-relist';
import { OutboxEmail } from './outbox.model';
import { classifySendError, sendEmail, type SmtpTransport } from './mailer';

export interface WorkerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const silentLog: WorkerLog = { info() {}, warn() {}, error() {} };

export interface RetryOptions {
  /** Attempts before a temporarily failing message is marked 'failed' (default 8). */
  maxAttempts?: number;
  /** First retry delay; doubled each attempt (default 1 min). */
  backoffBaseMs?: number;
  /** Longest retry delay (default 1 h). */
  backoffMaxMs?: number;
}

export interface DeliveryContext extends RetryOptions {
  transport: SmtpTransport;
  from: string;
  log?: WorkerLog;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'bounced' | 'lease-lost' | 'skipped';

const defaults = { maxAttempts: 8, backoffBaseMs: 60_000, backoffMaxMs: 3_600_000, leaseMs: defaultLeaseMs };

export function backoffMs(attempts: number, { backoffBaseMs = defaults.backoffBaseMs, backoffMaxMs = defaults.backoffMaxMs }: RetryOptions = {}): number {
  return Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}

/** A lease owner unique to this process and claimer. */
export function newOwner(label = 'worker'): string {
  return `${hostname()}:${process.pid}:${label}:${randomBytes(3).toString('hex')}`;
}

/**
 * Records an outcome if this claim still holds the message: first on the message, then on the
 * due list (removed, or due again at the retry time). A crash between the two leaves the entry,
 * which the next claimer drops on seeing the outcome (outbox-claim.ts); it never resends.
 */
async function record(message: ClaimedEmail, set: Record<string, unknown>, unset: Record<string, 1>, next: 'done' | Date): Promise<boolean> {
  if (!(await stillHeld(message))) return false;
  await OutboxEmail.updateOne({ _id: message._id }, { $set: { ...set, attempts: message.attempts, handledBy: message.owner }, $unset: unset });
  if (next === 'done') await OutboxDue.deleteOne({ _id: message._id });
  else await OutboxDue.updateOne({ _id: message._id }, { $set: { dueAt: next } });
  return true;
}

/** Sends a claimed message and records the outcome. Never throws for a send error. */
export async function deliver(message: ClaimedEmail, ctx: DeliveryContext): Promise<DeliveryOutcome> {
  const log = ctx.log ?? silentLog;
  const maxAttempts = ctx.maxAttempts ?? defaults.maxAttempts;
  const id = String(message._id);
  const final = { retryAt: 1 } as const;

  // A message whose claims keep expiring (the worker dies on it every time) must stop somewhere.
  if (message.attempts > maxAttempts) {
    const held = await record(message, { status: 'failed', lastError: `gave up after ${maxAttempts} attempts (lease expired without an outcome)` }, final, 'done');
    log.error({ outboxId: id, to: message.to }, 'email failed: too many attempts');
    return held ? 'failed' : 'lease-lost';
  }
  if (message.leaseUntil.getTime() <= Date.now()) {
    // The claim waited too long (a stalled event loop): another claimer may already hold it.
    return 'skipped';
  }

  let sent: { messageId: string; response: string };
  try {
    sent = await sendEmail(ctx.transport, ctx.from, { to: message.to, subject: message.subject, text: message.text, html: message.html, outboxId: id });
  } catch (err) {
    const failure = classifySendError(err);
    if (failure.kind === 'permanent') {
      const held = await record(message, { status: 'bounced', lastError: failure.reason }, final, 'done');
      log.warn({ outboxId: id, to: message.to, reason: failure.reason }, 'email bounced');
      return held ? 'bounced' : 'lease-lost';
    }
    if (message.attempts >= maxAttempts) {
      const held = await record(message, { status: 'failed', lastError: failure.reason }, final, 'done');
      log.error({ outboxId: id, to: message.to, attempts: message.attempts, reason: failure.reason }, 'email failed');
      return held ? 'failed' : 'lease-lost';
    }
    const retryAt = new Date(Date.now() + backoffMs(message.attempts, ctx));
    const held = await record(message, { status: 'queued', retryAt, lastError: failure.reason }, {}, retryAt);
    log.warn({ outboxId: id, to: message.to, attempts: message.attempts, retryAt, reason: failure.reason }, 'email send failed; will retry');
    return held ? 'retry' : 'lease-lost';
  }

  // The relay has the message: record it at once (the at-least-once window is here).
  if (!(await record(message, { status: 'sent', sentAt: new Date(), messageId: sent.messageId }, { ...final, lastError: 1 }, 'done'))) {
    // Another claimer took the message after our lease expired: it may send it again.
    log.error({ outboxId: id, to: message.to }, 'email sent but the lease was lost before recording it');
    return 'lease-lost';
  }
  log.info({ outboxId: id, to: message.to, messageId: sent.messageId }, 'email sent');
  return 'sent';
}

/** Claims and delivers due messages until none is left; returns how many were handled. */
export async function processDue(ctx: DeliveryContext & { /** Who holds the lease (the claimer's owner string). */ owner: string; leaseMs?: number }): Promise<number> {
  let handled = 0;
  for (;;) {
    const message = await claimNext(ctx.owner, ctx.leaseMs ?? defaults.leaseMs);
    if (!message) return handled;
    await deliver(message, ctx);
    handled++;
  }
}

export interface WorkerOptions extends RetryOptions {
  transport: SmtpTransport;
  from: string;
  /** Wait between looks at the outbox when nothing is due (default 5 s). */
  pollMs?: number;
  leaseMs?: number;
  /** Lease owner prefix (default host:pid). */
  owner?: string;
  /** Claimers running side by side in this process (default 1). */
  concurrency?: number;
  /** Messages a claimer takes per look at the outbox (default 10). */
  batchSize?: number;
  log?: WorkerLog;
}

export interface RunningWorker {
  /** Stops claiming; resolves once the messages in hand are finished. */
  stop(): Promise<void>;
}

export function startOutboxWorker(options: WorkerOptions): RunningWorker {
  const { pollMs = 5000, leaseMs = defaults.leaseMs, concurrency = 1, batchSize = 10 } = options;
  const log = options.log ?? silentLog;
  let stopping = false;
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      }
      wakers.add(done);
    });

  const relisted = relistWaitingMessages().then(
    (n) => n && log.info({ relisted: n }, 'outbox worker: waiting messages put back on the due list'),
    (err: unknown) => log.error({ err }, 'outbox worker: could not check the outbox for unlisted messages'),
  );
  const loop = async (i: number) => {
    const owner = options.owner ? `${options.owner}#${i}` : newOwner(`c${i}`);
    const ctx: DeliveryContext = { ...options, log };
    await relisted;
    while (!stopping) {
      try {
        const batch = await claimBatch(owner, leaseMs, batchSize);
        // stop() lets the claimed batch finish: its messages are held by our lease.
        for (const message of batch) await deliver(message, ctx);
        if (batch.length) continue;
      } catch (err) {
        log.error({ err }, 'outbox worker: database error; will try again');
      }
      if (!stopping) await sleep(pollMs);
    }
  };
  const loops = Array.from({ length: concurrency }, (_, i) => loop(i));
  return {
    async stop() {
      stopping = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
