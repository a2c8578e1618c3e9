// Measuring helpers of the benchmark scripts (scripts/bench-*.ts): an HTTP load run (autocannon) and an
// in-process timing loop, each reduced to the few figures the benchmark prints.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

export const connections = 10;

export interface LoadFigures {
  label: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

export interface LoadTarget {
  label: string;
  url: string;
  body: string;
  /** Files of autocannon request hooks (setupRequest, onResponse), for requests that change per connection. */
  hooks?: { setupRequest: string; onResponse: string };
  /** Called before the warm-up and before the measured run (e.g. to hand each its own data). */
  prepare?: (run: 'warm-up' | 'measured') => void;
}

function loadOptions(target: LoadTarget): autocannon.Options {
  return {
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: target.body,
    // autocannon clears a connection's context each time it loops over `requests`; a long list
    // of the same hooks keeps the context (here: the connection's revision) for the whole run.
    ...(target.hooks && { requests: new Array(100_000).fill(target.hooks as unknown as autocannon.Request) }),
    connections,
    // The load generator runs in a worker thread, so it does not compete with the servers
    // (which run on this process's main thread) for the same event loop.
    workers: 1,
  };
}

/** Seconds of unmeasured load before each measured run (JIT, connection pools). */
export const warmUpSec = 2;

/** POSTs the same JSON body for `durationSec` seconds, after a short warm-up run. */
export async function runLoad(target: LoadTarget, durationSec: number): Promise<LoadFigures> {
  target.prepare?.('warm-up');
  const warmUp = await autocannon({ ...loadOptions(target), duration: warmUpSec });
  if (warmUp.non2xx > 0 || warmUp.errors > 0) {
    throw new Error(`${target.label}: the warm-up got ${warmUp.non2xx} non-2xx responses and ${warmUp.errors} errors`);
  }
  await sleep(1000); // lets the server finish the requests the warm-up left in flight
  target.prepare?.('measured');
  const result = await autocannon({ ...loadOptions(target), duration: durationSec });
  return {
    label: target.label,
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export interface TimingFigures {
  label: string;
  iterations: number;
  meanMs: number;
  perSec: number;
}

/**
 * Times `fn`: first unmeasured warm-up calls (a tenth of the iterations, at most a tenth of the
 * budget), then up to `iterations` calls, stopping early once `budgetMs` is spent.
 */
export function timeLoop(label: string, fn: () => void, iterations: number, budgetMs: number): TimingFigures {
  const warmUpEnd = performance.now() + budgetMs / 10;
  for (let i = 0; i < Math.ceil(iterations / 10) && performance.now() < warmUpEnd; i++) fn();
  const start = performance.now();
  const end = start + budgetMs;
  let done = 0;
  while (done < iterations && (done === 0 || performance.now() < end)) {
    fn();
    done++;
  }
  const meanMs = (performance.now() - start) / done;
  return { label, iterations: done, meanMs, perSec: 1000 / meanMs };
}

/** A plain-text table: the first `leftColumns` columns left-aligned, the others right-aligned. */
export function formatTable(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
