// Words of the console's score views in en/fr/es: band names (as the respondents' profile says
// them), area names (the questionnaire's page titles), and the name of a group key such as
// "region:Africa", "income:Low income", "group:ECOWAS" or "south:world-bank:south".
import type { FormRegistry } from '../forms/form-registry';
import { areaNamesFromForm, type AreaNames } from '../matching/area-names';
import { hdiNames, incomeNames, m49Names } from '../matching/place-names';
import type { SouthDefinition } from '../reference/global-south';
import type { GroupingDimension } from '../scoring/country-groupings';
import type { Band } from '../scoring/score';
import type { Locale, Text } from './i18n';

export const bandNames: Record<Band, Text> = {
  'requires further progress': {
    en: 'requires further progress',
    fr: 'progrès supplémentaires nécessaires',
    es: 'requiere más avances',
  },
  'partially meets': { en: 'partially meets', fr: 'satisfait partiellement', es: 'cumple parcialmente' },
  meets: { en: 'meets', fr: 'satisfait', es: 'cumple' },
  'fully meets': { en: 'fully meets', fr: 'satisfait pleinement', es: 'cumple plenamente' },
};

export const insufficientData: Text = {
  en: 'insufficient data',
  fr: 'données insuffisantes',
  es: 'datos insuficientes',
};

export const southDefinitionNames: Record<SouthDefinition, Text> = {
  'un-regions': { en: 'South (UN regions)', fr: 'Sud (régions de l’ONU)', es: 'Sur (regiones de la ONU)' },
  'world-bank': {
    en: 'South (World Bank income)',
    fr: 'Sud (revenu, Banque mondiale)',
    es: 'Sur (ingreso, Banco Mundial)',
  },
  'undp-hdi': { en: 'South (UNDP HDI)', fr: 'Sud (IDH du PNUD)', es: 'Sur (IDH del PNUD)' },
};

const southStatusNames: Record<string, Text> = {
  south: { en: 'South', fr: 'Sud', es: 'Sur' },
  north: { en: 'North', fr: 'Nord', es: 'Norte' },
  unclassified: { en: 'unclassified', fr: 'non classé', es: 'sin clasificar' },
};

/** The grouping dimensions other than the South (named per definition by southDefinitionNames). */
export const dimensionNames: Record<Exclude<GroupingDimension, 'south'>, Text> = {
  region: { en: 'UN M49 region', fr: 'Région M49 de l’ONU', es: 'Región M49 de la ONU' },
  subregion: { en: 'UN M49 sub-region', fr: 'Sous-région M49 de l’ONU', es: 'Subregión M49 de la ONU' },
  group: { en: 'REC / RCP', fr: 'CER / PCR', es: 'CER / PCR' },
  income: {
    en: 'World Bank income group',
    fr: 'Groupe de revenu (Banque mondiale)',
    es: 'Grupo de ingreso (Banco Mundial)',
  },
  hdi: { en: 'UNDP HDI group', fr: 'Groupe d’IDH (PNUD)', es: 'Grupo de IDH (PNUD)' },
};

export const allCountries: Text = { en: 'All countries', fr: 'Tous les pays', es: 'Todos los países' };

const capitalized = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The name of a group key in the page's language; REC/RCP by their code and name (`groupNames`). */
export function groupName(key: string, l: Locale, groupNames: ReadonlyMap<string, string> = new Map()): string {
  if (key === 'all') return allCountries[l];
  const [dimension, ...rest] = key.split(':');
  const value = rest.join(':');
  switch (dimension) {
    case 'region':
    case 'subregion':
      return l === 'en' ? value : (m49Names[value]?.[l] ?? value);
    case 'income':
      return capitalized(incomeNames[value]?.[l] ?? value);
    case 'hdi':
      return `${{ en: 'HDI', fr: 'IDH', es: 'IDH' }[l]}: ${(hdiNames[value]?.[l] ?? value).toLocaleLowerCase()}`;
    case 'group':
      return groupNames.has(value) ? `${value} — ${groupNames.get(value)}` : value;
    case 'south': {
      const [definition, status] = value.split(':');
      const def = southDefinitionNames[definition as SouthDefinition];
      return def ? `${def[l]}: ${southStatusNames[status]?.[l] ?? status}` : value;
    }
    default:
      return key;
  }
}

const areaNameCache = new WeakMap<object, AreaNames>();

/** "A1 Data collection" in the page's language, from the round's questionnaire; the id otherwise. */
export function areaName(forms: FormRegistry, form: { formId: string; formVersion: number }, area: string, l: Locale) {
  const loaded = forms.get(form.formId, form.formVersion);
  if (!loaded) return area;
  let names = areaNameCache.get(loaded);
  if (!names) areaNameCache.set(loaded, (names = areaNamesFromForm(loaded.json as never)));
  return names[area]?.[l] ?? area;
}

/** A score as the pages show it: at most one decimal, in the page's language (58.3, 58,3). */
export const formatScore = (value: number, l: Locale): string =>
  new Intl.NumberFormat(l, { maximumFractionDigits: 1 }).format(value);

/** A share (0..1) as a whole percentage. */
export const formatShare = (value: number, l: Locale): string =>
  new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 }).format(value);

export const responseStatusNames: Record<string, Text> = {
  none: { en: 'not started', fr: 'pas commencée', es: 'sin empezar' },
  draft: { en: 'draft', fr: 'brouillon', es: 'borrador' },
  submitted: {
    en: 'submitted, awaiting review',
    fr: 'soumise, en attente d’examen',
    es: 'enviada, pendiente de revisión',
  },
  returned: { en: 'returned to the country', fr: 'renvoyée au pays', es: 'devuelta al país' },
  resubmitted: {
    en: 'resubmitted, awaiting review',
    fr: 'soumise à nouveau, en attente d’examen',
    es: 'reenviada, pendiente de revisión',
  },
  approved: { en: 'approved', fr: 'approuvée', es: 'aprobada' },
};

/** Whose scores the round's views count (its scoresFrom setting). */
export const scoresFromNotes: Record<'approved' | 'submitted', Text> = {
  approved: {
    en: 'Scores of approved responses only.',
    fr: 'Scores des réponses approuvées uniquement.',
    es: 'Solo puntuaciones de respuestas aprobadas.',
  },
  submitted: {
    en: 'Scores of every submitted response (under review or approved).',
    fr: 'Scores de toutes les réponses soumises (en examen ou approuvées).',
    es: 'Puntuaciones de todas las respuestas enviadas (en revisión o aprobadas).',
  },
};

export const tableView: Text = { en: 'Table view', fr: 'Vue en tableau', es: 'Vista de tabla' };
