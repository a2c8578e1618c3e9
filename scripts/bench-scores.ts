// Benchmark of scoring and of the score exports: can a round of many responses be scored,
// exported to CSV and XLSX and aggregated, and does export memory stay flat as rows grow?
//
//   npx tsx scripts/bench-scores.ts --count 100000
//   (or, compiled: npm run build && node dist/scripts/bench-scores.js --count 100000)
//
// Answer sets of the capacity questionnaire are generated lazily from the form JSON with a fixed
// seed (scripts/bench/answers.ts), some areas thinned out ("dk" or left out) so that they come
// out as "insufficient data". No database: everything runs in this process. Phases:
//   1. score:     generate and score --count answer sets, keeping none (scores/s, and the time
//                 spent in scoreAnswers alone);
//   2. CSV:       stream the score rows (one per country and area: 10 per response) through
//                 writeTable('csv') to a temporary file, generating and scoring on the fly;
//   3. XLSX:      the same through writeTable('xlsx'), for --xlsx-count responses;
//   4. aggregate: hold --count scores in memory (what aggregateScores needs), then aggregate them
//                 by region and income group.
// Phases 2 and 3 also run at a tenth of the responses first: the exports are streamed, so their
// peak memory must not grow with the number of rows, and the side-by-side table shows whether it
// does. Memory is process.memoryUsage() sampled every 50 ms, after a full GC for the baseline.
// Figures, not a test: nothing fails on slowness; a wrong CSV row count stops the benchmark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Command } from 'commander';
import { scoreColumns, scoreRows, type ScoreRow } from '../server/exports/score-columns';
import { writeTable, type ExportFormat } from '../server/exports/table-writer';
import { loadFormsFolder, type FormJson } from '../server/forms/form-registry';
import { formsDir } from '../server/paths';
import { aggregateScores, type AggregateEntry } from '../server/scoring/aggregate';
import type { CountryScores } from '../server/scoring/round-scores';
import { scoreAnswers, type ResponseScores } from '../server/scoring/score';
import type { ScoringModel } from '../server/scoring/scoring-model';
import { buildAnswerSet, seededRandom, type AnswerSet } from './bench/answers';
import { fixed, formatTable } from './bench/measure';
import { integerAtLeast, progressTo } from './lib/cli';
import { withMemorySampling, type MemoryFigures } from './bench/memory-sampler';

interface Options {
  count: number;
  xlsxCount?: number;
  yieldEvery: number;
  seed: number;
}

function parseOptions(): Options {
  const program = new Command('bench-scores')
    .description(
      'Time and peak memory of scoring N generated responses, exporting their scores to CSV and XLSX, and aggregating them',
    )
    .option('--count <n>', 'responses to score, export to CSV and aggregate', integerAtLeast(10), 100_000)
    .option('--xlsx-count <n>', 'responses to export to XLSX (default: --count)', integerAtLeast(10))
    .option(
      '--yield-every <rows>',
      'the row generator yields to the event loop every so many rows',
      integerAtLeast(1),
      1000,
    )
    .option('--seed <n>', 'seed of the generated answer sets', integerAtLeast(0), 1);
  program.parse();
  return program.opts<Options>();
}

const progress = progressTo('bench');

// ---- generated data -------------------------------------------------------------------------

type Random = ReturnType<typeof seededRandom>;

/** Share of areas in which the respondent answers little: most indicators "dk" or left out. */
const SPARSE_AREA_PROBABILITY = 0.15;
/** Of each area's importance and target questions, the share left unanswered. */
const SKIPPED_QUESTION_PROBABILITY = 0.1;

/** Makes a complete answer set look like a real one: some areas sparse, some questions skipped. */
function thinOut(answers: AnswerSet, model: ScoringModel, random: Random): AnswerSet {
  for (const area of model.areas) {
    if (random() < SPARSE_AREA_PROBABILITY) {
      for (const indicator of area.indicators) {
        const r = random();
        if (r < 0.4) answers[indicator.question] = 'dk';
        else if (r < 0.8) delete answers[indicator.question];
      }
    }
    for (const question of [area.importanceQuestion, area.targetQuestion]) {
      if (question !== undefined && random() < SKIPPED_QUESTION_PROBABILITY) delete answers[question];
    }
  }
  return answers;
}

/** `count` answer sets, one at a time: the same sequence for the same seed. */
function* generatedAnswers(form: FormJson, model: ScoringModel, seed: number, count: number): Generator<AnswerSet> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) yield thinOut(buildAnswerSet(form, random), model, random);
}

const countryCode = (index: number) => `C${index}`;
const computedAt = new Date('2026-01-15T12:00:00Z');

function countryScoresOf(index: number, scores: ResponseScores): CountryScores {
  return { ...scores, country: countryCode(index), responseRevision: 1, computedAt, reason: 'submitted' };
}

/**
 * Country names of generated countries, made up on request: a real Map of 100,000 names would
 * be memory that grows with the number of rows, which is just what the export must not need.
 */
class GeneratedNames extends Map<string, string> {
  override get(code: string): string {
    return `Country ${code.slice(1)}`;
  }
}

interface Bench {
  form: FormJson;
  model: ScoringModel;
  seed: number;
  yieldEvery: number;
}

/** Score rows of `count` responses, generated and scored as the writer pulls them: nothing accumulates. */
async function* generatedScoreRows(bench: Bench, count: number, counter: { rows: number }): AsyncGenerator<ScoreRow> {
  const names = new GeneratedNames();
  let index = 0;
  for (const answers of generatedAnswers(bench.form, bench.model, bench.seed, count)) {
    const scores = countryScoresOf(index, scoreAnswers(bench.model, answers));
    for (const row of scoreRows([scores], names)) {
      counter.rows++;
      yield row;
      // Lets the memory sampler's timer run (writes may never need to wait for a 'drain'), and
      // the writer's own asynchronous work, as a database cursor would between its batches.
      if (counter.rows % bench.yieldEvery === 0) await yieldToEventLoop();
    }
    index++;
  }
}

// ---- phases ---------------------------------------------------------------------------------

interface PhaseRow {
  phase: string;
  count: number;
  unit: string;
  seconds: number;
  output: string;
  memory?: MemoryFigures;
}

const mb = (bytes: number) => `${fixed(bytes / (1024 * 1024), 1)} MB`;

async function scorePhase(bench: Bench, count: number): Promise<PhaseRow[]> {
  progress(`score: ${count} responses`);
  let scoringMs = 0;
  let areas = 0;
  let insufficient = 0;
  const start = performance.now();
  const { memory } = await withMemorySampling(async () => {
    let done = 0;
    for (const answers of generatedAnswers(bench.form, bench.model, bench.seed, count)) {
      const t = performance.now();
      const scores = scoreAnswers(bench.model, answers);
      scoringMs += performance.now() - t;
      for (const area of scores.areas) {
        areas++;
        if (area.status !== 'scored') insufficient++;
      }
      if (++done % 1000 === 0) await yieldToEventLoop();
    }
  });
  const seconds = (performance.now() - start) / 1000;
  const share = `${fixed((100 * insufficient) / areas, 1)}% areas insufficient`;
  return [
    { phase: 'score: generate + scoreAnswers', count, unit: 'responses', seconds, output: share, memory },
    { phase: 'score: scoreAnswers alone', count, unit: 'responses', seconds: scoringMs / 1000, output: '' },
  ];
}

/** Lines of a file (newline bytes), read in chunks: checks the CSV has every row. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

async function exportPhase(bench: Bench, format: ExportFormat, count: number, dir: string): Promise<PhaseRow> {
  const file = path.join(dir, `scores-${count}.${format}`);
  progress(`${format}: ${count} responses to ${file}`);
  const counter = { rows: 0 };
  const start = performance.now();
  const { memory } = await withMemorySampling(async () => {
    const out = fs.createWriteStream(file);
    try {
      await writeTable(
        format,
        { sheetName: 'Scores', columns: scoreColumns, rows: generatedScoreRows(bench, count, counter) },
        out,
      );
      await finished(out);
    } catch (err) {
      out.destroy();
      throw err;
    }
  });
  const seconds = (performance.now() - start) / 1000;
  const size = fs.statSync(file).size;
  if (format === 'csv') {
    const lines = await countLines(file);
    if (lines !== counter.rows + 1)
      throw new Error(`${file} has ${lines} lines, not ${counter.rows} rows and a header`);
  }
  fs.rmSync(file);
  return {
    phase: `${format}: rows of ${fixed(count, 0)} responses`,
    count: counter.rows,
    unit: 'rows',
    seconds,
    output: mb(size),
    memory,
  };
}

const regions = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Middle East'];
const incomes = ['Low income', 'Lower middle income', 'Upper middle income', 'High income'];

async function aggregatePhase(bench: Bench, count: number): Promise<PhaseRow[]> {
  progress(`aggregate: holding ${count} scores in memory`);
  let start = performance.now();
  const held = await withMemorySampling(async () => {
    const entries: AggregateEntry[] = [];
    let index = 0;
    for (const answers of generatedAnswers(bench.form, bench.model, bench.seed, count)) {
      entries.push({
        country: countryCode(index),
        groups: [`region:${regions[index % regions.length]}`, `income:${incomes[index % incomes.length]}`],
        scores: scoreAnswers(bench.model, answers),
      });
      if (++index % 1000 === 0) await yieldToEventLoop();
    }
    return entries;
  });
  const holdSeconds = (performance.now() - start) / 1000;

  progress(`aggregate: aggregateScores over ${count} countries`);
  start = performance.now();
  // aggregateScores is synchronous: the sampler sees the memory at its end, not during it.
  const aggregated = await withMemorySampling(async () => aggregateScores(held.result));
  const aggregateSeconds = (performance.now() - start) / 1000;
  const groups = aggregated.result;
  const allCountries = groups[0]?.countries ?? 0;
  if (allCountries !== count) throw new Error(`aggregateScores counted ${allCountries} countries, not ${count}`);
  return [
    {
      phase: 'aggregate: generate + score, held',
      count,
      unit: 'responses',
      seconds: holdSeconds,
      output: '',
      memory: held.memory,
    },
    {
      phase: 'aggregate: aggregateScores',
      count,
      unit: 'countries',
      seconds: aggregateSeconds,
      output: `${groups.length} groups × ${groups[0]?.areas.length ?? 0} areas`,
      memory: aggregated.memory,
    },
  ];
}

// ---- report ---------------------------------------------------------------------------------

function printReport(
  bench: Bench,
  options: Options,
  xlsxCount: number,
  rows: PhaseRow[],
  streaming: [PhaseRow, PhaseRow][],
): void {
  const cpus = os.cpus();
  const mem = (row: PhaseRow | undefined, key: keyof Omit<MemoryFigures, 'samples'>) =>
    row?.memory ? fixed(row.memory[key], 0) : '';
  const growth = (
    row: PhaseRow,
    peak: 'peakRssMb' | 'peakHeapMb' | 'peakExternalMb',
    base: 'baselineRssMb' | 'baselineHeapMb' | 'baselineExternalMb',
  ) => (row.memory ? fixed(row.memory[peak] - row.memory[base], 0) : '');
  const out = [
    '',
    `Node ${process.version} on ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} (${os.platform()} ${os.arch()}), ${fixed(os.totalmem() / 2 ** 30, 1)} GB RAM`,
    `load average at the end ${os
      .loadavg()
      .map((l) => fixed(l, 2))
      .join(' ')} (1, 5, 15 min)`,
    `${bench.model.formId} form v${bench.model.formVersion}: seed ${options.seed}; --count ${options.count}, --xlsx-count ${xlsxCount}; row generator yields every ${options.yieldEvery} rows; memory sampled every 50 ms, baseline after a full GC`,
    '',
    formatTable(
      [
        'phase',
        'count',
        'seconds',
        'per second',
        'output',
        'base RSS MB',
        'peak RSS MB',
        'base heap MB',
        'peak heap MB',
      ],
      rows.map((r) => [
        r.phase,
        `${fixed(r.count, 0)} ${r.unit}`,
        fixed(r.seconds, 2),
        fixed(r.count / r.seconds, 0),
        r.output,
        mem(r, 'baselineRssMb'),
        mem(r, 'peakRssMb'),
        mem(r, 'baselineHeapMb'),
        mem(r, 'peakHeapMb'),
      ]),
    ),
    '',
    'Streamed exports: peak memory at a tenth of the rows and at all of them',
    '(MB; "+" = peak above the phase baseline; external = Buffers and other memory outside the JS heap)',
    '',
    formatTable(
      ['format', 'rows', 'peak RSS', '+RSS', 'peak heap', '+heap', 'peak external', '+external'],
      streaming.flatMap(([tenth, full]) =>
        [tenth, full].map((r) => [
          r.phase.split(':')[0],
          fixed(r.count, 0),
          mem(r, 'peakRssMb'),
          growth(r, 'peakRssMb', 'baselineRssMb'),
          mem(r, 'peakHeapMb'),
          growth(r, 'peakHeapMb', 'baselineHeapMb'),
          mem(r, 'peakExternalMb'),
          growth(r, 'peakExternalMb', 'baselineExternalMb'),
        ]),
      ),
    ),
    '',
    "RSS seldom shrinks once grown, so a phase can start from an earlier phase's high-water mark; heap and external are the cleaner comparison.",
    'aggregateScores is synchronous: its peak heap is sampled only at its end (its peak RSS is exact when it set a new high).',
    '',
  ];
  process.stdout.write(out.join('\n'));
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions();
  const xlsxCount = options.xlsxCount ?? options.count;
  const form = loadFormsFolder(formsDir).get('capacity');
  if (!form) throw new Error(`form capacity is not in ${formsDir}`);
  const bench: Bench = {
    form: form.json,
    model: form.scoringModel,
    seed: options.seed,
    yieldEvery: options.yieldEvery,
  };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-bench-scores-'));
  try {
    const rows: PhaseRow[] = [...(await scorePhase(bench, options.count))];
    const streaming: [PhaseRow, PhaseRow][] = [];
    for (const [format, count] of [
      ['csv', options.count],
      ['xlsx', xlsxCount],
    ] as const) {
      const tenth = await exportPhase(bench, format, Math.ceil(count / 10), dir);
      const full = await exportPhase(bench, format, count, dir);
      rows.push(tenth, full);
      streaming.push([tenth, full]);
    }
    rows.push(...(await aggregatePhase(bench, options.count)));
    printReport(bench, options, xlsxCount, rows, streaming);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
