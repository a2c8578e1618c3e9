// GET /console/rounds/:roundId/settings — a round's settings, each group saved through its API:
//   the round itself (organizers: PATCH /api/rounds/:id — name, questionnaire while no country
//   has answered, languages, deadline, reminder policy);
//   scoring (administrators: PUT /api/rounds/:id/scoring — South definition and HDI groups,
//   whose scores count, completeness threshold, default target, indicator weights; then
//   recompute the scores);
//   matching: a link to the matching page, where its settings are changed;
//   the webhook for integrators (organizers: PUT/DELETE /api/rounds/:id/webhook) and its
//   latest deliveries.
// Those who may not change a group see its values with the fields disabled.
import type { Router } from 'express';
import { hdiGroups } from '../../reference/reference.types';
import { responseStatusesOf } from '../../responses/response-statuses';
import { findRoundOrReject } from '../../rounds/find-round';
import { roleAllows } from '../../auth/roles';
import { mayAct, pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, type Markup } from '../html';
import type { Locale } from '../i18n';
import { consolePage, formOutput } from '../layout';
import { choiceSelect, fieldTexts, questionnaireOptions, scoresFromNames, southNames } from '../round-fields';
import { formTitle } from './rounds';
import { getRoundWebhook } from '../../webhooks/round-webhook';
import { webhookSection } from '../webhook-section';

const t = {
  title: { en: 'Settings: {name}', fr: 'Paramètres : {name}', es: 'Parámetros: {name}' },
  back: { en: 'Back to the round', fr: 'Retour au cycle', es: 'Volver a la ronda' },
  round: { en: 'The round', fr: 'Le cycle', es: 'La ronda' },
  name: { en: 'Name', fr: 'Nom', es: 'Nombre' },
  questionnaire: { en: 'Questionnaire', fr: 'Questionnaire', es: 'Cuestionario' },
  questionnaireLocked: {
    en: 'Countries have started answering, so the questionnaire can no longer change.',
    fr: 'Des pays ont commencé à répondre : le questionnaire ne peut plus changer.',
    es: 'Algunos países ya empezaron a responder: el cuestionario ya no puede cambiar.',
  },
  languages: { en: 'Languages', fr: 'Langues', es: 'Idiomas' },
  deadline: { en: 'Deadline', fr: 'Échéance', es: 'Plazo' },
  saveRound: { en: 'Save the round', fr: 'Enregistrer le cycle', es: 'Guardar la ronda' },
  contact: {
    en: 'Whom respondents may contact (shown on their page; leave both empty for none)',
    fr: 'Qui les répondants peuvent contacter (affiché sur leur page ; laissez vide pour aucun)',
    es: 'A quién pueden dirigirse los encuestados (se muestra en su página; vacío para nadie)',
  },
  contactName: { en: 'Name or team', fr: 'Nom ou équipe', es: 'Nombre o equipo' },
  contactEmail: { en: 'Email', fr: 'Courriel', es: 'Correo' },
  scoring: { en: 'Scoring', fr: 'Notation', es: 'Puntuación' },
  hdiSouth: {
    en: 'HDI groups counted as South (UNDP definition)',
    fr: 'Groupes d’IDH comptés comme Sud (définition du PNUD)',
    es: 'Grupos de IDH contados como Sur (definición del PNUD)',
  },
  threshold: {
    en: 'Completeness needed to score an area (0 to 1)',
    fr: 'Complétude requise pour noter un domaine (0 à 1)',
    es: 'Completitud necesaria para puntuar un área (0 a 1)',
  },
  target: {
    en: 'Default target level (1 to 4)',
    fr: 'Niveau cible par défaut (1 à 4)',
    es: 'Nivel objetivo por defecto (1 a 4)',
  },
  indicatorWeights: {
    en: 'Indicator weights (empty: the questionnaire’s own weight)',
    fr: 'Poids des indicateurs (vide : le poids du questionnaire)',
    es: 'Pesos de los indicadores (vacío: el peso del cuestionario)',
  },
  questionnaireWeight: { en: 'questionnaire', fr: 'questionnaire', es: 'cuestionario' },
  saveScoring: { en: 'Save the scoring settings', fr: 'Enregistrer la notation', es: 'Guardar la puntuación' },
  recompute: { en: 'Recompute the scores', fr: 'Recalculer les scores', es: 'Recalcular las puntuaciones' },
  recomputeHint: {
    en: 'Saved settings apply to scores computed from now on; recompute to apply them to the responses already in.',
    fr: 'Les paramètres enregistrés s’appliquent aux scores calculés ensuite ; recalculez pour les appliquer aux réponses déjà reçues.',
    es: 'Los parámetros guardados se aplican a las puntuaciones calculadas en adelante; recalcule para aplicarlos a las respuestas ya recibidas.',
  },
  matching: { en: 'Matching', fr: 'Mise en relation', es: 'Emparejamiento' },
  matchingHint: {
    en: 'Matching uses the definition of the South above; its other settings are on the matching page.',
    fr: 'La mise en relation utilise la définition du Sud ci-dessus ; ses autres paramètres sont sur la page de mise en relation.',
    es: 'El emparejamiento usa la definición del Sur de arriba; sus otros parámetros están en la página de emparejamiento.',
  },
  matchingLink: {
    en: 'Matching settings',
    fr: 'Paramètres de mise en relation',
    es: 'Parámetros de emparejamiento',
  },
  adminOnly: {
    en: 'Only administrators change these settings.',
    fr: 'Seuls les administrateurs changent ces paramètres.',
    es: 'Solo los administradores cambian estos parámetros.',
  },
  organizerOnly: {
    en: 'Only organizers change these settings.',
    fr: 'Seuls les organisateurs changent ces paramètres.',
    es: 'Solo los organizadores cambian estos parámetros.',
  },
} as const;

/** A number field; `value` empty leaves it to the default. */
function numberField(
  id: string,
  name: string,
  label: string,
  value: number | undefined,
  bounds: { min: number; max: number; step?: number },
  disabled: boolean,
): Markup {
  return html`<label for="${id}">${label}</label
    ><input
      id="${id}"
      name="${name}"
      type="number"
      min="${bounds.min}"
      max="${bounds.max}"
      step="${bounds.step ?? 1}"
      value="${value ?? ''}"
      data-type="number"
      ${disabled ? html`disabled` : ''}
    />`;
}

type RoundDoc = Awaited<ReturnType<typeof findRoundOrReject>>;

/**
 * One weight per indicator of the round's questionnaire. The list is sent whole (an empty field is
 * left out: the questionnaire's weight applies), so clearing every field clears every override.
 */
function weightFields(deps: ConsoleDeps, round: RoundDoc, l: Locale, disabled: boolean): Markup {
  const indicators = deps.forms.get(round.formId, round.formVersion)?.scoringModel.areas.flatMap((a) => a.indicators);
  if (!indicators?.length) return html``;
  const overrides = new Map((round.scoring?.weights ?? []).map((w) => [w.indicator, w.weight]));
  return html`<details>
    <summary>${t.indicatorWeights[l]}</summary>
    ${disabled ? '' : html`<input type="hidden" name="weights" value="[]" data-type="json" />`}
    ${indicators.map(
      (ind, i) =>
        html`${
          disabled
            ? ''
            : html`<input
                type="hidden"
                name="weights.${i}.indicator"
                value="${ind.id}"
                data-with="weights.${i}.weight"
              />`
        }${numberField(
          `settings-weight-${i}`,
          `weights.${i}.weight`,
          `${ind.id} (${t.questionnaireWeight[l]}: ${ind.weight})`,
          overrides.get(ind.id) ?? undefined,
          { min: 0, max: 1000, step: 0.1 },
          disabled,
        )}`,
    )}
  </details>`;
}

export function roundSettingsPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds/:roundId/settings', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const round = await findRoundOrReject(String(req.params.roundId));
    const roundId = String(round._id);
    const started = await responseStatusesOf(
      roundId,
      round.countries.map((c) => c.iso3),
    );
    const organizer = mayAct(ctx);
    const admin = !!ctx.account && roleAllows(ctx.account.role, 'admin');
    const roundOff = !organizer;
    const adminOff = !admin;
    const scoring: Partial<NonNullable<typeof round.scoring>> = round.scoring ?? {};
    const roundForm = html`<section aria-labelledby="round-settings">
      <h2 id="round-settings">${t.round[l]}</h2>
      ${roundOff ? html`<p>${t.organizerOnly[l]}</p>` : ''}
      <form method="post" data-api="PATCH /api/rounds/${roundId}" data-then="reload" data-output="round-output">
        <label for="settings-name">${t.name[l]}</label
        ><input
          id="settings-name"
          name="name"
          required
          maxlength="200"
          value="${round.name}"
          ${roundOff ? html`disabled` : ''}
        />
        <label for="settings-form">${t.questionnaire[l]}</label>
        <select
          id="settings-form"
          name="questionnaire"
          data-type="fields"
          ${roundOff || started.size ? html`disabled` : ''}
          ${started.size ? html`aria-describedby="form-locked"` : ''}
        >
          ${questionnaireOptions(deps.forms, (id) => formTitle(deps.forms, id, l), round)}
        </select>
        ${started.size ? html`<p id="form-locked">${t.questionnaireLocked[l]}</p>` : ''}
        <fieldset>
          <legend>${t.languages[l]}</legend>
          ${(['en', 'fr', 'es'] as const).map(
            (code) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  name="languages"
                  value="${code}"
                  data-array
                  ${round.languages.includes(code) ? html`checked` : ''}
                  ${roundOff ? html`disabled` : ''}
                />
                ${fieldTexts.languageNames[code]}</label
              >`,
          )}
        </fieldset>
        <label for="settings-deadline">${t.deadline[l]}</label
        ><input
          id="settings-deadline"
          name="deadline"
          type="date"
          data-type="date"
          required
          value="${round.deadline.toISOString().slice(0, 10)}"
          aria-describedby="settings-deadline-hint"
          ${roundOff ? html`disabled` : ''}
        />
        <p id="settings-deadline-hint">${fieldTexts.deadlineHint[l]}</p>
        ${numberField('settings-max', 'reminders.max', fieldTexts.max[l], round.reminders?.max ?? 3, { min: 0, max: 10 }, roundOff)}
        ${numberField('settings-days', 'reminders.minDaysApart', fieldTexts.daysApart[l], round.reminders?.minDaysApart ?? 7, { min: 1, max: 60 }, roundOff)}
        <fieldset>
          <legend>${t.contact[l]}</legend>
          <!-- Sent first as {}: the two fields fill it in, and both left empty remove the contact. -->
          <input type="hidden" name="contact" data-type="json" value="{}" ${roundOff ? html`disabled` : ''} />
          <label for="settings-contact-name">${t.contactName[l]}</label
          ><input
            id="settings-contact-name"
            name="contact.name"
            maxlength="200"
            value="${round.contact?.name ?? ''}"
            ${roundOff ? html`disabled` : ''}
          />
          <label for="settings-contact-email">${t.contactEmail[l]}</label
          ><input
            id="settings-contact-email"
            name="contact.email"
            type="email"
            maxlength="254"
            value="${round.contact?.email ?? ''}"
            ${roundOff ? html`disabled` : ''}
          />
        </fieldset>
        ${roundOff ? '' : html`<p><button type="submit">${t.saveRound[l]}</button></p>`}
      </form>
      ${formOutput('round-output')}
    </section>`;

    const scoringForm = html`<section aria-labelledby="scoring-settings">
      <h2 id="scoring-settings">${t.scoring[l]}</h2>
      ${adminOff ? html`<p>${t.adminOnly[l]}</p>` : ''}
      <form method="post" data-api="PUT /api/rounds/${roundId}/scoring" data-then="reload" data-output="scoring-output">
        <label for="settings-south">${fieldTexts.south[l]}</label>
        ${choiceSelect('settings-south', 'southDefinition', southNames, scoring.southDefinition ?? 'un-regions', l, adminOff)}
        <fieldset>
          <legend>${t.hdiSouth[l]}</legend>
          ${hdiGroups.map(
            (g) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  name="southHdiGroups"
                  value="${g}"
                  data-array
                  ${(scoring.southHdiGroups ?? ['Low', 'Medium']).includes(g) ? html`checked` : ''}
                  ${adminOff ? html`disabled` : ''}
                />
                ${g}</label
              >`,
          )}
        </fieldset>
        <label for="settings-scores-from">${fieldTexts.scoresFrom[l]}</label>
        ${choiceSelect('settings-scores-from', 'scoresFrom', scoresFromNames, scoring.scoresFrom ?? 'approved', l, adminOff)}
        ${numberField('settings-threshold', 'completenessThreshold', t.threshold[l], scoring.completenessThreshold ?? 0.5, { min: 0, max: 1, step: 0.05 }, adminOff)}
        ${numberField('settings-target', 'defaultTargetLevel', t.target[l], scoring.defaultTargetLevel ?? 4, { min: 1, max: 4 }, adminOff)}
        ${weightFields(deps, round, l, adminOff)}
        ${adminOff ? '' : html`<p><button type="submit">${t.saveScoring[l]}</button></p>`}
      </form>
      ${formOutput('scoring-output')}
      ${
        adminOff
          ? ''
          : html`<p id="recompute-hint">${t.recomputeHint[l]}</p>
              <form
                method="post"
                data-api="POST /api/rounds/${roundId}/scores/recompute"
                data-output="recompute-output"
              >
                <button type="submit" class="secondary" aria-describedby="recompute-hint">${t.recompute[l]}</button>
              </form>
              ${formOutput('recompute-output')}`
      }
    </section>`;

    // The matching settings have their form on the matching page, next to the runs they shape.
    const matchingLink = html`<section aria-labelledby="matching-settings">
      <h2 id="matching-settings">${t.matching[l]}</h2>
      <p>
        ${t.matchingHint[l]}
        <a href="/console/rounds/${roundId}/matching#settings">${t.matchingLink[l]}</a>
      </p>
    </section>`;

    const webhook = webhookSection(roundId, await getRoundWebhook(roundId), organizer, l);
    const body = html`<p><a href="/console/rounds/${roundId}">${t.back[l]}</a></p>
      ${roundForm}${scoringForm}${matchingLink}${webhook}`;
    sendPage(res, consolePage({ ...ctx, path: '/console/rounds' }, t.title[l].replace('{name}', round.name), body));
  });
}
