// The partner export's columns: the import's columns in the import's notation, so that an
// exported file can be edited in a spreadsheet and imported into another registry as it is.
import type { Column } from '../exports/table-writer';
import type { PartnerView } from './partners';

const joined = (items: readonly string[] | undefined) => (items ?? []).join('; ');

export const partnerColumns: Column<PartnerView>[] = [
  { header: 'name_en', value: (p) => p.name.en, width: 30 },
  { header: 'name_fr', value: (p) => p.name.fr, width: 30 },
  { header: 'name_es', value: (p) => p.name.es, width: 30 },
  { header: 'kind', value: (p) => p.kind, width: 22 },
  { header: 'areas', value: (p) => joined(p.areas.map((a) => a.area)), width: 20 },
  { header: 'modalities', value: (p) => joined(p.modalities), width: 30 },
  {
    header: 'where',
    value: (p) =>
      joined([...(p.scope.global ? ['global'] : []), ...(p.scope.regions ?? []), ...(p.scope.countries ?? [])]),
    width: 30,
  },
  { header: 'languages', value: (p) => joined(p.languages), width: 14 },
  { header: 'slots', value: (p) => p.slots.total, width: 6 },
  {
    header: 'contacts',
    value: (p) => joined(p.contacts.map((c) => `${c.name} <${c.email}> ${c.language}`)),
    width: 40,
  },
  { header: 'notes', value: (p) => p.notes, width: 30 },
  { header: 'id', value: (p) => p.id, width: 26 },
];
