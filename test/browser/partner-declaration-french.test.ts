// A partner's self-declaration in a real browser, in French: the link from the organizer opens
// the partner-offer questionnaire prefilled from the registry, changes are saved as the partner
// goes, a country code the registry does not know is named next to its question in French, and
// once corrected the declaration is sent for review — the registry itself unchanged until an
// organizer approves. axe finds nothing serious on the way.
import type { Browser, Page } from 'playwright-core';
import { seedReferenceData } from '../../server/reference/seed-reference';
import { launchBrowser } from '../helpers/browser';
import { createOrganizer, postJson, request, testPassword, type Organizer } from '../helpers/http';
import { setupTestApp, type TestApp } from '../helpers/test-app';
import { seriousAxeViolations } from './console-axe';
import { Link } from '../../server/invitations/invitation.model';
import { createPartnerLink } from '../../server/invitations/links';

const testApp = setupTestApp();
let app: TestApp;
let browser: Browser;
let organizer: Organizer;

beforeAll(async () => {
  app = testApp();
  browser = await launchBrowser();
  await seedReferenceData();
  organizer = await createOrganizer(app.baseUrl, 'organizer');
});
afterAll(async () => {
  await browser?.close();
});

const partner = {
  name: { en: 'Sahel Migration Observatory', fr: 'Observatoire des migrations du Sahel' },
  kind: 'academia',
  areas: [{ area: 'A1' }, { area: 'A3' }],
  modalities: ['training'],
  scope: { global: false, countries: ['NER'] },
  languages: ['fra'],
  slots: { total: 2 },
  contacts: [{ name: 'Ibrahim Moussa', email: 'ibrahim@oms.example', language: 'fr' }],
};

async function pressNext(page: Page, label: 'Suivant' | 'Terminer'): Promise<void> {
  await page.locator(`input[type="button"][value="${label}"]`).click();
}

describe('When a partner declares its offer in French through its link', () => {
  it('then it is prefilled, saved as it goes, checked in French, and sent for review without touching the registry', async () => {
    const created = await postJson(`${app.baseUrl}/api/partners`, partner, organizer.headers);
    const partnerId = (created.body as { partner: { id: string } }).partner.id;
    // The organizer's step (the email is tested over HTTP); here the link itself, made the same way.
    expect(
      (await postJson(`${app.baseUrl}/api/partners/${partnerId}/declaration-links`, {}, organizer.headers)).status,
    ).toBe(201);
    const { token } = await createPartnerLink({ partnerId, language: 'fr' });
    expect(await Link.countDocuments({ partnerId })).toBe(2);

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${app.baseUrl}/declare/${token}`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      await page.getByText('Ce que votre organisation propose').first().waitFor();
      await page.getByText('Votre organisation', { exact: true }).waitFor();
      expect(await page.inputValue('[data-name="name_fr"] input')).toBe('Observatoire des migrations du Sahel');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await pressNext(page, 'Suivant');
      await page.getByText('Ce que vous proposez').waitFor();
      await page.fill('[data-name="slots"] input', '3');
      await page.locator('[data-name="slots"] input').blur();
      await pressNext(page, 'Suivant');
      await page.getByText('Où et dans quelles langues').waitFor();
      await page.fill('[data-name="countries"] input', 'NER, XYZ');
      await page.locator('[data-name="countries"] input').blur();
      await pressNext(page, 'Suivant');
      await page.getByText('À qui écrire').waitFor();
      // Saved as it goes: the server holds the changes before anything is sent.
      await page.evaluate(() => (window as unknown as { capgapSaveNow(): Promise<void> }).capgapSaveNow());
      const draft = (await request(`${app.baseUrl}/api/declarations/${token}`)).body as {
        response: { status: string; answers: Record<string, unknown> };
      };
      expect(draft.response).toMatchObject({ status: 'draft', answers: { slots: 3, countries: 'NER, XYZ' } });

      await pressNext(page, 'Terminer');
      const error = page.locator('[data-name="countries"]').getByText('Code de pays inconnu : XYZ.', { exact: false });
      await error.waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.fill('[data-name="countries"] input', 'NER, MLI');
      await page.locator('[data-name="countries"] input').blur();
      await pressNext(page, 'Suivant');
      await pressNext(page, 'Terminer');
      await page.waitForSelector('body[data-response-status="submitted"]');

      const detail = await request(`${app.baseUrl}/api/partner-declarations/${partnerId}`, {
        headers: organizer.headers,
      });
      expect(detail.body).toMatchObject({
        declaration: { status: 'submitted', offer: { slots: { total: 3 }, scope: { countries: ['NER', 'MLI'] } } },
      });
      const registry = await request(`${app.baseUrl}/api/partners/${partnerId}`, { headers: organizer.headers });
      expect(registry.body).toMatchObject({ partner: { slots: { total: 2 }, scope: { countries: ['NER'] } } });
      expect(errors).toEqual([]);

      // The organizer, in the French console: the declaration awaits review, what changed is
      // marked next to the registry's values, and approving puts the offer in the registry.
      const console = await context.newPage();
      await console.goto(`${app.baseUrl}/console/sign-in?lang=fr&next=%2Fconsole%2Fdeclarations`);
      await console.waitForSelector('body[data-ready="true"]');
      await console.getByLabel('Courriel').fill(organizer.email);
      await console.getByLabel('Mot de passe').fill(testPassword);
      await Promise.all([
        console.waitForURL('**/console/declarations'),
        console.getByRole('button', { name: 'Se connecter' }).click(),
      ]);
      const row = console.getByRole('row', { name: /Sahel Migration Observatory/ });
      expect(await row.textContent()).toContain('à examiner');
      expect(await seriousAxeViolations(console)).toEqual([]);
      await row.getByRole('link').click();
      await console.waitForURL(`**/console/declarations/${partnerId}`);
      await console.waitForSelector('body[data-ready="true"]');
      const slots = console.getByRole('row', { name: /^slots/ });
      expect(await slots.textContent()).toMatch(/modifié\s*3\s*2/);
      expect(await seriousAxeViolations(console)).toEqual([]);
      console.once('dialog', (d) => void d.accept());
      await Promise.all([
        console.waitForEvent('load'),
        console.getByRole('button', { name: 'Approuver : le registre reprend cette offre' }).click(),
      ]);
      await console.getByText('approuvée').first().waitFor();
      const approved = await request(`${app.baseUrl}/api/partners/${partnerId}`, { headers: organizer.headers });
      expect(approved.body).toMatchObject({ partner: { slots: { total: 3 }, scope: { countries: ['NER', 'MLI'] } } });
    } finally {
      await context.close();
    }
  });
});
