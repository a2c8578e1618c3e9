// HTTP edge of scores, for organizers:
//   GET  /api/rounds/:roundId/overview                    countries × areas matrix (viewer+)
//   GET  /api/rounds/:roundId/countries/:iso3/profile     a country's scores with the answers behind them (viewer+)
//   PUT  /api/rounds/:roundId/scoring                     the round's scoring settings (admin)
//   GET  /api/rounds/:roundId/aggregates?by=region        per group and area: mean, median, bands (viewer+)
//        by = region | subregion | income | hdi | group (REC/RCP) | south (the round's definition,
//        or ?south=un-regions | world-bank | undp-hdi)
//   POST /api/rounds/:roundId/scores/recompute            score the round again, report what changed (admin)
import { auditRequest } from '../audit/audit-request';
import { Router } from 'express';
import { requireRole } from '../auth/auth.middleware';
import type { FormRegistry } from '../forms/form-registry';
import { respondsWith } from '../http/operation-meta';
import { validateBody, noFields } from '../http/validate';
import { documentsQuery } from '../http/validate-query';
import { findRoundOrReject, updateRoundScoring } from '../rounds/find-round';
import { dimensionOf, southDefinitionOf } from './country-groupings';
import { aggregateRound } from './round-aggregates';
import { countryProfile, roundOverview } from './round-overview';
import { recomputeRound } from './round-scores';
import {
  aggregatesQuerySchema,
  aggregatesResponseSchema,
  countryProfileResponseSchema,
  overviewResponseSchema,
  recomputeAnswerSchema,
  scoringAnswerSchema,
  scoringSettingsSchema,
  type ScoringSettingsInput,
} from './scoring.schemas';

export function scoresRoutes(forms: FormRegistry): Router {
  const router = Router();

  router.get(
    '/api/rounds/:roundId/overview',
    respondsWith(overviewResponseSchema, {
      tag: 'Scores',
      summary: 'Read the round’s overview',
      description: 'Countries × areas: capacity, target, gap, priority and band.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      res.json(await roundOverview(String(req.params.roundId)));
    },
  );

  router.get(
    '/api/rounds/:roundId/countries/:iso3/profile',
    respondsWith(countryProfileResponseSchema, {
      tag: 'Scores',
      summary: 'Read a country’s profile',
      description: 'Its scores per area, with the answers behind each.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      res.json(await countryProfile(String(req.params.roundId), String(req.params.iso3)));
    },
  );

  router.get(
    '/api/rounds/:roundId/aggregates',
    respondsWith(aggregatesResponseSchema, {
      tag: 'Scores',
      summary: 'Read aggregates by group',
      description:
        'Per group and area: mean, median, min, max and bands. ?by= region, subregion, income, hdi, group (REC/RCP) or south (the round’s South definition, or ?south=).',
    }),
    requireRole('viewer'),
    documentsQuery(aggregatesQuerySchema),
    async (req, res) => {
      res.json(
        await aggregateRound(String(req.params.roundId), dimensionOf(req.query.by), southDefinitionOf(req.query.south)),
      );
    },
  );

  router.put(
    '/api/rounds/:roundId/scoring',
    respondsWith(scoringAnswerSchema, {
      tag: 'Scores',
      summary: 'Replace the round’s scoring settings',
      description:
        'Completeness threshold, default target, indicator weights, South definition, whose scores count (audited).',
    }),
    requireRole('admin'),
    validateBody(scoringSettingsSchema),
    async (req, res) => {
      const round = await findRoundOrReject(String(req.params.roundId));
      const input = req.body as ScoringSettingsInput;
      const scoring = await updateRoundScoring(round._id, input as Record<string, unknown>);
      await auditRequest(req, 'scoring.settingsChange', {
        roundId: String(round._id),
        details: { changed: input as Record<string, unknown> },
      });
      res.json({ scoring });
    },
  );

  router.post(
    '/api/rounds/:roundId/scores/recompute',
    respondsWith(recomputeAnswerSchema, {
      problems: ['conflict'],
      tag: 'Scores',
      summary: 'Score the round again',
      description: 'Recomputes every country’s scores with the current settings and reports what changed (audited).',
    }),
    requireRole('admin'),
    noFields,
    async (req, res) => {
      const report = await recomputeRound(forms, String(req.params.roundId));
      await auditRequest(req, 'scoring.recompute', {
        roundId: report.roundId,
        details: {
          recomputed: report.recomputed,
          unchanged: report.unchanged,
          methodologyVersion: report.methodologyVersion,
        },
      });
      res.json(report);
    },
  );

  return router;
}
