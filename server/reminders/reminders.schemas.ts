// Schema of the answer of the reminders endpoint (checked against every answer in the tests).
import { arrayOf, boolean, integer, object, string } from '../http/answer-schemas';

export const reminderRunSchema = object({
  roundId: string,
  dryRun: boolean,
  policy: object({ max: integer, minDaysApart: integer }),
  /** Each focal point: reminded (remind: true) or not, and why not. */
  decisions: arrayOf(
    object({ focalPointId: string, country: string, remind: boolean, email: string }, { why: string }),
  ),
  queued: integer,
});
