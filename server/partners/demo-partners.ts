// Demo partners for the embedded default: organizations of every kind, named in three languages,
// offering different areas in different regions, so that matching shows real results on the
// demo round at first start. Fictional organizations with .example addresses. Idempotent: a
// partner already registered under its English name is left as it is.
import type { PartnerInput } from './partner.schemas';
import { createPartners, registeredPartnerNames } from './partners';

const contact = (name: string, domain: string, language: 'en' | 'fr' | 'es') => ({
  name,
  email: `${name.split(' ')[0].toLowerCase()}@${domain}.example`,
  language,
});

export const demoPartners: PartnerInput[] = [
  {
    name: {
      en: 'Global Migration Data Partnership',
      fr: 'Partenariat mondial pour les données migratoires',
      es: 'Alianza mundial de datos migratorios',
    },
    kind: 'international-organization',
    areas: [{ area: 'A1' }, { area: 'A2' }],
    modalities: ['technical-assistance', 'training', 'tools-data'],
    scope: { global: true },
    languages: ['eng', 'fra', 'spa'],
    slots: { total: 4 },
    contacts: [contact('Helena Ruiz', 'gmdp', 'es'), contact('Samuel Okoro', 'gmdp', 'en')],
  },
  {
    name: {
      en: 'Regional Labour Mobility Facility',
      fr: 'Facilité régionale pour la mobilité de la main-d’œuvre',
      es: 'Mecanismo regional de movilidad laboral',
    },
    kind: 'international-organization',
    areas: [{ area: 'A6' }, { area: 'A7' }, { area: 'A8' }],
    modalities: ['technical-assistance', 'peer-exchange', 'funding'],
    scope: { global: false, regions: ['Sub-Saharan Africa', 'Western Asia'] },
    languages: ['eng', 'fra', 'ara'],
    slots: { total: 3, perArea: { A6: 2 } },
    contacts: [contact('Mariam Haddad', 'rlmf', 'fr')],
  },
  {
    name: { en: 'Diaspora Voices Network', fr: 'Réseau Voix de la diaspora', es: 'Red Voces de la Diáspora' },
    kind: 'civil-society',
    areas: [{ area: 'A8' }, { area: 'A10' }],
    modalities: ['peer-exchange', 'training'],
    scope: { global: false, regions: ['Western Africa', 'Eastern Africa', 'Northern Europe'] },
    languages: ['eng', 'fra'],
    slots: { total: 2 },
    contacts: [contact('Ngozi Adeyemi', 'diasporavoices', 'en')],
  },
  {
    name: {
      en: 'Migrant Workers Rights Alliance',
      fr: 'Alliance pour les droits des travailleurs migrants',
      es: 'Alianza por los derechos de los trabajadores migrantes',
    },
    kind: 'civil-society',
    areas: [{ area: 'A7' }, { area: 'A10' }],
    modalities: ['training', 'technical-assistance'],
    scope: { global: true },
    languages: ['eng', 'spa'],
    slots: { total: 2 },
    contacts: [contact('Lucia Fernandez', 'mwra', 'es')],
  },
  {
    name: {
      en: 'Remit Fair Fintech Council',
      fr: 'Conseil fintech pour des transferts équitables',
      es: 'Consejo fintech por remesas justas',
    },
    kind: 'private-sector',
    areas: [{ area: 'A5', indicators: ['a5_2', 'a5_3'] }],
    modalities: ['tools-data', 'technical-assistance'],
    scope: { global: true },
    languages: ['eng', 'fra'],
    slots: { total: 3 },
    contacts: [contact('Daniel Mwangi', 'remitfair', 'en')],
  },
  {
    name: {
      en: 'Skills Bridge Employers Forum',
      fr: 'Forum des employeurs Passerelle des compétences',
      es: 'Foro de empleadores Puente de Competencias',
    },
    kind: 'private-sector',
    areas: [{ area: 'A6' }],
    modalities: ['peer-exchange', 'secondment'],
    scope: { global: false, regions: ['Europe', 'Africa'] },
    languages: ['eng'],
    slots: { total: 1 },
    contacts: [contact('Grace Whitfield', 'skillsbridge', 'en')],
  },
  {
    name: {
      en: 'Centre for Migration Statistics Research',
      fr: 'Centre de recherche en statistiques migratoires',
      es: 'Centro de Investigación en Estadísticas Migratorias',
    },
    kind: 'academia',
    areas: [{ area: 'A1' }, { area: 'A2' }, { area: 'A9' }],
    modalities: ['training', 'tools-data'],
    scope: { global: true },
    languages: ['eng', 'fra', 'spa'],
    slots: { total: 2 },
    contacts: [contact('Pierre Lambert', 'cmsr', 'fr')],
  },
  {
    name: {
      en: 'Sahel Climate Mobility Observatory',
      fr: 'Observatoire sahélien de la mobilité climatique',
      es: 'Observatorio Saheliano de Movilidad Climática',
    },
    kind: 'academia',
    areas: [{ area: 'A9' }],
    modalities: ['tools-data', 'peer-exchange'],
    scope: { global: false, regions: ['Western Africa'], countries: ['NER', 'NGA', 'TCD', 'MLI'] },
    languages: ['fra', 'eng'],
    slots: { total: 2 },
    contacts: [contact('Aissata Maiga', 'scmo', 'fr')],
  },
  {
    name: {
      en: 'National Statistics Cooperation Agency',
      fr: 'Agence de coopération statistique nationale',
      es: 'Agencia de Cooperación Estadística Nacional',
    },
    kind: 'government-agency',
    areas: [{ area: 'A1' }, { area: 'A3' }],
    modalities: ['secondment', 'peer-exchange'],
    scope: { global: false, regions: ['Africa'] },
    languages: ['eng'],
    slots: { total: 2 },
    contacts: [contact('Ingrid Larsen', 'nsca', 'en')],
  },
  {
    name: {
      en: 'Development Cooperation Office for Governance',
      fr: 'Office de coopération au développement pour la gouvernance',
      es: 'Oficina de Cooperación al Desarrollo para la Gobernanza',
    },
    kind: 'government-agency',
    areas: [{ area: 'A3' }, { area: 'A4' }],
    modalities: ['funding', 'technical-assistance'],
    scope: { global: true },
    languages: ['eng', 'fra', 'spa'],
    slots: { total: 3 },
    contacts: [contact('Marco Bianchi', 'dcog', 'en'), contact('Sofia Navarro', 'dcog', 'es')],
  },
  {
    name: {
      en: 'Gender and Migration Foundation',
      fr: 'Fondation Genre et migration',
      es: 'Fundación Género y Migración',
    },
    kind: 'other',
    areas: [{ area: 'A10' }, { area: 'A7' }],
    modalities: ['funding', 'training'],
    scope: { global: true },
    languages: ['eng', 'spa', 'fra'],
    slots: { total: 2 },
    contacts: [contact('Ana Lopez', 'gmf', 'es')],
  },
];

/** Registers the demo partners not registered yet; returns how many were added. */
export async function seedDemoPartners(): Promise<number> {
  const known = await registeredPartnerNames();
  return createPartners(
    demoPartners.filter((p) => !known.has(p.name.en.toLowerCase())),
    'seed',
  );
}
