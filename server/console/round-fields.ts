// Form fields and texts that the round pages share (creating a round, its settings): the three
// definitions of the global South, whose scores count, the questionnaire choice, the deadline
// and reminder fields' texts.
import type { FormRegistry } from '../forms/form-registry';
import { html, type Markup } from './html';
import type { Locale, Text } from './i18n';

export const southNames: Record<string, Text> = {
  'un-regions': {
    en: 'UN regions (Africa, Latin America and the Caribbean, Asia except Japan, Oceania except Australia and New Zealand)',
    fr: 'Régions de l’ONU (Afrique, Amérique latine et Caraïbes, Asie sauf le Japon, Océanie sauf Australie et Nouvelle-Zélande)',
    es: 'Regiones de la ONU (África, América Latina y el Caribe, Asia salvo Japón, Oceanía salvo Australia y Nueva Zelandia)',
  },
  'world-bank': {
    en: 'World Bank income groups (low and middle income, Gulf states excluded)',
    fr: 'Groupes de revenu de la Banque mondiale (revenu faible et intermédiaire, hors États du Golfe)',
    es: 'Grupos de ingreso del Banco Mundial (ingreso bajo y mediano, sin los Estados del Golfo)',
  },
  'undp-hdi': {
    en: 'UNDP Human Development Index groups (those ticked below)',
    fr: 'Groupes de l’indice de développement humain du PNUD (ceux cochés ci-dessous)',
    es: 'Grupos del Índice de Desarrollo Humano del PNUD (los marcados abajo)',
  },
};

export const scoresFromNames: Record<string, Text> = {
  approved: { en: 'Approved responses only', fr: 'Réponses approuvées seulement', es: 'Solo respuestas aprobadas' },
  submitted: {
    en: 'Every submitted response (also under review)',
    fr: 'Toute réponse soumise (aussi en cours d’examen)',
    es: 'Toda respuesta enviada (también en revisión)',
  },
};

export const fieldTexts = {
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
  languageNames: { en: 'English', fr: 'Français', es: 'Español' },
  south: { en: 'Definition of the global South', fr: 'Définition du Sud global', es: 'Definición del Sur global' },
  scoresFrom: { en: 'Scores count from', fr: 'Scores pris en compte', es: 'Puntuaciones que cuentan' },
} as const;

/** A select of `choices` (value → text), `current` selected. */
export function choiceSelect(
  id: string,
  name: string,
  choices: Record<string, Text>,
  current: string,
  l: Locale,
  disabled = false,
): Markup {
  return html`<select id="${id}" name="${name}" ${disabled ? html`disabled` : ''}>
    ${Object.entries(choices).map(
      ([value, text]) => html`<option value="${value}" ${value === current ? html`selected` : ''}>${text[l]}</option>`,
    )}
  </select>`;
}

/** Every version of every questionnaire, as options whose value sets both formId and formVersion. */
export function questionnaireOptions(
  forms: FormRegistry,
  title: (formId: string) => string,
  current?: { formId: string; formVersion: number },
): Markup[] {
  return forms
    .all()
    .map(
      (f) =>
        html`<option
          value="${JSON.stringify({ formId: f.formId, formVersion: f.formVersion })}"
          ${current?.formId === f.formId && current.formVersion === f.formVersion ? html`selected` : ''}
        >
          ${title(f.formId)} (v${f.formVersion})
        </option>`,
    );
}
