// HTTP edge of questionnaires and their responses:
//   GET  /api/forms                             the forms this service serves (latest versions)
//   GET  /api/forms/:formId                     one form's SurveyJS JSON with its version
//   GET  /api/forms/:formId/answer-schema       JSON Schema of its answer set
//   POST /api/forms/:formId/responses           submit an answer set (respondents)
//   GET  /api/forms/:formId/responses           stored responses (organizer roles)
import { Router } from 'express';
import { requireRole } from '../auth/auth.middleware';
import { requestLocale } from '../http/locale';
import { validateBody } from '../http/validate';
import { ResponseDoc } from '../responses/response.model';
import { responseSubmissionSchema, type ResponseSubmission } from '../responses/response.schemas';
import { findFormOrReject, submitOpenResponse } from '../responses/submit-response';
import type { FormRegistry } from './form-registry';

export function formsRoutes(forms: FormRegistry): Router {
  const router = Router();

  // Every route below names a form: an unknown one is a 404 before anything else is looked at.
  router.param('formId', (_req, _res, next, formId: string) => {
    findFormOrReject(forms, formId);
    next();
  });

  router.get('/api/forms', (_req, res) => {
    res.json({ forms: forms.list().map((f) => ({ formId: f.formId, formVersion: f.formVersion, title: f.json.title })) });
  });

  router.get('/api/forms/:formId', (req, res) => {
    const form = findFormOrReject(forms, req.params.formId);
    res.set('Cache-Control', 'no-cache').json({ formId: form.formId, formVersion: form.formVersion, json: form.json });
  });

  router.get('/api/forms/:formId/answer-schema', (req, res) => {
    res.json(findFormOrReject(forms, req.params.formId).answerSchema);
  });

  router.post('/api/forms/:formId/responses', validateBody(responseSubmissionSchema), async (req, res) => {
    const submission = req.body as ResponseSubmission;
    const stored = await submitOpenResponse(forms, String(req.params.formId), submission, requestLocale(req, submission.locale));
    res.status(201).location(`/api/responses/${stored.id}`).json(stored);
  });

  router.get('/api/forms/:formId/responses', requireRole('viewer'), async (req, res) => {
    const form = findFormOrReject(forms, String(req.params.formId));
    const rows = await ResponseDoc.find({ formId: form.formId }).sort({ submittedAt: -1 }).limit(1000).lean();
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
  });

  return router;
}
