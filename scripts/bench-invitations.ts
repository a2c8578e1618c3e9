// Benchmark of invitation email: queueing 2,000 invitations (queueEmail: render + insert) and
// delivering them with the outbox worker to a local SMTP server.
//
//   npx tsx scripts/bench-invitations.ts [--count 2000] [--concurrency 4]
//
// A database server is started as the service starts one (server/db, temporary data folder);
// the SMTP server is smtp-server on a free loopback port that accepts everything and counts.
// Delivery runs ONE worker (startOutboxWorker) in this process with --concurrency claimers
// side by side, each taking --batch messages per look (default 10), sharing one pooled SMTP mailer with as
// many connections. Delivery time runs until the SMTP server has received every message. Prints messages/s
// for queueing and for delivery, duplicates received (must be 0), and each phase's peak memory
// (scripts/bench/memory-sampler.ts).
import { supportedLocales } from '../server/i18n/locales';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { trusted } from 'mongoose';
import { SMTPServer } from 'smtp-server';
import { createMailer, defaultFrom } from '../server/email/mailer';
import { OutboxClaim } from '../server/email/outbox-claim.model';
import { OutboxDue } from '../server/email/outbox-due.model';
import { OutboxEmail } from '../server/email/outbox.model';
import { startOutboxWorker } from '../server/email/outbox-worker';
import { queueEmail } from '../server/email/queue-email';
import { withMemorySampling } from './bench/memory-sampler';
import { integerAtLeast, progressTo } from './lib/cli';
import { openScratchDatabase, runCleanups, type Cleanup } from './lib/local-service';

const positiveInteger = integerAtLeast(1);
const opts = new Command('bench-invitations')
  .option('--count <n>', 'invitations to queue and deliver', positiveInteger, 2000)
  .option('--concurrency <n>', 'claimers in the one worker', positiveInteger, 4)
  .option('--batch <n>', 'messages a claimer takes per look at the outbox', positiveInteger, 10)
  .option('--max-seconds <n>', 'stop delivery after this long and report what was delivered', positiveInteger, 600)
  .parse()
  .opts<{ count: number; concurrency: number; batch: number; maxSeconds: number }>();

const progress = progressTo('bench');
const mb = (n: number) => `${n.toFixed(0)} MB`;

async function main(): Promise<void> {
  const cleanups: Cleanup[] = [];
  try {
    const database = await openScratchDatabase('bench', cleanups, progress);
    await Promise.all([OutboxEmail.init(), OutboxClaim.init(), OutboxDue.init()]);

    const received = new Map<string, number>();
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          for (const r of session.envelope.rcptTo) received.set(r.address, (received.get(r.address) ?? 0) + 1);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push({
      what: 'close the SMTP server',
      run: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
    });
    const port = (smtp.server.address() as AddressInfo).port;

    // ---- queueing ----
    const deadline = new Date('2027-03-15T12:00:00Z');
    const locales = supportedLocales;
    const t0 = performance.now();
    const queueConcurrency = 8;
    let next = 0;
    const { memory: queueMemory } = await withMemorySampling(() =>
      Promise.all(
        Array.from({ length: queueConcurrency }, async () => {
          while (next < opts.count) {
            const i = next++;
            await queueEmail({
              to: `focal.point.${i}@ministry.example`,
              template: 'invitation',
              locale: locales[i % 3],
              data: {
                name: `Focal Point ${i}`,
                countryName: `Country ${i % 193}`,
                roundName: 'Capacity Assessment 2027',
                deadline,
                link: `https://capgap.example/respond/${randomBytes(16).toString('base64url')}`,
              },
            });
          }
        }),
      ),
    );
    const queueSec = (performance.now() - t0) / 1000;
    progress(`queued ${opts.count} in ${queueSec.toFixed(2)} s`);

    // ---- delivery ----
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, pool: true, maxConnections: opts.concurrency });
    cleanups.push({ what: 'close the SMTP mailer', run: async () => mailer.close() });
    const total = () => [...received.values()].reduce((a, b) => a + b, 0);
    const t1 = performance.now();
    const { memory: deliveryMemory } = await withMemorySampling(async () => {
      const worker = startOutboxWorker({
        mailer,
        from: defaultFrom,
        pollMs: 50,
        concurrency: opts.concurrency,
        batchSize: opts.batch,
      });
      while (total() < opts.count && performance.now() - t1 < opts.maxSeconds * 1000) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await worker.stop();
    });
    const delivered = total();
    const deliverSec = (performance.now() - t1) / 1000;
    const claims = await OutboxClaim.countDocuments();
    const duplicates = [...received.values()].filter((n) => n > 1).length;
    const notSent = await OutboxEmail.countDocuments({ status: trusted({ $ne: 'sent' }) });
    const incomplete =
      delivered < opts.count ? ` (INCOMPLETE: ${delivered} of ${opts.count} within --max-seconds)` : '';

    const lines = [
      '',
      `invitations: ${opts.count}; database: ${database.description}`,
      `queueing  (queueEmail, ${queueConcurrency} at a time): ${queueSec.toFixed(2)} s  ${(opts.count / queueSec).toFixed(0)} messages/s`,
      `delivery  (1 worker, ${opts.concurrency} claimers x batch ${opts.batch}, pooled SMTP x${opts.concurrency}): ${deliverSec.toFixed(2)} s  ${(delivered / deliverSec).toFixed(1)} messages/s${incomplete}`,
      `received by SMTP: ${[...received.values()].reduce((a, b) => a + b, 0)}; addresses received more than once: ${duplicates}; outbox not 'sent': ${notSent}; claims recorded: ${claims}`,
      `peak memory, queueing: rss ${mb(queueMemory.peakRssMb)}, heap used ${mb(queueMemory.peakHeapMb)} (before: rss ${mb(queueMemory.baselineRssMb)})`,
      `peak memory, delivery: rss ${mb(deliveryMemory.peakRssMb)}, heap used ${mb(deliveryMemory.peakHeapMb)} (before: rss ${mb(deliveryMemory.baselineRssMb)})`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    if (duplicates > 0 || incomplete) process.exitCode = 1;
  } finally {
    await runCleanups(cleanups, progress);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
