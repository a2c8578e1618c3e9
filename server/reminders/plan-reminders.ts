// Who gets a reminder now: a pure decision over plain data, so the worker, the dry run and the
// tests share it. A focal point is reminded when the round is still open, it was invited, its
// invitation did not bounce, the organizers did not withdraw its links, its country has not
// submitted, it has had fewer than `max`
// reminders, and the last invitation or reminder is at least `minDaysApart` days old.
export interface ReminderPolicy {
  max: number;
  minDaysApart: number;
}

export interface ReminderCandidate {
  focalPointId: string;
  country: string;
  invitedAt?: Date | null;
  bounced: boolean;
  /** The organizers withdrew its links (a reminder would hand it a working one again). */
  linksWithdrawn?: boolean;
  /** When each reminder already queued for this focal point was queued. */
  remindersAt: Date[];
}

export type ReminderDecision =
  | { focalPointId: string; country: string; remind: true }
  | { focalPointId: string; country: string; remind: false; why: string };

const dayMs = 86_400_000;

export function planReminders(
  candidates: readonly ReminderCandidate[],
  submittedCountries: ReadonlySet<string>,
  policy: ReminderPolicy,
  deadline: Date,
  now: Date,
): ReminderDecision[] {
  return candidates.map((c) => {
    const no = (why: string): ReminderDecision => ({
      focalPointId: c.focalPointId,
      country: c.country,
      remind: false,
      why,
    });
    if (now.getTime() > deadline.getTime()) return no('the round is past its deadline');
    if (!c.invitedAt) return no('not invited yet');
    if (c.bounced) return no('the invitation bounced');
    if (c.linksWithdrawn) return no('its links were withdrawn');
    if (submittedCountries.has(c.country)) return no('the country has submitted');
    if (c.remindersAt.length >= policy.max)
      return no(`already reminded ${c.remindersAt.length} times (at most ${policy.max})`);
    const last = Math.max(c.invitedAt.getTime(), ...c.remindersAt.map((d) => d.getTime()));
    const days = (now.getTime() - last) / dayMs;
    if (days < policy.minDaysApart)
      return no(`last message ${days.toFixed(1)} days ago (at least ${policy.minDaysApart})`);
    return { focalPointId: c.focalPointId, country: c.country, remind: true };
  });
}
