// Watches the claimers of a queue worker (server/jobs/claim-loop.ts): a claimer that stays on
// one step (claiming, or delivering one item) longer than it ever should is reported. Every
// delivery has its own deadline (an email send, a webhook request), so this is the backstop for
// what a deadline does not cover: the worker acts on the report by cutting its connections.

export interface Watchdog {
  /** The claimer starts a step (replacing its previous one). */
  begin(claimer: string, step: string): void;
  /** The claimer is idle (between looks at the outbox). */
  end(claimer: string): void;
  stop(): void;
}

export type OnStuck = (claimer: string, step: string, stuckForMs: number) => void;

export function startWatchdog(stuckAfterMs: number, onStuck: OnStuck): Watchdog {
  const busy = new Map<string, { step: string; since: number; reported: boolean }>();
  const check = () => {
    const now = Date.now();
    for (const [claimer, activity] of busy) {
      if (activity.reported || now - activity.since < stuckAfterMs) continue;
      activity.reported = true; // once per step: the report acts, repeating it would not help
      onStuck(claimer, activity.step, now - activity.since);
    }
  };
  const timer = setInterval(check, Math.max(25, Math.floor(stuckAfterMs / 4)));
  timer.unref();
  return {
    begin: (claimer, step) => void busy.set(claimer, { step, since: Date.now(), reported: false }),
    end: (claimer) => void busy.delete(claimer),
    stop: () => clearInterval(timer),
  };
}
