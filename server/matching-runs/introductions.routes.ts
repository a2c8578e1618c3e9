// HTTP edge of introduction links (no sign-in: the link's token is the key):
//   GET  /introductions/:token                    the page, with accept and decline buttons
//   POST /introductions/:token/accept|decline     the page's form (then the page again)
//   POST /api/introductions/:token/accept|decline JSON ({} as body): the decision after the answer
import { Router, type Request } from 'express';
import { requestLocale } from '../i18n/request-locale';
import { respondsWith } from '../http/operation-meta';
import { AppError } from '../http/problem';
import { noFields } from '../http/validate';
import { introductionAnswerSchema } from './matching-runs.schemas';
import { introductionErrorPage, introductionPage } from './introduction-page';
import { answerByToken, resolveIntroduction, type IntroductionView } from './introductions';

type Answer = 'accepted' | 'declined';

function answerOf(req: Request): Answer {
  const a = String(req.params.answer);
  if (a !== 'accept' && a !== 'decline') throw new AppError('notFound');
  return a === 'accept' ? 'accepted' : 'declined';
}

async function answer(req: Request): Promise<{ introduction: IntroductionView }> {
  return answerByToken(String(req.params.token), answerOf(req), req.ip);
}

export function introductionsRoutes(): Router {
  const router = Router();

  /** Errors as a page in the visitor's language (a person clicked a link in an email). */
  const page =
    (handler: (req: Request) => Promise<string>) => async (req: Request, res: import('express').Response) => {
      res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer');
      try {
        res.type('html').send(await handler(req));
      } catch (err) {
        if (!(err instanceof AppError) || err.status === 409) throw err;
        res
          .status(err.status)
          .type('html')
          .send(introductionErrorPage(requestLocale(req), err.status));
      }
    };

  router.get(
    '/introductions/:token',
    page(async (req) =>
      introductionPage(await resolveIntroduction(String(req.params.token)), String(req.params.token)),
    ),
  );

  router.post(
    '/introductions/:token/:answer',
    page(async (req) => {
      try {
        await answer(req);
      } catch (err) {
        // Answered already: the page says what this side answered.
        if (!(err instanceof AppError && err.status === 409)) throw err;
      }
      return introductionPage(await resolveIntroduction(String(req.params.token)), String(req.params.token));
    }),
  );

  router.post(
    '/api/introductions/:token/:answer',
    respondsWith(introductionAnswerSchema, {
      problems: ['linkNotFound', 'linkNotValid', 'conflict'],
      tag: 'Matching',
      summary: 'Accept or decline an introduction',
      description:
        'For the holder of an introduction link (no sign-in; {} as body): :answer is accept or decline; 409 when this side has answered already (audited).',
    }),
    noFields,
    async (req, res) => {
      const { introduction } = await answer(req);
      const after = await resolveIntroduction(String(req.params.token));
      res.set('Cache-Control', 'no-store').json({ side: introduction.side, decision: after.decision });
    },
  );

  return router;
}
