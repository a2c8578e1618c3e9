// GET /console/rounds/:roundId/countries/:iso3/profile — a country's profile in a round: a radar
// of capacity against target per area, the areas ranked by priority, each indicator's answer and
// evidence (the answers of the revision that was scored), and the trend of capacity across the
// rounds the country answered. Every chart has a table of the same numbers.
import type { Router } from 'express';
import { displayAnswers } from '../../forms/answer-display';
import type { LoadedForm } from '../../forms/form-registry';
import { getAnswersAtRevision } from '../../responses/country-responses';
import { findRoundCountryOrReject } from '../../rounds/find-round';
import { countryTrend, type RoundScoresOfCountry } from '../../scoring/country-trend';
import { roundCountryGroups } from '../../scoring/round-aggregates';
import { countryProfile } from '../../scoring/round-overview';
import type { CountryScoreDetails } from '../../scoring/round-scores';
import type { AreaScore } from '../../scoring/score';
import { countsForScores, scoresFromOf } from '../../scoring/scores-from';
import { radarChart, trendChart } from '../charts/svg-charts';
import { pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead, type Markup } from '../html';
import { formatDateTime, type Locale } from '../i18n';
import { consolePage } from '../layout';
import { roundLinks } from '../round-links';
import {
  areaName,
  bandNames,
  formatScore,
  formatShare,
  insufficientData,
  responseStatusNames,
  tableView,
} from '../score-texts';

const t = {
  title: { en: 'Profile', fr: 'Profil', es: 'Perfil' },
  response: { en: 'Response', fr: 'Réponse', es: 'Respuesta' },
  computed: { en: 'Scores computed', fr: 'Scores calculés le', es: 'Puntuaciones calculadas el' },
  methodology: { en: 'methodology', fr: 'méthodologie', es: 'metodología' },
  counts: {
    en: 'These scores count in the round’s views.',
    fr: 'Ces scores sont pris en compte dans les vues du cycle.',
    es: 'Estas puntuaciones cuentan en las vistas de la ronda.',
  },
  notCounted: {
    en: 'These scores do not count in the round’s views yet (only approved responses count in this round).',
    fr: 'Ces scores ne sont pas encore pris en compte dans les vues du cycle (seules les réponses approuvées comptent dans ce cycle).',
    es: 'Estas puntuaciones aún no cuentan en las vistas de la ronda (en esta ronda solo cuentan las respuestas aprobadas).',
  },
  noScores: {
    en: 'No scores yet: the country has not submitted its response.',
    fr: 'Pas encore de scores : le pays n’a pas soumis sa réponse.',
    es: 'Aún no hay puntuaciones: el país no ha enviado su respuesta.',
  },
  radar: { en: 'Capacity against target', fr: 'Capacité et cible', es: 'Capacidad frente a meta' },
  radarDesc: {
    en: 'Radar chart of capacity and target (0–100) per area.',
    fr: 'Graphique en radar de la capacité et de la cible (0–100) par domaine.',
    es: 'Gráfico radial de capacidad y meta (0–100) por área.',
  },
  area: { en: 'Area', fr: 'Domaine', es: 'Área' },
  capacity: { en: 'Capacity', fr: 'Capacité', es: 'Capacidad' },
  target: { en: 'Target', fr: 'Cible', es: 'Meta' },
  gap: { en: 'Gap', fr: 'Écart', es: 'Brecha' },
  band: { en: 'Appraisal', fr: 'Appréciation', es: 'Valoración' },
  completeness: { en: 'Completeness', fr: 'Complétude', es: 'Completitud' },
  confidence: { en: 'With evidence', fr: 'Avec justificatif', es: 'Con respaldo' },
  ranking: { en: 'Priorities', fr: 'Priorités', es: 'Prioridades' },
  rankingCaption: {
    en: 'Areas by priority (importance × gap ÷ 5), highest first',
    fr: 'Domaines par priorité (importance × écart ÷ 5), la plus haute d’abord',
    es: 'Áreas por prioridad (importancia × brecha ÷ 5), la más alta primero',
  },
  rank: { en: 'Rank', fr: 'Rang', es: 'Puesto' },
  priority: { en: 'Priority', fr: 'Priorité', es: 'Prioridad' },
  importance: { en: 'Importance (1–5)', fr: 'Importance (1–5)', es: 'Importancia (1–5)' },
  noImportance: { en: 'no importance given', fr: 'importance non indiquée', es: 'importancia no indicada' },
  answers: { en: 'Answers and evidence', fr: 'Réponses et justificatifs', es: 'Respuestas y respaldos' },
  indicator: { en: 'Indicator', fr: 'Indicateur', es: 'Indicador' },
  question: { en: 'Question', fr: 'Question', es: 'Pregunta' },
  answer: { en: 'Answer', fr: 'Réponse', es: 'Respuesta' },
  evidence: { en: 'Evidence', fr: 'Justificatif', es: 'Respaldo' },
  noAnswer: { en: 'no answer', fr: 'pas de réponse', es: 'sin respuesta' },
  excluded: { en: 'excluded (weight 0)', fr: 'exclu (poids 0)', es: 'excluido (peso 0)' },
  trend: { en: 'Across rounds', fr: 'D’un cycle à l’autre', es: 'De una ronda a otra' },
  trendNone: {
    en: 'No earlier round has scores of this country that count.',
    fr: 'Aucun cycle antérieur n’a de scores de ce pays pris en compte.',
    es: 'Ninguna ronda anterior tiene puntuaciones de este país que cuenten.',
  },
  trendDesc: {
    en: 'Capacity (0–100) in each round, oldest first.',
    fr: 'Capacité (0–100) à chaque cycle, du plus ancien au plus récent.',
    es: 'Capacidad (0–100) en cada ronda, de la más antigua a la más reciente.',
  },
  trendCaption: {
    en: 'Capacity by area and round',
    fr: 'Capacité par domaine et par cycle',
    es: 'Capacidad por área y ronda',
  },
  round: { en: 'Round', fr: 'Cycle', es: 'Ronda' },
  review: { en: 'Review this response', fr: 'Examiner cette réponse', es: 'Revisar esta respuesta' },
} as const;

const score = (v: number | null, l: Locale) => (v === null ? '—' : formatScore(v, l));

function radarSection(scores: CountryScoreDetails, name: (a: string) => string, l: Locale): Markup {
  const areas = scores.areas;
  const desc = `${t.radarDesc[l]} ${areas
    .map(
      (a) =>
        `${a.area}: ${a.capacity === null ? insufficientData[l] : `${t.capacity[l]} ${score(a.capacity, l)}`}, ${t.target[l]} ${score(a.target, l)}`,
    )
    .join('; ')}.`;
  return html`<section aria-labelledby="radar">
    <h2 id="radar">${t.radar[l]}</h2>
    ${radarChart(
      { id: 'radar-chart', title: t.radar[l], desc },
      areas.map((a) => ({ label: a.area, capacity: a.capacity, target: a.target })),
      { capacity: t.capacity[l], target: t.target[l], insufficient: insufficientData[l] },
    )}
    <details>
      <summary>${tableView[l]}</summary>
      <table id="radar-table">
        ${tableHead(t.radar[l], [t.area[l], t.capacity[l], t.target[l], t.gap[l], t.band[l], t.completeness[l], t.confidence[l]])}
        <tbody>
          ${areas.map(
            (a) =>
              html`<tr>
                <th scope="row">${name(a.area)}</th>
                <td>${score(a.capacity, l)}</td>
                <td>${score(a.target, l)}</td>
                <td>${score(a.gap, l)}</td>
                <td>${a.band ? bandNames[a.band][l] : insufficientData[l]}</td>
                <td>${formatShare(a.completeness, l)}</td>
                <td>${formatShare(a.confidence, l)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </section>`;
}

/** Areas with a priority, highest first (ties by id); then the others, saying why they have none. */
export function priorityRanking<A extends Pick<AreaScore, 'area' | 'priority'>>(areas: readonly A[]): A[] {
  const ranked = areas.filter((a) => a.priority !== null).sort((a, b) => b.priority! - a.priority!);
  return [...ranked, ...areas.filter((a) => a.priority === null)];
}

function rankingSection(scores: CountryScoreDetails, name: (a: string) => string, l: Locale): Markup {
  return html`<section aria-labelledby="ranking">
    <h2 id="ranking">${t.ranking[l]}</h2>
    <table id="ranking-table">
      ${tableHead(t.rankingCaption[l], [t.rank[l], t.area[l], t.priority[l], t.importance[l], t.gap[l], t.band[l]])}
      <tbody>
        ${priorityRanking(scores.areas).map(
          (a, i) =>
            html`<tr>
              <td>${a.priority === null ? '—' : i + 1}</td>
              <th scope="row">${name(a.area)}</th>
              <td>
                ${a.priority !== null ? score(a.priority, l) : a.status === 'scored' ? t.noImportance[l] : insufficientData[l]}
              </td>
              <td>${a.importance ?? '—'}</td>
              <td>${score(a.gap, l)}</td>
              <td>${a.band ? bandNames[a.band][l] : insufficientData[l]}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/**
 * Each indicator's answer and evidence as the questionnaire words them in the page's language
 * (forms/answer-display.ts: choice texts, not codes), from the answers that were scored.
 */
function answersSection(
  scores: CountryScoreDetails,
  form: LoadedForm | undefined,
  answers: Record<string, unknown>,
  name: (a: string) => string,
  l: Locale,
): Markup {
  const shown = new Map(
    (form ? displayAnswers(form, answers, l) : []).flatMap((p) => p.questions.map((q) => [q.name, q] as const)),
  );
  const evidenceQuestion = new Map(
    form?.scoringModel.areas.flatMap((a) => a.indicators.map((i) => [i.id, i.evidenceQuestion] as const)) ?? [],
  );
  return html`<section aria-labelledby="answers">
    <h2 id="answers">${t.answers[l]}</h2>
    ${scores.areas.map(
      (a) =>
        html`<table class="indicator-answers">
          ${tableHead(name(a.area), [t.indicator[l], t.question[l], t.answer[l], t.evidence[l]])}
          <tbody>
            ${a.indicators.map((i) => {
              const question = shown.get(i.question);
              const evidence = shown.get(evidenceQuestion.get(i.id) ?? '')?.answer;
              return html`<tr>
                <th scope="row">${i.id}</th>
                <td>${question?.title ?? i.question}</td>
                <td>${question?.answer || t.noAnswer[l]}${i.weight === 0 ? html` (${t.excluded[l]})` : ''}</td>
                <td>${evidence || '—'}</td>
              </tr>`;
            })}
          </tbody>
        </table>`,
    )}
  </section>`;
}

function trendSection(trend: RoundScoresOfCountry[], name: (a: string) => string, l: Locale): Markup {
  if (trend.length < 2)
    return html`<section aria-labelledby="trend">
      <h2 id="trend">${t.trend[l]}</h2>
      <p>${t.trendNone[l]}</p>
    </section>`;
  const areas = [...new Set(trend.flatMap((r) => r.scores.areas.map((a) => a.area)))];
  const valueOf = (r: RoundScoresOfCountry, area: string) => r.scores.areas.find((a) => a.area === area);
  const cellText = (r: RoundScoresOfCountry, area: string) => {
    const a = valueOf(r, area);
    return !a ? '—' : a.capacity === null ? `? ${insufficientData[l]}` : score(a.capacity, l);
  };
  return html`<section aria-labelledby="trend">
    <h2 id="trend">${t.trend[l]}</h2>
    <div class="small-multiples">
      ${areas.map((area, k) =>
        trendChart(
          {
            id: `trend-${k}`,
            title: `${name(area)} — ${t.capacity[l]}`,
            desc: `${t.trendDesc[l]} ${trend.map((r) => `${r.name}: ${cellText(r, area)}`).join('; ')}.`,
          },
          name(area),
          trend.map((r) => ({ label: r.name, value: valueOf(r, area)?.capacity ?? null })),
        ),
      )}
    </div>
    <details>
      <summary>${tableView[l]}</summary>
      <table id="trend-table">
        ${tableHead(t.trendCaption[l], [t.area[l], ...trend.map((r) => html`${r.name} (${formatDateTime(r.deadline, l)})`)])}
        <tbody>
          ${areas.map(
            (area) =>
              html`<tr>
                <th scope="row">${name(area)}</th>
                ${trend.map((r) => html`<td>${cellText(r, area)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </section>`;
}

export function countryProfilePage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds/:roundId/countries/:iso3/profile', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const { round, country } = await findRoundCountryOrReject(String(req.params.roundId), String(req.params.iso3));
    const roundId = String(round._id);
    const [profile, groups] = await Promise.all([countryProfile(roundId, country.iso3), roundCountryGroups(round)]);
    const countryName = groups.countryNames.get(country.iso3)?.[l] ?? country.name;
    const scores = profile.scores;
    const status = profile.response.status;
    const head = html`${roundLinks(roundId, l)}
      <p><a href="/console/rounds/${roundId}/countries/${country.iso3}">${t.review[l]}</a></p>
      <p>
        ${t.response[l]}:
        ${responseStatusNames[status][l]}${
          scores
            ? html` · ${t.computed[l]} ${formatDateTime(scores.computedAt, l)} (${t.methodology[l]}
              ${scores.methodologyVersion})`
            : ''
        }
      </p>`;
    let body: Markup;
    if (!scores)
      body = html`${head}
        <p>${t.noScores[l]}</p>`;
    else {
      const form = { formId: scores.formId, formVersion: scores.formVersion };
      const name = (area: string) => areaName(deps.forms, form, area, l);
      const counted = status !== 'none' && countsForScores(status, scoresFromOf(round));
      const [answers, trend] = await Promise.all([
        getAnswersAtRevision(roundId, country.iso3, scores.responseRevision),
        countryTrend(round, country.iso3),
      ]);
      body = html`${head}
        <p>${counted ? t.counts[l] : t.notCounted[l]}</p>
        ${radarSection(scores, name, l)} ${rankingSection(scores, name, l)}
        ${answersSection(scores, deps.forms.get(form.formId, form.formVersion), answers, name, l)}
        ${trendSection(trend, name, l)}`;
    }
    sendPage(res, consolePage(ctx, `${countryName} — ${t.title[l]} — ${round.name}`, body));
  });
}
