// Loads a backup archive (scripts/backup.ts) into the service's database. Thin wrapper around
// server/backup/restore.ts. The whole archive is verified before anything is written; a
// database holding documents is refused unless --force, which drops each collection the
// archive holds (other collections are left as they are). A restore that fails while loading
// leaves the database as it was.
//   npx tsx scripts/restore.ts <file> [--force]     exit 0 restored, 1 refused, 2 failed
//   npx tsx scripts/restore.ts <file> --verify-only check the archive, touch no database
import mongoose from 'mongoose';
import { Command } from 'commander';
import { loadConfig } from '../server/config';
import { ArchiveRejected } from '../server/backup/read-archive';
import { progressPrinter } from '../server/backup/progress-printer';
import { restoreDatabase, TargetNotEmpty, type RestoreProgress } from '../server/backup/restore';
import { verifyArchive } from '../server/backup/verify-archive';
import type { Manifest } from '../server/backup/archive-format';
import { withDatabase } from './database';

const program = new Command('restore')
  .description('Restore a backup archive into an empty database')
  .argument('<file>', 'the archive written by scripts/backup.ts')
  .option('--force', 'restore into a database that holds documents: replace each collection the archive holds')
  .option('--verify-only', 'only check the archive against its manifest')
  .parse();

const progress = progressPrinter();
const showProgress = (p: RestoreProgress | { collection: string; documents: number }) =>
  progress.update(`${'phase' in p ? p.phase : 'verify'} ${p.collection}: ${p.documents} documents…`);

function describe(manifest: Manifest): string {
  const total = manifest.collections.reduce((sum, c) => sum + c.count, 0);
  return `backup of ${manifest.database} taken ${manifest.createdAt} (app ${manifest.app.version}, methodology ${manifest.methodologyVersion}): ${manifest.collections.length} collections, ${total} documents`;
}

async function main(): Promise<number> {
  const file = program.args[0];
  const opts = program.opts<{ force?: boolean; verifyOnly?: boolean }>();
  if (opts.verifyOnly) {
    const manifest = await verifyArchive(file, showProgress);
    progress.done(`archive intact: ${describe(manifest)}`);
    return 0;
  }
  const config = loadConfig();
  return withDatabase(async () => {
    const result = await restoreDatabase({
      db: mongoose.connection.db!,
      file,
      force: opts.force,
      formsDir: config.formsDir,
      onProgress: showProgress,
    });
    progress.done(`restored into ${config.dbName}: ${describe(result.manifest)}`);
    for (const c of result.manifest.collections)
      console.log(`  ${c.name}: ${c.count} documents, ${c.indexes.length} indexes, checksum verified`);
    if (result.replaced.length)
      console.log(`replaced (dropped, then loaded from the backup): ${result.replaced.join(', ')}`);
    if (result.untouched.length) console.log(`left as they were (not in the backup): ${result.untouched.join(', ')}`);
    for (const difference of result.versionDifferences) console.log(`note: ${difference}`);
    return 0;
  });
}

main()
  .then((code) => process.exit(code))
  .catch((err: Error) => {
    const refused = err instanceof ArchiveRejected || err instanceof TargetNotEmpty;
    console.error(refused ? `refused, nothing written: ${err.message}` : `restore failed: ${err.message}`);
    process.exit(refused ? 1 : 2);
  });
