// HTTP edge of questionnaires and their responses:
//   GET  /api/forms                             the forms this service serves (latest versions)
//   GET  /api/forms/:formId                     one form's SurveyJS JSON with its version
//   GET  /api/forms/:formId/answer-schema       JSON Schema of its answer set
//   POST /api/forms/:formId/responses           submit an answer set anonymously: only to a form
//                                               that enables it, and rate limited per client address
//   GET  /api/forms/:formId/responses           stored responses (organizer roles)
import { Router, type RequestHandler } from 'express';
import { requireRole } from '../auth/auth.middleware';
import type { Config } from '../config';
import { requestLocale } from '../i18n/request-locale';
import { AppError } from '../http/problem';
import { limitPerClient } from '../http/rate-limit';
import { respondsWith } from '../http/operation-meta';
import { validateBody } from '../http/validate';
import {
  openResponsesSchema,
  openResponseStoredSchema,
  responseSubmissionSchema,
  type ResponseSubmission,
} from '../responses/response.schemas';
import { answerSchemaAnswerSchema, formAnswerSchema, formsAnswerSchema } from './forms.schemas';
import { listOpenResponses, submitOpenResponse } from '../responses/submit-response';
import { findFormOrReject } from './find-form';
import type { FormRegistry } from './form-registry';

export function formsRoutes(forms: FormRegistry, config: Config): Router {
  const router = Router();

  const requireOpenForm: RequestHandler = (req, _res, next) => {
    if (!findFormOrReject(forms, String(req.params.formId)).openResponses)
      throw new AppError('formNotOpen', `Form ${req.params.formId} takes answers through country links only`);
    next();
  };
  // Counts every attempt, valid or not: each costs a full validation, and only floods are refused.
  const openResponsesLimit = limitPerClient({
    windowMs: 3_600_000,
    limit: config.openResponsesPerHour,
    detail: 'Too many answers sent from your address; try again in an hour',
  });

  // Every route below names a form: an unknown one is a 404 before anything else is looked at.
  router.param('formId', (_req, _res, next, formId: string) => {
    findFormOrReject(forms, formId);
    next();
  });

  router.get(
    '/api/forms',
    respondsWith(formsAnswerSchema, {
      tag: 'Forms',
      summary: 'List the questionnaires',
      description: 'The forms this service serves, at their latest versions.',
    }),
    (_req, res) => {
      res.json({
        forms: forms
          .list()
          .map((f) => ({ formId: f.formId, formVersion: f.formVersion, purpose: f.purpose, title: f.json.title })),
      });
    },
  );

  router.get(
    '/api/forms/:formId',
    respondsWith(formAnswerSchema, {
      problems: ['formNotFound'],
      tag: 'Forms',
      summary: 'Read a questionnaire',
      description: 'Its SurveyJS JSON, with its version.',
    }),
    (req, res) => {
      const form = findFormOrReject(forms, String(req.params.formId));
      res
        .set('Cache-Control', 'no-cache')
        .json({ formId: form.formId, formVersion: form.formVersion, json: form.json });
    },
  );

  router.get(
    '/api/forms/:formId/answer-schema',
    respondsWith(answerSchemaAnswerSchema, {
      problems: ['formNotFound'],
      tag: 'Forms',
      summary: 'Read a questionnaire’s answer schema',
      description: 'The JSON Schema its answer sets are checked against.',
    }),
    (req, res) => {
      res.json(findFormOrReject(forms, String(req.params.formId)).answerSchema);
    },
  );

  router.post(
    '/api/forms/:formId/responses',
    respondsWith(openResponseStoredSchema, {
      status: 201,
      problems: ['formNotFound', 'formNotOpen', 'invalidAnswers', 'tooManyRequests'],
      tag: 'Forms',
      summary: 'Answer an open questionnaire',
      description:
        'Stores an anonymous answer set, only to a form that enables it (403 otherwise). Rate limited per client address.',
    }),
    requireOpenForm,
    openResponsesLimit,
    validateBody(responseSubmissionSchema),
    async (req, res) => {
      const submission = req.body as ResponseSubmission;
      const stored = await submitOpenResponse(
        forms,
        String(req.params.formId),
        submission,
        requestLocale(req, submission.locale),
      );
      res.status(201).location(`/api/responses/${stored.id}`).json(stored);
    },
  );

  router.get(
    '/api/forms/:formId/responses',
    respondsWith(openResponsesSchema, {
      problems: ['formNotFound'],
      tag: 'Forms',
      summary: 'List the answers to an open questionnaire',
    }),
    requireRole('viewer'),
    async (req, res) => {
      const form = findFormOrReject(forms, String(req.params.formId));
      const rows = await listOpenResponses(form.formId, 1000);
      res.json({
        responses: rows.map((r) => ({
          id: String(r._id),
          formVersion: r.formVersion,
          country: r.country,
          locale: r.locale,
          submittedAt: r.submittedAt,
          answers: r.answers,
        })),
      });
    },
  );

  return router;
}
