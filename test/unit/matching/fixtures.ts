// Shared inputs of the matching unit tests: the real reference data and questionnaire area names,
// and small builders for per-country scores and organizations.
import path from 'node:path';
import { loadForm } from '../../../server/forms/form-registry';
import { areaNamesFromForm, type ExplainData } from '../../../server/matching';
import type { CountryAreaScore, CountryScoreList, OrganizationInput } from '../../../server/matching/matching.types';
import { formsDir } from '../../../server/paths';
import { loadReferenceData } from '../../../server/reference/reference-data';

export const reference = loadReferenceData();
export const explainData: ExplainData = {
  areaNames: areaNamesFromForm(loadForm(path.join(formsDir, 'capacity', 'v1.json')).json as never),
  countryNames: new Map(reference.countries.map((c) => [c.iso3, c.names])),
};

/** A round date after Somalia joined the EAC and after the ECOWAS exits. */
export const roundDate = '2026-03-01';

export function scored(
  area: string,
  capacity: number,
  priority: number | null,
  share: CountryAreaScore['share'] = 'no',
  slots?: number,
): CountryAreaScore {
  return { area, status: 'scored', capacity, priority, target: 100, share, ...(slots !== undefined && { slots }) };
}

export const insufficient = (area: string): CountryAreaScore => ({
  area,
  status: 'insufficient data',
  capacity: null,
  priority: null,
  target: 100,
  share: null,
});

export const country = (
  iso3: string,
  areas: CountryAreaScore[],
  extra: Partial<CountryScoreList> = {},
): CountryScoreList => ({ country: iso3, areas, ...extra });

export function organization(id: string, extra: Partial<OrganizationInput> = {}): OrganizationInput {
  return {
    id,
    name: { en: `Org ${id}` },
    kind: 'civil-society',
    areas: [{ area: 'A2' }],
    modalities: ['training'],
    scope: { global: true },
    languages: ['eng'],
    slots: { total: 3 },
    ...extra,
  };
}
