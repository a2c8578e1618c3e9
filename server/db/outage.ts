// Which database errors mean an outage rather than a fault of the request or of our code:
//   unavailable   the database does not answer (down, stopped, unreachable, too slow) —
//                 raised by the deadlines set in server/db/connect.ts;
//   cannotWrite   it answers but cannot store anything (its disk is full).
// Both are passing states: the HTTP edge answers them 503 with Retry-After, and /readyz says
// not ready, so clients and load balancers try again later.

export type DatabaseOutage = 'unavailable' | 'cannotWrite';

const unavailableErrors = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoOperationTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
]);

// A connection the database closed mid-command can surface as the bare socket error.
const brokenConnection = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED']);

/** MongoDB's OutOfDiskSpace; FerretDB passes SQLite's "database or disk is full" as a message. */
const outOfDiskSpaceCode = 14031;
const diskFull = /disk is full|no space left on device|out of disk space/i;

/** The outage an error (or an error it was caused by) reports, if any. */
export function databaseOutage(err: unknown): DatabaseOutage | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (unavailableErrors.has(e.name)) return 'unavailable';
    if (brokenConnection.has((e as NodeJS.ErrnoException).code ?? '')) return 'unavailable';
    // mongoose queues operations while disconnected, then gives up with this plain error.
    if (e.name === 'MongooseError' && /buffering timed out/.test(e.message)) return 'unavailable';
    if (/^Mongo/.test(e.name) && ((e as { code?: unknown }).code === outOfDiskSpaceCode || diskFull.test(e.message)))
      return 'cannotWrite';
  }
  return undefined;
}
