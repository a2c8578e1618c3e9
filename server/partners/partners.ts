// The partner registry's use cases and queries: the only code that touches the Partner model.
// Other features (matching, exports, the console) call these and get plain objects.
import { isValidObjectId } from 'mongoose';
import { AppError } from '../http/problem';
import { listCountries } from '../reference/reference-store';
import { Partner } from './partner.model';
import { checkPartnerFacts, type ReferenceVocabulary } from './partner-facts';
import type { PartnerInput } from './partner.schemas';

export interface PartnerView extends PartnerInput {
  id: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

type PartnerDoc = PartnerInput & {
  _id: unknown;
  archived?: boolean;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  updatedBy: string;
};

function partnerView(doc: PartnerDoc): PartnerView {
  const { _id, archived, createdAt, updatedAt, ...rest } = doc;
  const name = Object.fromEntries(Object.entries(rest.name).filter(([, v]) => v)) as PartnerInput['name'];
  return {
    id: String(_id),
    ...rest,
    name,
    archived: archived ?? false,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** Regions, countries and languages that exist, from the reference data. */
export async function referenceVocabulary(): Promise<ReferenceVocabulary> {
  const countries = await listCountries();
  const regions = new Set<string>();
  const languages = new Set<string>();
  for (const c of countries) {
    for (const r of [c.region, c.subRegion, c.intermediateRegion]) if (r) regions.add(r);
    for (const l of c.languages) languages.add(l);
  }
  return { regions, countries: new Set(countries.map((c) => c.iso3)), languages };
}

/** Rejects (422, per field) a partner whose regions, countries, languages or contacts do not hold. */
export async function assertPartnerFacts(input: PartnerInput, known?: ReferenceVocabulary): Promise<void> {
  const errors = checkPartnerFacts(input, known ?? (await referenceVocabulary()));
  if (errors.length) throw new AppError('unprocessable', 'The partner does not hold together', errors);
}

const normalized = (input: PartnerInput): PartnerInput => ({
  ...input,
  contacts: input.contacts.map((c) => ({ ...c, email: c.email.toLowerCase() })),
});

/** A new partner; `id` when it was given one before (an organization invited to declare its offer). */
export async function createPartner(input: PartnerInput, by: string, id?: string): Promise<PartnerView> {
  await assertPartnerFacts(input);
  const doc = await Partner.create({ ...normalized(input), createdBy: by, updatedBy: by, ...(id && { _id: id }) });
  return partnerView(doc.toObject() as unknown as PartnerDoc);
}

/** Several partners at once (an import): all checked before, so a failure stores none. */
export async function createPartners(inputs: PartnerInput[], by: string): Promise<number> {
  if (!inputs.length) return 0;
  const docs = await Partner.insertMany(
    inputs.map((input) => ({ ...normalized(input), createdBy: by, updatedBy: by })),
  );
  return docs.length;
}

/** The partner, or null when there is none with this id (yet). */
export async function findPartner(id: string): Promise<PartnerView | null> {
  const doc = isValidObjectId(id) ? await Partner.findById(id).lean<PartnerDoc>() : null;
  return doc ? partnerView(doc) : null;
}

export async function getPartnerOrReject(id: string): Promise<PartnerView> {
  const doc = isValidObjectId(id) ? await Partner.findById(id).lean<PartnerDoc>() : null;
  if (!doc) throw new AppError('notFound', 'No such partner');
  return partnerView(doc);
}

/** Replaces the partner's offer (the whole document, as sent). */
export async function updatePartner(id: string, input: PartnerInput, by: string): Promise<PartnerView> {
  await getPartnerOrReject(id);
  await assertPartnerFacts(input);
  const doc = await Partner.findByIdAndUpdate(
    id,
    { $set: { ...normalized(input), updatedBy: by }, $unset: unsetAbsent(input) },
    { returnDocument: 'after' },
  ).lean<PartnerDoc>();
  if (!doc) throw new AppError('notFound', 'No such partner');
  return partnerView(doc);
}

/** Optional top-level fields the new version leaves out are removed (nested ones go with their parent's $set). */
function unsetAbsent(input: PartnerInput): Record<string, 1> {
  return input.notes === undefined ? { notes: 1 } : {};
}

export async function archivePartner(id: string, by: string): Promise<PartnerView> {
  await getPartnerOrReject(id);
  const doc = await Partner.findByIdAndUpdate(
    id,
    { $set: { archived: true, updatedBy: by } },
    { returnDocument: 'after' },
  ).lean<PartnerDoc>();
  return partnerView(doc!);
}

/** The registry, by English name; archived partners only when asked. */
export async function listPartners(options: { includeArchived?: boolean } = {}): Promise<PartnerView[]> {
  const docs = await Partner.find().lean<PartnerDoc[]>();
  return docs
    .filter((d) => options.includeArchived || !d.archived)
    .map(partnerView)
    .sort((a, b) => a.name.en.localeCompare(b.name.en, 'en') || a.id.localeCompare(b.id));
}

/** English names already in the registry, lower-cased (an import must not add a partner twice). */
export async function registeredPartnerNames(): Promise<Set<string>> {
  return new Set((await listPartners()).map((p) => p.name.en.toLowerCase()));
}
