// The outbox worker: claims due messages (a few at a time) with a lease, sends them through the
// SMTP relay and records what happened. Several workers (in one process or in several
// instances of the service) may run at once: a claim is the insert of a uniquely keyed
// document (see claimNext), so a message is held by one claimer at a time.
//
// Life of a message:  queued ──claim──▶ sending ──send ok──▶ sent
//                                          │ temporary error ─▶ queued (dueAt = now + backoff)
//                                          │                    or failed after maxAttempts
//                                          │ permanent error ─▶ bounced (lastError = the reply)
//                                          └ lease expired (the worker died) ─▶ claimable again
//
// Exactly once, and its limit. A worker that crashes after claiming and before sending leaves
// the message in 'sending'; once leaseUntil has passed, another claim takes it and sends it:
// it is sent once. The one window where a message can be sent twice is after the relay has
// accepted it (250 reply to DATA) and before 'sent' is written: a crash there (or a lost
// database connection) leaves 'sending', and the next claim sends it again. SMTP gives no way
// to ask a relay "did you already take this one?", so delivery is at-least-once in that narrow
// window. It is kept small: 'sent' is the very next statement after the 250 reply, the message
// carries the same Message-ID on every attempt (<outbox-ID@domain>) so clients that dedupe on
// it show one, and leaseMs (default 5 min) is far longer than the transport's timeouts
// (connection 15 s + socket 60 s, mailer.ts), so a slow but live worker does not lose its lease
// mid-send — and a claim whose lease has already run out is not sent (it is claimable again).
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { trusted, type Types } from 'mongoose';
import { OutboxClaim } from './outbox-claim.model';
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
  /** Who holds the lease (the claimer's owner string). */
  owner: string;
  log?: WorkerLog;
}

export interface ClaimedEmail {
  _id: Types.ObjectId;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
  leaseOwner?: string | null;
  leaseUntil?: Date | null;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'bounced' | 'lease-lost' | 'skipped';

const defaults = { maxAttempts: 8, backoffBaseMs: 60_000, backoffMaxMs: 3_600_000, leaseMs: 5 * 60_000 };

export function backoffMs(attempts: number, { backoffBaseMs = defaults.backoffBaseMs, backoffMaxMs = defaults.backoffMaxMs }: RetryOptions = {}): number {
  return Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}

/** A lease owner unique to this process and claimer. */
export function newOwner(label = 'worker'): string {
  return `${hostname()}:${process.pid}:${label}:${randomBytes(3).toString('hex')}`;
}

/**
 * Claims one due message: queued with dueAt ≤ now, or left 'sending' by a claimer whose lease
 * has expired. No two claimers ever hold the same attempt of the same message.
 *
 * Why not one findOneAndUpdate: on the FerretDB this project runs on, a filtered
 * findOneAndUpdate (or updateOne) is not a compare-and-set — measured: 6 concurrent claimers
 * over 40 queued messages obtained 131 claims, 80 "successful" conditional updateOnes where 40
 * were possible. What every MongoDB-compatible server does enforce is a unique _id. So:
 *   1. read a few due candidates (a plain find);
 *   2. for one candidate with attempts = n, insert OutboxClaim { _id: "<id>:<n+1>" }. Exactly
 *      one claimer's insert succeeds; the others get a duplicate key error and try the next
 *      candidate. A stale read (the candidate was claimed, sent or retried meanwhile) always
 *      hits an existing key, because every attempt number is claimed in order;
 *   3. the winner writes status 'sending', its lease and attempts = n+1 on the message.
 * If a claimer dies between 2 and 3, the message still reads attempts = n and every claimer hits
 * key n+1; once that claim's lease is over, the next attempt number (n+2) is tried instead.
 * attempts doubles as a fencing token for the updates that record the outcome.
 * (trusted(): our own operators, exempt from the sanitizeFilter guard of server/db/connect.ts.)
 */
export async function claimNext(owner: string, leaseMs: number = defaults.leaseMs, now: Date = new Date()): Promise<ClaimedEmail | null> {
  return (await claimBatch(owner, leaseMs, 1, now))[0] ?? null;
}

/**
 * Claims up to `max` due messages (same rules as claimNext). The candidate read is the costly
 * part on FerretDB (it filters and sorts outside its storage), so a worker takes several
 * messages per read; it reads only _id and attempts, and loads each claimed message by _id.
 */
export async function claimBatch(owner: string, leaseMs: number, max: number, now: Date = new Date()): Promise<ClaimedEmail[]> {
  const candidates = await OutboxEmail.find(
    {
      $or: [
        { status: 'queued', dueAt: trusted({ $lte: now }) },
        { status: 'sending', leaseUntil: trusted({ $lt: now }) },
      ],
    },
    { _id: 1, attempts: 1 },
  )
    .sort({ dueAt: 1, _id: 1 })
    .limit(Math.max(candidatesPerLook, max * 4))
    .lean<Array<{ _id: Types.ObjectId; attempts: number }>>();
  // Claimers start at different places in the list, so they rarely collide.
  const offset = candidates.length ? Math.floor(Math.random() * candidates.length) : 0;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimed: ClaimedEmail[] = [];
  for (let i = 0; i < candidates.length && claimed.length < max; i++) {
    const candidate = candidates[(i + offset) % candidates.length];
    const attempt = await insertClaim(candidate, owner, now, leaseUntil);
    if (attempt === null) continue;
    const message = await OutboxEmail.findByIdAndUpdate(
      candidate._id,
      { $set: { status: 'sending', leaseOwner: owner, leaseUntil, attempts: attempt } },
      { returnDocument: 'after' },
    ).lean<ClaimedEmail>();
    if (message) claimed.push(message);
  }
  return claimed;
}

const candidatesPerLook = 20;

/** Inserts the claim of the candidate's next attempt; null if another claimer holds it. */
async function insertClaim(candidate: { _id: Types.ObjectId; attempts: number }, owner: string, now: Date, leaseUntil: Date): Promise<number | null> {
  for (let attempt = candidate.attempts + 1; attempt <= candidate.attempts + 3; attempt++) {
    try {
      await OutboxClaim.create({ _id: `${String(candidate._id)}:${attempt}`, outboxId: candidate._id, attempt, owner, claimedAt: now, leaseUntil });
      return attempt;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      // Taken. Move on to the next attempt number only if that claim expired without ever
      // reaching the message (its claimer died between the insert and the update).
      const taken = await OutboxClaim.findById(`${String(candidate._id)}:${attempt}`).lean();
      const message = await OutboxEmail.findById(candidate._id, { attempts: 1 }).lean();
      const abandoned = taken && taken.leaseUntil < now && message && message.attempts < attempt;
      if (!abandoned) return null;
    }
  }
  return null;
}

/** Updates the message only while this claim still holds it. */
function finish(message: ClaimedEmail, owner: string, update: object) {
  return OutboxEmail.updateOne({ _id: message._id, status: 'sending', leaseOwner: owner, attempts: message.attempts }, update);
}

/** Sends a claimed message and records the outcome. Never throws for a send error. */
export async function deliver(message: ClaimedEmail, ctx: DeliveryContext): Promise<DeliveryOutcome> {
  const log = ctx.log ?? silentLog;
  const maxAttempts = ctx.maxAttempts ?? defaults.maxAttempts;
  const id = String(message._id);

  // A message whose claims keep expiring (the worker dies on it every time) must stop somewhere.
  if (message.attempts > maxAttempts) {
    await finish(message, ctx.owner, { $set: { status: 'failed', lastError: `gave up after ${maxAttempts} attempts (lease expired without an outcome)` }, $unset: { leaseUntil: 1 } });
    log.error({ outboxId: id, to: message.to }, 'email failed: too many attempts');
    return 'failed';
  }
  if (message.leaseUntil && message.leaseUntil.getTime() <= Date.now()) {
    // The claim waited too long (a stalled event loop): another claimer may already hold it.
    return 'skipped';
  }

  let sent: { messageId: string; response: string };
  try {
    sent = await sendEmail(ctx.transport, ctx.from, { to: message.to, subject: message.subject, text: message.text, html: message.html, outboxId: id });
  } catch (err) {
    const failure = classifySendError(err);
    if (failure.kind === 'permanent') {
      const r = await finish(message, ctx.owner, { $set: { status: 'bounced', lastError: failure.reason }, $unset: { leaseUntil: 1 } });
      log.warn({ outboxId: id, to: message.to, reason: failure.reason }, 'email bounced');
      return r.modifiedCount ? 'bounced' : 'lease-lost';
    }
    if (message.attempts >= maxAttempts) {
      const r = await finish(message, ctx.owner, { $set: { status: 'failed', lastError: failure.reason }, $unset: { leaseUntil: 1 } });
      log.error({ outboxId: id, to: message.to, attempts: message.attempts, reason: failure.reason }, 'email failed');
      return r.modifiedCount ? 'failed' : 'lease-lost';
    }
    const dueAt = new Date(Date.now() + backoffMs(message.attempts, ctx));
    const r = await finish(message, ctx.owner, { $set: { status: 'queued', dueAt, lastError: failure.reason }, $unset: { leaseUntil: 1 } });
    log.warn({ outboxId: id, to: message.to, attempts: message.attempts, dueAt, reason: failure.reason }, 'email send failed; will retry');
    return r.modifiedCount ? 'retry' : 'lease-lost';
  }

  // The relay has the message: record it at once (the at-least-once window is here).
  const r = await finish(message, ctx.owner, { $set: { status: 'sent', sentAt: new Date(), messageId: sent.messageId }, $unset: { leaseUntil: 1, lastError: 1 } });
  if (!r.modifiedCount) {
    // Another claimer took the message after our lease expired: it may send it again.
    log.error({ outboxId: id, to: message.to }, 'email sent but the lease was lost before recording it');
    return 'lease-lost';
  }
  log.info({ outboxId: id, to: message.to, messageId: sent.messageId }, 'email sent');
  return 'sent';
}

/** Claims and delivers due messages until none is left; returns how many were handled. */
export async function processDue(ctx: DeliveryContext & { leaseMs?: number }): Promise<number> {
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

  const loop = async (i: number) => {
    const owner = options.owner ? `${options.owner}#${i}` : newOwner(`c${i}`);
    const ctx: DeliveryContext = { ...options, owner, log };
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
