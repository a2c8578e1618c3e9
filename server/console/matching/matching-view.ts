// What the parts of a round's matching page share: the language, who may act, the round's API
// path, the latest run with its decisions, the pins, and names for the countries, areas and
// partners that pairs refer to (the run's names in the page's language first, then the round's
// and the registry's). Also the hidden fields that let a button add one pair to the pins or
// exclusions: the API replaces both lists, so each form sends the current lists plus its pair.
import type { PartnerView } from '../../partners/partners';
import type { DecisionView } from '../../matching-runs/match-decisions';
import type { MatchWithDecision, StoredRun } from '../../matching-runs/match-runs';
import type { AreaNames } from '../../matching/area-names';
import type { PairRef } from '../../matching/matching.types';
import { html, type Markup } from '../html';
import type { Locale } from '../i18n';

export type RunView = Omit<StoredRun, '_id' | 'matches'> & { matches: MatchWithDecision[] };

export interface MatchingView {
  l: Locale;
  /** Organizers and admins: run, decide, pin. */
  act: boolean;
  /** Admins: change the settings. */
  admin: boolean;
  roundId: string;
  /** /api/rounds/<id>/matching */
  api: string;
  run: RunView | null;
  decisions: DecisionView[];
  pins: PairRef[];
  exclusions: PairRef[];
  countryName(iso3: string): string;
  areaName(area: string): string;
  providerName(id: string): string;
  /** Round countries and registry partners, for the forms that name a pair. */
  countries: { iso3: string; name: string }[];
  partners: PartnerView[];
}

export function namesFor(
  l: Locale,
  run: RunView | null,
  countries: { iso3: string; name: string }[],
  partners: PartnerView[],
  areaNames: AreaNames,
): Pick<MatchingView, 'countryName' | 'areaName' | 'providerName'> {
  const country = new Map(countries.map((c) => [c.iso3, c.name]));
  const provider = new Map(partners.map((p) => [p.id, p.name[l] || p.name.en]));
  const area = new Map(Object.entries(areaNames).map(([a, n]) => [a, n[l]]));
  for (const m of run?.matches ?? []) {
    country.set(m.country, m.countryName[l]);
    area.set(m.area, m.areaName[l]);
    provider.set(m.providerId, m.providerName[l]);
  }
  const countryName = (iso3: string) => country.get(iso3) ?? iso3;
  return {
    countryName,
    areaName: (a) => area.get(a) ?? a,
    providerName: (id) => provider.get(id) ?? (id.startsWith('gov:') ? countryName(id.slice(4)) : id),
  };
}

/** "Kenya · A1 Migration Policy ↔ Uganda": how a pair is named on buttons and in tables. */
export const pairLabel = (v: MatchingView, p: PairRef): string =>
  `${v.countryName(p.country)} · ${v.areaName(p.area)} ↔ ${v.providerName(p.providerId)}`;

/** The API's spelling of a pair. */
export const apiPair = (p: PairRef) => ({ country: p.country, area: p.area, provider: p.providerId });

export const samePair = (a: PairRef, b: PairRef) =>
  a.country === b.country && a.area === b.area && a.providerId === b.providerId;

/** The current lists, once on the page, read by the forms that add a pair (data-from). */
export const pinLists = (v: MatchingView): Markup =>
  html`<input type="hidden" id="matching-pins" value="${JSON.stringify(v.pins.map(apiPair))}" /><input
      type="hidden"
      id="matching-exclusions"
      value="${JSON.stringify(v.exclusions.map(apiPair))}"
    />`;

/**
 * The fields of a form that sends the current pins and exclusions with `pair` added to `to`
 * (the pair's own fields are filled by the caller: hidden for a button, selects for the form).
 */
export function pinListFields(to: 'pins' | 'exclusions', pairFields: Markup): Markup {
  const other = to === 'pins' ? 'exclusions' : 'pins';
  return html`<input type="hidden" name="${to}" data-type="json" data-from="matching-${to}" />${pairFields}<input
      type="hidden"
      name="${other}"
      data-type="json"
      data-from="matching-${other}"
    />`;
}

/** The fields of a form that sends the list `to` without `p`, and the other list as it is. */
export function withoutPairFields(v: MatchingView, to: 'pins' | 'exclusions', p: PairRef): Markup {
  const other = to === 'pins' ? 'exclusions' : 'pins';
  const rest = (to === 'pins' ? v.pins : v.exclusions).filter((q) => !samePair(q, p)).map(apiPair);
  return html`<input type="hidden" name="${to}" data-type="json" value="${JSON.stringify(rest)}" /><input
      type="hidden"
      name="${other}"
      data-type="json"
      data-from="matching-${other}"
    />`;
}

/** A form that replaces the pins and exclusions (PUT …/pins) with what its fields send, then reloads. */
export const pinsForm = (v: MatchingView, output: string, fields: Markup, button: Markup, layout = 'inline'): Markup =>
  html`<form class="${layout}" method="post" data-api="PUT ${v.api}/pins" data-then="reload" data-output="${output}">
    ${fields}${button}
  </form>`;

/** The hidden fields that name one pair as entry `index` of the list `to`. */
export const pairHidden = (to: 'pins' | 'exclusions', index: number, p: PairRef): Markup =>
  html`${(['country', 'area', 'provider'] as const).map(
    (k) => html`<input type="hidden" name="${to}.${index}.${k}" value="${k === 'provider' ? p.providerId : p[k]}" />`,
  )}`;
