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
// it show one, and a claim whose lease has already run out is not sent (it is claimable again).
//
// The lease and the send deadline. A send must end (sent, or failed and recorded) while its
// claim's lease still holds: past the lease, another claimer may take the message and send it
// too. Every send has an overall deadline (mailer.ts, default 60 s; nodemailer's own timeouts
// each bound only one wait), and the worker keeps these rules:
//   - leaseMs ≥ 2 × the send deadline (checked at start; default 5 min against 60 s);
//   - a send starts only while the lease has room for the whole deadline plus half of it again
//     to write the outcome (roomToSendMs); a message without that room (late in a batch behind
//     slow sends, or at stop) is released: made due again at once, not sent;
//   - a watchdog reports a claimer stuck on one step for longer than the deadline plus that
//     margin (server/jobs/watchdog.ts) and cuts the relay connections, which ends the send.
// Together: no send outlives its claim unless the database write of its outcome itself takes
// longer than half the deadline.
import { backoffMs as doubledDelayMs } from '../jobs/due-queue';
import { silentLog, startClaimLoop, type RunningWorker, type WorkerLog } from '../jobs/claim-loop';
import { claimBatch, claimNext, defaultLeaseMs, outboxQueue, stillHeld, type ClaimedEmail } from './outbox-claim';
import { relistWaitingMessages } from './outbox-relist';
import { OutboxEmail } from './outbox.model';
import { reportEmailOutcome } from './email-outcome';
import type { Mailer } from './mailer';
import { classifySendError } from './mailer';

export { newOwner } from '../jobs/claim-loop';
export type { RunningWorker, WorkerLog };

export interface RetryOptions {
  /** Attempts before a temporarily failing message is marked 'failed' (default 8). */
  maxAttempts?: number;
  /** First retry delay; doubled each attempt (default 1 min). */
  backoffBaseMs?: number;
  /** Longest retry delay (default 1 h). */
  backoffMaxMs?: number;
}

export interface DeliveryContext extends RetryOptions {
  mailer: Mailer;
  from: string;
  log?: WorkerLog;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'bounced' | 'lease-lost' | 'skipped';

const defaults = { maxAttempts: 8, backoffBaseMs: 60_000, backoffMaxMs: 3_600_000, leaseMs: defaultLeaseMs };

export function backoffMs(
  attempts: number,
  { backoffBaseMs = defaults.backoffBaseMs, backoffMaxMs = defaults.backoffMaxMs }: RetryOptions = {},
): number {
  return doubledDelayMs(attempts, { baseMs: backoffBaseMs, maxMs: backoffMaxMs });
}

/** Time kept after a send's deadline to write its outcome within the lease. */
const recordMarginMs = (mailer: Mailer) => mailer.sendDeadlineMs / 2;

/** Lease left that a send may start with: its whole deadline, then the time to record it. */
const roomToSendMs = (mailer: Mailer) => mailer.sendDeadlineMs + recordMarginMs(mailer);

/** Refuses a lease that a send at its deadline could outlive (see the header). */
export function checkLeaseCoversSend(leaseMs: number, mailer: Mailer): void {
  if (leaseMs < 2 * mailer.sendDeadlineMs)
    throw new Error(
      `outbox lease (${leaseMs} ms) must be at least twice the send deadline (${mailer.sendDeadlineMs} ms)`,
    );
}

/**
 * Records an outcome if this claim still holds the message: first on the message, then on the
 * due list (removed, or due again at the retry time). A crash between the two leaves the entry,
 * which the next claimer drops on seeing the outcome (outbox-claim.ts); it never resends.
 */
async function record(
  message: ClaimedEmail,
  set: Record<string, unknown>,
  unset: Record<string, 1>,
  next: 'done' | Date,
): Promise<boolean> {
  if (!(await stillHeld(message))) return false;
  await OutboxEmail.updateOne(
    { _id: message._id },
    { $set: { ...set, attempts: message.attempts, handledBy: message.owner }, $unset: unset },
  );
  await reportEmailOutcome(message._id, set);
  await outboxQueue.reschedule(message._id, next);
  return true;
}

/**
 * Gives back a claimed message without sending it: due again now, for any claimer (its attempt
 * number stays used). Only while the lease is far from its end: a late write could otherwise
 * land on the entry of a newer claim and make the message due under it. Otherwise it is
 * claimable again when the lease ends, which is soon.
 */
export async function release(message: ClaimedEmail, mailer: Mailer): Promise<void> {
  if (message.leaseUntil.getTime() - Date.now() <= recordMarginMs(mailer)) return;
  if (await stillHeld(message)) await outboxQueue.reschedule(message._id, new Date());
}

/** Sends a claimed message and records the outcome. Never throws for a send error. */
export async function deliver(message: ClaimedEmail, ctx: DeliveryContext): Promise<DeliveryOutcome> {
  const log = ctx.log ?? silentLog;
  const maxAttempts = ctx.maxAttempts ?? defaults.maxAttempts;
  const id = String(message._id);
  const final = { retryAt: 1 } as const;

  // A message whose claims keep expiring (the worker dies on it every time) must stop somewhere.
  if (message.attempts > maxAttempts) {
    const held = await record(
      message,
      { status: 'failed', lastError: `gave up after ${maxAttempts} attempts (lease expired without an outcome)` },
      final,
      'done',
    );
    log.error({ outboxId: id, to: message.to }, 'email failed: too many attempts');
    return held ? 'failed' : 'lease-lost';
  }
  if (message.leaseUntil.getTime() - Date.now() < roomToSendMs(ctx.mailer)) {
    // The claim waited too long (slow sends before it in the batch, a stalled event loop): a
    // send now could outlive the lease, and another claimer may take the message meanwhile.
    await release(message, ctx.mailer);
    return 'skipped';
  }

  let sent: { messageId: string; response: string };
  try {
    sent = await ctx.mailer.send(ctx.from, {
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      outboxId: id,
    });
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
    log.warn(
      { outboxId: id, to: message.to, attempts: message.attempts, retryAt, reason: failure.reason },
      'email send failed; will retry',
    );
    return held ? 'retry' : 'lease-lost';
  }

  // The relay has the message: record it at once (the at-least-once window is here).
  if (
    !(await record(
      message,
      { status: 'sent', sentAt: new Date(), messageId: sent.messageId },
      { ...final, lastError: 1 },
      'done',
    ))
  ) {
    // Another claimer took the message after our lease expired: it may send it again.
    log.error({ outboxId: id, to: message.to }, 'email sent but the lease was lost before recording it');
    return 'lease-lost';
  }
  log.info({ outboxId: id, to: message.to, messageId: sent.messageId }, 'email sent');
  return 'sent';
}

/** Claims and delivers due messages until none is left; returns how many were handled. */
export async function processDue(
  ctx: DeliveryContext & { /** Who holds the lease (the claimer's owner string). */ owner: string; leaseMs?: number },
): Promise<number> {
  const leaseMs = ctx.leaseMs ?? defaults.leaseMs;
  checkLeaseCoversSend(leaseMs, ctx.mailer);
  let handled = 0;
  for (;;) {
    const message = await claimNext(ctx.owner, leaseMs);
    if (!message) return handled;
    await deliver(message, ctx);
    handled++;
  }
}

export interface WorkerOptions extends RetryOptions {
  mailer: Mailer;
  from: string;
  /** Wait between looks at the outbox when nothing is due (default 5 s). */
  pollMs?: number;
  /** How long a claim holds its messages (default 5 min; at least twice the send deadline). */
  leaseMs?: number;
  /** Lease owner prefix (default host:pid). */
  owner?: string;
  /** Claimers running side by side in this process (default 1). */
  concurrency?: number;
  /** Messages a claimer takes per look at the outbox (default 10). */
  batchSize?: number;
  /** A claimer on one step longer than this is reported stuck (default: the send deadline
   *  plus the time to record its outcome, 1.5 × the deadline). */
  stuckAfterMs?: number;
  /** stop() waits this long for sends in progress, then cuts them (default 5 s). */
  stopGraceMs?: number;
  log?: WorkerLog;
}

export function startOutboxWorker(options: WorkerOptions): RunningWorker {
  const { mailer, leaseMs = defaults.leaseMs, batchSize = 10 } = options;
  checkLeaseCoversSend(leaseMs, mailer);
  const log = options.log ?? silentLog;
  const ctx: DeliveryContext = { ...options, log };
  const relisted = relistWaitingMessages().then(
    (n) => n && log.info({ relisted: n }, 'outbox worker: waiting messages put back on the due list'),
    (err: unknown) => log.error({ err }, 'outbox worker: could not check the outbox for unlisted messages'),
  );
  return startClaimLoop<ClaimedEmail>({
    name: 'outbox worker',
    claimBatch: (owner) => claimBatch(owner, leaseMs, batchSize),
    deliver: (message) => deliver(message, ctx),
    release: (message) => release(message, mailer),
    // Cutting the relay connections ends any send.
    cut: () => mailer.reset(),
    before: relisted,
    pollMs: options.pollMs ?? 5000,
    concurrency: options.concurrency ?? 1,
    stuckAfterMs: options.stuckAfterMs ?? roomToSendMs(mailer),
    stopGraceMs: options.stopGraceMs ?? 5000,
    owner: options.owner,
    log,
  });
}
