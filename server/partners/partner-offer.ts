// A partner's self-declaration (the partner-offer questionnaire, forms/partner-offer) read as a
// partner offer, and the offer written back as answers to prefill the questionnaire. Pure.
// The offer is then checked like any partner (partnerInputSchema and the reference checks); an
// error about the offer is reported on the question it came from.
import type { PartnerInput } from './partner.schemas';

export type OfferAnswers = Record<string, unknown>;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const offerContactSlots = [1, 2, 3] as const;

export function offerFromAnswers(answers: OfferAnswers): PartnerInput {
  const name = {
    en: text(answers.name_en),
    ...(text(answers.name_fr) ? { fr: text(answers.name_fr) } : {}),
    ...(text(answers.name_es) ? { es: text(answers.name_es) } : {}),
  };
  const countries = text(answers.countries)
    .split(/[\s,;]+/)
    .map((c) => c.toUpperCase())
    .filter(Boolean);
  const contacts = offerContactSlots
    .map((n) => ({
      name: text(answers[`contact${n}_name`]),
      email: text(answers[`contact${n}_email`]),
      language: text(answers[`contact${n}_language`]),
    }))
    .filter((c) => c.name || c.email) as PartnerInput['contacts'];
  const notes = text(answers.notes);
  return {
    name,
    kind: answers.kind as PartnerInput['kind'],
    areas: strings(answers.areas).map((area) => ({ area: area as PartnerInput['areas'][number]['area'] })),
    modalities: strings(answers.modalities) as PartnerInput['modalities'],
    scope: { global: answers.global === true, regions: strings(answers.regions), countries: [...new Set(countries)] },
    languages: strings(answers.languages),
    slots: { total: typeof answers.slots === 'number' ? answers.slots : Number.NaN },
    contacts,
    ...(notes ? { notes } : {}),
  };
}

export function answersFromOffer(offer: PartnerInput): OfferAnswers {
  const answers: OfferAnswers = {
    name_en: offer.name.en,
    ...(offer.name.fr ? { name_fr: offer.name.fr } : {}),
    ...(offer.name.es ? { name_es: offer.name.es } : {}),
    kind: offer.kind,
    areas: offer.areas.map((a) => a.area),
    modalities: offer.modalities,
    slots: offer.slots.total,
    global: offer.scope.global,
    ...(offer.scope.regions?.length ? { regions: offer.scope.regions } : {}),
    ...(offer.scope.countries?.length ? { countries: offer.scope.countries.join(', ') } : {}),
    languages: offer.languages,
    ...(offer.notes ? { notes: offer.notes } : {}),
  };
  offer.contacts.slice(0, offerContactSlots.length).forEach((c, i) => {
    answers[`contact${i + 1}_name`] = c.name;
    answers[`contact${i + 1}_email`] = c.email;
    answers[`contact${i + 1}_language`] = c.language;
  });
  return answers;
}

/** The question an error about the offer belongs to ("body.contacts.1.email" → "contact2_email"). */
export function questionOfOfferField(field: string): string {
  const [, top, second, third] = field.split('.');
  if (top === 'name') return `name_${second ?? 'en'}`;
  if (top === 'scope') return second === 'regions' ? 'regions' : second === 'countries' ? 'countries' : 'global';
  if (top === 'contacts') return `contact${Number(second) + 1}_${third ?? 'name'}`;
  if (top === 'areas') return 'areas';
  return top ?? 'name_en';
}
