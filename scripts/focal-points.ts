// Organizer command line for a round's focal points, the same functions as the API:
//   npx tsx scripts/focal-points.ts import <roundId> <file.csv> [--valid-only]
//   npx tsx scripts/focal-points.ts invite <roundId>            (those not invited yet)
//   npx tsx scripts/focal-points.ts remind <roundId> [--dry-run]
//   npx tsx scripts/focal-points.ts status <roundId>
// Each shows a progress bar where it works item by item, and ends with a summary.
import fs from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { loadConfig } from '../server/config';
import { focalPointViews, summarizeRoundStatus } from '../server/focal-points/focal-point-status';
import { importFocalPoints } from '../server/focal-points/import-focal-points';
import { focalPointsToInvite, sendNewLink } from '../server/focal-points/invite';
import { AppError } from '../server/http/problem';
import { remindRound } from '../server/reminders/send-reminders';
import { findRoundOrReject } from '../server/rounds/find-round';
import { withDatabase } from './database';

const config = loadConfig();
const bar = (total: number, what: string) => {
  const b = new SingleBar({ format: `${what} [{bar}] {value}/{total}`, hideCursor: true }, Presets.shades_classic);
  b.start(total, 0);
  return b;
};

function explain(err: unknown): never {
  if (err instanceof AppError) {
    console.error(`${err.spec.title}: ${err.detail ?? ''}`);
    for (const e of err.errors as { row?: number; field: string; message: string }[])
      console.error(`  ${e.row ? `row ${e.row} ` : ''}${e.field}: ${e.message}`);
  } else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

const program = new Command('focal-points').description("Import, invite, remind and follow a round's focal points");

program
  .command('import <roundId> <file>')
  .option('--valid-only', 'import the valid rows and skip the others')
  .action(async (roundId: string, file: string, opts: { validOnly?: boolean }) => {
    const text = fs.readFileSync(file, 'utf8');
    await withDatabase(async () => {
      const result = await importFocalPoints(roundId, text, Boolean(opts.validOnly)).catch(explain);
      console.log(
        `imported ${result.imported} focal point(s); skipped ${result.skipped.length}; the round now has ${result.focalPoints}`,
      );
      for (const s of result.skipped as { row: number; field: string; message: string }[])
        console.log(`  skipped row ${s.row} ${s.field}: ${s.message}`);
    });
  });

program.command('invite <roundId>').action(async (roundId: string) => {
  await withDatabase(async () => {
    const round = await findRoundOrReject(roundId).catch(explain);
    const pending = await focalPointsToInvite(round).catch(explain);
    const progress = bar(pending.length, 'invitations');
    for (const fp of pending) {
      await sendNewLink(config.publicUrl, fp, 'invitation', { round }).catch(explain);
      progress.increment();
    }
    progress.stop();
    console.log(`${pending.length} invitation(s) queued in the outbox`);
  });
});

program
  .command('remind <roundId>')
  .option('--dry-run', 'list who would get a reminder, send nothing')
  .action(async (roundId: string, opts: { dryRun?: boolean }) => {
    await withDatabase(async () => {
      const run = await remindRound(config.publicUrl, roundId, { dryRun: Boolean(opts.dryRun) }).catch(explain);
      for (const d of run.decisions)
        console.log(`  ${d.country} ${d.email}: ${d.remind ? (run.dryRun ? 'would be reminded' : 'reminded') : d.why}`);
      console.log(
        `${run.dryRun ? 'dry run: ' : ''}${run.decisions.filter((d) => d.remind).length} due, ${run.queued} queued (at most ${run.policy.max}, ${run.policy.minDaysApart} days apart)`,
      );
    });
  });

program.command('status <roundId>').action(async (roundId: string) => {
  await withDatabase(async () => {
    const { round, views, responses } = await focalPointViews(roundId).catch(explain);
    for (const v of views) {
      const state = v.submitted
        ? 'submitted'
        : v.bounced
          ? 'BOUNCED'
          : v.draftStarted
            ? 'draft started'
            : v.linkOpened
              ? 'link opened'
              : v.invited
                ? 'invited'
                : 'not invited';
      console.log(`  ${v.country} ${v.email.padEnd(36)} ${state}`);
    }
    const s = summarizeRoundStatus(round, views, responses);
    console.log(
      `${s.focalPoints} focal points: ${s.invited} invited, ${s.opened} opened, ${s.bounced} bounced; countries: ${s.draftStarted} started, ${s.countriesSubmitted} submitted of ${s.countries}`,
    );
  });
});

program.parseAsync().catch(explain);
