// Scores every submitted response of a round again (after a methodology or weight change) and
// prints what changed, country by country. Thin wrapper around server/scoring/round-scores.ts,
// the same function as POST /api/rounds/:roundId/scores/recompute.
//   npx tsx scripts/recompute-scores.ts --round <roundId>      (or --all)
import { Command } from 'commander';
import { loadConfig } from '../server/config';
import { loadFormsFolder } from '../server/forms/form-registry';
import { Round } from '../server/rounds/round.model';
import { recomputeRound } from '../server/scoring/round-scores';
import { withDatabase } from './database';

const program = new Command('recompute-scores')
  .description('Recompute the scores of a round and report what changed')
  .option('--round <roundId>', 'the round to recompute')
  .option('--all', 'every round')
  .parse();

const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(1) : String(v));

async function main(): Promise<void> {
  const opts = program.opts<{ round?: string; all?: boolean }>();
  if (!opts.round && !opts.all) program.error('give --round <roundId> or --all');
  const forms = loadFormsFolder(loadConfig().formsDir);
  await withDatabase(async () => {
    const rounds = opts.all
      ? await Round.find({}, { _id: 1, name: 1 }).lean()
      : [{ _id: opts.round, name: opts.round }];
    for (const round of rounds) {
      const report = await recomputeRound(forms, String(round._id));
      console.log(
        `${round.name}: ${report.recomputed} recomputed, ${report.unchanged} unchanged (methodology ${report.methodologyVersion || 'n/a'})`,
      );
      for (const c of report.countries) {
        if (c.first) console.log(`  ${c.country}: first score`);
        for (const ch of c.changes)
          console.log(`  ${c.country} ${ch.area} ${ch.field}: ${fmt(ch.before)} → ${fmt(ch.after)}`);
      }
    }
  });
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
