// The Express application factory. Importing this file starts nothing: server/main.ts (or a
// test) builds the app with its configuration and forms, then decides where to listen.
// A request goes: security headers → compression → request log → JSON body → session →
// feature routes → 404 → the one error handler. Under /api, an unknown address (404) or method
// (405) is answered before the body is read.
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { auditRoutes } from './audit/audit.routes';
import { csrfHeader, loadSession, sessionCookie } from './auth/auth.middleware';
import { authRoutes } from './auth/auth.routes';
import type { Config } from './config';
import type { FormRegistry } from './forms/form-registry';
import { formsRoutes } from './forms/forms.routes';
import { healthRoutes } from './health/health.routes';
import { exportsRoutes } from './exports/exports.routes';
import { checkAnswers } from './http/answer-check';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { unansweredApiRequests } from './http/unanswered-api-requests';
import { requestLogger } from './http/logger';
import { withRequestContext } from './http/request-context';
import { openApiRoutes } from './http/openapi.routes';
import { schemasRoutes } from './http/schemas.routes';
import { requestSchemas, responseSchemas } from './published-schemas';
import { requireJsonBody } from './http/validate';
import { readAppPackage } from './paths';
import type { AssetStore } from './respondent/assets';
import { respondentRoutes } from './respondent/respondent.routes';
import { remindersRoutes } from './reminders/reminders.routes';
import { reviewRoutes } from './responses/review.routes';
import { roundsRoutes } from './rounds/rounds.routes';
import { focalPointsRoutes } from './focal-points/focal-points.routes';
import { partnersRoutes } from './partners/partners.routes';
import { declarationsRoutes } from './partner-declarations/declarations.routes';
import { introductionsRoutes } from './matching-runs/introductions.routes';
import { matchingRunsRoutes } from './matching-runs/matching-runs.routes';
import { scoresRoutes } from './scoring/scores.routes';
import { referenceRoutes } from './reference/reference.routes';
import { consoleRoutes } from './console/console.routes';
import { webhooksRoutes } from './webhooks/webhooks.routes';
import { webhooksOpenApi } from './webhooks/webhook-openapi';
import { personalDataRoutes } from './personal-data/personal-data.routes';

export interface AppDeps {
  config: Config;
  logger: Logger;
  forms: FormRegistry;
  assets: AssetStore;
}

export function createApp({ config, logger, forms, assets }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');

  // Fonts only from this site: nothing on the respondent pages may call out to a third party.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'font-src': ["'self'", 'data:'] } } }));
  app.use(compression());
  app.use(requestLogger(logger));
  app.use(withRequestContext);
  // Tests check every API answer against what its route declares (the OpenAPI document's source).
  if (config.checkAnswers) app.use(checkAnswers((app.locals.answerViolations = [])));
  app.use(assets.routes());
  app.use(healthRoutes());

  app.use('/api', unansweredApiRequests(app), requireJsonBody, express.json({ limit: config.bodyLimit, strict: true }));
  app.use(cookieParser());
  app.use(loadSession);

  app.use(consoleRoutes({ config, forms, assets }));
  app.use(schemasRoutes([...requestSchemas, ...responseSchemas]));
  app.use(
    openApiRoutes(
      {
        title: 'capgap',
        version: readAppPackage().version,
        schemas: [...requestSchemas, ...responseSchemas],
        sessionCookie,
        csrfHeader,
        webhooks: webhooksOpenApi(),
      },
      (name) => assets.url(name),
    ),
  );
  app.use(authRoutes(config));
  app.use(auditRoutes());
  app.use(formsRoutes(forms, config));
  app.use(roundsRoutes(forms));
  app.use(webhooksRoutes(config));
  app.use(reviewRoutes(forms, config));
  app.use(referenceRoutes());
  app.use(focalPointsRoutes(config));
  app.use(personalDataRoutes());
  app.use(remindersRoutes(config));
  app.use(scoresRoutes(forms));
  app.use(partnersRoutes());
  app.use(declarationsRoutes(config, forms, assets));
  app.use(matchingRunsRoutes(config, forms));
  app.use(introductionsRoutes());
  app.use(exportsRoutes(forms));
  app.use(respondentRoutes(forms, assets));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
