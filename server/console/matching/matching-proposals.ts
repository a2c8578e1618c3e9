// The latest run's proposed matches on a round's matching page: one table per country that asks
// for help, one row group per area, each match with its score, its explanation in the page's
// language, its decision and the answers to its introduction. Organizers get, on a proposal,
// confirm and reject (a 409 when a newer run exists is explained next to the button), and pin
// or exclude for the next run. A run with many matches is shown one country at a time.
import { html, raw, tableHead, type Markup } from '../html';
import { formOutput } from '../layout';
import { fill, t } from './matching-texts';
import {
  pairHidden,
  pairLabel,
  pinListFields,
  pinsForm,
  samePair,
  withoutPairFields,
  type MatchingView,
  type RunView,
} from './matching-view';

type Match = RunView['matches'][number];

/** Above this many matches the page lists countries and shows one at a time. */
export const matchesShownAtOnce = 300;

const areaOrder = (a: string) => Number(a.slice(1));

function stateCell(v: MatchingView, m: Match): Markup {
  const l = v.l;
  const kind = m.status === 'rejected' || m.status === 'declined' ? 'bad' : m.status === 'proposed' ? '' : 'good';
  const d = m.decision;
  const side = (label: string, answer: { answer: 'accepted' | 'declined' } | null) =>
    html`<br />${label}: ${answer ? t.answers[answer.answer][l] : t.answers.waiting[l]}`;
  return html`<span class="state ${kind}">${t.statuses[m.status][l]}</span>${
      m.pinned ? html`<span class="state">${t.pinnedTag[l]}</span>` : ''
    }${m.kept ? html`<span class="state">${t.keptTag[l]}</span>` : ''}${
      d && d.status !== 'rejected'
        ? html`${side(t.requesterSide[l], d.requester)}${side(t.providerSide[l], d.provider)}`
        : ''
    }`;
}

function actionsCell(v: MatchingView, run: RunView, m: Match, out: string): Markup {
  const l = v.l;
  if (m.status !== 'proposed' || m.kept) return html``;
  const label = pairLabel(v, m);
  const decide = (decision: 'confirm' | 'reject') =>
    html`<form
      class="inline"
      method="post"
      data-api="POST ${v.api}/runs/${run.n}/matches/${encodeURIComponent(m.id)}/${decision}"
      data-then="reload"
      data-output="${out}"
      data-conflict="${t.olderRun[l]}"
      ${decision === 'confirm' ? html` data-confirm="${t.confirmAsk[l]}"` : ''}
    >
      <button
        type="submit"
        ${decision === 'reject' ? raw('class="secondary"') : ''}
        aria-label="${t[decision][l]}: ${label}"
      >
        ${t[decision][l]}
      </button>
    </form>`;
  const button = (text: string) =>
    html`<button type="submit" class="secondary" aria-label="${text}: ${label}">${text}</button>`;
  const pinForms = v.pins.some((p) => samePair(p, m))
    ? pinsForm(v, out, withoutPairFields(v, 'pins', m), button(t.unpin[l]))
    : html`${pinsForm(v, out, pinListFields('pins', pairHidden('pins', v.pins.length, m)), button(t.pin[l]))}
      ${pinsForm(v, out, pinListFields('exclusions', pairHidden('exclusions', v.exclusions.length, m)), button(t.exclude[l]))}`;
  return html`<span class="actions">${decide('confirm')}${decide('reject')}${pinForms}</span>`;
}

function countryTable(v: MatchingView, run: RunView, country: string, matches: Match[]): Markup {
  const l = v.l;
  const byArea = new Map<string, Match[]>();
  for (const m of matches) byArea.set(m.area, [...(byArea.get(m.area) ?? []), m]);
  const areas = [...byArea.keys()].sort((a, b) => areaOrder(a) - areaOrder(b));
  const headers = [t.area[l], t.partner[l], t.score[l], t.why[l], t.state[l], ...(v.act ? [t.actions[l]] : [])];
  return html`<table class="matches" id="matches-${country}">
    ${tableHead(`${v.countryName(country)} (${country})`, headers)}
    ${areas.map((area) => {
      const rows = byArea.get(area)!.sort((a, b) => b.score - a.score || (a.providerId < b.providerId ? -1 : 1));
      return html`<tbody>
        ${rows.map((m, i) => {
          const out = `out-${m.id.replace(/[^A-Za-z0-9-]/g, '_')}`;
          return html`<tr data-match="${m.id}">
            ${i === 0 ? html`<th scope="rowgroup" rowspan="${rows.length}">${v.areaName(area)}</th>` : ''}
            <td>${m.providerName[l]}${m.providerKind === 'government' ? html` (${t.government[l]})` : ''}</td>
            <td>${m.score.toFixed(1)}</td>
            <td>${m.explanation[l]}</td>
            <td>${stateCell(v, m)}</td>
            ${v.act ? html`<td>${actionsCell(v, run, m, out)}${formOutput(out)}</td>` : ''}
          </tr>`;
        })}
      </tbody>`;
    })}
  </table>`;
}

/** The country filter (a plain GET form) and, when too many to show at once, matches per country. */
function countryChooser(v: MatchingView, countries: [string, Match[]][], chosen: string | undefined): Markup {
  const l = v.l;
  return html`<form method="get" action="/console/rounds/${v.roundId}/matching" class="actions">
    <div>
      <label for="country-filter">${t.filter[l]}</label
      ><select id="country-filter" name="country">
        <option value="">${t.allCountries[l]}</option>
        ${countries.map(
          ([c]) =>
            html`<option value="${c}" ${c === chosen ? raw('selected') : ''}>${v.countryName(c)} (${c})</option>`,
        )}
      </select>
    </div>
    <button type="submit" class="secondary">${t.show[l]}</button>
  </form>`;
}

export function proposalsSection(v: MatchingView, chosen: string | undefined): Markup {
  const l = v.l;
  const run = v.run;
  const heading = html`<h2 id="proposals">${t.proposals[l]}</h2>`;
  if (!run)
    return html`<section aria-labelledby="proposals">
      ${heading}
      <p>${t.noRun[l]}</p>
    </section>`;
  const byCountry = new Map<string, Match[]>();
  for (const m of run.matches) byCountry.set(m.country, [...(byCountry.get(m.country) ?? []), m]);
  const countries = [...byCountry.entries()].sort(([a], [b]) => v.countryName(a).localeCompare(v.countryName(b), l));
  const shown = chosen ? countries.filter(([c]) => c === chosen) : countries;
  const tooMany = !chosen && run.matches.length > matchesShownAtOnce;
  const body = !run.matches.length
    ? html`<p>${t.noMatches[l]}</p>`
    : tooMany
      ? html`<p>${t.tooMany[l]}</p>
          <table>
            ${tableHead(t.perCountry[l], [t.country[l], t.proposals[l]])}
            <tbody>
              ${countries.map(
                ([c, ms]) =>
                  html`<tr>
                    <th scope="row">
                      <a href="/console/rounds/${v.roundId}/matching?country=${c}">${v.countryName(c)} (${c})</a>
                    </th>
                    <td>${ms.length}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
      : shown.map(([c, ms]) => countryTable(v, run, c, ms));
  return html`<section aria-labelledby="proposals">
    ${heading}
    <p>${t.proposalsHint[l]} ${fill(t.latestRun[l], run.n)}.</p>
    ${run.matches.length ? countryChooser(v, countries, chosen) : ''} ${body}
  </section>`;
}
