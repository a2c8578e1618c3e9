// HTTP edge of reviewing country responses (organizer and admin; viewers get 403):
//   POST /api/rounds/:roundId/responses/:country/approve  a submitted response counts
//   POST /api/rounds/:roundId/responses/:country/return   back to the country with comments
//        { comment, questionComments?: { questionName: comment } }; the focal points get an email
//        (focalPointsNotified: how many; null when it could not be queued, the return still stands)
//   POST /api/rounds/:roundId/responses/:country/reopen   a submitted or approved response back to draft
// A step on a response that does not allow it, or that another reviewer moved meanwhile, gets
// 409 with the current state. Every step is recorded in the audit log. An unknown round or a
// country not in it is a 404 (findRoundCountryOrReject).
import { Router, type Request } from 'express';
import type { AuditAction } from '../audit/audit-actions';
import { auditRequest } from '../audit/audit-request';
import { requireRole } from '../auth/auth.middleware';
import type { Config } from '../config';
import { notifyResponseReturned } from '../focal-points/invite';
import type { FormRegistry } from '../forms/form-registry';
import { AppError } from '../http/problem';
import { respondsWith } from '../http/operation-meta';
import { validateBody, noFields } from '../http/validate';
import { responseStateSchema, returnedResponseSchema } from './response.schemas';
import { findRoundCountryOrReject } from '../rounds/find-round';
import type { EventActor } from './country-response-store';
import type { ResponseState } from './country-responses';
import {
  approveResponse,
  reopenResponse,
  returnResponse,
  unknownCommentedQuestions,
  type ReturnInput,
} from './review-response';
import { responseReturnSchema } from './review.schemas';
import { findFormOrReject } from '../forms/find-form';

function reviewerOf(req: Request): EventActor {
  const account = req.session!.account;
  return { kind: 'account', id: account.id, label: account.email };
}

/** The audit entry of a review step: the organizer, the country's response, its new state. */
function audit(
  req: Request,
  action: AuditAction,
  roundId: string,
  country: { iso3: string; name: string },
  state: ResponseState,
  details: Record<string, unknown> = {},
) {
  return auditRequest(req, action, {
    target: { kind: 'country', id: country.iso3, label: country.name },
    roundId,
    details: { status: state.status, revision: state.revision, ...details },
  });
}

export function reviewRoutes(forms: FormRegistry, config: Pick<Config, 'publicUrl'>): Router {
  const router = Router();
  router.post(
    '/api/rounds/:roundId/responses/:country/approve',
    respondsWith(responseStateSchema, {
      problems: ['notAwaitingReview'],
      tag: 'Review',
      summary: 'Approve a response',
      description:
        'A submitted or resubmitted response counts; 409 with the current state when it does not await review. Notifies the round’s webhook (audited).',
    }),
    requireRole('organizer'),
    noFields,
    async (req, res) => {
      const { round, country } = await findRoundCountryOrReject(String(req.params.roundId), String(req.params.country));
      const roundId = String(round._id);
      const state = await approveResponse(roundId, country.iso3, reviewerOf(req));
      await audit(req, 'response.approve', roundId, country, state);
      res.json(state);
    },
  );

  router.post(
    '/api/rounds/:roundId/responses/:country/return',
    respondsWith(returnedResponseSchema, {
      problems: ['notAwaitingReview'],
      tag: 'Review',
      summary: 'Return a response with comments',
      description:
        'Back to the country with an overall comment and comments on questions; its focal points get an email. 409 when it does not await review (audited).',
    }),
    requireRole('organizer'),
    validateBody(responseReturnSchema, 'unprocessable'),
    async (req, res) => {
      const { round, country } = await findRoundCountryOrReject(String(req.params.roundId), String(req.params.country));
      const input = req.body as ReturnInput;
      const form = findFormOrReject(forms, round.formId, round.formVersion);
      const unknown = unknownCommentedQuestions(input, new Set(Object.keys(form.answerSchema.properties)));
      if (unknown.length) {
        throw new AppError(
          'unprocessable',
          `Not questions of this round's form: ${unknown.join(', ')}`,
          unknown.map((name) => ({
            field: `body.questionComments.${name}`,
            message: 'is not a question of this form',
          })),
        );
      }
      const roundId = String(round._id);
      const state = await returnResponse(roundId, country.iso3, input, reviewerOf(req));
      const questionsCommented = Object.keys(input.questionComments ?? {}).length;
      await audit(req, 'response.return', roundId, country, state, { comment: input.comment, questionsCommented });
      // The return is stored and stands; an email that could not be queued is reported, not undone.
      let focalPointsNotified: number | null = null;
      try {
        focalPointsNotified = await notifyResponseReturned(config.publicUrl, roundId, country.iso3, {
          comment: input.comment,
          questionsCommented,
        });
      } catch (err) {
        req.log?.error({ err }, 'queueing the returned-response email failed');
      }
      res.json({ ...state, focalPointsNotified });
    },
  );

  router.post(
    '/api/rounds/:roundId/responses/:country/reopen',
    respondsWith(responseStateSchema, {
      problems: ['notAwaitingReview'],
      tag: 'Review',
      summary: 'Reopen a response',
      description:
        'A submitted or approved response goes back to draft; 409 when another reviewer moved it meanwhile (audited).',
    }),
    requireRole('organizer'),
    noFields,
    async (req, res) => {
      const { round, country } = await findRoundCountryOrReject(String(req.params.roundId), String(req.params.country));
      const roundId = String(round._id);
      const state = await reopenResponse(roundId, country.iso3, reviewerOf(req));
      await audit(req, 'response.reopen', roundId, country, state);
      res.json(state);
    },
  );

  return router;
}
