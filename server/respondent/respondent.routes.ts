// HTTP edge of respondents (no account; a link is their key):
//   GET  /respond/:token               the questionnaire page for the link's country
//   GET  /api/respondent/:token        round, country, form and the current response state (with the
//                                      reviewer's comments while it is returned)
//   PUT  /api/respondent/:token/draft  save a draft (409 when based on a stale revision)
//   POST /api/respondent/:token/submit validate in full and freeze (idempotent)
//   GET  /api/respondent/:token/partnerships?lang=  once the response is approved: the country's
//                                      confirmed partnerships and, where the round shows them, the
//                                      partners suggested for its top-priority areas (empty before)
//   GET  /r/:formId                    an open questionnaire, not tied to a round (a form that enables it)
import { supportedLocales } from '../i18n/locales';
import { auditRequest, linkActor } from '../audit/audit-request';
import { requestClientAddress } from '../privacy/request-address';
import { firstInWindow } from '../audit/audit-throttle';
import { Router, type Request } from 'express';
import type { FormRegistry } from '../forms/form-registry';
import { AppError } from '../http/problem';
import { requestLocale } from '../i18n/request-locale';
import { respondsWith } from '../http/operation-meta';
import { validateBody } from '../http/validate';
import { responseStateSchema } from '../responses/response.schemas';
import { partnershipsAnswerSchema, respondentStateSchema, submittedStateSchema } from './respondent.schemas';
import { querySchema, validateQuery } from '../http/validate-query';
import { countryPartnerships, topPriorityAreas } from '../matching-runs/country-partnerships';
import { linkProblems, resolveLink, type ResolvedLink } from '../invitations/links';
import { markLinkOpened } from '../focal-points/invite';
import { getResponseState, saveDraft, submitResponse, type Write, type Writer } from '../responses/country-responses';
import { findFormOrReject } from '../forms/find-form';
import { hasSubmittedAnswers } from '../responses/response-status';
import { overviewCell } from '../scoring/round-overview';
import { currentCountryScores, scoreSubmission, type CountryScores } from '../scoring/round-scores';
import type { AssetStore } from './assets';
import { questionnairePage, sendLinkPage } from './pages';

export const responseWriteSchema = {
  $id: 'response-write',
  type: 'object',
  additionalProperties: false,
  required: ['answers', 'baseRevision'],
  properties: {
    answers: { type: 'object', maxProperties: 1000 },
    baseRevision: { type: 'integer', minimum: 0 },
    locale: { enum: [...supportedLocales] },
  },
} as const;

/** The country's gap profile as the respondent sees it after submitting: area by area. */
function respondentScores(scores: CountryScores | undefined) {
  if (!scores) return null;
  return {
    methodologyVersion: scores.methodologyVersion,
    // applicable: 0 tells an area where nothing applies from one with too few answers.
    areas: scores.areas.map((a) => ({ area: a.area, ...overviewCell(a), applicable: a.applicable })),
  };
}

/** Who writes: the link, and the client address (with its user agent), kept apart and shared
 *  with the request's audit entry, so expiring or erasing it clears both. */
async function writerOf(req: Request, invitationId: string): Promise<Writer> {
  const clientAddress = await requestClientAddress(req, { userAgent: true });
  return { invitationId, ...(clientAddress && { clientAddress }) };
}

/** Who acted through a country link, on what: for the audit log. */
const linkAudit = (link: ResolvedLink) => ({
  actor: linkActor(link.invitationId, link.country.iso3),
  roundId: link.round.id,
  target: { kind: 'country', id: link.country.iso3, label: link.country.name },
});

export function respondentRoutes(forms: FormRegistry, assets: AssetStore): Router {
  const router = Router();

  router.get('/respond/:token', (req, res) =>
    sendLinkPage(req, res, async () => {
      const link = await resolveLink(req.params.token);
      return questionnairePage(assets, {
        locale: requestLocale(req, req.query.lang ?? link.language),
        data: {
          token: req.params.token,
          'link-locale': link.language,
          'form-url': assets.url(`form:${link.round.formId}:${link.round.formVersion}`),
        },
      });
    }),
  );

  router.get(
    '/api/respondent/:token',
    respondsWith(respondentStateSchema, {
      problems: linkProblems,
      tag: 'Respondents',
      summary: 'Read the response a link opens',
      description:
        'For the focal point holding the link (no sign-in): round, country, language and the response’s state, with the reviewer’s comments while it is returned.',
    }),
    async (req, res) => {
      const link = await resolveLink(String(req.params.token));
      await markLinkOpened(link.invitationId);
      const response = await getResponseState(link.round.id, link.country.iso3);
      const scores = hasSubmittedAnswers(response.status)
        ? respondentScores(await currentCountryScores(link.round.id, link.country.iso3))
        : null;
      res
        .set('Cache-Control', 'no-store')
        .json({ round: link.round, country: link.country, language: link.language, response, scores });
    },
  );

  router.put(
    '/api/respondent/:token/draft',
    respondsWith(responseStateSchema, {
      problems: [...linkProblems, 'staleRevision', 'alreadySubmitted', 'invalidAnswers'],
      tag: 'Respondents',
      summary: 'Save a draft',
      description: 'Stores the answers as they are; 409 when based on a stale revision (someone saved meanwhile).',
    }),
    validateBody(responseWriteSchema),
    async (req, res) => {
      const link = await resolveLink(String(req.params.token));
      // A draft keeps no client address (only a submission does): none is stored per autosave.
      const saved = await saveDraft(forms, link, req.body as Write, { invitationId: link.invitationId });
      // One entry per country and 10 minutes: who worked on the answers, not every autosave.
      if (await firstInWindow(`draft:${link.round.id}:${link.country.iso3}`, 10 * 60_000)) {
        await auditRequest(req, 'response.draftSave', { ...linkAudit(link), details: { revision: saved.revision } });
      }
      res.json(saved);
    },
  );

  router.post(
    '/api/respondent/:token/submit',
    respondsWith(submittedStateSchema, {
      problems: [...linkProblems, 'staleRevision', 'alreadySubmitted', 'invalidAnswers', 'conflict'],
      tag: 'Respondents',
      summary: 'Submit the response',
      description:
        'Validates the answers in full and freezes them for review; idempotent. Notifies the round’s webhook.',
    }),
    validateBody(responseWriteSchema),
    async (req, res) => {
      const link = await resolveLink(String(req.params.token));
      const write = req.body as Write;
      const state = await submitResponse(
        forms,
        link,
        write,
        await writerOf(req, link.invitationId),
        requestLocale(req, write.locale),
      );
      const scores = await scoreSubmission(forms, link.round.id, link.country.iso3, state);
      await auditRequest(req, 'response.submit', { ...linkAudit(link), details: { revision: state.revision } });
      res.json({ ...state, scores: respondentScores(scores) });
    },
  );

  router.get(
    '/api/respondent/:token/partnerships',
    respondsWith(partnershipsAnswerSchema, {
      problems: linkProblems,
      tag: 'Respondents',
      summary: 'Read the country’s partnerships',
      description:
        'Once the response is approved: its confirmed partnerships and, where the round shows them, partners suggested for its top-priority areas (empty before).',
    }),
    validateQuery(querySchema({ lang: { enum: [...supportedLocales] } })),
    async (req, res) => {
      const link = await resolveLink(String(req.params.token));
      const locale = requestLocale(req, req.query.lang ?? link.language);
      const { status } = await getResponseState(link.round.id, link.country.iso3);
      const approved = status === 'approved';
      const shown = approved
        ? await countryPartnerships(
            link.round.id,
            link.country.iso3,
            topPriorityAreas((await currentCountryScores(link.round.id, link.country.iso3))?.areas ?? []),
            locale,
          )
        : { partnerships: [], suggestions: [] };
      res.set('Cache-Control', 'no-store').json({ language: locale, approved, ...shown });
    },
  );

  router.get('/r/:formId', (req, res) => {
    const form = findFormOrReject(forms, req.params.formId);
    // A page whose answers the API would refuse is no use: forms without open responses have none.
    if (!form.openResponses) throw new AppError('formNotFound', `No open questionnaire ${form.formId}`);
    const locale = requestLocale(req, req.query.lang);
    res.set('Cache-Control', 'no-cache').type('html');
    res.send(
      questionnairePage(assets, {
        locale,
        data: {
          'form-id': form.formId,
          'form-version': String(form.formVersion),
          'form-url': assets.url(`form:${form.formId}:${form.formVersion}`),
        },
      }),
    );
  });

  return router;
}
