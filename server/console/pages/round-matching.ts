// GET /console/rounds/:roundId/matching — a round's partnership matching: run it (→ POST
// …/matching/runs), the latest run's proposals grouped by country and area with their
// explanations in the page's language, confirm / reject (→ POST …/confirm|reject), pin and
// exclude (→ PUT …/matching/pins), the introductions and their answers, unmet demand and
// coverage (with its CSV and XLSX), the changes since the run before, and the settings (admins
// change them → PUT …/matching/settings). `?country=ISO3` shows one country's proposals.
// Viewers see everything without the buttons. The parts live in ../matching/.
import type { Router } from 'express';
import { roleAllows } from '../../auth/roles';
import { listDecisions } from '../../matching-runs/match-decisions';
import { coverageOfRun, latestRun, runDiff, runWithDecisions } from '../../matching-runs/match-runs';
import { effectiveSettings, roundMatchingState } from '../../matching-runs/round-matching';
import { areaNamesFromForm } from '../../matching/area-names';
import { listPartners } from '../../partners/partners';
import { findRoundOrReject } from '../../rounds/find-round';
import { mayAct, pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, type Markup } from '../html';
import { formatDateTime } from '../i18n';
import { consolePage } from '../layout';
import { pinsSection, runSection, settingsSection } from '../matching/matching-controls';
import { proposalsSection } from '../matching/matching-proposals';
import { diffSection, introductionsSection, unmetSection } from '../matching/matching-results';
import { fill, t } from '../matching/matching-texts';
import { namesFor, pinLists, type MatchingView } from '../matching/matching-view';

function runSummary(v: MatchingView): Markup {
  const l = v.l;
  const run = v.run;
  if (!run) return html`<p id="run-summary">${t.noRun[l]}</p>`;
  const counts = [
    [t.counts.demand[l], run.counts.demand],
    [t.counts.providers[l], run.counts.providers],
    [t.counts.matches[l], run.counts.matches],
    [t.counts.unmet[l], run.counts.unmet],
  ] as const;
  return html`<p id="run-summary">
      <strong>${fill(t.latestRun[l], run.n)}</strong>, ${formatDateTime(run.createdAt, l)} ${t.runBy[l]}
      ${run.createdBy} (${run.methodologyVersion})
    </p>
    <ul class="counts">
      ${counts.map(([label, value]) => html`<li><strong>${value}</strong>${label}</li>`)}
    </ul>`;
}

export function roundMatchingPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds/:roundId/matching', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const round = await findRoundOrReject(String(req.params.roundId));
    const roundId = String(round._id);
    const [state, stored, decisions, partners] = await Promise.all([
      roundMatchingState(roundId),
      latestRun(roundId),
      listDecisions(roundId),
      listPartners({ includeArchived: true }),
    ]);
    const [run, coverage, diff] = stored
      ? await Promise.all([
          runWithDecisions(stored, decisions),
          coverageOfRun(stored),
          stored.n > 1 ? runDiff(roundId, stored.n) : null,
        ])
      : [null, null, null];
    const form = deps.forms.get(round.formId, round.formVersion);
    const countries = round.countries.map((c) => ({ iso3: c.iso3, name: c.name }));
    const v: MatchingView = {
      l,
      act: mayAct(ctx),
      admin: !!ctx.account && roleAllows(ctx.account.role, 'admin'),
      roundId,
      api: `/api/rounds/${roundId}/matching`,
      run,
      decisions,
      pins: state.pins,
      exclusions: state.exclusions,
      countries,
      partners,
      ...namesFor(l, run, countries, partners, form ? areaNamesFromForm(form.json as never) : {}),
    };
    const asked = typeof req.query.country === 'string' ? req.query.country : undefined;
    const chosen = asked && run?.matches.some((m) => m.country === asked) ? asked : undefined;
    const body = html`<p>
        <a href="/console/rounds/${roundId}">${t.back[l]}: ${round.name}</a> ·
        <a href="/console/partners">${t.partners[l]}</a>
      </p>
      ${v.act ? pinLists(v) : ''} ${runSummary(v)} ${runSection(v)} ${proposalsSection(v, chosen)}
      ${introductionsSection(v)} ${unmetSection(v, coverage)} ${diffSection(v, diff)} ${pinsSection(v)}
      ${settingsSection(v, effectiveSettings(state, round), state.showSuggestions)}`;
    sendPage(res, consolePage({ ...ctx, path: req.path }, `${t.title[l]} — ${round.name}`, body));
  });
}
