// Writes every collection of the service's database to one compressed archive with a manifest
// (counts, checksums, indexes, versions of the app, forms and methodology). Thin wrapper around
// server/backup/backup.ts; the format is described in server/backup/archive-format.ts.
//   npx tsx scripts/backup.ts [--out file]     default: capgap-<db>-<time>.backup.gz here
import mongoose from 'mongoose';
import { Command } from 'commander';
import { loadConfig } from '../server/config';
import { backupDatabase, BackupRefused } from '../server/backup/backup';
import { progressPrinter } from '../server/backup/progress-printer';
import { withDatabase } from './database';

const program = new Command('backup')
  .description('Back up every collection of the database to one compressed archive')
  .option('--out <file>', 'the archive to write (never overwritten)')
  .parse();

async function main(): Promise<number> {
  const config = loadConfig();
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const out = program.opts<{ out?: string }>().out ?? `capgap-${config.dbName}-${stamp}.backup.gz`;
  const progress = progressPrinter();
  return withDatabase(async () => {
    const started = Date.now();
    const result = await backupDatabase({
      db: mongoose.connection.db!,
      out,
      formsDir: config.formsDir,
      onProgress: (p) =>
        p.done
          ? progress.done(`${p.collection}: ${p.documents} documents`)
          : progress.update(`${p.collection}: ${p.documents} documents…`),
    });
    const { manifest } = result;
    const total = manifest.collections.reduce((sum, c) => sum + c.count, 0);
    console.log(`backup written: ${result.file}`);
    console.log(
      `  database ${manifest.database}: ${manifest.collections.length} collections, ${total} documents, ${result.bytes} bytes, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(
      `  app ${manifest.app.version}, methodology ${manifest.methodologyVersion}, forms ${manifest.forms.map((f) => `${f.formId} (${f.versions.map((v) => v.file).join(', ')})`).join(', ') || 'none'}`,
    );
    return 0;
  });
}

main()
  .then((code) => process.exit(code))
  .catch((err: Error) => {
    console.error(err instanceof BackupRefused ? `refused: ${err.message}` : `backup failed: ${err.message}`);
    process.exit(err instanceof BackupRefused ? 1 : 2);
  });
