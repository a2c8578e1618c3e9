// GET /console/rounds/:roundId/regions?by=region — a round's scores by group: choose the grouping
// (UN M49 region or sub-region, REC/RCP, World Bank income, UNDP HDI, or the South under each of
// the three definitions), then per area a chart of each group's mean, median, min and max
// capacity, a chart of its band distribution with the countries that had insufficient data,
// and a table of the same numbers (the aggregates API's, server/scoring/round-aggregates.ts).
import type { Router } from 'express';
import { southDefinitions, type SouthDefinition } from '../../reference/global-south';
import { currentGroups } from '../../reference/reference-store';
import { findRoundOrReject } from '../../rounds/find-round';
import type { AreaAggregate, GroupAggregate } from '../../scoring/aggregate';
import type { GroupingDimension } from '../../scoring/country-groupings';
import { aggregateRound } from '../../scoring/round-aggregates';
import { BANDS } from '../../scoring/score';
import { bandBars, rangeChart } from '../charts/svg-charts';
import { pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead, type Markup } from '../html';
import type { Locale, Text } from '../i18n';
import { consolePage } from '../layout';
import { roundLinks } from '../round-links';
import {
  areaName,
  dimensionNames,
  bandNames,
  formatScore,
  groupName,
  insufficientData,
  scoresFromNotes,
  southDefinitionNames,
  tableView,
} from '../score-texts';

const t = {
  title: { en: 'Regions', fr: 'Régions', es: 'Regiones' },
  grouping: { en: 'Grouping', fr: 'Regroupement', es: 'Agrupación' },
  show: { en: 'Show', fr: 'Afficher', es: 'Mostrar' },
  scored: { en: 'Countries scored', fr: 'Pays évalués', es: 'Países evaluados' },
  none: {
    en: 'No country has scores that count yet.',
    fr: 'Aucun pays n’a encore de scores pris en compte.',
    es: 'Ningún país tiene aún puntuaciones que cuenten.',
  },
  intro: {
    en: 'Capacity (0–100) per group of countries. Countries with insufficient data in an area are counted apart and never averaged in.',
    fr: 'Capacité (0–100) par groupe de pays. Les pays aux données insuffisantes dans un domaine sont comptés à part, jamais inclus dans les moyennes.',
    es: 'Capacidad (0–100) por grupo de países. Los países con datos insuficientes en un área se cuentan aparte y nunca entran en los promedios.',
  },
  rangeTitle: {
    en: 'Capacity: mean, median, min and max',
    fr: 'Capacité : moyenne, médiane, min et max',
    es: 'Capacidad: media, mediana, mín. y máx.',
  },
  bandsTitle: { en: 'Countries by appraisal', fr: 'Pays par appréciation', es: 'Países por valoración' },
  range: { en: 'min–max', fr: 'min–max', es: 'mín.–máx.' },
  group: { en: 'Group', fr: 'Groupe', es: 'Grupo' },
  countries: { en: 'Countries', fr: 'Pays', es: 'Países' },
  scoredHere: { en: 'Scored', fr: 'Évalués', es: 'Evaluados' },
  mean: { en: 'Mean', fr: 'Moyenne', es: 'Media' },
  median: { en: 'Median', fr: 'Médiane', es: 'Mediana' },
  min: { en: 'Min', fr: 'Min', es: 'Mín.' },
  max: { en: 'Max', fr: 'Max', es: 'Máx.' },
  noScores: { en: 'no country scored', fr: 'aucun pays évalué', es: 'ningún país evaluado' },
  caption: { en: 'by group', fr: 'par groupe', es: 'por grupo' },
} as const;

/** The selector's choices: each dimension, and the South under each definition ("south:world-bank"). */
const choices: { value: string; by: GroupingDimension; south?: SouthDefinition; text: Text }[] = [
  ...(['region', 'subregion', 'group', 'income', 'hdi'] as const).map((by) => ({
    value: by,
    by,
    text: dimensionNames[by],
  })),
  ...southDefinitions.map((d) => ({
    value: `south:${d}`,
    by: 'south' as const,
    south: d,
    text: southDefinitionNames[d],
  })),
];

const stat = (v: number | undefined, l: Locale) => (v === undefined ? '—' : formatScore(v, l));

function areaSection(
  index: number,
  title: string,
  groups: { label: string; countries: number; area: AreaAggregate }[],
  l: Locale,
): Markup {
  const id = `area-${index}`;
  const describeRange = groups
    .map(({ label, area: a }) =>
      a.capacity
        ? `${label}: ${t.mean[l]} ${stat(a.capacity.mean, l)}, ${t.median[l]} ${stat(a.capacity.median, l)}, ${t.min[l]} ${stat(a.capacity.min, l)}, ${t.max[l]} ${stat(a.capacity.max, l)}`
        : `${label}: ${t.noScores[l]}`,
    )
    .join('; ');
  const describeBands = groups
    .map(
      ({ label, area: a }) =>
        `${label}: ${BANDS.map((b) => `${bandNames[b][l]} ${a.bands[b]}`).join(', ')}, ${insufficientData[l]} ${a.insufficientData}`,
    )
    .join('; ');
  return html`<section aria-labelledby="${id}">
    <h2 id="${id}">${title}</h2>
    <div class="charts">
      <figure>
        <figcaption>${t.rangeTitle[l]}</figcaption>
        ${rangeChart(
          { id: `${id}-range`, title: `${title} — ${t.rangeTitle[l]}`, desc: `${describeRange}.` },
          groups.map(({ label, area: a }) => ({ label, stats: a.capacity })),
          { range: t.range[l], mean: t.mean[l], median: t.median[l], none: t.noScores[l] },
        )}
      </figure>
      <figure>
        <figcaption>${t.bandsTitle[l]}</figcaption>
        ${bandBars(
          { id: `${id}-bands`, title: `${title} — ${t.bandsTitle[l]}`, desc: `${describeBands}.` },
          groups.map(({ label, area: a }) => ({
            label,
            bands: BANDS.map((b) => a.bands[b]),
            insufficient: a.insufficientData,
          })),
          { bands: BANDS.map((b) => bandNames[b][l]), insufficient: insufficientData[l] },
        )}
      </figure>
    </div>
    <details>
      <summary>${tableView[l]}</summary>
      <table class="numbers" id="${id}-table">
        ${tableHead(`${title} ${t.caption[l]}`, [
          t.group[l],
          t.countries[l],
          t.scoredHere[l],
          insufficientData[l],
          t.mean[l],
          t.median[l],
          t.min[l],
          t.max[l],
          ...BANDS.map((b) => bandNames[b][l]),
        ])}
        <tbody>
          ${groups.map(
            ({ label, countries, area: a }) =>
              html`<tr>
                <th scope="row">${label}</th>
                <td>${countries}</td>
                <td>${a.scored}</td>
                <td>${a.insufficientData}</td>
                <td>${stat(a.capacity?.mean, l)}</td>
                <td>${stat(a.capacity?.median, l)}</td>
                <td>${stat(a.capacity?.min, l)}</td>
                <td>${stat(a.capacity?.max, l)}</td>
                ${BANDS.map((b) => html`<td>${a.bands[b]}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </section>`;
}

export function regionsPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds/:roundId/regions', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const round = await findRoundOrReject(String(req.params.roundId));
    const roundId = String(round._id);
    const choice = choices.find((c) => c.value === req.query.by) ?? choices[0];
    const [aggregates, groupNames] = await Promise.all([
      aggregateRound(roundId, choice.by, choice.south),
      choice.by === 'group'
        ? currentGroups().then((gs) => new Map(gs.map((g) => [g.code, g.name])))
        : Promise.resolve(new Map<string, string>()),
    ]);
    const formRef = { formId: round.formId, formVersion: round.formVersion };
    const groups = aggregates.groups.map((g: GroupAggregate) => ({ ...g, label: groupName(g.group, l, groupNames) }));
    const areas = groups[0]?.areas.map((a) => a.area) ?? [];
    const selector = html`<form method="get" action="/console/rounds/${roundId}/regions" class="actions">
      <div>
        <label for="regions-by">${t.grouping[l]}</label
        ><select id="regions-by" name="by">
          ${choices.map(
            (c) => html`<option value="${c.value}" ${c === choice ? html` selected` : ''}>${c.text[l]}</option>`,
          )}
        </select>
      </div>
      <div><button type="submit">${t.show[l]}</button></div>
    </form>`;
    const body = html`${roundLinks(roundId, l, 'regions')}
      <p>${t.intro[l]} ${scoresFromNotes[aggregates.scoresFrom][l]}</p>
      ${selector}
      <p>${t.scored[l]}: <strong id="countries-scored">${aggregates.countriesScored}</strong></p>
      ${
        aggregates.countriesScored
          ? areas.map((area, i) =>
              areaSection(
                i,
                areaName(deps.forms, formRef, area, l),
                groups.map((g) => ({ label: g.label, countries: g.countries, area: g.areas[i] })),
                l,
              ),
            )
          : html`<p>${t.none[l]}</p>`
      }`;
    sendPage(res, consolePage(ctx, `${t.title[l]} — ${round.name}`, body));
  });
}
