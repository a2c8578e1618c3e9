// HTTP edge of partner self-declaration.
// Organizers:
//   POST   /api/partners/:id/declaration-links          send a partner a link to declare its offer
//                                                       { contactEmail? } (organizer+)
//   POST   /api/partner-declarations/invitations        invite an organization not yet in the registry
//                                                       { organization, name, email, language } (organizer+)
//   GET    /api/partner-declarations                    every declaration, awaiting review first (viewer+)
//   GET    /api/partner-declarations/:id                one, with the offer it makes, history, links (viewer+)
//   POST   /api/partner-declarations/:id/approve        the offer counts: registry updated or created (organizer+)
//   POST   /api/partner-declarations/:id/return         back to the partner with a comment (organizer+)
//   DELETE /api/partner-declarations/:id/links/:linkId  withdraw a link (organizer+)
// The partner (no account; the link is its key), with the respondent's page and protocol:
//   GET  /declare/:token                 the partner-offer questionnaire
//   GET  /api/declarations/:token        the partner and its declaration's state
//   PUT  /api/declarations/:token/draft  save a draft (409 when based on a stale revision)
//   POST /api/declarations/:token/submit check in full and send for review (idempotent)
import { Router, type Request } from 'express';
import { auditRequest, linkActor } from '../audit/audit-request';
import { pseudonymOf } from '../privacy/pseudonym';
import { firstInWindow } from '../audit/audit-throttle';
import { requireRole } from '../auth/auth.middleware';
import type { Config } from '../config';
import type { FormRegistry } from '../forms/form-registry';
import { AppError } from '../http/problem';
import { respondsWith } from '../http/operation-meta';
import type { ProblemName } from '../http/problem';
import { validateBody } from '../http/validate';
import { responseStateSchema } from '../responses/response.schemas';
import { querySchema, validateQuery } from '../http/validate-query';
import { requestLocale } from '../i18n/request-locale';
import { linkProblems, recordLinkOpened, resolvePartnerLink, type ResolvedPartnerLink } from '../invitations/links';
import { responseWriteSchema } from '../respondent/respondent.routes';
import type { AssetStore } from '../respondent/assets';
import { questionnairePage, sendLinkPage } from '../respondent/pages';
import type { Invitee } from './declaration-store';
import {
  declarationApproveSchema,
  declarationLinkSchema,
  declarationReturnSchema,
  organizationInviteSchema,
  declarationAnswerSchema,
  declarationApprovedSchema,
  declarationForLinkSchema,
  declarationsAnswerSchema,
  declarationStateAnswerSchema,
  linkRevokedSchema,
  sentLinkAnswerSchema,
} from './declarations.schemas';
import {
  approveDeclaration,
  declarationForm,
  getDeclaration,
  getDeclarationForLink,
  inviteOrganization,
  listDeclarations,
  returnDeclaration,
  revokeDeclarationLink,
  saveDeclarationDraft,
  sendDeclarationLink,
  submitDeclaration,
  type DeclarationWrite,
} from './partner-declarations';

const partnerTarget = (id: string, label?: string) => ({ kind: 'partner', id, ...(label && { label }) });
const linkAudit = (link: ResolvedPartnerLink) => ({
  actor: linkActor(link.invitationId),
  target: partnerTarget(link.partnerId),
});

/** A stale or frozen declaration (409), answers that do not hold (422). */
const writeProblems: ProblemName[] = ['staleRevision', 'alreadySubmitted', 'invalidAnswers', 'unprocessable'];

export function declarationsRoutes(config: Config, forms: FormRegistry, assets: AssetStore): Router {
  const router = Router();
  const by = (req: Request) => req.session!.account.email;
  const noQuery = validateQuery(querySchema());

  router.param('id', (_req, _res, next, id: string) => {
    if (!/^[0-9a-f]{24}$/.test(id)) throw new AppError('notFound', 'No such partner');
    next();
  });
  router.param('linkId', (_req, _res, next, id: string) => {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new AppError('notFound', 'No such link');
    next();
  });

  // ---- organizers ----

  router.post(
    '/api/partners/:id/declaration-links',
    respondsWith(sentLinkAnswerSchema, {
      status: 201,
      problems: ['unprocessable', 'formNotFound'],
      tag: 'Partner declarations',
      summary: 'Send a partner a link to declare its offer',
      description: 'Emailed to one of its contacts (contactEmail, or its first contact).',
    }),
    requireRole('organizer'),
    noQuery,
    validateBody(declarationLinkSchema),
    async (req, res) => {
      const sent = await sendDeclarationLink(
        forms,
        String(req.params.id),
        req.body as { contactEmail?: string },
        by(req),
        config.publicUrl,
      );
      await auditRequest(req, 'declaration.linkSend', {
        target: partnerTarget(sent.partnerId),
        people: [await pseudonymOf(sent.sentTo)],
        details: { linkId: sent.linkId, emailId: sent.emailId },
      });
      res.status(201).json({ link: sent });
    },
  );

  router.post(
    '/api/partner-declarations/invitations',
    respondsWith(sentLinkAnswerSchema, {
      status: 201,
      tag: 'Partner declarations',
      summary: 'Invite an organization not yet in the registry',
      description: 'Emails its contact a link to declare its offer; approving the declaration adds it to the registry.',
    }),
    requireRole('organizer'),
    noQuery,
    validateBody(organizationInviteSchema),
    async (req, res) => {
      const invitee = req.body as Invitee;
      const sent = await inviteOrganization({ ...invitee, email: invitee.email.toLowerCase() }, config.publicUrl);
      await auditRequest(req, 'declaration.invite', {
        target: partnerTarget(sent.partnerId, invitee.organization),
        people: [await pseudonymOf(sent.sentTo)],
        details: { linkId: sent.linkId, emailId: sent.emailId },
      });
      res.status(201).location(`/api/partner-declarations/${sent.partnerId}`).json({ link: sent });
    },
  );

  router.get(
    '/api/partner-declarations',
    respondsWith(declarationsAnswerSchema, {
      tag: 'Partner declarations',
      summary: 'List the declarations',
      description: 'Those awaiting review first.',
    }),
    requireRole('viewer'),
    noQuery,
    async (_req, res) => {
      res.json({ declarations: await listDeclarations() });
    },
  );

  router.get(
    '/api/partner-declarations/:id',
    respondsWith(declarationAnswerSchema, {
      tag: 'Partner declarations',
      summary: 'Read a declaration',
      description: 'The offer it makes next to the registry’s, its history and the links sent.',
    }),
    requireRole('viewer'),
    noQuery,
    async (req, res) => {
      res.json({ declaration: await getDeclaration(String(req.params.id)) });
    },
  );

  router.post(
    '/api/partner-declarations/:id/approve',
    respondsWith(declarationApprovedSchema, {
      problems: ['notAwaitingReview', 'unprocessable'],
      tag: 'Partner declarations',
      summary: 'Approve a declaration',
      description:
        'The offer counts: the partner is updated in the registry, or added. 409 unless it awaits review (audited).',
    }),
    requireRole('organizer'),
    noQuery,
    validateBody(declarationApproveSchema),
    async (req, res) => {
      const id = String(req.params.id);
      const result = await approveDeclaration(forms, id, by(req), (req.body as { revision?: number }).revision);
      await auditRequest(req, 'declaration.approve', {
        target: partnerTarget(id, result.partner.name.en),
        details: { revision: result.declaration.revision },
      });
      res.json(result);
    },
  );

  router.post(
    '/api/partner-declarations/:id/return',
    respondsWith(declarationStateAnswerSchema, {
      problems: ['notAwaitingReview'],
      tag: 'Partner declarations',
      summary: 'Return a declaration',
      description: 'Back to the partner with a comment; 409 unless it awaits review (audited).',
    }),
    requireRole('organizer'),
    noQuery,
    validateBody(declarationReturnSchema),
    async (req, res) => {
      const id = String(req.params.id);
      const body = req.body as { comment: string; revision?: number };
      const declaration = await returnDeclaration(forms, id, body.comment, by(req), body.revision);
      await auditRequest(req, 'declaration.return', {
        target: partnerTarget(id),
        details: { revision: declaration.revision },
      });
      res.json({ declaration });
    },
  );

  router.delete(
    '/api/partner-declarations/:id/links/:linkId',
    respondsWith(linkRevokedSchema, {
      tag: 'Partner declarations',
      summary: 'Withdraw a declaration link',
      description: 'The link stops working (audited).',
    }),
    requireRole('organizer'),
    noQuery,
    async (req, res) => {
      const id = String(req.params.id);
      await revokeDeclarationLink(id, String(req.params.linkId));
      await auditRequest(req, 'declaration.linkRevoke', {
        target: partnerTarget(id),
        details: { linkId: String(req.params.linkId) },
      });
      res.json({ revoked: true });
    },
  );

  // ---- the partner ----

  router.get('/declare/:token', (req, res) => {
    res.set('Referrer-Policy', 'no-referrer');
    return sendLinkPage(req, res, async () => {
      const link = await resolvePartnerLink(req.params.token);
      const form = declarationForm(forms);
      return questionnairePage(assets, {
        locale: requestLocale(req, req.query.lang ?? link.language),
        data: {
          token: req.params.token,
          api: `/api/declarations/${req.params.token}`,
          'link-locale': link.language,
          'form-url': assets.url(`form:${form.formId}:${form.formVersion}`),
        },
      });
    });
  });

  router.get(
    '/api/declarations/:token',
    respondsWith(declarationForLinkSchema, {
      problems: linkProblems,
      tag: 'Partner declarations',
      summary: 'Read the declaration a link opens',
      description: 'For the partner holding the link (no sign-in): the partner and its declaration’s state.',
    }),
    async (req, res) => {
      const link = await resolvePartnerLink(String(req.params.token));
      await recordLinkOpened(link.invitationId);
      const found = await getDeclarationForLink(link);
      res.set('Cache-Control', 'no-store').json({ ...found, scores: null });
    },
  );

  router.put(
    '/api/declarations/:token/draft',
    respondsWith(responseStateSchema, {
      problems: [...linkProblems, ...writeProblems],
      tag: 'Partner declarations',
      summary: 'Save a declaration draft',
      description: 'For the partner holding the link; 409 when based on a stale revision.',
    }),
    validateBody(responseWriteSchema),
    async (req, res) => {
      const link = await resolvePartnerLink(String(req.params.token));
      const saved = await saveDeclarationDraft(forms, link, req.body as DeclarationWrite);
      if (await firstInWindow(`declaration-draft:${link.partnerId}`, 10 * 60_000)) {
        await auditRequest(req, 'declaration.draftSave', { ...linkAudit(link), details: { revision: saved.revision } });
      }
      res.json(saved);
    },
  );

  router.post(
    '/api/declarations/:token/submit',
    respondsWith(responseStateSchema, {
      problems: [...linkProblems, ...writeProblems],
      tag: 'Partner declarations',
      summary: 'Submit a declaration for review',
      description: 'Checked in full, then sent to the organizers; idempotent.',
    }),
    validateBody(responseWriteSchema),
    async (req, res) => {
      const link = await resolvePartnerLink(String(req.params.token));
      const write = req.body as DeclarationWrite;
      const state = await submitDeclaration(forms, link, write, requestLocale(req, write.locale));
      await auditRequest(req, 'declaration.submit', { ...linkAudit(link), details: { revision: state.revision } });
      res.json(state);
    },
  );

  return router;
}
