// Renders every console page (and the respondent's) with the demo data to PNG files, for the
// README and for reviewing the pages at a glance:
//
//   npx tsx scripts/screenshots.ts                 (docs/screenshots/, English)
//   npx tsx scripts/screenshots.ts --lang fr --out /tmp/shots
//
// It starts a database server the way the service does, in a temporary folder, seeds the
// reference and demo data as `npm start` does, serves the real app on 127.0.0.1, signs in as the
// demo administrator in Chromium and saves the top of each page at 1366 × 1200 (the respondent's page at
// 390 px too, as on a phone). A page that answers 404 is reported and skipped.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../server/config';
import { isSupportedLocale, type Locale } from '../server/i18n/locales';
import { loadFormsFolder } from '../server/forms/form-registry';
import { formsDir } from '../server/paths';
import { seedReferenceData } from '../server/reference/seed-reference';
import { listRounds } from '../server/rounds/find-round';
import { demoAccounts, demoPassword, demoRoundName, seedDemo } from '../server/rounds/seed-demo';
import { progressTo } from './lib/cli';
import { launchBrowser } from './lib/chromium';
import { closeServer, openScratchDatabase, runCleanups, startLocalApp, type Cleanup } from './lib/local-service';

interface Shot {
  name: string;
  /** The path, with {round} for the demo round's id. */
  path: string;
  /** Wait for this selector before the picture (defaults to the page being ready). */
  waitFor?: string;
  /** The whole page, or only what the window shows (default). */
  fullPage?: boolean;
}

const consoleShots: Shot[] = [
  { name: 'landing', path: '/' },
  { name: 'rounds', path: '/console/rounds' },
  { name: 'round-dashboard', path: '/console/rounds/{round}' },
  { name: 'review', path: '/console/rounds/{round}/countries/KEN' },
  { name: 'gaps', path: '/console/rounds/{round}/gaps' },
  { name: 'country-profile', path: '/console/rounds/{round}/countries/KEN/profile' },
  { name: 'regions', path: '/console/rounds/{round}/regions' },
  { name: 'matching', path: '/console/rounds/{round}/matching' },
  { name: 'partners', path: '/console/partners' },
  { name: 'declarations', path: '/console/declarations' },
  { name: 'outbox', path: '/console/outbox' },
  { name: 'audit', path: '/console/audit' },
  { name: 'accounts', path: '/console/accounts' },
  { name: 'round-settings', path: '/console/rounds/{round}/settings' },
  { name: 'personal-data', path: '/console/personal-data?email=focal.ken@ministry.example' },
  // Swagger UI over the OpenAPI document.
  { name: 'api-docs', path: '/api/docs', waitFor: '.opblock' },
];

function parseOptions(): { lang: Locale; out: string } {
  const program = new Command()
    .option('--lang <lang>', 'the pages’ language: en, fr or es', 'en')
    .option('--out <dir>', 'where the PNG files go', path.join(__dirname, '..', 'docs', 'screenshots'))
    .parse();
  const { lang, out } = program.opts<{ lang: string; out: string }>();
  if (!isSupportedLocale(lang)) program.error('--lang must be en, fr or es');
  return { lang: lang as Locale, out: path.resolve(out) };
}

async function main(): Promise<void> {
  const { lang, out } = parseOptions();
  const progress = progressTo('screenshots');
  const cleanups: Cleanup[] = [];
  try {
    await openScratchDatabase('screenshots', cleanups, progress);
    const forms = loadFormsFolder(formsDir);
    await seedReferenceData();
    // The introductions the demo confirms link to the configured address, as `npm start`'s do.
    const demo = await seedDemo(forms, loadConfig().publicUrl);
    const round = (await listRounds()).find((r) => r.name === demoRoundName);
    if (!round) throw new Error('the demo round was not seeded');
    const roundId = String(round._id);
    const { server, baseUrl } = await startLocalApp(forms);
    cleanups.push({ what: 'stop the app', run: () => closeServer(server) });
    const browser = await launchBrowser();
    cleanups.push({ what: 'close Chromium', run: () => browser.close() });
    fs.mkdirSync(out, { recursive: true });

    // The top of each page, as a tall laptop window shows it: a full page can run to metres.
    const context = await browser.newContext({ viewport: { width: 1366, height: 1200 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/console/sign-in?lang=${lang}`);
    await page.fill('input[name="email"]', demoAccounts[0]!.email);
    await page.fill('input[name="password"]', demoPassword);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.endsWith('/sign-in')),
      page.click('button[type="submit"]'),
    ]);
    progress(`signed in as ${demoAccounts[0]!.email}`);

    const take = async (p: typeof page, shot: Shot) => {
      const url = `${baseUrl}${shot.path.replace('{round}', roundId)}${shot.path.includes('?') ? '&' : '?'}lang=${lang}`;
      const response = await p.goto(url);
      if (response?.status() === 404) return progress(`skipped ${shot.name}: ${shot.path} answers 404`);
      await p.waitForSelector(shot.waitFor ?? 'body[data-ready="true"]', { timeout: 20_000 });
      await p.waitForLoadState('networkidle');
      const file = path.join(out, `${shot.name}.png`);
      await p.screenshot({ path: file, fullPage: shot.fullPage ?? false });
      progress(`${shot.name}: ${path.relative(process.cwd(), file)}`);
    };
    for (const shot of consoleShots) await take(page, shot);

    // The respondent's side: Senegal's draft on a laptop and on a phone, and Niger's approved
    // response with its profile and partnerships (the window only: the read-only page is long).
    const linkOf = (iso3: string) => demo.links.find((l) => l.iso3 === iso3) ?? demo.links[0];
    const respondentShots: [string, string, { width: number; height: number }][] = [
      ['respondent', 'SEN', { width: 1366, height: 900 }],
      ['respondent-phone', 'SEN', { width: 390, height: 844 }],
      ['respondent-profile', 'NER', { width: 1366, height: 1400 }],
    ];
    for (const [name, iso3, viewport] of respondentShots) {
      const link = linkOf(iso3);
      if (!link) continue;
      const respondent = await browser.newContext({ viewport, isMobile: viewport.width < 500 });
      await take(await respondent.newPage(), { name, path: `/respond/${link.token}`, fullPage: false });
      await respondent.close();
    }
  } finally {
    await runCleanups(cleanups, progress);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
