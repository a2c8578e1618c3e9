// What a round's matching page reports besides the proposals: the introductions of every
// confirmed pair (each side's answer), the latest run's unmet demand with its reasons, the
// coverage report (by area, region, sub-region and grouping, with its CSV and XLSX), and what
// changed since the run before.
import type { CoverageReport } from '../../matching-runs/coverage-report';
import type { RunDiff } from '../../matching-runs/run-diff';
import { formatDateTime } from '../i18n';
import { html, tableHead, type Markup } from '../html';
import { fill, t } from './matching-texts';
import { pairLabel, type MatchingView } from './matching-view';

export function introductionsSection(v: MatchingView): Markup {
  const l = v.l;
  const introduced = v.decisions.filter((d) => d.status !== 'rejected');
  const answer = (a: { answer: 'accepted' | 'declined' } | null) =>
    html`<span class="state ${a?.answer === 'declined' ? 'bad' : a ? 'good' : ''}"
      >${a ? t.answers[a.answer][l] : t.answers.waiting[l]}</span
    >`;
  return html`<section aria-labelledby="introductions">
    <h2 id="introductions">${t.introductions[l]}</h2>
    <p>
      ${t.introductionsHint[l]}
      <a href="/console/outbox?round=${v.roundId}">${t.outbox[l]}</a>
    </p>
    ${
      introduced.length
        ? html`<table id="introduction-states">
            ${tableHead(t.introductions[l], [
              t.partner[l],
              t.state[l],
              t.requesterSide[l],
              t.providerSide[l],
              t.decided[l],
            ])}
            <tbody>
              ${introduced.map(
                (d) =>
                  html`<tr>
                    <th scope="row">${pairLabel(v, d)}</th>
                    <td>${t.statuses[d.status][l]}</td>
                    <td>${answer(d.requester)}</td>
                    <td>${answer(d.provider)}</td>
                    <td>${d.decidedBy}, ${formatDateTime(d.decidedAt, l)} (${fill(t.latestRun[l], d.run)})</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${t.noIntroductions[l]}</p>`
    }
  </section>`;
}

export function unmetSection(v: MatchingView, coverage: CoverageReport | null): Markup {
  const l = v.l;
  const run = v.run;
  if (!run) return html``;
  const unmet = [...run.unmet].sort(
    (a, b) =>
      v.countryName(a.country).localeCompare(v.countryName(b.country), l) ||
      Number(a.area.slice(1)) - Number(b.area.slice(1)),
  );
  const coverageApi = `${v.api}/coverage`;
  return html`<section aria-labelledby="unmet">
    <h2 id="unmet">${t.unmet[l]}</h2>
    ${
      unmet.length
        ? html`<table id="unmet-demand">
            ${tableHead(t.unmet[l], [t.country[l], t.area[l], t.wanted[l], t.assigned[l], t.reason[l], t.eligible[l]])}
            <tbody>
              ${unmet.map(
                (u) =>
                  html`<tr>
                    <th scope="row">${v.countryName(u.country)} (${u.country})</th>
                    <td>${v.areaName(u.area)}</td>
                    <td>${u.wanted}</td>
                    <td>${u.assigned}</td>
                    <td>${t.reasons[u.reason][l]}</td>
                    <td>${u.eligible} (${u.excluded}, ${u.full})</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${t.noUnmet[l]}</p>`
    }
    <h3 id="coverage">${t.coverage[l]}</h3>
    <p>${t.coverageHint[l]}</p>
    ${
      coverage?.rows.length
        ? html`<table id="coverage-rows">
            ${tableHead(t.coverage[l], [
              t.dimension[l],
              t.key[l],
              t.gaps[l],
              t.countries[l],
              t.missing[l],
              t.reasons['no-eligible-provider'][l],
              t.reasons['all-slots-taken'][l],
              t.reasons.excluded[l],
            ])}
            <tbody>
              ${coverage.rows.map(
                (r) =>
                  html`<tr>
                    <td>${t.dimensions[r.dimension][l]}</td>
                    <th scope="row">${r.dimension === 'area' ? v.areaName(r.key) : r.key}</th>
                    <td>${r.gaps}</td>
                    <td>${r.countries}</td>
                    <td>${r.missingPartners}</td>
                    <td>${r.byReason['no-eligible-provider']}</td>
                    <td>${r.byReason['all-slots-taken']}</td>
                    <td>${r.byReason.excluded}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : ''
    }
    <p>
      ${t.download[l]}:
      <a href="${coverageApi}.csv" download>CSV</a> · <a href="${coverageApi}.xlsx" download>XLSX</a>
    </p>
  </section>`;
}

/** Each list of changes shows this many pairs at most (the API's diff has them all). */
const diffItemsShown = 100;

export function diffSection(v: MatchingView, diff: RunDiff | null): Markup {
  const l = v.l;
  if (!diff || diff.from === null || !v.run) return html``;
  const names = new Map(v.run.matches.map((m) => [m.id, m]));
  const list = (label: string, items: string[]) =>
    items.length
      ? html`<h3>${label} (${items.length})</h3>
          <ul>
            ${items.slice(0, diffItemsShown).map((i) => html`<li>${i}</li>`)}
          </ul>
          ${items.length > diffItemsShown ? html`<p>${fill(t.more[l], items.length - diffItemsShown)}</p>` : ''}`
      : '';
  const empty = !diff.added.length && !diff.removed.length && !diff.changed.length;
  return html`<section aria-labelledby="diff" id="run-diff">
    <h2 id="diff">${fill(t.diff[l], diff.from)}</h2>
    ${empty ? html`<p>${t.noChange[l]}</p>` : ''}
    ${list(
      t.added[l],
      diff.added.map((m) => `${pairLabel(v, m)} (${m.score.toFixed(1)})`),
    )}
    ${list(
      t.removed[l],
      diff.removed.map((m) => `${pairLabel(v, m)} (${m.score.toFixed(1)})`),
    )}
    ${list(
      t.changed[l],
      diff.changed.map((c) => {
        const m = names.get(c.id);
        const what = m ? pairLabel(v, m) : c.id;
        return `${what}: ${t.before[l]} ${c.before.score.toFixed(1)}, ${t.after[l]} ${c.after.score.toFixed(1)}${c.after.pinned !== c.before.pinned ? ` · ${t.pinnedTag[l]}: ${c.after.pinned ? t.yes[l] : t.no[l]}` : ''}${c.after.kept !== c.before.kept ? ` · ${t.keptTag[l]}: ${c.after.kept ? t.yes[l] : t.no[l]}` : ''}`;
      }),
    )}
  </section>`;
}
