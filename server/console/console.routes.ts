// HTTP edge of the organizer console: server-rendered pages, one file per page in pages/.
//   GET /                      landing page
//   GET /console/sign-in       sign-in form (→ POST /api/session)
//   GET /console/password      change password (→ PUT /api/session/password)
//   GET /console/rounds        rounds; create one (→ POST /api/rounds)
//   GET /console/rounds/:id    a round's dashboard: countries, focal points, import, invite, reminders,
//                              links, downloads
//   GET /console/rounds/:id/settings  a round's settings: the round (→ PATCH /api/rounds/:id), scoring, matching,
//                                     webhook
//   GET /console/rounds/:id/countries/:iso3  review a country's response: scores, answers, decision, history
//   GET /console/rounds/:id/matching  partnership matching: run, proposals, decide, pins, introductions, unmet demand
//   GET /console/rounds/:id/gaps     heat map of countries × areas by band, sortable, filtered by grouping
//   GET /console/rounds/:id/countries/:iso3/profile  a country's radar, priorities, answers, trend
//   GET /console/rounds/:id/regions  per area and group: mean, median, min, max, bands
//   GET /console/partners[/:id] the partner registry: add, edit, archive, import, export
//   GET /console/declarations[/:id] partners' self-declarations: invite, approve, return
//   GET /console/outbox[/:id]  every email with its status; one email's preview
//   GET /console/audit         the audit log with filters (admin)
//   GET /console/accounts      organizer accounts: create, role, disable (admin)
//   GET /console/personal-data everything stored about an email address: download, erase (admin)
// One file per page: a new page is a new file in pages/ and one entry in the list below.
// The pages read through the features' named functions; their buttons and forms call the JSON
// API (public/console.js), so the API's checks (roles, CSRF, schemas) are the only ones.
import { Router } from 'express';
import { consoleNotFound, type ConsoleDeps } from './console-context';
import { accountsPage } from './pages/accounts';
import { auditPage } from './pages/audit';
import { declarationsPage } from './pages/declarations';
import { countryProfilePage } from './pages/country-profile';
import { gapsPage } from './pages/gaps';
import { landingPage } from './pages/landing';
import { outboxPage } from './pages/outbox';
import { partnersPage } from './pages/partners';
import { passwordPage } from './pages/password';
import { personalDataPage } from './pages/personal-data';
import { reviewPage } from './pages/review';
import { regionsPage } from './pages/regions';
import { roundDashboardPage } from './pages/round-dashboard';
import { roundMatchingPage } from './pages/round-matching';
import { roundSettingsPage } from './pages/round-settings';
import { roundsPage } from './pages/rounds';
import { signInPage } from './pages/sign-in';

export function consoleRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  for (const page of [
    landingPage,
    signInPage,
    passwordPage,
    roundsPage,
    roundDashboardPage,
    roundSettingsPage,
    reviewPage,
    roundMatchingPage,
    gapsPage,
    countryProfilePage,
    regionsPage,
    partnersPage,
    declarationsPage,
    outboxPage,
    auditPage,
    accountsPage,
    personalDataPage,
  ])
    page(router, deps);
  router.use('/console', consoleNotFound(deps));
  return router;
}
