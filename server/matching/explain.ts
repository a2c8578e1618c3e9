// Explanations of a proposed match in the reader's language: one phrase per term that counts,
// with the real numbers, joined by " · ", e.g. "Kenya 85 vs your 30 on A2 Analysis and Migration
// Profiles · both members of COMESA, IGAD and IGAD-RCP · shared border · English · 34,203
// migrants Ethiopia → Kenya · 2 of 3 slots free". Numbers, lists and language names come from
// Intl in the reader's locale; country names from the reference data, area names from the
// questionnaire (both passed in as data). Pure.
import { supportedLocales } from '../i18n/locales';
import type { CountryNames } from '../reference/reference.types';
import type { AreaNames } from './area-names';
import type { ScoredPair, TermFacts } from './candidate-score';
import type { LocalizedName, Provider } from './matching.types';
import { hdiNames, incomeNames, m49Names, modalityNames } from './place-names';

export const matchingLocales = supportedLocales;
export type MatchingLocale = (typeof matchingLocales)[number];

export interface ExplainData {
  areaNames: AreaNames;
  countryNames: ReadonlyMap<string, CountryNames>;
}

export interface MatchToExplain {
  country: string;
  area: string;
  provider: Provider;
  pair: ScoredPair;
  /** The provider's room after the run; no phrase when absent or unlimited. */
  slots?: { free: number; of: number };
}

interface Words {
  peer: (p: string, pc: string, rc: string, area: string) => string;
  organization: (p: string, area: string, modalities: string) => string;
  region: (name: string) => string;
  groups: (list: string) => string;
  border: string;
  language: (list: string) => string;
  corridor: (n: string, from: string, to: string) => string;
  south: string;
  similar: (parts: string) => string;
  income: (text: string) => string;
  hdi: (text: string) => string;
  worksIn: (place: string) => string;
  worldwide: string;
  modality: (list: string) => string;
  slots: (free: number, freeText: string, of: string) => string;
}

const frenchPlural = new Intl.PluralRules('fr');

const words: Record<MatchingLocale, Words> = {
  en: {
    peer: (p, pc, rc, area) => `${p} ${pc} vs your ${rc} on ${area}`,
    organization: (p, area, m) => `${p} offers ${area}${m ? ` (${m})` : ''}`,
    region: (name) => `both in ${name}`,
    groups: (list) => `both members of ${list}`,
    border: 'shared border',
    language: (list) => list,
    corridor: (n, from, to) => `${n} migrants ${from} → ${to}`,
    south: 'both in the global South',
    similar: (parts) => `similar level: ${parts}`,
    income: (t) => t,
    hdi: (t) => `HDI ${t}`,
    worksIn: (place) => `works in ${place}`,
    worldwide: 'works worldwide',
    modality: (list) => `matches your wish for ${list}`,
    slots: (_free, free, of) => `${free} of ${of} slots free`,
  },
  fr: {
    peer: (p, pc, rc, area) => `${p} ${pc} contre ${rc} pour vous en ${area}`,
    organization: (p, area, m) => `${p} propose ${area}${m ? ` (${m})` : ''}`,
    region: (name) => `même région : ${name}`,
    groups: (list) => `membres communs de ${list}`,
    border: 'frontière commune',
    language: (list) => `langue : ${list}`,
    corridor: (n, from, to) => `${n} migrants ${from} → ${to}`,
    south: 'tous deux du Sud global',
    similar: (parts) => `niveaux proches : ${parts}`,
    income: (t) => t,
    hdi: (t) => `IDH ${t}`,
    worksIn: (place) => `zone d'action : ${place}`,
    worldwide: 'action mondiale',
    modality: (list) => `répond à votre souhait : ${list}`,
    slots: (free, freeText, of) =>
      frenchPlural.select(free) === 'one' ? `${freeText} place libre sur ${of}` : `${freeText} places libres sur ${of}`,
  },
  es: {
    peer: (p, pc, rc, area) => `${p} ${pc} frente a sus ${rc} en ${area}`,
    organization: (p, area, m) => `${p} ofrece ${area}${m ? ` (${m})` : ''}`,
    region: (name) => `ambos en ${name}`,
    groups: (list) => `ambos miembros de ${list}`,
    border: 'frontera común',
    language: (list) => `idioma: ${list}`,
    corridor: (n, from, to) => `${n} migrantes ${from} → ${to}`,
    south: 'ambos del Sur global',
    similar: (parts) => `niveles cercanos: ${parts}`,
    income: (t) => t,
    hdi: (t) => `IDH ${t}`,
    worksIn: (place) => `trabaja en ${place}`,
    worldwide: 'trabaja en todo el mundo',
    modality: (list) => `responde a su deseo: ${list}`,
    slots: (_free, free, of) => `${free} de ${of} plazas libres`,
  },
};

const nameIn = (name: LocalizedName, locale: MatchingLocale) => name[locale] ?? name.en;

interface Formatters {
  number: Intl.NumberFormat;
  list: Intl.ListFormat;
  languages: Intl.DisplayNames;
}

// Intl objects are costly to build and immutable: one set per locale, shared by every call.
const formatterCache = new Map<MatchingLocale, Formatters>();
function formattersOf(locale: MatchingLocale): Formatters {
  let f = formatterCache.get(locale);
  if (!f) {
    f = {
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      list: new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
      languages: new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }),
    };
    formatterCache.set(locale, f);
  }
  return f;
}

/** One phrase per term that adds to the score (and the partner's room), in term order. */
export function explainPhrases(match: MatchToExplain, locale: MatchingLocale, data: ExplainData): string[] {
  const w = words[locale];
  const { number, languages: languageName } = formattersOf(locale);
  const list = (items: string[]) => formattersOf(locale).list.format(items);
  const country = (iso3: string) => data.countryNames.get(iso3)?.[locale] ?? iso3;
  const region = (name: string) => (locale === 'en' ? name : (m49Names[name]?.[locale] ?? name));
  const area = data.areaNames[match.area]?.[locale] ?? match.area;
  const provider = match.provider.name
    ? nameIn(match.provider.name, locale)
    : country(match.provider.country ?? match.provider.id);
  const modalities = (ms: readonly string[]) => list(ms.map((m) => modalityNames[m]?.[locale] ?? m));

  const phrase = (f: TermFacts): string | null => {
    switch (f.term) {
      case 'strength':
        return f.providerCapacity === null
          ? w.organization(provider, area, modalities(f.modalities))
          : w.peer(provider, number.format(f.providerCapacity), number.format(f.requesterCapacity), area);
      case 'subRegion':
        return f.region ? w.region(region(f.region)) : null;
      case 'groups':
        return w.groups(list(f.shared));
      case 'border':
        return w.border;
      case 'language':
        return w.language(list(f.shared.map((code) => languageName.of(code) ?? code)));
      case 'corridor': {
        const ways = [
          [f.fromRequester, f.requester, f.provider],
          [f.toRequester, f.provider, f.requester],
        ] as const;
        return ways
          .filter(([n]) => n > 0)
          .map(([n, from, to]) => w.corridor(number.format(n), country(from), country(to)))
          .join(', ');
      }
      case 'south':
        return w.south;
      case 'incomeHdi': {
        const pair = (a: string | null, b: string | null, names: typeof incomeNames) =>
          a === null || b === null
            ? null
            : a === b
              ? (names[a]?.[locale] ?? a)
              : `${names[a]?.[locale] ?? a} / ${names[b]?.[locale] ?? b}`;
        const income = pair(f.requesterIncome, f.providerIncome, incomeNames);
        const hdi = pair(f.requesterHdi, f.providerHdi, hdiNames);
        const parts = [income && w.income(income), hdi && w.hdi(hdi)].filter((p): p is string => !!p);
        return w.similar(parts.join(', '));
      }
      case 'worksIn':
        if (f.match === 'global') return w.worldwide;
        if (f.match === 'country' && f.place) return w.worksIn(country(f.place));
        return f.place ? w.worksIn(region(f.place)) : null;
      case 'modality':
        return w.modality(modalities(f.shared));
    }
  };

  const out: string[] = [];
  for (const t of match.pair.terms) {
    // The strength phrase names the partner and the area: always there. Others only when they count.
    if (!t.facts || (t.term !== 'strength' && !(t.raw !== null && t.raw > 0 && t.weight > 0))) continue;
    const p = phrase(t.facts);
    if (p) out.push(p);
  }
  if (match.slots && Number.isFinite(match.slots.of))
    out.push(w.slots(match.slots.free, number.format(match.slots.free), number.format(match.slots.of)));
  return out;
}

export function explainMatch(match: MatchToExplain, locale: MatchingLocale, data: ExplainData): string {
  return explainPhrases(match, locale, data).join(' · ');
}
