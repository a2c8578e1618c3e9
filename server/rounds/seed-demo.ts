// Demo data for the embedded default: a round for the 2012 roundtable's team, a link per
// country, one account per role, the countries' responses (demo-responses.ts), demo partners
// and a first match run with one confirmed partnership. Idempotent: running it again changes
// nothing. Never enabled in production (SEED_DEMO defaults to false when NODE_ENV=production).
// Demo links are derived from a secret kept in the database, so the same links can be printed
// at every start while, as for every link, only their hashes are stored.
import { supportedLocales, type Locale } from '../i18n/locales';
import { createHmac, randomBytes } from 'node:crypto';
import { accountExists, createAccount } from '../auth/accounts';
import { demoPassword } from '../auth/password-policy';
import type { Role } from '../auth/roles';
import type { FormRegistry } from '../forms/form-registry';
import { createCountryLink } from '../invitations/links';
import { seedDemoPartners } from '../partners/demo-partners';
import { seedDemoDeclaration } from '../partner-declarations/demo-declaration';
import { runDemoMatching } from '../matching-runs/demo-matching';
import { importFocalPoints } from '../focal-points/import-focal-points';
import { listRoundFocalPoints } from '../focal-points/round-focal-points';
import { seedDemoResponses } from './demo-responses';
import { addRoundCountries } from './find-round';
import { Round } from './round.model';
import { Setting } from './setting.model';

export { demoPassword };
export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { email: 'admin@capgap.example', name: 'Demo administrator', role: 'admin' },
  { email: 'organizer@capgap.example', name: 'Demo organizer', role: 'organizer' },
  { email: 'viewer@capgap.example', name: 'Demo viewer', role: 'viewer' },
];

export const demoCountries = [
  { iso3: 'ETH', name: 'Ethiopia' },
  { iso3: 'KEN', name: 'Kenya' },
  { iso3: 'NER', name: 'Niger' },
  { iso3: 'NGA', name: 'Nigeria' },
  { iso3: 'CHE', name: 'Switzerland' },
  { iso3: 'GBR', name: 'United Kingdom' },
  { iso3: 'GHA', name: 'Ghana' },
  { iso3: 'SEN', name: 'Senegal' },
  { iso3: 'MEX', name: 'Mexico' },
  { iso3: 'PHL', name: 'Philippines' },
];

/** The language of each demo country's link (English unless listed). */
const demoLinkLanguages: Record<string, Locale> = { NER: 'fr', SEN: 'fr', CHE: 'fr', MEX: 'es' };

export const demoRoundName = 'GFMD roundtable on South-South migration (demo)';

export interface DemoLink {
  country: string;
  iso3: string;
  token: string;
}

async function demoSecret(): Promise<string> {
  const existing = await Setting.findById('demoLinkSecret').lean();
  if (existing) return existing.value;
  const value = randomBytes(32).toString('base64url');
  await Setting.create({ _id: 'demoLinkSecret', value });
  return value;
}

function createDemoRound(forms: FormRegistry) {
  const form = forms.get('capacity') ?? forms.list()[0];
  return Round.create({
    name: demoRoundName,
    formId: form.formId,
    formVersion: form.formVersion,
    languages: [...supportedLocales],
    deadline: new Date(Date.now() + 60 * 86400_000),
    countries: demoCountries,
    demo: true,
    // Shown on the respondents' profile: whom to ask about the round.
    contact: { name: 'Assessment secretariat', email: 'secretariat@example.org' },
  });
}

export interface DemoSeed {
  /** What the start-up welcome message names. */
  round: { id: string; name: string; formId: string; formVersion: number };
  links: DemoLink[];
}

async function findOrCreateDemoRound(forms: FormRegistry) {
  const existing = await Round.findOne({ demo: true }).lean();
  if (!existing) return createDemoRound(forms);
  // A demo round seeded before the list of demo countries grew gets the new ones.
  const known = new Set(existing.countries.map((c) => c.iso3));
  const missing = demoCountries.filter((c) => !known.has(c.iso3));
  if (missing.length === 0) return existing;
  await addRoundCountries(existing._id, missing);
  return (await Round.findById(existing._id).lean())!;
}

/** One fictional focal point per demo country (the round's dashboard lists them; introductions reach them). */
async function seedDemoFocalPoints(roundId: string): Promise<void> {
  if ((await listRoundFocalPoints(roundId)).length > 0) return;
  const rows = demoCountries.map(
    (c) =>
      `${c.iso3},Focal point ${c.name},focal.${c.iso3.toLowerCase()}@ministry.example,${demoLinkLanguages[c.iso3] ?? 'en'},Ministry of Interior`,
  );
  await importFocalPoints(roundId, ['country,name,email,language,ministry', ...rows].join('\n'), true);
}

/** Seeds what is missing and returns the demo round and its country links. */
export async function seedDemo(forms: FormRegistry, publicUrl: string): Promise<DemoSeed> {
  for (const a of demoAccounts) {
    if (!(await accountExists(a.email))) await createAccount({ ...a, password: demoPassword }, { demoMode: true });
  }
  const round = await findOrCreateDemoRound(forms);
  const secret = await demoSecret();
  const links: DemoLink[] = round.countries.map((c) => ({
    country: c.name,
    iso3: c.iso3,
    token: createHmac('sha256', secret).update(`${round._id}:${c.iso3}`).digest('base64url').slice(0, 24),
  }));
  // Known tokens: a link already stored is kept as it is (createCountryLink).
  for (const l of links) {
    await createCountryLink({
      roundId: String(round._id),
      country: l.iso3,
      language: demoLinkLanguages[l.iso3] ?? 'en',
      label: 'demo link',
      token: l.token,
    });
  }
  const roundId = String(round._id);
  await seedDemoFocalPoints(roundId);
  await seedDemoResponses(
    forms,
    roundId,
    round.formId,
    round.formVersion,
    new Map(links.map((l) => [l.iso3, l.token])),
  );
  await seedDemoPartners();
  // One partner's declaration waits for review (the console's declarations page).
  await seedDemoDeclaration(forms, publicUrl);
  // A first match run over the approved responses, with one partnership confirmed.
  await runDemoMatching(forms, roundId, publicUrl);
  return { round: { id: roundId, name: round.name, formId: round.formId, formVersion: round.formVersion }, links };
}
