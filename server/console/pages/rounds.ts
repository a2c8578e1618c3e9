// GET /console/rounds — the rounds, newest first, and (organizers) a form to create one
// (→ POST /api/rounds: questionnaire, languages, deadline, reminder policy, South definition and
// whose scores count). Each round's settings page changes these and the matching settings.
import type { Router } from 'express';
import type { FormRegistry } from '../../forms/form-registry';
import { listRounds } from '../../rounds/find-round';
import { mayAct, pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead } from '../html';
import { choiceSelect, fieldTexts, scoresFromNames, southNames } from '../round-fields';
import { formatDateTime, type Locale } from '../i18n';
import { consolePage, formOutput } from '../layout';

const t = {
  title: { en: 'Rounds', fr: 'Cycles', es: 'Rondas' },
  caption: {
    en: 'Assessment rounds, newest first',
    fr: 'Cycles d’évaluation, du plus récent au plus ancien',
    es: 'Rondas de evaluación, de la más reciente a la más antigua',
  },
  name: { en: 'Name', fr: 'Nom', es: 'Nombre' },
  questionnaire: { en: 'Questionnaire', fr: 'Questionnaire', es: 'Cuestionario' },
  languages: { en: 'Languages', fr: 'Langues', es: 'Idiomas' },
  deadline: { en: 'Deadline', fr: 'Échéance', es: 'Plazo' },
  countries: { en: 'Countries', fr: 'Pays', es: 'Países' },
  reminders: { en: 'Reminders', fr: 'Rappels', es: 'Recordatorios' },
  reminderPolicy: {
    en: 'at most {max}, {days} days apart',
    fr: 'au plus {max}, à {days} jours d’intervalle',
    es: 'como máximo {max}, con {days} días de intervalo',
  },
  none: { en: 'No rounds yet.', fr: 'Aucun cycle pour l’instant.', es: 'Todavía no hay rondas.' },
  create: { en: 'Create a round', fr: 'Créer un cycle', es: 'Crear una ronda' },
  submit: { en: 'Create the round', fr: 'Créer le cycle', es: 'Crear la ronda' },
  settings: { en: 'Settings', fr: 'Paramètres', es: 'Parámetros' },
  scoringHint: {
    en: 'Scoring and matching settings can be changed later on the round’s settings page.',
    fr: 'Les paramètres de notation et de mise en relation se changent ensuite sur la page des paramètres du cycle.',
    es: 'Los parámetros de puntuación y de emparejamiento se cambian después en la página de parámetros de la ronda.',
  },
} as const;

/** A questionnaire's title in the page's language (SurveyJS titles are a string or {default, fr, es}). */
export function formTitle(forms: FormRegistry, formId: string, locale: Locale): string {
  const title = forms.get(formId)?.json.title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const byLocale = title as Record<string, unknown>;
    const text = byLocale[locale] ?? byLocale.default ?? byLocale.en;
    if (typeof text === 'string') return text;
  }
  return formId;
}

export function roundsPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const rounds = await listRounds();
    const list = rounds.length
      ? html`<table>
          ${tableHead(t.caption[l], [t.name[l], t.questionnaire[l], t.languages[l], t.deadline[l], t.countries[l], t.reminders[l], t.settings[l]])}
          <tbody>
            ${rounds.map(
              (r) =>
                html`<tr>
                  <th scope="row"><a href="/console/rounds/${String(r._id)}">${r.name}</a></th>
                  <td>${formTitle(deps.forms, r.formId, l)} (v${r.formVersion})</td>
                  <td>${r.languages.join(', ')}</td>
                  <td>${formatDateTime(r.deadline, l)}</td>
                  <td>${r.countries.length}</td>
                  <td>
                    ${t.reminderPolicy[l].replace('{max}', String(r.reminders?.max ?? 3)).replace('{days}', String(r.reminders?.minDaysApart ?? 7))}
                  </td>
                  <td>
                    <a href="/console/rounds/${String(r._id)}/settings">${t.settings[l]}</a>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p>${t.none[l]}</p>`;
    const create = mayAct(ctx)
      ? html`<section aria-labelledby="create">
          <h2 id="create">${t.create[l]}</h2>
          <form method="post" data-api="POST /api/rounds" data-then="reload" data-output="create-output">
            <label for="round-name">${t.name[l]}</label><input id="round-name" name="name" required maxlength="200" />
            <label for="round-form">${t.questionnaire[l]}</label>
            <select id="round-form" name="formId">
              ${deps.forms
                .list()
                .filter((f) => f.purpose === 'capacity')
                .map(
                  (f) =>
                    html`<option value="${f.formId}">
                      ${formTitle(deps.forms, f.formId, l)} (v${f.formVersion})
                    </option>`,
                )}
            </select>
            <fieldset>
              <legend>${t.languages[l]}</legend>
              ${(['en', 'fr', 'es'] as const).map((code) => html`<label class="check"><input type="checkbox" name="languages" value="${code}" data-array checked /> ${fieldTexts.languageNames[code]}</label>`)}
            </fieldset>
            <label for="round-deadline">${t.deadline[l]}</label
            ><input
              id="round-deadline"
              name="deadline"
              type="date"
              data-type="date"
              required
              aria-describedby="deadline-hint"
            />
            <p id="deadline-hint">${fieldTexts.deadlineHint[l]}</p>
            <label for="round-max">${fieldTexts.max[l]}</label
            ><input id="round-max" name="reminders.max" type="number" min="0" max="10" value="3" data-type="number" />
            <label for="round-days">${fieldTexts.daysApart[l]}</label
            ><input
              id="round-days"
              name="reminders.minDaysApart"
              type="number"
              min="1"
              max="60"
              value="7"
              data-type="number"
            />
            <label for="round-south">${fieldTexts.south[l]}</label>
            ${choiceSelect('round-south', 'scoring.southDefinition', southNames, 'un-regions', l)}
            <label for="round-scores-from">${fieldTexts.scoresFrom[l]}</label>
            ${choiceSelect('round-scores-from', 'scoring.scoresFrom', scoresFromNames, 'approved', l)}
            <p>${t.scoringHint[l]}</p>
            <p><button type="submit">${t.submit[l]}</button></p>
          </form>
          ${formOutput('create-output')}
        </section>`
      : '';
    sendPage(res, consolePage(ctx, t.title[l], html`${list}${create}`));
  });
}
