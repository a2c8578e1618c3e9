// Use case: change a round's name, questionnaire, languages, deadline or reminder policy. All
// checks come first and the change is one update, so a refused request stores nothing. The
// questionnaire may change only while no country has a response (answers belong to one
// version); a language may be dropped only when no focal point of the round reads it.
import type { FormRegistry } from '../forms/form-registry';
import { listRoundFocalPoints } from '../focal-points/round-focal-points';
import { AppError } from '../http/problem';
import { responseStatusesOf } from '../responses/response-statuses';
import { findRoundOrReject, setRoundFields } from './find-round';
import type { RoundUpdate } from './round.schemas';

type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

export interface RoundChange {
  round: RoundDoc;
  /** The fields that changed, as stored. */
  changed: Record<string, unknown>;
}

async function questionnaireChange(forms: FormRegistry, round: RoundDoc, body: RoundUpdate) {
  if (body.formId === undefined && body.formVersion === undefined) return {};
  const formId = body.formId ?? round.formId;
  const latest = forms.get(formId);
  if (!latest)
    throw new AppError('unprocessable', `No form ${formId}`, [
      { field: 'body.formId', message: 'is not a known form' },
    ]);
  const form = body.formVersion === undefined ? latest : forms.get(formId, body.formVersion);
  if (!form)
    throw new AppError('unprocessable', `No version ${body.formVersion} of form ${formId}`, [
      { field: 'body.formVersion', message: 'is not a version of this form' },
    ]);
  if (form.formId === round.formId && form.formVersion === round.formVersion) return {};
  const started = await responseStatusesOf(
    String(round._id),
    round.countries.map((c) => c.iso3),
  );
  if (started.size)
    throw new AppError('questionnaireInUse', `${[...started.keys()].sort().join(', ')} already answered`, [
      { field: 'body.formId', message: 'cannot change once a country has answered' },
    ]);
  return { formId: form.formId, formVersion: form.formVersion };
}

async function languagesChange(round: RoundDoc, languages: RoundUpdate['languages']) {
  if (!languages) return {};
  const focalPoints = await listRoundFocalPoints(round._id);
  const missing = [...new Set(focalPoints.map((f) => f.language))].filter((l) => !(languages as string[]).includes(l));
  if (missing.length)
    throw new AppError('unprocessable', `Focal points of this round read ${missing.join(', ')}`, [
      { field: 'body.languages', message: `must keep ${missing.join(', ')}: focal points of the round read it` },
    ]);
  return { languages };
}

export async function updateRound(forms: FormRegistry, roundId: string, body: RoundUpdate): Promise<RoundChange> {
  const round = await findRoundOrReject(roundId);
  let deadline: Date | undefined;
  // The deadline as stored is no change, even once past (a form sends every field again).
  if (body.deadline !== undefined && new Date(body.deadline).getTime() !== round.deadline.getTime()) {
    deadline = new Date(body.deadline);
    if (!(deadline.getTime() > Date.now()))
      throw new AppError('invalidInput', undefined, [{ field: 'body.deadline', message: 'must be in the future' }]);
  }
  const changed: Record<string, unknown> = {
    ...(body.name !== undefined && { name: body.name }),
    ...(await questionnaireChange(forms, round, body)),
    ...(await languagesChange(round, body.languages)),
    ...(deadline && { deadline }),
    ...(body.reminders?.max !== undefined && { 'reminders.max': body.reminders.max }),
    ...(body.reminders?.minDaysApart !== undefined && { 'reminders.minDaysApart': body.reminders.minDaysApart }),
    // The whole contact is replaced: an empty object removes it.
    ...(body.contact !== undefined && { contact: body.contact }),
  };
  const updated = await setRoundFields(round._id, changed);
  return { round: updated ?? round, changed };
}
