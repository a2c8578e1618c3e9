// Watches the claimers of an outbox worker: a claimer that stays on one step (claiming, or
// delivering one message) longer than it ever should is reported. Every send has its own
// deadline (mailer.ts), so this is the backstop for what a deadline does not cover: the worker
// acts on the report (outbox-worker.ts) by cutting the relay connections, which ends any send.

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
