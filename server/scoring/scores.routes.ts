// HTTP edge of scores, for organizers:
//   GET  /api/rounds/:roundId/overview                    countries × areas matrix (viewer+)
//   GET  /api/rounds/:roundId/countries/:iso3/profile     a country's scores with the answers behind them (viewer+)
//   PUT  /api/rounds/:roundId/scoring                     the round's scoring settings (admin)
//   GET  /api/rounds/:roundId/aggregates?by=region        per group and area: mean, median, bands (viewer+)
//        by = region | subregion | income | hdi | group (REC/RCP) | south (the round's definition)
//   POST /api/rounds/:roundId/scores/recompute            score the round again, report what changed (admin)
import { auditRequest } from '../audit/audit-request';
import { Router } from 'express';
import { requireRole } from '../auth/auth.middleware';
import type { FormRegistry } from '../forms/form-registry';
import { validateBody } from '../http/validate';
import { getResponseState } from '../responses/country-responses';
import { findRoundCountryOrReject, findRoundOrReject, updateRoundScoring } from '../rounds/find-round';
import { dimensionOf } from './country-groupings';
import { aggregateRound } from './round-aggregates';
import { currentCountryScoreDetails, recomputeRound } from './round-scores';
import { countedScores } from './scores-from';
import { scoringSettingsSchema, type ScoringSettingsInput } from './scoring.schemas';

/** The few figures of an area that the overview matrix shows. */
function cell(a: {
  status: string;
  capacity: number | null;
  target: number;
  gap: number | null;
  priority: number | null;
  band: string | null;
  completeness: number;
}) {
  return {
    status: a.status,
    capacity: a.capacity,
    target: a.target,
    gap: a.gap,
    priority: a.priority,
    band: a.band,
    completeness: a.completeness,
  };
}

export function scoresRoutes(forms: FormRegistry): Router {
  const router = Router();

  router.get('/api/rounds/:roundId/overview', requireRole('viewer'), async (req, res) => {
    const round = await findRoundOrReject(String(req.params.roundId));
    const { scoresFrom, scores, statuses } = await countedScores(round);
    const areas = [...new Set([...scores.values()].flatMap((s) => s.areas.map((a) => a.area)))];
    res.json({
      round: { id: String(round._id), name: round.name, formId: round.formId, formVersion: round.formVersion },
      scoresFrom,
      areas,
      countries: round.countries.map((c) => {
        const s = scores.get(c.iso3);
        return {
          iso3: c.iso3,
          name: c.name,
          response: statuses.get(c.iso3) ?? 'none',
          methodologyVersion: s?.methodologyVersion ?? null,
          computedAt: s?.computedAt ?? null,
          areas: s ? Object.fromEntries(s.areas.map((a) => [a.area, cell(a)])) : {},
        };
      }),
    });
  });

  router.get('/api/rounds/:roundId/countries/:iso3/profile', requireRole('viewer'), async (req, res) => {
    const { round, country } = await findRoundCountryOrReject(String(req.params.roundId), String(req.params.iso3));
    const response = await getResponseState(String(round._id), country.iso3);
    res.json({
      country,
      response:
        response.status !== 'new'
          ? { status: response.status, revision: response.revision, submittedAt: response.submittedAt }
          : { status: 'none' },
      scores: (await currentCountryScoreDetails(String(round._id), country.iso3)) ?? null,
    });
  });

  router.get('/api/rounds/:roundId/aggregates', requireRole('viewer'), async (req, res) => {
    res.json(await aggregateRound(String(req.params.roundId), dimensionOf(req.query.by)));
  });

  router.put(
    '/api/rounds/:roundId/scoring',
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

  router.post('/api/rounds/:roundId/scores/recompute', requireRole('admin'), async (req, res) => {
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
  });

  return router;
}
