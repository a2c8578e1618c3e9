// The words of a partner's offer: kinds of organization, ways of working together, areas of the
// capacity framework. Shared by the registry's schemas, the CSV import, the self-declaration
// form and matching, so that they cannot drift apart.
import { supportedLocales } from '../i18n/locales';

export const partnerKinds = [
  'international-organization',
  'civil-society',
  'private-sector',
  'academia',
  'government-agency',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerModalities = [
  'peer-exchange',
  'technical-assistance',
  'training',
  'secondment',
  'funding',
  'tools-data',
] as const;
export type PartnerModality = (typeof partnerModalities)[number];

/** The ten areas of the capacity framework (questionnaire v1). */
export const frameworkAreas = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'] as const;
export type FrameworkArea = (typeof frameworkAreas)[number];

/** Languages an email can be written in (a contact's language). */
export const contactLanguages = supportedLocales;

/** Bounds: a partnership registry, not a bulk store. */
export const partnerLimits = {
  nameLength: 200,
  contacts: 10,
  regions: 40,
  countries: 250,
  languages: 20,
  indicatorsPerArea: 10,
  slots: 1000,
  notesLength: 2000,
} as const;
