// GET /console/rounds/:roundId/settings — a round's settings, each group saved through its API:
//   the round itself (organizers: PATCH /api/rounds/:id — name, questionnaire while no country
//   has answered, languages, deadline, reminder policy);
//   scoring (administrators: PUT /api/rounds/:id/scoring — South definition and HDI groups,
//   whose scores count, completeness threshold, default target, indicator weights; then
//   recompute the scores);
//   matching (administrators: PUT /api/rounds/:id/matching/settings — empty fields take the defaults).
// Those who may not change a group see its values with the fields disabled.
import type { Router } from 'express';
import { DEFAULT_MATCHING_SETTINGS, matchingTerms } from '../../matching/matching-settings';
import { effectiveSettings, roundMatchingState } from '../../matching-runs/round-matching';
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
  deadlineHint: {
    en: 'Answers are accepted until the end of that day (UTC).',
    fr: 'Les réponses sont acceptées jusqu’à la fin de ce jour (UTC).',
    es: 'Se aceptan respuestas hasta el final de ese día (UTC).',
  },
  max: { en: 'Reminders at most', fr: 'Nombre maximal de rappels', es: 'Número máximo de recordatorios' },
  daysApart: {
    en: 'Days between reminders, at least',
    fr: 'Jours entre deux rappels, au moins',
    es: 'Días entre recordatorios, como mínimo',
  },
  saveRound: { en: 'Save the round', fr: 'Enregistrer le cycle', es: 'Guardar la ronda' },
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
    en: 'An empty field takes the default shown in its label. The definition of the South is the scoring one above.',
    fr: 'Un champ vide prend la valeur par défaut indiquée dans son libellé. La définition du Sud est celle de la notation ci-dessus.',
    es: 'Un campo vacío toma el valor por defecto indicado en su etiqueta. La definición del Sur es la de la puntuación arriba.',
  },
  partnersPerArea: { en: 'Partners per area', fr: 'Partenaires par domaine', es: 'Socios por área' },
  priorityThreshold: {
    en: 'Priority from which an area is demand (0 to 100)',
    fr: 'Priorité à partir de laquelle un domaine est une demande (0 à 100)',
    es: 'Prioridad a partir de la cual un área es demanda (0 a 100)',
  },
  peerSlotsPerArea: {
    en: 'Partnerships a peer government takes per area',
    fr: 'Partenariats qu’un gouvernement pair accepte par domaine',
    es: 'Asociaciones que un gobierno par acepta por área',
  },
  peerMinCapacity: {
    en: 'Capacity a peer government needs (0 to 100)',
    fr: 'Capacité requise d’un gouvernement pair (0 à 100)',
    es: 'Capacidad necesaria de un gobierno par (0 a 100)',
  },
  peerMinMargin: {
    en: 'Points a peer government must be above the requester',
    fr: 'Points d’avance requis d’un gouvernement pair sur le demandeur',
    es: 'Puntos que un gobierno par debe superar al solicitante',
  },
  allowMaybe: {
    en: 'A government that answered “maybe” to sharing may be proposed',
    fr: 'Un gouvernement ayant répondu « peut-être » au partage peut être proposé',
    es: 'Puede proponerse un gobierno que respondió «quizás» a compartir',
  },
  showSuggestions: {
    en: 'Show the suggestions to countries',
    fr: 'Montrer les suggestions aux pays',
    es: 'Mostrar las sugerencias a los países',
  },
  weights: { en: 'Weights of the match score', fr: 'Poids du score de mise en relation', es: 'Pesos de la puntuación' },
  defaultIs: { en: 'default', fr: 'par défaut', es: 'por defecto' },
  saveMatching: {
    en: 'Save the matching settings',
    fr: 'Enregistrer la mise en relation',
    es: 'Guardar el emparejamiento',
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
  terms: {
    strength: { en: 'Strength of the provider', fr: 'Force du fournisseur', es: 'Fortaleza del proveedor' },
    subRegion: { en: 'Same sub-region', fr: 'Même sous-région', es: 'Misma subregión' },
    groups: { en: 'Shared REC or RCP', fr: 'CER ou PCR commun', es: 'CER o PCR compartido' },
    border: { en: 'Shared border', fr: 'Frontière commune', es: 'Frontera común' },
    language: { en: 'Shared language', fr: 'Langue commune', es: 'Idioma común' },
    corridor: { en: 'Migration corridor', fr: 'Corridor migratoire', es: 'Corredor migratorio' },
    south: { en: 'Both in the South', fr: 'Tous deux au Sud', es: 'Ambos en el Sur' },
    incomeHdi: { en: 'Similar income or HDI', fr: 'Revenu ou IDH proches', es: 'Ingreso o IDH similares' },
    worksIn: { en: 'Works in the country', fr: 'Travaille dans le pays', es: 'Trabaja en el país' },
    modality: { en: 'Modality offered', fr: 'Modalité offerte', es: 'Modalidad ofrecida' },
  } as Record<string, Record<Locale, string>>,
} as const;

const languageNames = { en: 'English', fr: 'Français', es: 'Español' } as const;

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

const withDefault = (label: string, value: unknown, l: Locale) => `${label} (${t.defaultIs[l]} ${String(value)})`;

export function roundSettingsPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds/:roundId/settings', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const round = await findRoundOrReject(String(req.params.roundId));
    const roundId = String(round._id);
    const [started, matching] = await Promise.all([
      responseStatusesOf(
        roundId,
        round.countries.map((c) => c.iso3),
      ),
      roundMatchingState(roundId),
    ]);
    const organizer = mayAct(ctx);
    const admin = !!ctx.account && roleAllows(ctx.account.role, 'admin');
    const roundOff = !organizer;
    const adminOff = !admin;
    const scoring: Partial<NonNullable<typeof round.scoring>> = round.scoring ?? {};
    const stored = matching.stored;
    const d = DEFAULT_MATCHING_SETTINGS;
    const effective = effectiveSettings(matching, round);
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
                ${languageNames[code]}</label
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
        <p id="settings-deadline-hint">${t.deadlineHint[l]}</p>
        ${numberField('settings-max', 'reminders.max', t.max[l], round.reminders?.max ?? 3, { min: 0, max: 10 }, roundOff)}
        ${numberField('settings-days', 'reminders.minDaysApart', t.daysApart[l], round.reminders?.minDaysApart ?? 7, { min: 1, max: 60 }, roundOff)}
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

    const matchingForm = html`<section aria-labelledby="matching-settings">
      <h2 id="matching-settings">${t.matching[l]}</h2>
      ${adminOff ? html`<p>${t.adminOnly[l]}</p>` : ''}
      <p>${t.matchingHint[l]}</p>
      <form
        method="post"
        data-api="PUT /api/rounds/${roundId}/matching/settings"
        data-then="reload"
        data-output="matching-output"
      >
        ${numberField('m-partners', 'partnersPerArea', withDefault(t.partnersPerArea[l], d.partnersPerArea, l), stored.partnersPerArea, { min: 1, max: 20 }, adminOff)}
        ${numberField('m-priority', 'priorityThreshold', withDefault(t.priorityThreshold[l], d.priorityThreshold, l), stored.priorityThreshold, { min: 0, max: 100, step: 0.1 }, adminOff)}
        ${numberField('m-slots', 'peerSlotsPerArea', withDefault(t.peerSlotsPerArea[l], d.peerSlotsPerArea, l), stored.peerSlotsPerArea, { min: 0, max: 1000 }, adminOff)}
        ${numberField('m-capacity', 'peerMinCapacity', withDefault(t.peerMinCapacity[l], d.peerMinCapacity, l), stored.peerMinCapacity, { min: 0, max: 100, step: 0.1 }, adminOff)}
        ${numberField('m-margin', 'peerMinMargin', withDefault(t.peerMinMargin[l], d.peerMinMargin, l), stored.peerMinMargin, { min: 0, max: 100, step: 0.1 }, adminOff)}
        <label class="check"
          ><input
            type="checkbox"
            name="allowMaybe"
            ${effective.allowMaybe ? html`checked` : ''}
            ${adminOff ? html`disabled` : ''}
          />
          ${t.allowMaybe[l]}</label
        >
        <label class="check"
          ><input
            type="checkbox"
            name="showSuggestions"
            ${matching.showSuggestions ? html`checked` : ''}
            ${adminOff ? html`disabled` : ''}
          />
          ${t.showSuggestions[l]}</label
        >
        <fieldset>
          <legend>${t.weights[l]}</legend>
          ${matchingTerms.map((term) =>
            numberField(
              `m-weight-${term}`,
              `weights.${term}`,
              withDefault(t.terms[term]?.[l] ?? term, d.weights[term], l),
              stored.weights?.[term],
              { min: 0, max: 1000, step: 0.1 },
              adminOff,
            ),
          )}
        </fieldset>
        ${adminOff ? '' : html`<p><button type="submit">${t.saveMatching[l]}</button></p>`}
      </form>
      ${formOutput('matching-output')}
    </section>`;

    const body = html`<p><a href="/console/rounds/${roundId}">${t.back[l]}</a></p>
      ${roundForm}${scoringForm}${matchingForm}`;
    sendPage(res, consolePage({ ...ctx, path: '/console/rounds' }, t.title[l].replace('{name}', round.name), body));
  });
}
