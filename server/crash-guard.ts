// What happens when an error escapes everything (an unhandled rejection or an uncaught
// exception): the process is in a state nobody planned for, so it logs the error (with the
// request id where the failure came from a request), stops accepting requests, stops its
// embedded database, and exits with code 1 so that its supervisor starts a clean one.
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { currentRequestId } from './http/request-context';

export interface CrashGuard {
  logger: Logger;
  /** Set once the HTTP server listens. */
  server?: Server;
  /** Stops what must not outlive the process (the embedded database). */
  stopDatabase(): Promise<void>;
}

/** How long stopping may take before the process exits anyway. */
const stopWithinMs = 5_000;

export function installCrashGuard(guard: CrashGuard): void {
  let crashing = false;
  const crash = (kind: string, err: unknown) => {
    const requestId = currentRequestId();
    guard.logger.fatal({ err, ...(requestId ? { requestId } : {}) }, `${kind}: stopping the service`);
    if (crashing) return;
    crashing = true;
    setTimeout(() => process.exit(1), stopWithinMs).unref();
    guard.server?.close();
    guard.server?.closeIdleConnections();
    void guard
      .stopDatabase()
      .catch(() => undefined)
      .finally(() => process.exit(1));
  };
  process.on('unhandledRejection', (reason) => crash('unhandled rejection', reason));
  process.on('uncaughtException', (err) => crash('uncaught exception', err));
}
