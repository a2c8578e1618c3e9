// Benchmark of partnership matching: can a whole run — demand from 200 countries × 10 areas, the
// peer governments among them and 1,000 organizations, k = 2 — be scored and allocated in under
// a second (the goal is 200 ms)?
//
//   npx tsx scripts/bench-matching.ts
//   (or, compiled: npm run bench:matching)
//
// Countries are the first --countries real reference countries that have an M49 region (so that
// borders, groups, corridors and languages are real); their scores and the organizations are
// generated with a fixed seed. Phases, each timed on its own: context (reference indexes for
// the round's date), demand and providers, candidate scoring (every eligible pair), allocation,
// and the terms and English explanation of every proposed match. The whole run is timed cold
// (first in the process) and then --runs times warm. Peak memory is sampled over the cold run.
// Figures, not a test: nothing fails on slowness; an allocation that breaks a capacity stops it.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { loadForm } from '../server/forms/form-registry';
import {
  allocate,
  areaNamesFromForm,
  buildMatchingContext,
  candidateTerms,
  demandFrom,
  explainMatch,
  organizationProviders,
  peerProvidersFrom,
  resolveMatchingSettings,
  scoreCandidates,
  type CountryScoreList,
  type OrganizationInput,
} from '../server/matching';
import { modalities, partnerKinds } from '../server/matching/matching.types';
import { frameworkAreas } from '../server/partners/partner-vocabulary';
import { formsDir } from '../server/paths';
import { loadReferenceData } from '../server/reference/reference-data';
import type { ReferenceCountryData } from '../server/reference/reference.types';
import { seededRandom } from './bench/answers';
import { fixed, formatTable } from './bench/measure';
import { withMemorySampling, type MemoryFigures } from './bench/memory-sampler';
import { integerAtLeast, progressTo } from './lib/cli';

interface Options {
  countries: number;
  organizations: number;
  k: number;
  runs: number;
  seed: number;
}

function parseOptions(): Options {
  const program = new Command('bench-matching')
    .description(
      'Time and peak memory of a matching run: candidate scoring and allocation over generated scores and organizations',
    )
    .option('--countries <n>', 'countries of the round (real reference countries)', integerAtLeast(2), 200)
    .option('--organizations <n>', 'generated organizations', integerAtLeast(0), 1000)
    .option('--k <n>', 'partners wanted per (country, area)', integerAtLeast(1), 2)
    .option('--runs <n>', 'warm runs after the cold one', integerAtLeast(1), 5)
    .option('--seed <n>', 'seed of the generated scores and organizations', integerAtLeast(0), 1);
  program.parse();
  return program.opts<Options>();
}

const progress = progressTo('bench');
const AREAS = frameworkAreas;
const LANGUAGES = ['eng', 'fra', 'spa', 'ara', 'por', 'rus'];
const round = (x: number) => Math.round(x * 10) / 10;

type Random = () => number;
const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)];
const some = <T>(random: Random, values: readonly T[], p: number): T[] => values.filter(() => random() < p);

/**
 * Scores as a round gives them: a fifth of the areas strong (capacity 75–100, where peers come
 * from), the rest weak to middling with targets of 75–100, so that most (country, area) are
 * demand; a tenth with insufficient data; shares mixed.
 */
function generatedScores(countries: readonly ReferenceCountryData[], random: Random): CountryScoreList[] {
  return countries.map((c) => ({
    country: c.iso3,
    workingLanguages: random() < 0.5 ? [pick(random, ['eng', 'fra', 'spa'])] : [],
    wantedModalities: some(random, modalities, 0.2),
    areas: AREAS.map((area) => {
      if (random() < 0.1)
        return { area, status: 'insufficient data' as const, capacity: null, priority: null, target: 100, share: null };
      const capacity = round(random() < 0.2 ? 75 + 25 * random() : 60 * random());
      const target = 25 * (3 + Math.floor(random() * 2));
      const gap = Math.max(0, target - capacity);
      const priority = round(((3 + Math.floor(random() * 3)) * gap) / 5);
      return {
        area,
        status: 'scored' as const,
        capacity,
        priority,
        target,
        share: pick(random, ['yes', 'yes', 'maybe', 'no'] as const),
      };
    }),
  }));
}

function generatedOrganizations(
  count: number,
  countries: readonly ReferenceCountryData[],
  random: Random,
): OrganizationInput[] {
  const regions = [
    ...new Set(
      countries.flatMap((c) => [c.region, c.subRegion, c.intermediateRegion]).filter((r): r is string => r !== null),
    ),
  ].sort();
  return Array.from({ length: count }, (_, i): OrganizationInput => {
    const r = random();
    const scope =
      r < 0.3
        ? { global: true }
        : r < 0.7
          ? { global: false, regions: [pick(random, regions)] }
          : {
              global: false,
              countries: [
                ...new Set(Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(random, countries).iso3)),
              ],
            };
    const areas = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, AREAS)))];
    const total = 1 + Math.floor(random() * 10);
    return {
      id: `org-${String(i).padStart(4, '0')}`,
      name: { en: `Organization ${i}` },
      kind: pick(random, partnerKinds),
      ...(random() < 0.1 && { country: pick(random, countries).iso3 }),
      areas: areas.map((area) => ({ area })),
      modalities: some(random, modalities, 0.4),
      scope,
      languages: [...new Set([pick(random, LANGUAGES), ...some(random, LANGUAGES, 0.2)])],
      slots: {
        total,
        ...(random() < 0.3 && { perArea: Object.fromEntries(areas.map((a) => [a, 1 + Math.floor(random() * 3)])) }),
      },
    };
  });
}

interface Timings {
  context: number;
  inputs: number;
  scoring: number;
  allocation: number;
  explanations: number;
  total: number;
}

interface RunFigures {
  timings: Timings;
  /** CPU time of the process (user + system) per phase: less sensitive than wall time to other load on the machine. */
  cpu: Timings;
  demand: number;
  peers: number;
  providers: number;
  candidates: number;
  matches: number;
  unmet: Record<string, number>;
  sample: string;
}

type Inputs = {
  scores: CountryScoreList[];
  organizations: OrganizationInput[];
  options: Options;
  explainData: Parameters<typeof explainMatch>[2];
};

const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;

/** One matching run, phase by phase, as runMatching does it (plus explanations). */
function runOnce(reference: ReturnType<typeof loadReferenceData>, inputs: Inputs): RunFigures {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const settings = resolveMatchingSettings({ partnersPerArea: inputs.options.k });
  const ctx = buildMatchingContext(reference, '2026-03-01', settings);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const demand = demandFrom(inputs.scores, settings);
  const peers = peerProvidersFrom(inputs.scores, settings);
  const providers = [...peers, ...organizationProviders(inputs.organizations)];
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  const candidates = scoreCandidates(ctx, demand, providers);
  const t3 = performance.now();
  const c3 = process.cpuUsage();
  const outcome = allocate(ctx, candidates, { partnersPerArea: settings.partnersPerArea });
  if (!outcome.ok) throw new Error(outcome.problems[0].message);
  const t4 = performance.now();
  const c4 = process.cpuUsage();
  const demandOf = new Map(demand.map((d) => [`${d.country}|${d.area}`, d]));
  const providerOf = new Map(providers.map((p) => [p.id, p]));
  const texts = outcome.allocation.matches.map((m) => {
    const provider = providerOf.get(m.providerId)!;
    const pair = candidateTerms(ctx, demandOf.get(`${m.country}|${m.area}`)!, provider);
    return explainMatch({ country: m.country, area: m.area, provider, pair, slots: m.slots }, 'en', inputs.explainData);
  });
  const t5 = performance.now();
  const c5 = process.cpuUsage();
  checkCapacities(outcome.allocation.matches, providerOf, settings.partnersPerArea);
  const unmet: Record<string, number> = {};
  for (const u of outcome.allocation.unmet) unmet[u.reason] = (unmet[u.reason] ?? 0) + 1;
  return {
    timings: {
      context: t1 - t0,
      inputs: t2 - t1,
      scoring: t3 - t2,
      allocation: t4 - t3,
      explanations: t5 - t4,
      total: t5 - t0,
    },
    cpu: {
      context: cpuMs(c0, c1),
      inputs: cpuMs(c1, c2),
      scoring: cpuMs(c2, c3),
      allocation: cpuMs(c3, c4),
      explanations: cpuMs(c4, c5),
      total: cpuMs(c0, c5),
    },
    demand: demand.length,
    peers: peers.length,
    providers: providers.length,
    candidates: candidates.size,
    matches: outcome.allocation.matches.length,
    unmet,
    sample: `${outcome.allocation.matches[0]?.country} ${outcome.allocation.matches[0]?.area}: ${texts[0] ?? ''}`,
  };
}

function checkCapacities(
  matches: { country: string; area: string; providerId: string }[],
  providers: Map<string, ReturnType<typeof organizationProviders>[number]>,
  k: number,
): void {
  const count = new Map<string, number>();
  const bump = (key: string, cap: number) => {
    const n = (count.get(key) ?? 0) + 1;
    if (n > cap) throw new Error(`capacity broken: ${key} has ${n}, more than ${cap}`);
    count.set(key, n);
  };
  for (const m of matches) {
    const p = providers.get(m.providerId)!;
    bump(`demand ${m.country} ${m.area}`, k);
    bump(`provider ${m.providerId}`, p.totalSlots ?? Infinity);
    bump(`provider ${m.providerId} in ${m.area}`, p.areas[m.area]?.slots ?? Infinity);
  }
}

const ms = (x: number) => fixed(x, 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function printReport(options: Options, cold: RunFigures, warm: RunFigures[], memory: MemoryFigures): void {
  const cpus = os.cpus();
  const phases: (keyof Timings)[] = ['context', 'inputs', 'scoring', 'allocation', 'explanations', 'total'];
  const labels: Record<keyof Timings, string> = {
    context: 'reference indexes (round date)',
    inputs: 'demand + providers',
    scoring: 'candidate scoring',
    allocation: 'allocation',
    explanations: 'terms + explanation per match',
    total: 'whole run',
  };
  const out = [
    '',
    `Node ${process.version} on ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} (${os.platform()} ${os.arch()}), load average ${os
      .loadavg()
      .map((l) => fixed(l, 2))
      .join(' ')}`,
    `${options.countries} countries × ${AREAS.length} areas, ${options.organizations} organizations, k = ${options.k}, seed ${options.seed}`,
    `demand ${fixed(cold.demand, 0)} (country, area) · providers ${fixed(cold.providers, 0)} (${fixed(cold.peers, 0)} peer governments) · eligible pairs scored ${fixed(cold.candidates, 0)}`,
    `matches ${fixed(cold.matches, 0)} · unmet ${
      Object.entries(cold.unmet)
        .map(([r, n]) => `${r} ${fixed(n, 0)}`)
        .join(', ') || 'none'
    }`,
    '',
    formatTable(
      ['phase', 'cold ms', 'cold CPU ms', `warm median ms (${warm.length})`, 'warm min ms', 'warm median CPU ms'],
      phases.map((p) => [
        labels[p],
        ms(cold.timings[p]),
        ms(cold.cpu[p]),
        ms(median(warm.map((w) => w.timings[p]))),
        ms(Math.min(...warm.map((w) => w.timings[p]))),
        ms(median(warm.map((w) => w.cpu[p]))),
      ]),
    ),
    '',
    `peak memory over the cold run: RSS ${fixed(memory.peakRssMb, 0)} MB (baseline ${fixed(memory.baselineRssMb, 0)} MB), heap ${fixed(memory.peakHeapMb, 0)} MB (baseline ${fixed(memory.baselineHeapMb, 0)} MB)`,
    '(the run is synchronous: the heap is sampled at its end only; the RSS peak is exact when the run set a new high)',
    "CPU ms is the process's user + system time: on a loaded machine wall time includes waiting for a core.",
    '',
    `first match: ${cold.sample}`,
    '',
    '',
  ];
  process.stdout.write(out.join('\n'));
}

async function main(): Promise<void> {
  const options = parseOptions();
  const reference = loadReferenceData();
  const countries = reference.countries.filter((c) => c.region !== null).slice(0, options.countries);
  if (countries.length < options.countries)
    throw new Error(`only ${countries.length} reference countries have an M49 region`);
  const random = seededRandom(options.seed);
  const inputs: Inputs = {
    scores: generatedScores(countries, random),
    organizations: generatedOrganizations(options.organizations, countries, random),
    options,
    explainData: {
      areaNames: areaNamesFromForm(loadForm(path.join(formsDir, 'capacity', 'v1.json')).json as never),
      countryNames: new Map(reference.countries.map((c) => [c.iso3, c.names])),
    },
  };
  progress(`cold run: ${options.countries} countries, ${options.organizations} organizations`);
  const { result: cold, memory } = await withMemorySampling(async () => runOnce(reference, inputs));
  const warm: RunFigures[] = [];
  for (let i = 0; i < options.runs; i++) {
    progress(`warm run ${i + 1} of ${options.runs}`);
    warm.push(runOnce(reference, inputs));
  }
  printReport(options, cold, warm, memory);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
