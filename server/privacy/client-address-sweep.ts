// The periodic retention pass: started with the service, stopped on shutdown. Safe with several
// instances (deleting by _id twice is harmless).
import type { Logger } from 'pino';
import { sweepClientAddresses } from './client-addresses';

export function startClientAddressSweep(
  retentionDays: number,
  logger: Pick<Logger, 'info' | 'error'>,
  everyMs = 3_600_000,
): { stop(): void } {
  const pass = async () => {
    try {
      const { days, removed } = await sweepClientAddresses(retentionDays);
      if (removed) logger.info({ days, removed }, 'expired client addresses removed');
    } catch (err) {
      logger.error({ err }, 'client address sweep failed');
    }
  };
  void pass();
  const timer = setInterval(() => void pass(), everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
