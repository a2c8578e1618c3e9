// GET /console/rounds/:roundId/countries/:iso3 — review a country's response: where it stands,
// its scores per area, its answers read-only in the organizer's language (evidence included;
// SurveyJS's own display of the questionnaire on request, public/review.js, as it is too heavy
// for the page's first load), and the history of its submissions and reviews. Organizers also
// get the decision, through the API: approve, return with an overall comment and comments on
// questions (each question's comment field belongs to the return form), or reopen. A step that
// another reviewer made first comes back as 409 and is shown with the form.
import type { Router } from 'express';
import { displayAnswers, type DisplayedPage } from '../../forms/answer-display';
import { findFormOrReject } from '../../forms/find-form';
import { getResponseWithHistory, type ResponseEventView } from '../../responses/country-responses';
import { awaitsReview, hasSubmittedAnswers, type ResponseStatusOrNew } from '../../responses/response-status';
import { findRoundCountryOrReject } from '../../rounds/find-round';
import { currentCountryScoreDetails, type CountryScoreDetails } from '../../scoring/round-scores';
import type { AreaScore } from '../../scoring/score';
import { mayAct, pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead, type Markup } from '../html';
import { formatDateTime, type Locale, type Text } from '../i18n';
import { consolePage, formOutput } from '../layout';
import { bandNames, insufficientData } from '../score-texts';

const t = {
  title: { en: 'Review: ', fr: 'Examen : ', es: 'Revisión: ' },
  back: { en: 'Back to the round', fr: 'Retour au cycle', es: 'Volver a la ronda' },
  onThisPage: { en: 'On this page', fr: 'Sur cette page', es: 'En esta página' },
  response: { en: 'Response', fr: 'Réponse', es: 'Respuesta' },
  revision: { en: 'revision', fr: 'révision', es: 'revisión' },
  submittedAt: { en: 'submitted', fr: 'soumise le', es: 'enviada el' },
  statuses: {
    new: { en: 'not started', fr: 'pas commencée', es: 'sin empezar' },
    draft: { en: 'draft', fr: 'brouillon', es: 'borrador' },
    submitted: { en: 'submitted', fr: 'soumise', es: 'enviada' },
    returned: { en: 'returned to the country', fr: 'renvoyée au pays', es: 'devuelta al país' },
    resubmitted: { en: 'resubmitted', fr: 'soumise à nouveau', es: 'reenviada' },
    approved: { en: 'approved', fr: 'approuvée', es: 'aprobada' },
  } satisfies Record<ResponseStatusOrNew, Text>,
  scores: { en: 'Scores per area', fr: 'Scores par domaine', es: 'Puntuaciones por área' },
  scoresOf: {
    en: 'Scores of revision {revision}, computed',
    fr: 'Scores de la révision {revision}, calculés le',
    es: 'Puntuaciones de la revisión {revision}, calculadas el',
  },
  noScores: {
    en: 'No scores yet: they are computed when the country submits.',
    fr: 'Pas encore de scores : ils sont calculés quand le pays soumet.',
    es: 'Aún no hay puntuaciones: se calculan cuando el país envía.',
  },
  area: { en: 'Area', fr: 'Domaine', es: 'Área' },
  capacity: { en: 'Capacity', fr: 'Capacité', es: 'Capacidad' },
  target: { en: 'Target', fr: 'Cible', es: 'Meta' },
  gap: { en: 'Gap', fr: 'Écart', es: 'Brecha' },
  priority: { en: 'Priority', fr: 'Priorité', es: 'Prioridad' },
  band: { en: 'Band', fr: 'Niveau', es: 'Nivel' },
  completeness: { en: 'Answered', fr: 'Répondu', es: 'Respondido' },
  insufficient: insufficientData,
  bands: bandNames,
  answers: { en: 'Answers', fr: 'Réponses', es: 'Respuestas' },
  noAnswers: {
    en: 'The country has not saved any answers yet.',
    fr: 'Le pays n’a encore enregistré aucune réponse.',
    es: 'El país aún no ha guardado respuestas.',
  },
  notAnswered: { en: 'not answered', fr: 'sans réponse', es: 'sin respuesta' },
  evidence: { en: 'Evidence', fr: 'Justificatif', es: 'Evidencia' },
  showSurvey: {
    en: 'Show the answers as the questionnaire',
    fr: 'Afficher les réponses dans le questionnaire',
    es: 'Mostrar las respuestas en el cuestionario',
  },
  showSurveyHint: {
    en: 'Opens the questionnaire as the country filled it in, read-only (about 350 kB to download).',
    fr: 'Ouvre le questionnaire tel que le pays l’a rempli, en lecture seule (environ 350 ko à télécharger).',
    es: 'Abre el cuestionario tal como lo completó el país, de solo lectura (unos 350 kB de descarga).',
  },
  surveyFailed: {
    en: 'The questionnaire could not be loaded; check the connection and try again.',
    fr: 'Le questionnaire n’a pas pu être chargé ; vérifiez la connexion et réessayez.',
    es: 'No se pudo cargar el cuestionario; compruebe la conexión e inténtelo de nuevo.',
  },
  commentOn: { en: 'Comment on question', fr: 'Commenter la question', es: 'Comentar la pregunta' },
  commentLabel: {
    en: 'Your comment on question {n}, sent to the country with the return',
    fr: 'Votre commentaire sur la question {n}, envoyé au pays avec le renvoi',
    es: 'Su comentario sobre la pregunta {n}, enviado al país con la devolución',
  },
  sentComment: {
    en: 'Comment sent with the last return',
    fr: 'Commentaire envoyé avec le dernier renvoi',
    es: 'Comentario enviado con la última devolución',
  },
  decision: { en: 'Decision', fr: 'Décision', es: 'Decisión' },
  nothingToDecide: {
    en: 'Nothing to decide: only a submitted response can be approved or returned.',
    fr: 'Rien à décider : seule une réponse soumise peut être approuvée ou renvoyée.',
    es: 'Nada que decidir: solo una respuesta enviada puede aprobarse o devolverse.',
  },
  approve: { en: 'Approve', fr: 'Approuver', es: 'Aprobar' },
  approveHint: {
    en: 'The response then counts in the round’s results as it is.',
    fr: 'La réponse compte alors telle quelle dans les résultats du cycle.',
    es: 'La respuesta cuenta entonces tal cual en los resultados de la ronda.',
  },
  returnTitle: { en: 'Return to the country', fr: 'Renvoyer au pays', es: 'Devolver al país' },
  comment: {
    en: 'What the country should change (sent by email and shown on its questionnaire)',
    fr: 'Ce que le pays doit modifier (envoyé par courriel et affiché sur son questionnaire)',
    es: 'Qué debe cambiar el país (enviado por correo y mostrado en su cuestionario)',
  },
  returnHint: {
    en: 'Comments on specific questions, written under each answer above, are sent with it.',
    fr: 'Les commentaires sur des questions précises, écrits sous chaque réponse ci-dessus, sont envoyés avec.',
    es: 'Los comentarios sobre preguntas concretas, escritos bajo cada respuesta de arriba, se envían con ella.',
  },
  returnButton: {
    en: 'Return with these comments',
    fr: 'Renvoyer avec ces commentaires',
    es: 'Devolver con estos comentarios',
  },
  reopen: { en: 'Reopen as a draft', fr: 'Rouvrir en brouillon', es: 'Reabrir como borrador' },
  reopenHint: {
    en: 'Lets the country change its answers again, without comments.',
    fr: 'Permet au pays de modifier à nouveau ses réponses, sans commentaire.',
    es: 'Permite al país volver a cambiar sus respuestas, sin comentarios.',
  },
  reopenConfirm: {
    en: 'Reopen this response as a draft?',
    fr: 'Rouvrir cette réponse en brouillon ?',
    es: '¿Reabrir esta respuesta como borrador?',
  },
  conflict: {
    en: 'This response changed meanwhile (another reviewer, or the country). Reload the page to see where it stands.',
    fr: 'Cette réponse a changé entre-temps (un autre examinateur, ou le pays). Rechargez la page pour voir où elle en est.',
    es: 'Esta respuesta cambió mientras tanto (otro revisor, o el país). Recargue la página para ver su situación.',
  },
  history: { en: 'History', fr: 'Historique', es: 'Historial' },
  noHistory: {
    en: 'Nothing submitted yet.',
    fr: 'Rien n’a encore été soumis.',
    es: 'Aún no se ha enviado nada.',
  },
  when: { en: 'When', fr: 'Quand', es: 'Cuándo' },
  step: { en: 'Step', fr: 'Étape', es: 'Paso' },
  by: { en: 'By', fr: 'Par', es: 'Por' },
  comments: { en: 'Comments', fr: 'Commentaires', es: 'Comentarios' },
  actions: {
    submit: { en: 'submitted', fr: 'soumise', es: 'enviada' },
    resubmit: { en: 'resubmitted', fr: 'soumise à nouveau', es: 'reenviada' },
    approve: { en: 'approved', fr: 'approuvée', es: 'aprobada' },
    return: { en: 'returned', fr: 'renvoyée', es: 'devuelta' },
    reopen: { en: 'reopened', fr: 'rouverte', es: 'reabierta' },
  } satisfies Record<ResponseEventView['action'], Text>,
  countryLink: {
    en: 'a focal point (country link)',
    fr: 'un point focal (lien du pays)',
    es: 'un punto focal (enlace del país)',
  },
} as const;

/** French puts a (no-break) space before a colon. */
const colon = (l: Locale) => (l === 'fr' ? '\u00a0: ' : ': ');

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

function numberIn(l: Locale) {
  const f = new Intl.NumberFormat(l, { maximumFractionDigits: 1 });
  return (v: number | null) => (v === null ? '—' : f.format(v));
}

/** An area's name: the title of the questionnaire page that asks its first indicator. */
function areaTitles(pages: DisplayedPage[], scores: CountryScoreDetails): Map<string, string> {
  const pageOf = new Map(pages.flatMap((p) => p.questions.map((q) => [q.name, p.title] as const)));
  return new Map(scores.areas.map((a) => [a.area, pageOf.get(a.indicators[0]?.question ?? '') ?? a.area]));
}

function bandCell(a: AreaScore, l: Locale): Markup {
  if (a.status !== 'scored' || !a.band) return html`<span class="state insufficient">${t.insufficient[l]}</span>`;
  return html`<span class="band band-${a.band.replace(/ /g, '-')}">${t.bands[a.band][l]}</span>`;
}

function scoresSection(scores: CountryScoreDetails | undefined, pages: DisplayedPage[], l: Locale): Markup {
  const heading = html`<h2 id="scores">${t.scores[l]}</h2>`;
  if (!scores)
    return html`<section aria-labelledby="scores">
      ${heading}
      <p>${t.noScores[l]}</p>
    </section>`;
  const n = numberIn(l);
  const percent = new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 });
  const titles = areaTitles(pages, scores);
  return html`<section aria-labelledby="scores">
    ${heading}
    <table id="area-scores">
      ${tableHead(
        html`${fill(t.scoresOf[l], { revision: scores.responseRevision })} ${formatDateTime(scores.computedAt, l)}`,
        [t.area[l], t.capacity[l], t.target[l], t.gap[l], t.priority[l], t.band[l], t.completeness[l]],
      )}
      <tbody>
        ${scores.areas.map(
          (a) =>
            html`<tr data-area="${a.area}" data-status="${a.status}">
              <th scope="row">${titles.get(a.area)}</th>
              <td>${n(a.capacity)}</td>
              <td>${n(a.target)}</td>
              <td>${n(a.gap)}</td>
              <td>${n(a.priority)}</td>
              <td>${bandCell(a, l)}</td>
              <td>${percent.format(a.completeness)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/** The comments of the latest return, by question name (shown next to each answer). */
function lastReturnComments(history: ResponseEventView[]): Record<string, string> {
  return [...history].reverse().find((e) => e.action === 'return')?.questionComments ?? {};
}

function answersSection(
  pages: DisplayedPage[],
  history: ResponseEventView[],
  l: Locale,
  commenting: boolean,
  survey: Record<string, string>,
): Markup {
  const heading = html`<h2 id="answers">${t.answers[l]}</h2>`;
  if (!pages.some((p) => p.questions.some((q) => q.answer)))
    return html`<section aria-labelledby="answers">
      ${heading}
      <p>${t.noAnswers[l]}</p>
    </section>`;
  const sent = lastReturnComments(history);
  const attrs = Object.entries(survey).map(([k, v]) => html` data-${k}="${v}"`);
  return html`<section aria-labelledby="answers">
    ${heading}
    <div class="survey-view" id="survey-view" ${attrs}>
      <p id="survey-hint">${t.showSurveyHint[l]}</p>
      <button type="button" class="secondary" id="show-survey" aria-describedby="survey-hint">
        ${t.showSurvey[l]}
      </button>
      <div id="survey" tabindex="-1"></div>
    </div>
    ${pages.map(
      (p) =>
        html`<h3>${p.title}</h3>
          <dl class="answers">
            ${p.questions.map(
              (q) =>
                html`<div
                  class="${q.evidence ? 'answer evidence' : 'answer'}"
                  id="question-${q.name}"
                  data-question="${q.name}"
                >
                  <dt>${q.number ? html`<span class="number">${q.number}</span> ` : ''}${q.title}</dt>
                  <dd>
                    ${q.evidence ? html`<span class="state">${t.evidence[l]}</span> ` : ''}${q.answer || html`<em>${t.notAnswered[l]}</em>`}
                  </dd>
                  ${sent[q.name] ? html`<dd class="sent-comment"><strong>${t.sentComment[l]}${colon(l)}</strong>${sent[q.name]}</dd>` : ''}
                  ${commenting ? questionCommentField(q.name, q.number, l) : ''}
                </div>`,
            )}
          </dl>`,
    )}
  </section>`;
}

/** A question's comment: a field of the return form (form="return-form"), folded until wanted. */
function questionCommentField(name: string, number: string, l: Locale): Markup {
  const n = number.replace(/\.$/, '') || name;
  return html`<dd>
    <details class="question-comment">
      <summary>${t.commentOn[l]} ${n}</summary>
      <label for="comment-${name}">${fill(t.commentLabel[l], { n })}</label>
      <textarea
        id="comment-${name}"
        name="questionComments.${name}"
        form="return-form"
        rows="2"
        maxlength="2000"
      ></textarea>
    </details>
  </dd>`;
}

function decisionSection(base: string, status: ResponseStatusOrNew, l: Locale): Markup {
  const conflict = t.conflict[l];
  const decide = awaitsReview(status);
  return html`<section aria-labelledby="decision">
    <h2 id="decision">${t.decision[l]}</h2>
    ${
      decide
        ? html`<h3 id="approve">${t.approve[l]}</h3>
            <form
              method="post"
              data-api="POST ${base}/approve"
              data-then="reload"
              data-output="approve-output"
              data-conflict="${conflict}"
              aria-labelledby="approve"
            >
              <p>${t.approveHint[l]}</p>
              <p><button type="submit">${t.approve[l]}</button></p>
            </form>
            ${formOutput('approve-output')}
            <h3 id="return">${t.returnTitle[l]}</h3>
            <form
              id="return-form"
              method="post"
              data-api="POST ${base}/return"
              data-then="reload"
              data-output="return-output"
              data-conflict="${conflict}"
              aria-labelledby="return"
            >
              <label for="return-comment">${t.comment[l]}</label>
              <textarea
                id="return-comment"
                name="comment"
                rows="4"
                maxlength="5000"
                required
                aria-describedby="return-hint"
              ></textarea>
              <p id="return-hint">${t.returnHint[l]}</p>
              <p><button type="submit">${t.returnButton[l]}</button></p>
            </form>
            ${formOutput('return-output')}`
        : html`<p>${t.nothingToDecide[l]}</p>`
    }
    ${
      hasSubmittedAnswers(status)
        ? html`<h3 id="reopen">${t.reopen[l]}</h3>
            <form
              method="post"
              data-api="POST ${base}/reopen"
              data-then="reload"
              data-output="reopen-output"
              data-conflict="${conflict}"
              data-confirm="${t.reopenConfirm[l]}"
              aria-labelledby="reopen"
            >
              <p>${t.reopenHint[l]}</p>
              <p><button type="submit" class="secondary">${t.reopen[l]}</button></p>
            </form>
            ${formOutput('reopen-output')}`
        : ''
    }
  </section>`;
}

function historySection(history: ResponseEventView[], titles: Map<string, string>, l: Locale): Markup {
  const heading = html`<h2 id="history">${t.history[l]}</h2>`;
  if (!history.length)
    return html`<section aria-labelledby="history">
      ${heading}
      <p>${t.noHistory[l]}</p>
    </section>`;
  return html`<section aria-labelledby="history">
    ${heading}
    <table id="history-table">
      ${tableHead(t.history[l], [t.when[l], t.step[l], t.by[l], t.comments[l]])}
      <tbody>
        ${[...history].reverse().map(
          (e) =>
            html`<tr data-action="${e.action}">
              <td>${formatDateTime(e.at, l)}</td>
              <th scope="row">${t.actions[e.action][l]} (${t.revision[l]} ${e.revision})</th>
              <td>${e.by.kind === 'account' ? (e.by.label ?? e.by.id) : t.countryLink[l]}</td>
              <td>
                ${e.comment ? html`<p>${e.comment}</p>` : ''}
                ${
                  e.questionComments
                    ? html`<ul>
                        ${Object.entries(e.questionComments).map(
                          ([name, comment]) =>
                            html`<li><strong>${titles.get(name) ?? name}</strong>${colon(l)}${comment}</li>`,
                        )}
                      </ul>`
                    : ''
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

export function reviewPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds/:roundId/countries/:iso3', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const { round, country } = await findRoundCountryOrReject(String(req.params.roundId), String(req.params.iso3));
    const roundId = String(round._id);
    const form = findFormOrReject(deps.forms, round.formId, round.formVersion);
    const [response, scores] = await Promise.all([
      getResponseWithHistory(roundId, country.iso3),
      currentCountryScoreDetails(roundId, country.iso3),
    ]);
    const pages = displayAnswers(form, response.answers, l);
    const act = mayAct(ctx);
    const questionTitles = new Map(
      pages.flatMap((p) => p.questions.map((q) => [q.name, `${q.number} ${q.title}`.trim()] as const)),
    );
    const base = `/api/rounds/${roundId}/responses/${country.iso3}`;
    const survey = {
      'form-url': deps.assets.url(`form:${round.formId}:${round.formVersion}`),
      'answers-url': base,
      locale: l,
      failed: t.surveyFailed[l],
      'survey-css': deps.assets.url('survey.css'),
      'survey-js': deps.assets.url('survey.js'),
      ...(l !== 'en' && { 'survey-locale-js': deps.assets.url(`survey.${l}.js`) }),
      'survey-ui': deps.assets.url('survey-ui.js'),
    };
    const status = response.status;
    const body = html`<p><a href="/console/rounds/${roundId}">${t.back[l]}${colon(l)}${round.name}</a></p>
      <p id="response-status">
        ${t.response[l]}${colon(l)}
        <strong class="state${status === 'approved' ? ' good' : ''}" data-status="${status}"
          >${t.statuses[status][l]}</strong
        >
        ${status !== 'new' ? html`(${t.revision[l]} ${response.revision})` : ''}
        ${response.submittedAt ? html`· ${t.submittedAt[l]} ${formatDateTime(response.submittedAt, l)}` : ''}
      </p>
      <nav aria-label="${t.onThisPage[l]}">
        <ul class="page-links">
          <li><a href="#scores">${t.scores[l]}</a></li>
          <li><a href="#answers">${t.answers[l]}</a></li>
          ${act ? html`<li><a href="#decision">${t.decision[l]}</a></li>` : ''}
          <li><a href="#history">${t.history[l]}</a></li>
        </ul>
      </nav>
      ${scoresSection(scores, pages, l)}
      ${answersSection(pages, response.history, l, act && awaitsReview(status), survey)}
      ${act ? decisionSection(base, status, l) : ''} ${historySection(response.history, questionTitles, l)}
      <script type="module" src="${deps.assets.url('review.js')}"></script>`;
    const title = `${t.title[l]}${country.name} (${country.iso3})`;
    sendPage(res, consolePage({ ...ctx, path: req.path }, title, body));
  });
}
