// The webhook worker: claims due deliveries (the due queue of server/jobs/due-queue.ts), POSTs
// each to its round's webhook, signed (webhook-signature.ts), and records every attempt.
//
// Life of a delivery:  pending ──claim──▶ POST ─ 2xx ─────────────────────▶ delivered
//                         ▲                    ├ network error, timeout,
//                         └── after a backoff ◀┤ 408, 429 or 5xx ──────────▶ (or failed after maxAttempts)
//                                              ├ any other answer ─────────▶ failed (a 3xx is not followed)
//                                              └ the round has no webhook ─▶ dropped
// Never twice once acknowledged: 'delivered' is the next write after the 2xx, and an
// acknowledged delivery is off the due list. The one window for a second POST is a crash (or
// a lost database) between the 2xx and that write; the delivery id header lets the receiver
// drop the repeat. A POST must end while its claim holds: each has a deadline (timeoutMs), the
// lease is at least twice that, and a claim without room for a whole POST is given back.
import fs from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import type { ClientRequest } from 'node:http';
import { isIP } from 'node:net';
import { silentLog, startClaimLoop, type RunningWorker, type WorkerLog } from '../jobs/claim-loop';
import { backoffMs } from '../jobs/due-queue';
import { relistPendingDeliveries, webhookQueue, type ClaimedDelivery } from './webhook-queue';
import { isPrivateAddress, publicOnlyLookup } from './webhook-address';
import { RoundWebhook, WebhookDelivery } from './webhook.model';
import { signDelivery, webhookHeaders } from './webhook-signature';

export interface WebhookDeliveryOptions {
  /** Calls to loopback and private addresses are allowed (tests, an internal receiver). */
  allowPrivate: boolean;
  /** A PEM file of certificate authorities trusted besides the usual ones. */
  caFile?: string;
  /** Deadline of one POST, connection included (default 10 s). */
  timeoutMs?: number;
  /** Attempts before a delivery that keeps failing is marked failed (default 8). */
  maxAttempts?: number;
  /** First retry delay, doubled each attempt (default 30 s), and the longest (default 1 h). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  log?: WorkerLog;
}

interface Context extends Required<Omit<WebhookDeliveryOptions, 'caFile' | 'log'>> {
  ca?: string[];
  log: WorkerLog;
  inFlight: Set<ClientRequest>;
}

type Outcome = { httpStatus: number } | { error: string };

/** POSTs the body; resolves with the answer's status or the network error (never rejects). */
function post(url: string, body: string, headers: Record<string, string>, ctx: Context): Promise<Outcome> {
  // An address in the URL itself is connected to without a lookup: checked here instead.
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!ctx.allowPrivate && isIP(host) && isPrivateAddress(host))
    return Promise.resolve({ error: `${host} is a private address` });
  return new Promise((resolve) => {
    let req: ClientRequest;
    try {
      req = https.request(url, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) },
        ...(ctx.ca && { ca: ctx.ca }),
        ...(!ctx.allowPrivate && { lookup: publicOnlyLookup as never }),
        agent: false,
      });
    } catch (err) {
      return resolve({ error: (err as Error).message.slice(0, 500) });
    }
    ctx.inFlight.add(req);
    const deadline = setTimeout(
      () => req.destroy(new Error(`no answer within ${ctx.timeoutMs / 1000} s`)),
      ctx.timeoutMs,
    );
    const done = (outcome: Outcome) => {
      clearTimeout(deadline);
      ctx.inFlight.delete(req);
      resolve(outcome);
    };
    req.on('response', (res) => {
      res.resume(); // the answer's body does not matter
      res.on('end', () => done({ httpStatus: res.statusCode ?? 0 }));
      res.on('error', () => done({ httpStatus: res.statusCode ?? 0 }));
    });
    req.on('error', (err) => done({ error: (err.message || 'connection failed').slice(0, 500) }));
    req.end(body);
  });
}

const temporary = (status: number) => status === 408 || status === 429 || status >= 500;

/** Writes the attempt and the new status if this claim still holds the delivery. */
async function record(
  claim: ClaimedDelivery,
  set: Record<string, unknown>,
  attempt: Record<string, unknown> | null,
  next: 'done' | Date,
): Promise<boolean> {
  if (!(await webhookQueue.stillHeld(claim))) return false;
  await WebhookDelivery.updateOne(
    { _id: claim._id },
    { $set: set, ...(attempt && { $push: { attempts: { n: claim.attempts, at: new Date(), ...attempt } } }) },
  );
  await webhookQueue.reschedule(claim._id, next);
  return true;
}

async function deliver(claim: ClaimedDelivery, ctx: Context): Promise<void> {
  const ids = { deliveryId: claim._id, roundId: claim.roundId, type: claim.type, attempt: claim.attempts };
  const hook = await RoundWebhook.findById(claim.roundId, { url: 1, secret: 1 }).lean();
  if (!hook) {
    await record(claim, { status: 'dropped' }, null, 'done');
    ctx.log.info(ids, 'webhook delivery dropped: the round has no webhook any more');
    return;
  }
  if (claim.attempts > ctx.maxAttempts) {
    const error = `gave up after ${ctx.maxAttempts} attempts (lease expired without an outcome)`;
    await record(claim, { status: 'failed' }, { outcome: 'failed', error }, 'done');
    return;
  }
  if (claim.leaseUntil.getTime() - Date.now() < ctx.timeoutMs * 1.5) {
    // Not enough lease left for a whole POST: give it back for a fresh claim.
    if (await webhookQueue.stillHeld(claim)) await webhookQueue.reschedule(claim._id, new Date());
    return;
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const outcome = await post(
    hook.url,
    claim.body,
    {
      [webhookHeaders.id]: claim._id,
      [webhookHeaders.event]: claim.type,
      [webhookHeaders.timestamp]: String(timestamp),
      [webhookHeaders.signature]: signDelivery(hook.secret, timestamp, claim.body),
      'User-Agent': 'capgap-webhook',
    },
    ctx,
  );
  const host = new URL(hook.url).host; // logged instead of the URL, which may carry a token
  if ('httpStatus' in outcome && outcome.httpStatus >= 200 && outcome.httpStatus < 300) {
    const held = await record(
      claim,
      { status: 'delivered', deliveredAt: new Date(), url: hook.url },
      { outcome: 'acknowledged', httpStatus: outcome.httpStatus },
      'done',
    );
    if (held) ctx.log.info({ ...ids, host, httpStatus: outcome.httpStatus }, 'webhook delivered');
    else ctx.log.error({ ...ids, host }, 'webhook delivered but the lease was lost before recording it');
    return;
  }
  const retry = 'error' in outcome || temporary(outcome.httpStatus);
  const detail = 'error' in outcome ? { error: outcome.error } : { httpStatus: outcome.httpStatus };
  if (!retry || claim.attempts >= ctx.maxAttempts) {
    await record(claim, { status: 'failed', url: hook.url }, { outcome: 'failed', ...detail }, 'done');
    ctx.log.warn({ ...ids, host, ...detail }, 'webhook delivery failed');
    return;
  }
  const retryAt = new Date(
    Date.now() + backoffMs(claim.attempts, { baseMs: ctx.backoffBaseMs, maxMs: ctx.backoffMaxMs }),
  );
  await record(claim, { url: hook.url }, { outcome: 'retry', ...detail }, retryAt);
  ctx.log.warn({ ...ids, host, ...detail, retryAt }, 'webhook delivery failed; will retry');
}

export interface WebhookWorkerOptions extends WebhookDeliveryOptions {
  /** Wait between looks at the due list when nothing is due (default 5 s). */
  pollMs?: number;
  /** How long a claim holds its deliveries (default 1 min; at least twice timeoutMs). */
  leaseMs?: number;
  concurrency?: number;
  batchSize?: number;
  stopGraceMs?: number;
}

export function startWebhookWorker(options: WebhookWorkerOptions): RunningWorker {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const leaseMs = options.leaseMs ?? 60_000;
  if (leaseMs < 2 * timeoutMs)
    throw new Error(`webhook lease (${leaseMs} ms) must be at least twice the request deadline (${timeoutMs} ms)`);
  const log = options.log ?? silentLog;
  const ctx: Context = {
    allowPrivate: options.allowPrivate,
    timeoutMs,
    maxAttempts: Math.min(100, options.maxAttempts ?? 8), // the attempts listed stay bounded
    backoffBaseMs: options.backoffBaseMs ?? 30_000,
    backoffMaxMs: options.backoffMaxMs ?? 3_600_000,
    ...(options.caFile && { ca: [...tls.rootCertificates, fs.readFileSync(options.caFile, 'utf8')] }),
    log,
    inFlight: new Set(),
  };
  const relisted = relistPendingDeliveries().then(
    (n) => n && log.info({ relisted: n }, 'webhook worker: pending deliveries put back on the due list'),
    (err: unknown) => log.error({ err }, 'webhook worker: could not check for unlisted deliveries'),
  );
  return startClaimLoop<ClaimedDelivery>({
    name: 'webhook worker',
    claimBatch: (owner) => webhookQueue.claimBatch(owner, leaseMs, options.batchSize ?? 10),
    deliver: (claim) => deliver(claim, ctx),
    release: async (claim) => {
      if (await webhookQueue.stillHeld(claim)) await webhookQueue.reschedule(claim._id, new Date());
    },
    cut: () => {
      for (const req of ctx.inFlight) req.destroy(new Error('cut by the worker'));
    },
    before: relisted,
    pollMs: options.pollMs ?? 5000,
    concurrency: options.concurrency ?? 1,
    stuckAfterMs: timeoutMs * 1.5,
    stopGraceMs: options.stopGraceMs ?? 5000,
    log,
  });
}
