// HTTP edge of assessment rounds for organizers:
//   GET  /api/rounds                                    rounds and their countries (viewer+)
//   POST /api/rounds                                    create a round (organizer+)
//   PATCH /api/rounds/:roundId                          change name, questionnaire, languages, deadline,
//                                                       reminder policy (organizer+; scoring: PUT …/scoring)
//   GET  /api/rounds/:roundId/responses/:country        a country's response and its review history (viewer+)
//   (review steps on a response: server/responses/review.routes.ts)
import { auditRequest } from '../audit/audit-request';
import { Router } from 'express';
import { requireRole } from '../auth/auth.middleware';
import type { FormRegistry } from '../forms/form-registry';
import { AppError } from '../http/problem';
import { respondsWith } from '../http/operation-meta';
import { validateBody } from '../http/validate';
import { responseWithHistorySchema } from '../responses/response.schemas';
import { getResponseWithHistory } from '../responses/country-responses';
import { createRound, findRoundCountryOrReject, isRoundId, listRounds } from './find-round';
import {
  roundAnswerSchema,
  roundCreateSchema,
  roundsAnswerSchema,
  roundUpdateSchema,
  type RoundCreate,
  type RoundUpdate,
} from './round.schemas';
import { updateRound } from './update-round';

/** A round as the API shows it: `id` instead of `_id`. */
function roundView({ _id, __v, ...r }: { _id: unknown; __v?: unknown } & Record<string, unknown>) {
  return { id: String(_id), ...r };
}

export function roundsRoutes(forms: FormRegistry): Router {
  const router = Router();

  router.param('roundId', (_req, _res, next, roundId: string) => {
    if (!isRoundId(roundId)) throw new AppError('notFound', 'No such round');
    next();
  });
  router.param('country', (_req, _res, next, country: string) => {
    if (!/^[A-Z]{3}$/.test(country)) throw new AppError('notFound', 'Countries are named by ISO 3166 alpha-3 code');
    next();
  });

  router.get(
    '/api/rounds',
    respondsWith(roundsAnswerSchema, {
      tag: 'Rounds',
      summary: 'List the rounds',
      description: 'Each with its questionnaire, languages, deadline, reminder policy and countries.',
    }),
    requireRole('viewer'),
    async (_req, res) => {
      const rounds = await listRounds();
      res.json({ rounds: rounds.map(roundView) });
    },
  );

  router.post(
    '/api/rounds',
    respondsWith(roundAnswerSchema, {
      status: 201,
      problems: ['unprocessable'],
      tag: 'Rounds',
      summary: 'Create a round',
      description:
        'With its capacity questionnaire, languages, a deadline in the future, its reminder policy and, optionally, its scoring (audited).',
    }),
    requireRole('organizer'),
    validateBody(roundCreateSchema),
    async (req, res) => {
      const body = req.body as RoundCreate;
      const latest = forms.get(body.formId);
      // A round asks countries about their capacity: a partner's offer form is not one.
      if (!latest || latest.purpose !== 'capacity')
        throw new AppError('unprocessable', `No form ${body.formId}`, [
          { field: 'body.formId', message: 'is not a known form' },
        ]);
      const form = body.formVersion === undefined ? latest : forms.get(body.formId, body.formVersion);
      if (!form)
        throw new AppError('unprocessable', `No version ${body.formVersion} of form ${body.formId}`, [
          { field: 'body.formVersion', message: 'is not a version of this form' },
        ]);
      const deadline = new Date(body.deadline);
      if (!(deadline.getTime() > Date.now()))
        throw new AppError('invalidInput', undefined, [{ field: 'body.deadline', message: 'must be in the future' }]);
      const round = await createRound({
        name: body.name,
        formId: form.formId,
        formVersion: form.formVersion,
        languages: body.languages,
        deadline,
        reminders: { max: body.reminders?.max ?? 3, minDaysApart: body.reminders?.minDaysApart ?? 7 },
        ...(body.scoring && { scoring: body.scoring as Record<string, unknown> }),
        ...(body.contact && { contact: body.contact }),
      });
      const id = String(round._id);
      await auditRequest(req, 'round.create', {
        target: { kind: 'round', id, label: body.name },
        roundId: id,
        details: { formId: form.formId, formVersion: form.formVersion, ...(body.scoring && { scoring: body.scoring }) },
      });
      res
        .status(201)
        .location(`/api/rounds/${id}`)
        .json({ round: roundView(round) });
    },
  );

  router.patch(
    '/api/rounds/:roundId',
    respondsWith(roundAnswerSchema, {
      problems: ['unprocessable', 'questionnaireInUse'],
      tag: 'Rounds',
      summary: 'Change a round',
      description:
        'Name, questionnaire (until a country answers: 409 after), languages, deadline, reminder policy, whom respondents may contact. Scoring settings are changed with PUT …/scoring (audited).',
    }),
    requireRole('organizer'),
    validateBody(roundUpdateSchema),
    async (req, res) => {
      const { round, changed } = await updateRound(forms, String(req.params.roundId), req.body as RoundUpdate);
      const id = String(round._id);
      if (Object.keys(changed).length)
        await auditRequest(req, 'round.update', {
          target: { kind: 'round', id, label: round.name },
          roundId: id,
          // Field names as a list: dotted keys (reminders.max) cannot be stored as object keys.
          details: { fields: Object.keys(changed), sent: req.body as RoundUpdate },
        });
      res.json({ round: roundView(round) });
    },
  );

  router.get(
    '/api/rounds/:roundId/responses/:country',
    respondsWith(responseWithHistorySchema, {
      tag: 'Review',
      summary: 'Read a country’s response',
      description: 'Its state and answers, with the history of submissions and reviews.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      const { round, country } = await findRoundCountryOrReject(String(req.params.roundId), String(req.params.country));
      res.json(await getResponseWithHistory(String(round._id), country.iso3));
    },
  );

  return router;
}
