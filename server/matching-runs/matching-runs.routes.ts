// HTTP edge of match runs, for organizers:
//   GET  /api/rounds/:roundId/matching/settings                 the round's matching settings, resolved (viewer+)
//   PUT  /api/rounds/:roundId/matching/settings                 replace them (admin)
//   GET  /api/rounds/:roundId/matching/pins                     pins and exclusions (viewer+)
//   PUT  /api/rounds/:roundId/matching/pins                     replace them; 422 naming a pair that
//                                                               does not hold (organizer+)
//   POST /api/rounds/:roundId/matching/runs                     run matching and store the run (organizer+)
//   GET  /api/rounds/:roundId/matching/runs                     the latest runs, newest first (viewer+)
//   GET  /api/rounds/:roundId/matching/runs/latest              the latest run, with decisions (viewer+)
//   GET  /api/rounds/:roundId/matching/runs/:n                  run n, with decisions (viewer+)
//   GET  /api/rounds/:roundId/matching/runs/:n/diff             pairs added, removed, changed since run n − 1 (viewer+)
//   POST /api/rounds/:roundId/matching/runs/:n/matches/:matchId/confirm|reject
//        decide (organizer+; 409 unless run n is the latest)
//   GET  /api/rounds/:roundId/matching/coverage[.csv|.xlsx]     unmet demand by area, region, grouping (viewer+)
import { Router, type Request } from 'express';
import { auditRequest, requestActor } from '../audit/audit-request';
import { requireRole } from '../auth/auth.middleware';
import type { Config } from '../config';
import { exportFormatOf, respondsWithTable, startDownload } from '../exports/start-download';
import { writeTable } from '../exports/table-writer';
import type { FormRegistry } from '../forms/form-registry';
import { AppError } from '../http/problem';
import { respondsWith } from '../http/operation-meta';
import { validateBody, noFields } from '../http/validate';
import { DEFAULT_MATCHING_SETTINGS } from '../matching/matching-settings';
import { findRoundOrReject } from '../rounds/find-round';
import { coverageColumns } from './coverage-report';
import { confirmMatch, rejectMatch } from './introductions';
import {
  findRunOrReject,
  latestRunOrReject,
  listRuns,
  roundCoverage,
  runDiff,
  runRoundMatching,
  runWithDecisions,
  type Acting,
} from './match-runs';
import {
  coverageSchema,
  matchDecisionAnswerSchema,
  matchingPinsSchema,
  matchingSettingsAnswerSchema,
  matchingSettingsSchema,
  pinsAnswerSchema,
  runAnswerSchema,
  runDiffSchema,
  runsAnswerSchema,
  type MatchingPinsInput,
  type MatchingSettingsBody,
} from './matching-runs.schemas';
import { replacePins } from './pins';
import { effectiveSettings, putMatchingSettings, roundMatchingState } from './round-matching';

/** Who acts through HTTP: the use cases record it in the audit log (as the command line does). */
const acting = (req: Request): Acting => ({
  actor: requestActor(req),
  by: req.session!.account.email,
  ...(typeof req.id === 'string' ? { requestId: req.id } : {}),
  ...(req.ip ? { ip: req.ip } : {}),
});

function runNumber(req: Request): number {
  const n = Number(req.params.n);
  if (!Number.isInteger(n) || n < 1) throw new AppError('notFound', 'Runs are numbered 1, 2, 3 …');
  return n;
}

export function matchingRunsRoutes(config: Config, forms: FormRegistry): Router {
  const router = Router();
  const base = '/api/rounds/:roundId/matching';
  const roundOf = async (req: Request) => String((await findRoundOrReject(String(req.params.roundId)))._id);

  router.get(
    `${base}/settings`,
    respondsWith(matchingSettingsAnswerSchema, {
      tag: 'Matching',
      summary: 'Read the round’s matching settings',
      description: 'Resolved: the round’s own values over the defaults.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      const round = await findRoundOrReject(String(req.params.roundId));
      const state = await roundMatchingState(String(round._id));
      res.json({
        stored: state.stored,
        showSuggestions: state.showSuggestions,
        settings: effectiveSettings(state, round),
        defaults: DEFAULT_MATCHING_SETTINGS,
      });
    },
  );

  router.put(
    `${base}/settings`,
    respondsWith(matchingSettingsAnswerSchema, {
      problems: ['unprocessable'],
      tag: 'Matching',
      summary: 'Replace the round’s matching settings',
      description: 'Audited.',
    }),
    requireRole('admin'),
    validateBody(matchingSettingsSchema),
    async (req, res) => {
      const round = await findRoundOrReject(String(req.params.roundId));
      const roundId = String(round._id);
      const state = await putMatchingSettings(roundId, req.body as MatchingSettingsBody, req.session!.account.email);
      await auditRequest(req, 'matching.settingsChange', {
        roundId,
        details: { settings: req.body as MatchingSettingsBody },
      });
      res.json({
        stored: state.stored,
        showSuggestions: state.showSuggestions,
        settings: effectiveSettings(state, round),
      });
    },
  );

  router.get(
    `${base}/pins`,
    respondsWith(pinsAnswerSchema, { tag: 'Matching', summary: 'Read the pins and exclusions' }),
    requireRole('viewer'),
    async (req, res) => {
      const state = await roundMatchingState(await roundOf(req));
      const out = (list: typeof state.pins) =>
        list.map((p) => ({ country: p.country, area: p.area, provider: p.providerId }));
      res.json({ pins: out(state.pins), exclusions: out(state.exclusions) });
    },
  );

  router.put(
    `${base}/pins`,
    respondsWith(pinsAnswerSchema, {
      problems: ['unprocessable'],
      tag: 'Matching',
      summary: 'Replace the pins and exclusions',
      description:
        'Pairs of country, area and provider (gov:ISO3 or a partner id) that every run must keep, or must never propose; 422 naming each pair that cannot hold (audited).',
    }),
    requireRole('organizer'),
    validateBody(matchingPinsSchema),
    async (req, res) => {
      const roundId = await roundOf(req);
      const body = req.body as MatchingPinsInput;
      await replacePins(forms, roundId, body, acting(req));
      res.json(body);
    },
  );

  router.post(
    `${base}/runs`,
    respondsWith(runAnswerSchema, {
      status: 201,
      problems: ['unprocessable', 'conflict'],
      tag: 'Matching',
      summary: 'Run matching',
      description:
        'Matches countries’ priority areas with partners’ offers, keeping the pins and exclusions, and stores the run as the latest (audited).',
    }),
    requireRole('organizer'),
    noFields,
    async (req, res) => {
      const roundId = await roundOf(req);
      const run = await runRoundMatching(forms, roundId, acting(req));
      res
        .status(201)
        .location(`${req.originalUrl.replace(/\/$/, '')}/${run.n}`)
        .json({ run: await runWithDecisions(run) });
    },
  );

  router.get(
    `${base}/runs`,
    respondsWith(runsAnswerSchema, { tag: 'Matching', summary: 'List the latest runs', description: 'Newest first.' }),
    requireRole('viewer'),
    async (req, res) => {
      res.json({ runs: await listRuns(await roundOf(req)) });
    },
  );

  router.get(
    `${base}/runs/latest`,
    respondsWith(runAnswerSchema, {
      tag: 'Matching',
      summary: 'Read the latest run',
      description: 'Each match with its status: proposed, confirmed, rejected, accepted or declined.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      res.json({ run: await runWithDecisions(await latestRunOrReject(await roundOf(req))) });
    },
  );

  router.get(
    `${base}/runs/:n`,
    respondsWith(runAnswerSchema, {
      tag: 'Matching',
      summary: 'Read a run',
      description: 'Run n, each match with its status.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      res.json({ run: await runWithDecisions(await findRunOrReject(await roundOf(req), runNumber(req))) });
    },
  );

  router.get(
    `${base}/runs/:n/diff`,
    respondsWith(runDiffSchema, {
      tag: 'Matching',
      summary: 'Compare a run with the one before',
      description: 'Pairs added, removed and changed since run n − 1.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      res.json(await runDiff(await roundOf(req), runNumber(req)));
    },
  );

  router.post(
    `${base}/runs/:n/matches/:matchId/:decision`,
    respondsWith(matchDecisionAnswerSchema, {
      problems: ['conflict'],
      tag: 'Matching',
      summary: 'Confirm or reject a proposed match',
      description:
        ':decision is confirm or reject; 409 unless run n is the latest. Confirming introduces both sides by email and notifies the round’s webhook (audited).',
    }),
    requireRole('organizer'),
    noFields,
    async (req, res) => {
      const decision = String(req.params.decision);
      if (decision !== 'confirm' && decision !== 'reject')
        throw new AppError('notFound', 'Decide with …/confirm or …/reject');
      const roundId = await roundOf(req);
      const n = runNumber(req);
      const matchId = String(req.params.matchId);
      if (decision === 'confirm') res.json(await confirmMatch(config.publicUrl, roundId, n, matchId, acting(req)));
      else res.json({ decision: await rejectMatch(roundId, n, matchId, acting(req)) });
    },
  );

  router.get(
    `${base}/coverage`,
    respondsWith(coverageSchema, {
      tag: 'Matching',
      summary: 'Read the unmet demand',
      description: 'What the latest run leaves uncovered, by area, M49 region and sub-region, and grouping.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      res.json(await roundCoverage(await roundOf(req)));
    },
  );

  router.get(
    `${base}/coverage.:format`,
    respondsWithTable({
      tag: 'Exports',
      summary: 'Download the unmet demand',
      description: 'The coverage report of the latest run, as CSV or XLSX (audited).',
    }),
    requireRole('viewer'),
    async (req, res) => {
      const format = exportFormatOf(req);
      const roundId = await roundOf(req);
      const report = await roundCoverage(roundId);
      await startDownload(req, res, format, `capgap-coverage-run-${report.run}`, roundId);
      await writeTable(format, { sheetName: 'Coverage', columns: coverageColumns, rows: report.rows }, res);
    },
  );

  return router;
}
