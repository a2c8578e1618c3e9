// Benchmark of cost that grows with history: do a round's hot paths slow down as older rounds
// pile up in the database?
//
//   npm run bench:history -- [--scales 1,10,100] [--samples 10] [--max-seconds 60]
//
// It starts a database server the way the service does (server/db/database-server.ts, in a
// temporary data folder) and the real app on a free port, then seeds the current round — 200
// countries, two focal points each, invited and reminded twice, 100 responses submitted and
// scored (then recomputed), 80 drafts — through the service's own use cases
// (scripts/bench/history-seed.ts). Each scale adds older rounds until there are that many
// copies of the current round's documents (1× = one older round, 100× = a hundred), and then
// measures, one request at a time after one unmeasured warm-up request, p50 and p95 of:
//   respondent page and data of a submitted country, submit (a draft country each time),
//   overview, focal-points list, status, scores.csv, draft save (--endpoints to measure fewer).
// Each endpoint gets --samples requests, or fewer once --max-seconds have passed (at least one).
// Figures, not a test: nothing fails on slowness, only on a request that does not succeed.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Command, InvalidArgumentError } from 'commander';
import mongoose from 'mongoose';
import { createAccount } from '../server/auth/accounts';
import { loadFormsFolder } from '../server/forms/form-registry';
import { formsDir } from '../server/paths';
import { seedReferenceData } from '../server/reference/seed-reference';
import { buildAnswerSet, seededRandom, type AnswerSet } from './bench/answers';
import {
  captureTemplate,
  countDocuments,
  draftCountries,
  insertOlderRounds,
  roundCountries,
  seedCurrentRound,
  submittedCountries,
  type SeededRound,
} from './bench/history-seed';
import { fixed, formatTable } from './bench/measure';
import { integerAtLeast, progressTo } from './lib/cli';
import { closeServer, openScratchDatabase, runCleanups, startLocalApp, type Cleanup } from './lib/local-service';

interface Options {
  scales: number[];
  endpoints?: string[];
  samples: number;
  maxSeconds: number;
  seed: number;
}

const scaleList = (value: string): number[] => {
  const scales = value.split(',').map((s) => Number(s.trim()));
  if (scales.some((s) => !Number.isInteger(s) || s < 0))
    throw new InvalidArgumentError('must be a comma-separated list of whole numbers, e.g. 1,10,100');
  return [...new Set(scales)].sort((a, b) => a - b);
};

function parseOptions(): Options {
  const program = new Command('bench-history')
    .description(
      "Latency of one 200-country round's hot paths with 1×, 10× and 100× its history stored in older rounds",
    )
    .option('--scales <list>', 'older rounds stored, one measurement per number', scaleList, [1, 10, 100])
    .option('--endpoints <keys>', `only these endpoints (comma-separated): ${endpointKeys.join(',')}`, (v: string) =>
      v.split(',').map((k) => k.trim()),
    )
    .option('--samples <n>', 'measured requests per endpoint and scale', integerAtLeast(1), 10)
    .option(
      '--max-seconds <n>',
      'stop sampling an endpoint after this long (one sample at least)',
      integerAtLeast(1),
      60,
    )
    .option('--seed <n>', 'seed of the generated answer sets', integerAtLeast(0), 1);
  program.parse();
  return program.opts<Options>();
}

const progress = progressTo('bench');

// ---- endpoints ------------------------------------------------------------------------------

/** Short names of the measured endpoints, in the table's order (for --endpoints). */
const endpointKeys = ['page', 'data', 'submit', 'overview', 'focal-points', 'status', 'scores-csv', 'draft-save'];

interface Endpoint {
  key: string;
  label: string;
  /** One request; throws when the answer is not the expected one. */
  request(): Promise<void>;
}

async function expectStatus(res: Response, status: number, what: string): Promise<string> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`${what} answered ${res.status}, not ${status}: ${text.slice(0, 300)}`);
  return text;
}

async function signInViewer(baseUrl: string): Promise<string> {
  const password = 'history benchmark viewer password';
  await createAccount({ email: 'viewer@bench.example', name: 'Bench viewer', role: 'viewer', password });
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'viewer@bench.example', password }),
  });
  await expectStatus(res, 201, 'sign-in');
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

function endpoints(baseUrl: string, round: SeededRound, cookie: string, answers: AnswerSet): Endpoint[] {
  const get = (key: string, label: string, path: string, headers: Record<string, string> = {}): Endpoint => ({
    key,
    label,
    request: async () => void (await expectStatus(await fetch(`${baseUrl}${path}`, { headers }), 200, `GET ${path}`)),
  });
  const organizer = { Cookie: cookie };
  // Submitted countries come first; submits take the draft countries one by one.
  let submitted = 0;
  let nextDraft = submittedCountries;
  const draftSaver = round.tokens[roundCountries - 1]; // untouched until the first draft save
  let draftRevision = 0;
  const submittedToken = () => round.tokens[submitted++ % submittedCountries];
  const send = async (method: string, path: string, body: unknown) =>
    JSON.parse(
      await expectStatus(
        await fetch(`${baseUrl}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        200,
        `${method} ${path}`,
      ),
    ) as { revision: number };
  return [
    {
      key: 'page',
      label: 'respondent page, submitted country (GET /respond/:token)',
      request: async () =>
        void (await expectStatus(await fetch(`${baseUrl}/respond/${submittedToken()}`), 200, 'GET /respond/:token')),
    },
    {
      key: 'data',
      label: 'respondent data, submitted country (GET /api/respondent/:token)',
      request: async () =>
        void (await expectStatus(
          await fetch(`${baseUrl}/api/respondent/${submittedToken()}`),
          200,
          'GET /api/respondent/:token',
        )),
    },
    {
      key: 'submit',
      label: 'submit (POST /api/respondent/:token/submit)',
      request: async () => {
        if (nextDraft >= submittedCountries + draftCountries)
          throw new Error(`no draft country left to submit: use fewer --samples or --scales`);
        await send('POST', `/api/respondent/${round.tokens[nextDraft++]}/submit`, { answers, baseRevision: 2 });
      },
    },
    get('overview', 'overview (GET /api/rounds/:id/overview)', `/api/rounds/${round.roundId}/overview`, organizer),
    get(
      'focal-points',
      'focal-points list (GET /api/rounds/:id/focal-points)',
      `/api/rounds/${round.roundId}/focal-points`,
      organizer,
    ),
    get('status', 'status (GET /api/rounds/:id/status)', `/api/rounds/${round.roundId}/status`, organizer),
    get(
      'scores-csv',
      'scores.csv (GET /api/rounds/:id/exports/scores.csv)',
      `/api/rounds/${round.roundId}/exports/scores.csv`,
      organizer,
    ),
    {
      key: 'draft-save',
      label: 'draft save (PUT /api/respondent/:token/draft)',
      request: async () => {
        draftRevision = (
          await send('PUT', `/api/respondent/${draftSaver}/draft`, { answers, baseRevision: draftRevision })
        ).revision;
      },
    },
  ];
}

// ---- measuring ------------------------------------------------------------------------------

interface Figures {
  samples: number;
  p50Ms: number;
  p95Ms: number;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(endpoint: Endpoint, options: Options): Promise<Figures> {
  await endpoint.request(); // warm-up: JIT, connection pools, the database's page cache
  const end = performance.now() + options.maxSeconds * 1000;
  const times: number[] = [];
  while (times.length < options.samples && (times.length === 0 || performance.now() < end)) {
    const start = performance.now();
    await endpoint.request();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { samples: times.length, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

const duration = (ms: number) => (ms >= 1000 ? `${fixed(ms / 1000, 1)} s` : `${fixed(ms, 0)} ms`);

// ---- report ---------------------------------------------------------------------------------

function printReport(
  description: string,
  options: Options,
  labels: string[],
  results: Map<number, Figures[]>,
  counts: Map<number, Record<string, number>>,
): void {
  const cpus = os.cpus();
  const scales = [...results.keys()];
  const collections = Object.keys(counts.get(scales[0]) ?? {}).sort();
  const out = [
    '',
    `Node ${process.version} on ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} (${os.platform()} ${os.arch()}); load average ${os
      .loadavg()
      .map((l) => fixed(l, 2))
      .join(' ')}`,
    `Database: ${description}`,
    `One request at a time after one warm-up request; up to ${options.samples} samples per endpoint (fewer after ${options.maxSeconds} s); answer-set seed ${options.seed}`,
    '',
    "p50 / p95 with N× the current round's history stored in older rounds (samples in brackets):",
    '',
    formatTable(
      ['endpoint', ...scales.map((s) => `${s}×`)],
      labels.map((label, i) => [
        label,
        ...scales.map((s) => {
          const f = results.get(s)![i];
          return `${duration(f.p50Ms)} / ${duration(f.p95Ms)} (${f.samples})`;
        }),
      ]),
    ),
    '',
    'Documents stored:',
    '',
    formatTable(
      ['collection', ...scales.map((s) => `${s}×`)],
      collections.map((c) => [c, ...scales.map((s) => fixed(counts.get(s)![c] ?? 0, 0))]),
    ),
    '',
  ];
  process.stdout.write(out.join('\n'));
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions();
  const cleanups: Cleanup[] = [];
  try {
    const database = await openScratchDatabase('bench', cleanups, progress);
    const forms = loadFormsFolder(formsDir);
    const form = forms.get('capacity');
    if (!form) throw new Error(`form capacity is not in ${formsDir}`);
    const app = await startLocalApp(forms, { signInPerMinute: 1000 });
    cleanups.push({ what: 'close the app server', run: () => closeServer(app.server) });
    await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
    await seedReferenceData();

    const random = seededRandom(options.seed);
    const answerSets = Array.from({ length: 20 }, () => buildAnswerSet(form.json, random));
    let t = performance.now();
    const round = await seedCurrentRound(forms, form, answerSets, progress);
    const template = await captureTemplate();
    progress(
      `current round seeded in ${duration(performance.now() - t)}: ${[...template].map(([name, docs]) => `${name} ${docs.length}`).join(', ')}`,
    );
    const cookie = await signInViewer(app.baseUrl);

    const list = endpoints(app.baseUrl, round, cookie, answerSets[0]).filter(
      (e) => !options.endpoints || options.endpoints.includes(e.key),
    );
    if (!list.length) throw new Error(`--endpoints names none of ${endpointKeys.join(',')}`);
    const results = new Map<number, Figures[]>();
    const counts = new Map<number, Record<string, number>>();
    let stored = 0;
    for (const scale of options.scales) {
      t = performance.now();
      await insertOlderRounds(template, scale - stored, stored + 1, progress);
      progress(`${scale}×: ${scale - stored} older rounds inserted in ${duration(performance.now() - t)}`);
      stored = scale;
      counts.set(scale, countDocuments(template, scale));
      const figures: Figures[] = [];
      for (const endpoint of list) {
        const f = await measure(endpoint, options);
        progress(
          `${scale}×: ${endpoint.label}: p50 ${duration(f.p50Ms)}, p95 ${duration(f.p95Ms)} (${f.samples} samples)`,
        );
        figures.push(f);
      }
      results.set(scale, figures);
    }
    printReport(
      database.description,
      options,
      list.map((e) => e.label),
      results,
      counts,
    );
  } finally {
    await runCleanups(cleanups, progress);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
