// The periodic pass that sends due reminders for every open round. Safe with several instances:
// each reminder is claimed under a unique _id before it is queued (send-reminders.ts).
import type { Logger } from 'pino';
import { remindOpenRounds } from './send-reminders';

export function startReminderJob(publicUrl: string, logger: Logger, everyMs = 3600_000): { stop(): void } {
  const pass = async () => {
    try {
      const runs = await remindOpenRounds(publicUrl);
      const queued = runs.reduce((n, r) => n + r.queued, 0);
      if (queued) logger.info({ queued }, 'reminders queued');
    } catch (err) {
      logger.error({ err }, 'reminder pass failed');
    }
  };
  const timer = setInterval(pass, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
