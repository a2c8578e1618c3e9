// Partnership matching from the command line, thin over the same use cases as the API
// (server/matching-runs): run matching, list the latest run, confirm a match, show coverage.
//   npx tsx scripts/matching.ts run <roundId>
//   npx tsx scripts/matching.ts list <roundId> [--run <n>]
//   npx tsx scripts/matching.ts confirm <roundId> <matchId> [--run <n>]     (default: the latest run)
//   npx tsx scripts/matching.ts coverage <roundId> [--out coverage.csv|coverage.xlsx]
// Actions are recorded in the audit log as the system actor "cli:matching".
import { createWriteStream } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { Command } from 'commander';
import { loadConfig } from '../server/config';
import { writeTable, type ExportFormat } from '../server/exports/table-writer';
import { loadFormsFolder } from '../server/forms/form-registry';
import { coverageColumns } from '../server/matching-runs/coverage-report';
import { confirmMatch } from '../server/matching-runs/introductions';
import { listDecisions } from '../server/matching-runs/match-decisions';
import {
  findRunOrReject,
  latestRunOrReject,
  roundCoverage,
  runRoundMatching,
  type Acting,
  type StoredRun,
} from '../server/matching-runs/match-runs';
import { integerAtLeast } from './lib/cli';
import { withDatabase } from './database';

const cli: Acting = { actor: { kind: 'system', id: 'cli:matching' }, by: 'cli:matching' };
const fmt = (n: number) => n.toFixed(1);

async function printRun(run: StoredRun): Promise<void> {
  const decisions = new Map(
    (await listDecisions(run.roundId)).map((d) => [`${d.country}-${d.area}-${d.providerId}`, d.status]),
  );
  const table = new Table({ head: ['match', 'country', 'area', 'partner', 'score', 'status'] });
  for (const m of run.matches)
    table.push([
      m.id,
      m.country,
      m.area,
      m.providerName.en,
      fmt(m.score),
      decisions.get(m.id) ?? (m.pinned ? 'proposed (pinned)' : 'proposed'),
    ]);
  console.log(table.toString());
  const c = run.counts;
  console.log(
    `run ${run.n} of ${run.createdAt.toISOString()} by ${run.createdBy}: ${c.demand} needs, ${c.providers} providers, ${c.candidates} eligible pairs, ${c.matches} matches, ${c.unmet} left short (methodology ${run.methodologyVersion})`,
  );
  if (run.unmet.length) {
    const unmet = new Table({ head: ['country', 'area', 'wanted', 'found', 'reason'] });
    for (const u of run.unmet) unmet.push([u.country, u.area, u.wanted, u.assigned, u.reason]);
    console.log(unmet.toString());
  }
}

const program = new Command('matching').description('Partnership matching of a round: run, list, confirm, coverage');

program
  .command('run <roundId>')
  .description('run matching on the round’s current scores, partners and pins, and store the run')
  .action(async (roundId: string) => {
    const forms = loadFormsFolder(loadConfig().formsDir);
    await withDatabase(async () => {
      const steps = ['reading scores, partners and reference data', 'matching', 'storing the run'];
      const bar = new SingleBar(
        { format: 'matching [{bar}] {value}/{total} {step}', hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(steps.length, 0, { step: '' });
      let run: StoredRun;
      try {
        run = await runRoundMatching(forms, roundId, cli, (step) => bar.update(steps.indexOf(step), { step }));
        bar.update(steps.length, { step: 'done' });
      } finally {
        bar.stop();
      }
      await printRun(run);
    });
  });

program
  .command('list <roundId>')
  .description('the matches of the latest run (or of --run n) and their status')
  .option('--run <n>', 'a run number', integerAtLeast(1))
  .action(async (roundId: string, opts: { run?: number }) => {
    await withDatabase(async () =>
      printRun(opts.run ? await findRunOrReject(roundId, opts.run) : await latestRunOrReject(roundId)),
    );
  });

program
  .command('confirm <roundId> <matchId>')
  .description('confirm a match of the latest run and queue the introductions to both sides')
  .option('--run <n>', 'the run the match is from (must be the latest)', integerAtLeast(1))
  .action(async (roundId: string, matchId: string, opts: { run?: number }) => {
    const config = loadConfig();
    await withDatabase(async () => {
      const n = opts.run ?? (await latestRunOrReject(roundId)).n;
      const result = await confirmMatch(config.publicUrl, roundId, n, matchId, cli);
      console.log(
        `${matchId} confirmed in run ${n}: introductions queued to ${result.introductions.requester} requester and ${result.introductions.provider} partner contact(s)`,
      );
    });
  });

program
  .command('coverage <roundId>')
  .description('unmet demand of the latest run by area, region, sub-region and grouping')
  .option('--out <file>', 'also write it as .csv or .xlsx')
  .action(async (roundId: string, opts: { out?: string }) => {
    await withDatabase(async () => {
      const report = await roundCoverage(roundId);
      const table = new Table({
        head: ['dimension', 'key', 'gaps', 'countries', 'missing partners', 'no provider', 'slots taken', 'excluded'],
      });
      for (const r of report.rows)
        table.push([
          r.dimension,
          r.key,
          r.gaps,
          r.countries,
          r.missingPartners,
          r.byReason['no-eligible-provider'],
          r.byReason['all-slots-taken'],
          r.byReason.excluded,
        ]);
      console.log(table.toString());
      console.log(`run ${report.run}: ${report.unmet} (country, area) needs left short`);
      if (opts.out) {
        const format: ExportFormat = opts.out.endsWith('.xlsx') ? 'xlsx' : 'csv';
        await writeTable(
          format,
          { sheetName: 'Coverage', columns: coverageColumns, rows: report.rows },
          createWriteStream(opts.out),
        );
        console.log(`written to ${opts.out}`);
      }
    });
  });

program.parseAsync().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
