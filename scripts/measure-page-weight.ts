// Page weight of the respondent questionnaire, measured in Chromium:
//
//   npx tsx scripts/measure-page-weight.ts             (the 'capacity' form)
//   npx tsx scripts/measure-page-weight.ts --form a1-pilot
//
// Budget (focal points on slow connections): a first load transfers at most 400 kB
// (compressed; brotli where the browser accepts it), a repeat load at most 30 kB (hashed assets
// cached for a year). kB = 1000 bytes, as Chromium's Network panel counts.
//
// It starts a database server the way the service does (server/db/database-server.ts, in a
// temporary data folder), the real app on 127.0.0.1 with precompressed assets, a round on the
// form with one country and its link, and Chromium (/usr/bin/chromium, or CHROMIUM_PATH)
// through playwright-core. For /respond/<token> (a country link) and /r/<form> (the open
// questionnaire) it loads the page in a fresh browser context, waits until the questionnaire
// is rendered and the network idle, then loads it again in the same context (warm cache), and
// prints every request — status, Content-Encoding, bytes on the wire including headers, from
// the cache or not — with the totals (scripts/page-weight/measure.ts explains the measure).
//
// Chromium sends "Accept-Encoding: gzip, deflate, br, zstd" over HTTPS and to localhost, but
// only "gzip, deflate" over plain HTTP to another host. So next to Chromium's own figure, each
// request is fetched again from Node with "Accept-Encoding: br" and with "gzip, deflate": the
// br column is the figure for an HTTPS deployment, the gzip column what a Chromium user gets
// from a deployment without TLS. PASS/FAIL is judged on brotli (Chromium's figure when it did
// ask for br, else the br replay). Exit code 1 on FAIL.
import { supportedLocales } from '../server/i18n/locales';
import { Command } from 'commander';
import { loadFormsFolder } from '../server/forms/form-registry';
import { createCountryLink } from '../server/invitations/links';
import { formsDir } from '../server/paths';
import { Round } from '../server/rounds/round.model';
import { formatTable } from './bench/measure';
import { progressTo } from './lib/cli';
import { launchBrowser } from './lib/chromium';
import { closeServer, openScratchDatabase, runCleanups, startLocalApp, type Cleanup } from './lib/local-service';
import { budgets, kB, measurePageWeight, replayLoad, type LoadWeight, type ReplayedLoad } from './page-weight/measure';

/** What Chromium advertises over plain HTTP to a host that is not localhost. */
const plainHttpEncoding = 'gzip, deflate';

function parseOptions(): { form: string } {
  const program = new Command('measure-page-weight')
    .description('Bytes transferred by the first and the repeat load of the respondent page, in Chromium')
    .option('--form <formId>', 'questionnaire to measure', 'capacity');
  program.parse();
  return program.opts<{ form: string }>();
}

const progress = progressTo('page-weight');

// ---- servers ------------------------------------------------------------------------------

/** A round on the form with one country, and that country's link. */
async function createLink(formId: string, formVersion: number): Promise<string> {
  const round = await Round.create({
    name: `Page weight ${new Date().toISOString()}`,
    formId,
    formVersion,
    languages: [...supportedLocales],
    deadline: new Date(Date.now() + 30 * 86400_000),
    countries: [{ iso3: 'KEN', name: 'Kenya' }],
  });
  return (await createCountryLink({ roundId: String(round._id), country: 'KEN', language: 'en' })).token;
}

// ---- report ---------------------------------------------------------------------------------

interface Measured {
  label: string;
  load: LoadWeight;
  br: ReplayedLoad;
  gzip: ReplayedLoad;
  budget: number;
}

/** Brotli figure: Chromium's own when it asked for br, else the br replay. */
function brotliFigure(m: Measured): { bytes: number; source: string } {
  return /\bbr\b/.test(m.load.documentAcceptEncoding)
    ? { bytes: m.load.totalBytes, source: 'Chromium' }
    : { bytes: m.br.totalBytes, source: 'br replay from Node (Chromium did not ask for br)' };
}

function reportLoad(m: Measured, hide: (s: string) => string): string {
  const rows = m.load.requests.map((r, i) => [
    hide(r.path),
    r.type,
    r.status ? String(r.status) : `failed: ${r.error}`,
    r.encoding || (r.fromCache ? '' : 'none'),
    r.fromCache ? 'cache' : 'network',
    String(r.transferred),
    String(m.br.requests[i].transferred),
    String(m.gzip.requests[i].transferred),
  ]);
  rows.push([
    'total',
    '',
    '',
    '',
    `${m.load.networkRequests} net / ${m.load.cacheHits} cache`,
    String(m.load.totalBytes),
    String(m.br.totalBytes),
    String(m.gzip.totalBytes),
  ]);
  const figure = brotliFigure(m);
  const verdict = figure.bytes <= m.budget ? 'PASS' : 'FAIL';
  const elsewhere = m.load.requests.filter((r) => !r.sameOrigin);
  const failed = m.load.requests.filter((r) => r.error);
  return [
    `${m.label}: Chromium sent Accept-Encoding: ${m.load.documentAcceptEncoding || '(none)'}`,
    formatTable(['request', 'type', 'status', 'encoding', 'from', 'Chromium B', 'br B', 'gzip B'], rows, 5),
    ...(elsewhere.length
      ? [
          `WARNING  ${elsewhere.length} request(s) to another origin than the page's (${[...new Set(elsewhere.map((r) => new URL(r.url).host))].join(', ')})`,
        ]
      : []),
    ...(failed.length
      ? [
          `WARNING  ${failed.length} request(s) failed, so their bytes are not counted: ${failed.map((r) => `${hide(r.path)} (${r.error})`).join('; ')}`,
        ]
      : []),
    `${verdict}  ${kB(figure.bytes)} (${figure.source}) against a budget of ${kB(m.budget)}` +
      `; over plain HTTP to a non-localhost host (gzip): ${kB(m.gzip.totalBytes)}${m.gzip.totalBytes > m.budget ? ' — over budget' : ''}`,
  ].join('\n');
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions();
  const cleanups: Cleanup[] = [];
  let failed = false;
  try {
    const forms = loadFormsFolder(formsDir);
    const form = forms.get(options.form);
    if (!form) throw new Error(`form ${options.form} is not in ${formsDir}`);

    await openScratchDatabase('page_weight', cleanups, progress);

    progress('precompressing assets and starting the app');
    const app = await startLocalApp(forms);
    cleanups.push({ what: 'close the app server', run: () => closeServer(app.server) });
    const token = await createLink(form.formId, form.formVersion);

    const browser = await launchBrowser();
    cleanups.push({ what: 'close Chromium', run: () => browser.close() });
    progress(`Chromium ${browser.version()}`);

    const pages = [
      { label: 'country link /respond/<token>', path: `/respond/${token}` },
      // Only a form that takes anonymous answers has an open page.
      ...(form.openResponses ? [{ label: `open questionnaire /r/${form.formId}`, path: `/r/${form.formId}` }] : []),
    ];
    const hide = (s: string) => s.split(token).join('<token>');
    const out: string[] = [
      '',
      `Page weight of the respondent page, form ${form.formId} v${form.formVersion}, Chromium ${browser.version()}, ${app.baseUrl}`,
      '',
    ];
    for (const page of pages) {
      progress(`measuring ${page.label}`);
      const { first, repeat } = await measurePageWeight(browser, app.baseUrl + page.path);
      for (const [label, load, budget] of [
        ['first load', first, budgets.firstLoadBytes],
        ['repeat load', repeat, budgets.repeatLoadBytes],
      ] as const) {
        const measured: Measured = {
          label: `${page.label} — ${label}`,
          load,
          budget,
          br: await replayLoad(load, 'br'),
          gzip: await replayLoad(load, plainHttpEncoding),
        };
        if (brotliFigure(measured).bytes > budget) failed = true;
        out.push(reportLoad(measured, hide), '');
      }
    }
    out.push(
      'Columns: bytes received per request, response headers included (0 = served from the browser cache).',
      '  Chromium B: measured in Chromium (DevTools protocol); br B / gzip B: the same requests sent again from Node',
      '  with Accept-Encoding "br" / "gzip, deflate" (what Chromium sends over plain HTTP to a non-localhost host).',
      `Result: ${failed ? 'FAIL' : 'PASS'} (budgets ${kB(budgets.firstLoadBytes)} first load, ${kB(budgets.repeatLoadBytes)} repeat load, brotli)`,
      '',
    );
    process.stdout.write(out.join('\n'));
  } finally {
    await runCleanups(cleanups, progress);
  }
  if (failed) process.exitCode = 1;
}

main().then(
  // mongod's child process or a stray socket must not keep the script alive once it is done.
  () => process.exit(),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
