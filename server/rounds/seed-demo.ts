// Demo data for the embedded default: a round for the 2012 roundtable's team and one account
// per role. Idempotent: running it again changes nothing. Never enabled in production
// (SEED_DEMO defaults to false when NODE_ENV=production).
import { Account } from '../auth/account.model';
import { createAccount } from '../auth/accounts';
import type { Role } from '../auth/roles';
import type { FormRegistry } from '../forms/form-registry';
import { Round } from './round.model';

export const demoPassword = 'capgap-demo-password';
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
];

export const demoRoundName = 'GFMD roundtable on South-South migration (demo)';

export async function seedDemo(forms: FormRegistry): Promise<void> {
  for (const a of demoAccounts) {
    if (!(await Account.exists({ email: a.email }))) await createAccount({ ...a, password: demoPassword });
  }
  if (!(await Round.exists({ demo: true }))) {
    const form = forms.get('capacity') ?? forms.list()[0];
    await Round.create({
      name: demoRoundName,
      formId: form.formId,
      formVersion: form.formVersion,
      languages: ['en', 'fr', 'es'],
      deadline: new Date(Date.now() + 60 * 86400_000),
      countries: demoCountries,
      demo: true,
    });
  }
}
