// The loop of a queue worker (emails, webhooks): a few claimers side by side, each claiming a
// batch of due items (server/jobs/due-queue.ts), delivering them one by one, and sleeping when
// nothing is due. A watchdog reports a claimer stuck on one step and lets the worker cut its
// connections; stop() stops claiming, gives back what is claimed but not started, and waits a
// bounded time for deliveries in progress before cutting them too.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { startWatchdog } from './watchdog';

export interface WorkerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLog: WorkerLog = { info() {}, warn() {}, error() {} };

/** A lease owner unique to this process and claimer. */
export function newOwner(label = 'worker'): string {
  return `${hostname()}:${process.pid}:${label}:${randomBytes(3).toString('hex')}`;
}

export interface ClaimLoopOptions<T extends { _id: unknown }> {
  /** Names the worker in log lines (e.g. "outbox worker"). */
  name: string;
  claimBatch(owner: string): Promise<T[]>;
  deliver(item: T): Promise<unknown>;
  /** Gives a claimed item back without delivering it (at stop). */
  release(item: T): Promise<void>;
  /** Ends every delivery in progress (they fail as temporary and are retried). */
  cut(): void;
  /** Awaited before the first claim (e.g. putting back unlisted items). */
  before?: Promise<unknown>;
  pollMs: number;
  concurrency: number;
  stuckAfterMs: number;
  stopGraceMs: number;
  /** Lease owner prefix (default host:pid). */
  owner?: string;
  log: WorkerLog;
}

export interface RunningWorker {
  /** Stops claiming and finishes the items in hand; bounded (see stopGraceMs). */
  stop(): Promise<void>;
}

export function startClaimLoop<T extends { _id: unknown }>(options: ClaimLoopOptions<T>): RunningWorker {
  const { name, log, pollMs, stopGraceMs } = options;
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
  const watchdog = startWatchdog(options.stuckAfterMs, (claimer, step, stuckForMs) => {
    const delivering = step.startsWith('delivering');
    log.error(
      { claimer, step, stuckForMs },
      `${name}: a claimer is stuck${delivering ? '; cutting its connections' : ' (database)'}`,
    );
    // Cutting the connections ends a delivery, and so the step; a database call cannot be cut
    // from here: it is reported only.
    if (delivering) options.cut();
  });

  const loop = async (i: number) => {
    const owner = options.owner ? `${options.owner}#${i}` : newOwner(`c${i}`);
    await options.before;
    while (!stopping) {
      try {
        watchdog.begin(owner, 'claiming');
        const batch = await options.claimBatch(owner);
        for (const item of batch) {
          // At stop, what is not yet delivered goes back on the due list for the next worker.
          watchdog.begin(owner, `${stopping ? 'releasing' : 'delivering'} ${String(item._id)}`);
          if (stopping) await options.release(item);
          else await options.deliver(item);
        }
        if (batch.length) continue;
      } catch (err) {
        log.error({ err }, `${name}: database error; will try again`);
      } finally {
        watchdog.end(owner);
      }
      if (!stopping) await sleep(pollMs);
    }
  };
  const loops = Promise.all(Array.from({ length: options.concurrency }, (_, i) => loop(i)));
  /** Whether every claimer has finished within `ms`. */
  const finishes = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      void loops.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  return {
    async stop() {
      stopping = true;
      for (const wake of [...wakers]) wake();
      if (!(await finishes(stopGraceMs))) {
        // A delivery still going after the grace: cut it. It fails as temporary and is
        // recorded for a retry, so nothing waits for its lease to end.
        log.warn({}, `${name}: deliveries still in progress at stop; cutting them (they will be retried)`);
        options.cut();
        if (!(await finishes(stopGraceMs)))
          log.error(
            {},
            `${name}: a claimer did not finish in time; its items are claimable again when their lease ends`,
          );
      }
      watchdog.stop();
    },
  };
}
