// Checks of a partner that a JSON Schema cannot make: regions, countries and languages that
// exist in the reference data, indicators of the areas offered, contacts named once, per-area
// slots within the total and for offered areas only. Pure: the reference facts come in.
import type { FieldError } from '../http/ajv';
import type { PartnerInput } from './partner.schemas';

export interface ReferenceVocabulary {
  regions: ReadonlySet<string>;
  countries: ReadonlySet<string>;
  languages: ReadonlySet<string>;
}

export function checkPartnerFacts(partner: PartnerInput, known: ReferenceVocabulary, root = 'body'): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (field: string, message: string) => errors.push({ field: `${root}.${field}`, message });

  const areas = new Set<string>();
  partner.areas.forEach((a, i) => {
    if (areas.has(a.area)) bad(`areas.${i}.area`, `${a.area} is offered twice`);
    areas.add(a.area);
    (a.indicators ?? []).forEach((ind, j) => {
      if (ind.split('_')[0] !== a.area.toLowerCase())
        bad(`areas.${i}.indicators.${j}`, `${ind} is not an indicator of ${a.area}`);
    });
  });
  (partner.scope.regions ?? []).forEach((r, i) => {
    if (!known.regions.has(r)) bad(`scope.regions.${i}`, `${r} is not a UN M49 region or sub-region`);
  });
  (partner.scope.countries ?? []).forEach((c, i) => {
    if (!known.countries.has(c)) bad(`scope.countries.${i}`, `${c} is not a known ISO 3166 alpha-3 code`);
  });
  if (!partner.scope.global && !partner.scope.regions?.length && !partner.scope.countries?.length) {
    bad('scope', 'name the regions or countries where the partner works, or mark it global');
  }
  partner.languages.forEach((l, i) => {
    if (!known.languages.has(l)) bad(`languages.${i}`, `${l} is not a known ISO 639-3 language code`);
  });
  for (const [area, slots] of Object.entries(partner.slots.perArea ?? {})) {
    if (!areas.has(area)) bad(`slots.perArea.${area}`, `${area} is not among the areas offered`);
    else if ((slots ?? 0) > partner.slots.total)
      bad(`slots.perArea.${area}`, `is more than the total (${partner.slots.total})`);
  }
  const emails = new Map<string, number>();
  partner.contacts.forEach((c, i) => {
    const email = c.email.toLowerCase();
    if (emails.has(email)) bad(`contacts.${i}.email`, `${c.email} is already contact ${emails.get(email)! + 1}`);
    else emails.set(email, i);
  });
  return errors;
}
