// Benchmark of response submission: what does checking an answer set cost?
//
//   npm run bench:responses -- --duration 10
//
// It starts a database server the way the service does (server/db/database-server.ts, in a
// temporary data folder), the real app on a free port, and a baseline Express server whose
// only route stores the same document with no validation at all. Then it prints:
//   1. HTTP load (autocannon, 10 connections, --duration seconds each, after a warm-up):
//      (a) POST /api/forms/capacity/responses on the real app: JSON body, ajv shape check,
//          survey-core check, insert — and the app's whole middleware stack (helmet,
//          compression, request log, session lookup);
//      (b) POST /insert on the baseline: JSON body, insert;
//      (c) PUT /api/respondent/:token/draft: draft saves of the capacity questionnaire, each
//          connection on its own country (ajv shape check, read the latest revision, insert the next);
//      requests/s, latency p50/p99, non-2xx count, and (b)/(a) as the cost of validation.
//   2. In-process timings of one answer set (cycling through 50 generated sets, as different
//      countries would send): checkWithSurvey with a fresh survey-core Model per call (up to
//      200 times) versus the reused one (up to 2000), checkAnswers — what the server runs: the
//      plain-form fast path (server/forms/plain-form.ts) where it applies — and the ajv shape
//      check alone (up to 20000 each), each stopped early after --duration seconds.
// Answer sets are generated from the form JSON (scripts/bench/answers.ts) with a fixed seed.
// Figures, not a test: nothing fails on slowness, only on a request that does not succeed.
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import express from 'express';
import type { RunningDatabase } from '../server/db/database-server';
import { loadFormsFolder, type FormRegistry, type LoadedForm } from '../server/forms/form-registry';
import { checkAnswers, checkWithSurvey } from '../server/forms/survey-validation';
import type { Locale } from '../server/i18n/locales';
import { compileSchema } from '../server/http/ajv';
import { formsDir } from '../server/paths';
import { createCountryLink } from '../server/invitations/links';
import { ResponseDoc } from '../server/responses/response.model';
import { Round } from '../server/rounds/round.model';
import { integerAtLeast, progressTo } from './lib/cli';
import {
  closeServer,
  listenOnFreePort,
  openScratchDatabase,
  runCleanups,
  startLocalApp,
  type Cleanup,
} from './lib/local-service';
import { buildAnswerSet, seededRandom, type AnswerSet } from './bench/answers';
import {
  connections,
  fixed,
  formatTable,
  runLoad,
  timeLoop,
  type LoadFigures,
  type LoadTarget,
  type TimingFigures,
  warmUpSec,
} from './bench/measure';

interface Options {
  duration: number;
  seed: number;
}

function parseOptions(): Options {
  const positiveInteger = integerAtLeast(1);
  const program = new Command('bench-responses')
    .description(
      'Throughput of POST /api/forms/:formId/responses against a bare insert, and the cost of one validation',
    )
    .option('--duration <seconds>', 'seconds of load on each endpoint', positiveInteger, 10)
    .option('--seed <n>', 'seed of the generated answer sets', positiveInteger, 1);
  program.parse();
  return program.opts<Options>();
}

const progress = progressTo('bench');

// ---- servers ------------------------------------------------------------------------------

/** The baseline: the same document the real endpoint stores, inserted with no check at all. */
function startBaselineApp(form: LoadedForm) {
  const app = express();
  app.post('/insert', express.json(), async (req, res) => {
    const body = req.body as { answers: AnswerSet; locale: Locale };
    const doc = await ResponseDoc.create({
      formId: form.formId,
      formVersion: form.formVersion,
      locale: body.locale,
      answers: body.answers,
      submittedAt: new Date(),
    });
    res
      .status(201)
      .json({ id: String(doc._id), formId: doc.formId, formVersion: doc.formVersion, submittedAt: doc.submittedAt });
  });
  return listenOnFreePort(app);
}

// ---- checks before measuring ----------------------------------------------------------------

async function expectCreated(url: string, body: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}, not 201:\n${await res.text()}`);
}

function expectValidInProcess(form: LoadedForm, answers: AnswerSet): void {
  if (!compileSchema(form.answerSchema)(answers))
    throw new Error(`the ${form.formId} answer set fails the ajv shape check`);
  const { errors } = checkWithSurvey(form, answers, 'en', false);
  if (errors.length)
    throw new Error(`the ${form.formId} answer set fails the survey-core check: ${JSON.stringify(errors)}`);
}

function requireForm(forms: FormRegistry, formId: string): LoadedForm {
  const form = forms.get(formId);
  if (!form) throw new Error(`form ${formId} is not in ${formsDir}`);
  return form;
}

// ---- measurements ---------------------------------------------------------------------------

async function measureLoad(
  label: string,
  url: string,
  body: string,
  duration: number,
  hooks?: Pick<LoadTarget, 'hooks' | 'prepare'>,
): Promise<LoadFigures> {
  // Every run starts from an empty collection, so the later run does not insert into a bigger one.
  await ResponseDoc.deleteMany({});
  progress(`${label}: ${duration} s of load on ${url}`);
  const figures = await runLoad({ label, url, body, ...hooks }, duration);
  if (figures.non2xx > 0 || figures.errors > 0) {
    progress(
      `WARNING ${label}: ${figures.non2xx} non-2xx responses and ${figures.errors} connection errors (should be 0)`,
    );
  }
  return figures;
}

/** 200 validations with a fresh Model, 2000 with the reused one, 20000 of what the server runs
 *  (the plain-form fast path where it applies) and 20000 ajv checks: each capped at budgetMs. */
function measureValidation(form: LoadedForm, sets: AnswerSet[], budgetMs: number): TimingFigures[] {
  const checkShape = compileSchema(form.answerSchema);
  const id = form.formId;
  let i = 0;
  const next = () => sets[i++ % sets.length];
  return [
    timeLoop(`${id}: checkWithSurvey, fresh Model`, () => checkWithSurvey(form, next(), 'en', false), 200, budgetMs),
    timeLoop(`${id}: checkWithSurvey, reused Model`, () => checkWithSurvey(form, next(), 'en', true), 2000, budgetMs),
    timeLoop(`${id}: checkAnswers (what the server runs)`, () => checkAnswers(form, next(), 'en'), 20000, budgetMs),
    timeLoop(`${id}: ajv shape check alone`, () => void checkShape(next()), 20000, budgetMs),
  ];
}

/** A round on the capacity form with one country link per load connection (and some spare). */
async function createDraftLinks(count: number): Promise<string[]> {
  const round = await Round.create({
    name: 'Benchmark round',
    formId: 'capacity',
    formVersion: 1,
    languages: ['en'],
    deadline: new Date(Date.now() + 86400_000),
    countries: Array.from({ length: count }, (_, i) => ({
      iso3: `B${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
      name: `Country ${i}`,
    })),
  });
  const links = [];
  for (const c of round.countries)
    links.push((await createCountryLink({ roundId: String(round._id), country: c.iso3, language: 'en' })).token);
  return links;
}

// ---- report ---------------------------------------------------------------------------------

function printReport(database: RunningDatabase, options: Options, load: LoadFigures[], timings: TimingFigures[]): void {
  const cpus = os.cpus();
  const [real, baseline] = load;
  const out = [
    '',
    `Node ${process.version} on ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} (${os.platform()} ${os.arch()})`,
    `Database: ${database.description}`,
    `Load: autocannon, ${connections} connections, ${options.duration} s per endpoint after a ${warmUpSec} s warm-up; answer-set seed ${options.seed}`,
    '',
    formatTable(
      ['HTTP', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
      load.map((l) => [
        l.label,
        fixed(l.requestsPerSec, 0),
        fixed(l.p50Ms, 0),
        fixed(l.p99Ms, 0),
        String(l.total),
        String(l.non2xx),
        String(l.errors),
      ]),
    ),
    '',
    `Cost of validation: the baseline serves ${fixed(baseline.requestsPerSec / real.requestsPerSec, 2)}× the real endpoint's requests/s (b)/(a)`,
    '',
    formatTable(
      [`In process, one answer set (${options.duration} s at most each)`, 'iterations', 'ms each', 'per second'],
      timings.map((t) => [t.label, String(t.iterations), fixed(t.meanMs, 3), fixed(t.perSec, 0)]),
    ),
    '',
  ];
  process.stdout.write(out.join('\n'));
  if (load.some((l) => l.non2xx > 0 || l.errors > 0))
    process.stdout.write('WARNING: some requests did not succeed; the figures above are not comparable.\n');
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions();
  const cleanups: Cleanup[] = [];
  try {
    const database = await openScratchDatabase('bench', cleanups, progress);
    await ResponseDoc.init();

    const forms = loadFormsFolder(formsDir);
    const capacity = requireForm(forms, 'capacity');
    const pilot = requireForm(forms, 'a1-pilot');
    const random = seededRandom(options.seed);
    const capacityAnswers = buildAnswerSet(capacity.json, random);
    const pilotAnswers = buildAnswerSet(pilot.json, random);
    expectValidInProcess(capacity, capacityAnswers);
    expectValidInProcess(pilot, pilotAnswers);

    // The capacity questionnaire takes answers through country links only; this run measures
    // the anonymous endpoint with it, so it opens the form in its own registry and lifts the
    // per-address limit (every request comes from 127.0.0.1).
    capacity.openResponses = true;
    const real = await startLocalApp(forms, { signInPerMinute: 1000, openResponsesPerHour: 1e9 });
    cleanups.push({ what: 'close the app server', run: () => closeServer(real.server) });
    const baseline = await startBaselineApp(capacity);
    cleanups.push({ what: 'close the baseline server', run: () => closeServer(baseline.server) });

    const capacityBody = JSON.stringify({ answers: capacityAnswers, locale: 'en' });
    const realUrl = `${real.baseUrl}/api/forms/capacity/responses`;
    const baselineUrl = `${baseline.baseUrl}/insert`;
    await expectCreated(realUrl, capacityBody);
    await expectCreated(
      `${real.baseUrl}/api/forms/a1-pilot/responses`,
      JSON.stringify({ answers: pilotAnswers, locale: 'en' }),
    );
    await expectCreated(baselineUrl, capacityBody);
    progress(
      `capacity answer set: ${Object.keys(capacityAnswers).length} answers, ${capacityBody.length} bytes of JSON`,
    );

    // The draft-save hooks run in autocannon's worker thread and read their data from the environment.
    // The warm-up and the measured run each get countries of their own: every save is on the
    // connection's own latest revision, so none is refused.
    const links = await createDraftLinks(connections * 2);
    process.env.CAPGAP_BENCH_ANSWERS = JSON.stringify(capacityAnswers);
    const draftHooks = {
      hooks: {
        setupRequest: path.join(__dirname, 'bench', 'setup-request.js'),
        onResponse: path.join(__dirname, 'bench', 'on-response.js'),
      },
      prepare: (run: 'warm-up' | 'measured') => {
        process.env.CAPGAP_BENCH_TOKENS = JSON.stringify(
          run === 'warm-up' ? links.slice(0, connections) : links.slice(connections),
        );
      },
    };

    const load = [
      await measureLoad('(a) real POST /api/forms/capacity/responses', realUrl, capacityBody, options.duration),
      await measureLoad('(b) baseline POST /insert', baselineUrl, capacityBody, options.duration),
      await measureLoad(
        '(c) draft save PUT /api/respondent/:token/draft',
        `${real.baseUrl}/api/respondent`,
        '',
        options.duration,
        draftHooks,
      ),
    ];

    progress('in-process validation timings');
    const budgetMs = options.duration * 1000;
    const setsOf = (form: LoadedForm) => Array.from({ length: 50 }, () => buildAnswerSet(form.json, random));
    const timings = [
      ...measureValidation(capacity, [capacityAnswers, ...setsOf(capacity)], budgetMs),
      ...measureValidation(pilot, [pilotAnswers, ...setsOf(pilot)], budgetMs),
    ];

    printReport(database, options, load, timings);
  } finally {
    await runCleanups(cleanups, progress);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
