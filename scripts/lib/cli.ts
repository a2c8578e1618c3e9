// Small pieces every measuring script's command line needs.
import { InvalidArgumentError } from 'commander';

/** A commander option parser: an integer of at least `min`, or a clear error. */
export const integerAtLeast =
  (min: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(
        min === 1 ? 'must be a positive integer' : `must be an integer of at least ${min}`,
      );
    return n;
  };

/** Progress lines on stderr, so that stdout holds only the figures: "[tag] message". */
export const progressTo =
  (tag: string) =>
  (message: string): void => {
    process.stderr.write(`[${tag}] ${message}\n`);
  };
