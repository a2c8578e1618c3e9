// Peak memory of one benchmark phase: process.memoryUsage() sampled on a timer while the phase
// runs, after a full garbage collection that gives the baseline. The phase must yield to the
// event loop now and then (e.g. `await setImmediate()`), or the timer cannot fire.
import v8 from 'node:v8';
import vm from 'node:vm';

export interface MemoryFigures {
  /** After a full GC, just before the phase. */
  baselineRssMb: number;
  baselineHeapMb: number;
  /**
   * Highest values sampled during the phase. The RSS peak is exact when the phase set a new
   * high for the process (getrusage's maxrss), so also for a phase that never yields.
   */
  peakRssMb: number;
  peakHeapMb: number;
  /** Memory of Buffers and other objects outside the JS heap (memoryUsage().external). */
  baselineExternalMb: number;
  peakExternalMb: number;
  samples: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * A full garbage collection: `global.gc` when node runs with --expose-gc, otherwise the flag is
 * turned on at run time (works on Node 20; V8 only reads it when a new context is created).
 */
export const collectGarbage: () => void =
  typeof globalThis.gc === 'function'
    ? globalThis.gc
    : (() => {
        v8.setFlagsFromString('--expose-gc');
        return vm.runInNewContext('gc') as () => void;
      })();

/** Runs `phase` while sampling memory every `intervalMs`; returns its result and the figures. */
export async function withMemorySampling<T>(
  phase: () => Promise<T>,
  intervalMs = 50,
): Promise<{ result: T; memory: MemoryFigures }> {
  collectGarbage();
  const baseline = process.memoryUsage();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  let peakExternal = baseline.external;
  let samples = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.external > peakExternal) peakExternal = m.external;
    samples++;
  };
  const timer = setInterval(sample, intervalMs);
  try {
    const result = await phase();
    sample();
    const maxRssAfter = process.resourceUsage().maxRSS * 1024;
    if (maxRssAfter > maxRssBefore && maxRssAfter > peakRss) peakRss = maxRssAfter;
    return {
      result,
      memory: {
        baselineRssMb: mb(baseline.rss),
        baselineHeapMb: mb(baseline.heapUsed),
        peakRssMb: mb(peakRss),
        peakHeapMb: mb(peakHeap),
        baselineExternalMb: mb(baseline.external),
        peakExternalMb: mb(peakExternal),
        samples,
      },
    };
  } finally {
    clearInterval(timer);
  }
}
