// GET /console/rounds/:roundId/gaps — the heat map of a round: countries × areas, each cell
// coloured by its band and saying its capacity and priority in text, insufficient data hatched
// with a "?" (never a colour of the scale). The heat map is itself the table view: an HTML table
// whose cells state their numbers. Sorted by plain links (?sort=country | A3.priority |
// A3.capacity) and filtered by a grouping (?group=region:Africa, a key of server/scoring/
// country-groupings.ts); no script needed. Each cell opens the country's profile.
import type { Router } from 'express';
import { findRoundOrReject } from '../../rounds/find-round';
import { roundCountryGroups } from '../../scoring/round-aggregates';
import { roundOverview, type OverviewCell, type OverviewCountry } from '../../scoring/round-overview';
import { southDefinitions } from '../../reference/global-south';
import { bandStyle } from '../charts/band-colors';
import { pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, type Markup } from '../html';
import type { Locale } from '../i18n';
import { consolePage } from '../layout';
import { roundLinks } from '../round-links';
import {
  areaName,
  dimensionNames,
  bandNames,
  formatScore,
  formatShare,
  groupName,
  insufficientData,
  responseStatusNames,
  scoresFromNotes,
  southDefinitionNames,
} from '../score-texts';
import { BANDS } from '../../scoring/score';

const t = {
  title: { en: 'Gaps', fr: 'Lacunes', es: 'Brechas' },
  intro: {
    en: 'Capacity (0–100) of each country in each area, coloured by band; P is the priority (importance × gap ÷ 5). Each cell opens the country’s profile.',
    fr: 'Capacité (0–100) de chaque pays dans chaque domaine, colorée selon l’appréciation ; P est la priorité (importance × écart ÷ 5). Chaque cellule ouvre le profil du pays.',
    es: 'Capacidad (0–100) de cada país en cada área, coloreada según la valoración; P es la prioridad (importancia × brecha ÷ 5). Cada celda abre el perfil del país.',
  },
  caption: {
    en: 'Capacity by country and area',
    fr: 'Capacité par pays et par domaine',
    es: 'Capacidad por país y área',
  },
  country: { en: 'Country', fr: 'Pays', es: 'País' },
  sortBy: { en: 'Sort by', fr: 'Trier par', es: 'Ordenar por' },
  byName: { en: 'name', fr: 'nom', es: 'nombre' },
  priority: { en: 'priority', fr: 'priorité', es: 'prioridad' },
  capacity: { en: 'capacity', fr: 'capacité', es: 'capacidad' },
  target: { en: 'target', fr: 'cible', es: 'meta' },
  completeness: { en: 'completeness', fr: 'complétude', es: 'completitud' },
  grouping: { en: 'Countries', fr: 'Pays', es: 'Países' },
  filter: { en: 'Show', fr: 'Afficher', es: 'Mostrar' },
  filterLabel: { en: 'Filter by grouping', fr: 'Filtrer par groupe', es: 'Filtrar por grupo' },
  all: { en: 'All countries', fr: 'Tous les pays', es: 'Todos los países' },
  legend: { en: 'Legend', fr: 'Légende', es: 'Leyenda' },
  // A threshold belongs to the band above it (25 is "partially meets"): say so in the legend.
  rangeBelow: { en: '{from} to under {to}', fr: 'de {from} à moins de {to}', es: 'de {from} a menos de {to}' },
  range: { en: '{from} to {to}', fr: 'de {from} à {to}', es: 'de {from} a {to}' },
  areas: { en: 'Areas', fr: 'Domaines', es: 'Áreas' },
  notInArea: { en: 'not in this form', fr: 'absent de ce questionnaire', es: 'no figura en este cuestionario' },
  none: {
    en: 'No country has scores that count yet.',
    fr: 'Aucun pays n’a encore de scores pris en compte.',
    es: 'Ningún país tiene aún puntuaciones que cuenten.',
  },
  noneInGroup: {
    en: 'No country of this grouping has scores that count yet.',
    fr: 'Aucun pays de ce groupe n’a encore de scores pris en compte.',
    es: 'Ningún país de este grupo tiene aún puntuaciones que cuenten.',
  },
  withoutScores: {
    en: 'Not in the heat map (no scores that count yet)',
    fr: 'Absents de la carte (pas encore de scores pris en compte)',
    es: 'Fuera del mapa (aún sin puntuaciones que cuenten)',
  },
} as const;

/** The filter's option groups, in this order; South keys are per definition. */
const filterDimensions = ['region', 'subregion', 'group', 'income', 'hdi'] as const;

type Sort = { kind: 'country' } | { kind: 'priority' | 'capacity'; area: string };

/** ?sort= read against the round's areas; anything else sorts by country. */
export function sortOf(value: unknown, areas: readonly string[]): Sort {
  const m = typeof value === 'string' ? /^(A[0-9]{1,2})\.(priority|capacity)$/.exec(value) : null;
  return m && areas.includes(m[1]) ? { kind: m[2] as 'priority' | 'capacity', area: m[1] } : { kind: 'country' };
}

const sortParam = (sort: Sort) => (sort.kind === 'country' ? 'country' : `${sort.area}.${sort.kind}`);

/** Highest priority first, lowest capacity first (the largest needs on top); no value last. */
function sortRows(rows: { country: OverviewCountry; name: string }[], sort: Sort, l: Locale) {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, l);
  if (sort.kind === 'country') return [...rows].sort(byName);
  const key = (c: OverviewCountry): number | null => {
    const cell = c.areas[sort.area];
    const v = cell ? cell[sort.kind] : null;
    return v === null ? null : sort.kind === 'priority' ? -v : v;
  };
  return [...rows].sort((a, b) => {
    const x = key(a.country);
    const y = key(b.country);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x - y || byName(a, b);
  });
}

function heatCell(cell: OverviewCell | undefined, href: string, who: string, l: Locale): Markup {
  if (!cell) return html`<td class="na">—<span class="visually-hidden"> ${who}: ${t.notInArea[l]}</span></td>`;
  if (cell.band === null || cell.capacity === null)
    return html`<td class="${bandStyle(null).className}">
      <a href="${href}"
        ><span class="mark" aria-hidden="true">?</span
        ><span class="visually-hidden"
          >${who}: ${insufficientData[l]} (${t.completeness[l]} ${formatShare(cell.completeness, l)})</span
        ></a
      >
    </td>`;
  const priority = cell.priority === null ? '' : formatScore(cell.priority, l);
  return html`<td class="${bandStyle(cell.band).className}">
    <a href="${href}"
      ><span class="cap" aria-hidden="true">${formatScore(cell.capacity, l)}</span
      >${priority ? html`<span class="pri" aria-hidden="true">P ${priority}</span>` : ''}<span class="visually-hidden"
        >${who}: ${bandNames[cell.band][l]}, ${t.capacity[l]} ${formatScore(cell.capacity, l)}, ${t.target[l]}
        ${formatScore(cell.target, l)}${priority ? `, ${t.priority[l]} ${priority}` : ''}</span
      ></a
    >
  </td>`;
}

/** The capacities of the i-th band, in words: "25 to under 50", the last "75 to 100". */
function bandRange(i: number, l: Locale): string {
  const last = i === BANDS.length - 1;
  return (last ? t.range : t.rangeBelow)[l]
    .replace('{from}', String(i * 25))
    .replace('{to}', String(last ? 100 : i * 25 + 25));
}

function legend(l: Locale): Markup {
  return html`<section aria-labelledby="legend">
    <h2 id="legend">${t.legend[l]}</h2>
    <ul class="band-legend">
      ${BANDS.map(
        (b, i) =>
          html`<li>
            <span class="swatch ${bandStyle(b).className}" aria-hidden="true"></span>${bandNames[b][l]}
            (${bandRange(i, l)})
          </li>`,
      )}
      <li><span class="swatch ${bandStyle(null).className}" aria-hidden="true">?</span>${insufficientData[l]}</li>
    </ul>
  </section>`;
}

export function gapsPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds/:roundId/gaps', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const round = await findRoundOrReject(String(req.params.roundId));
    const roundId = String(round._id);
    const [overview, groups] = await Promise.all([roundOverview(roundId), roundCountryGroups(round)]);
    const areas = overview.areas;
    const sort = sortOf(req.query.sort, areas);
    const known = new Set([...groups.keys.values()].flat());
    const group = typeof req.query.group === 'string' && known.has(req.query.group) ? req.query.group : '';
    const nameOf = (c: OverviewCountry) => groups.countryNames.get(c.iso3)?.[l] ?? c.name;
    const inGroup = overview.countries.filter((c) => !group || groups.keys.get(c.iso3)?.includes(group));
    const scored = sortRows(
      inGroup.filter((c) => Object.keys(c.areas).length).map((c) => ({ country: c, name: nameOf(c) })),
      sort,
      l,
    );
    const unscored = inGroup.filter((c) => !Object.keys(c.areas).length);
    const link = (s: Sort) =>
      `/console/rounds/${roundId}/gaps?sort=${encodeURIComponent(sortParam(s))}${group ? `&group=${encodeURIComponent(group)}` : ''}`;
    const formRef = { formId: round.formId, formVersion: round.formVersion };
    const optionGroups: [string, string[]][] = [
      ...filterDimensions.map((d): [string, string[]] => [
        dimensionNames[d][l],
        [...known].filter((k) => k.startsWith(`${d}:`)),
      ]),
      ...southDefinitions.map((d): [string, string[]] => [
        southDefinitionNames[d][l],
        [...known].filter((k) => k.startsWith(`south:${d}:`)),
      ]),
    ];
    const ariaSort = (s: Sort) =>
      sortParam(s) === sortParam(sort)
        ? html` aria-sort="${sort.kind === 'priority' ? 'descending' : 'ascending'}"`
        : '';

    const filter = html`<form
      method="get"
      action="/console/rounds/${roundId}/gaps"
      class="actions"
      aria-label="${t.filterLabel[l]}"
    >
      <div>
        <label for="gaps-group">${t.grouping[l]}</label
        ><select id="gaps-group" name="group">
          <option value="">${t.all[l]}</option>
          ${optionGroups
            .filter(([, keys]) => keys.length)
            .map(
              ([label, keys]) =>
                html`<optgroup label="${label}">
                  ${keys
                    .map((k) => [k, groupName(k, l, groups.groupNames)] as const)
                    .sort((a, b) => a[1].localeCompare(b[1], l))
                    .map(
                      ([k, name]) => html`<option value="${k}" ${k === group ? html` selected` : ''}>${name}</option>`,
                    )}
                </optgroup>`,
            )}
        </select>
      </div>
      <input type="hidden" name="sort" value="${sortParam(sort)}" />
      <div><button type="submit">${t.filter[l]}</button></div>
    </form>`;

    const table = html`<div class="scroll">
      <table class="heatmap" id="heatmap">
        <caption>
          ${t.caption[l]}${group ? html` — ${groupName(group, l, groups.groupNames)}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" ${ariaSort({ kind: 'country' })}>
              ${t.country[l]}
              <a class="sort" href="${link({ kind: 'country' })}"
                ><span class="visually-hidden">${t.sortBy[l]} </span>${t.byName[l]}</a
              >
            </th>
            ${areas.map((area) => {
              const name = areaName(deps.forms, formRef, area, l);
              const byPriority: Sort = { kind: 'priority', area };
              const byCapacity: Sort = { kind: 'capacity', area };
              return html`<th scope="col" ${ariaSort(byPriority)}${ariaSort(byCapacity)}>
                <span aria-hidden="true">${area}</span><span class="visually-hidden">${name}</span>
                <a class="sort" href="${link(byPriority)}"
                  ><span class="visually-hidden">${t.sortBy[l]} ${area} </span>${t.priority[l]}</a
                >
                <a class="sort" href="${link(byCapacity)}"
                  ><span class="visually-hidden">${t.sortBy[l]} ${area} </span>${t.capacity[l]}</a
                >
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${scored.map(
            ({ country: c, name }) =>
              html`<tr>
                <th scope="row"><a href="/console/rounds/${roundId}/countries/${c.iso3}/profile">${name}</a></th>
                ${areas.map((area) =>
                  heatCell(
                    c.areas[area],
                    `/console/rounds/${roundId}/countries/${c.iso3}/profile`,
                    `${name}, ${area}`,
                    l,
                  ),
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;

    const body = html`${roundLinks(roundId, l, 'gaps')}
      <p>${t.intro[l]} ${scoresFromNotes[overview.scoresFrom][l]}</p>
      ${filter} ${scored.length ? table : html`<p>${group ? t.noneInGroup[l] : t.none[l]}</p>`}
      ${
        unscored.length
          ? html`<h2 id="unscored">${t.withoutScores[l]}</h2>
              <ul class="inline-list" aria-labelledby="unscored">
                ${unscored.map(
                  (c) =>
                    html`<li>
                      <a href="/console/rounds/${roundId}/countries/${c.iso3}/profile">${nameOf(c)}</a>
                      (${responseStatusNames[c.response][l]})
                    </li>`,
                )}
              </ul>`
          : ''
      }
      ${scored.length ? legend(l) : ''}
      ${
        areas.length
          ? html`<h2 id="area-names">${t.areas[l]}</h2>
              <ul aria-labelledby="area-names">
                ${areas.map((a) => html`<li>${areaName(deps.forms, formRef, a, l)}</li>`)}
              </ul>`
          : ''
      }`;
    sendPage(res, consolePage(ctx, `${t.title[l]} — ${round.name}`, body));
  });
}
