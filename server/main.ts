// Entry point of the service: configuration → forms → database → (demo data) → HTTP.
// Stops cleanly on SIGTERM/SIGINT: in-flight requests finish, then connections close.
// An embedded database that dies is started again (server/db); if it cannot be, the service
// exits with code 1 so that its supervisor (systemd, Docker, Kubernetes) restarts it.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { installCrashGuard, type CrashGuard } from './crash-guard';
import { ConfigError, loadConfig } from './config';
import { connectDatabase, disconnectDatabase, logConnectionChanges } from './db/connect';
import { startDatabaseServer } from './db/database-server';
import { FormError, loadFormsFolder } from './forms/form-registry';
import { createLogger } from './http/logger';
import { AssetStore } from './respondent/assets';
import { seedReferenceData } from './reference/seed-reference';
import { demoAccounts, demoPassword, seedDemo, type DemoSeed } from './rounds/seed-demo';
import { createMailer, defaultFrom } from './email/mailer';
import { startOutboxWorker } from './email/outbox-worker';
import { startReminderJob } from './reminders/reminder-job';
import { startWebhookWorker } from './webhooks/webhook-worker';
import { startClientAddressSweep } from './privacy/client-address-sweep';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);

  let forms;
  try {
    forms = loadFormsFolder(config.formsDir);
  } catch (err) {
    if (!(err instanceof FormError)) throw err;
    logger.fatal(err.message);
    process.exit(1);
  }

  const database = await startDatabaseServer({
    kind: config.dbServer,
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    log: (message) => logger.info(message),
    onLost: (err) => {
      logger.fatal({ err }, 'the database server is gone and could not be started again; exiting');
      process.exit(1);
    },
  });
  logger.info({ database: database.kind }, `database: ${database.description}`);
  const guard: CrashGuard = { logger, stopDatabase: () => database.stop() };
  installCrashGuard(guard);
  await connectDatabase(database.uri, config.dbName);
  logConnectionChanges(logger);
  logger.info(await seedReferenceData(), 'reference data seeded');

  const seedStart = Date.now();
  const demo = config.seedDemo ? await seedDemo(forms, config.publicUrl) : undefined;
  if (demo) logger.info({ ms: Date.now() - seedStart }, 'demo data seeded');

  logger.info('compressing static assets (once; cached in .cache/assets)');
  const assets = await AssetStore.create(forms);
  const app = createApp({ config, logger, forms, assets });
  const server: Server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  guard.server = server;
  const address = server.address() as AddressInfo;
  logger.info(`capgap listening on http://${address.address}:${address.port}`);
  const mailer = config.smtpUrl ? createMailer({ smtpUrl: config.smtpUrl, pool: true }) : undefined;
  const outboxWorker = mailer
    ? startOutboxWorker({ mailer, from: config.emailFrom ?? defaultFrom, log: logger })
    : undefined;
  if (outboxWorker) logger.info('email: outbox worker started (SMTP_URL)');
  else logger.warn('email disabled: SMTP_URL is not set; messages stay queued in the outbox');
  const reminderJob = outboxWorker ? startReminderJob(config.publicUrl, logger) : undefined;
  const webhookWorker = startWebhookWorker({
    allowPrivate: config.webhookAllowPrivate,
    caFile: config.webhookCaFile,
    log: logger,
  });
  const addressSweep = startClientAddressSweep(config.clientAddressRetentionDays, logger);
  if (demo)
    printDemoWelcome(
      config.publicUrl,
      forms
        .list()
        .filter((f) => f.openResponses) // only these answer at /r/:formId
        .map((f) => f.formId),
      demo,
    );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests`);
    // Keep-alive connections become idle once their in-flight request is answered: close them then.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(async () => {
      clearInterval(sweep);
      reminderJob?.stop();
      addressSweep.stop();
      await outboxWorker?.stop(); // bounded: a stuck send is cut after a few seconds
      await webhookWorker.stop(); // bounded the same way
      mailer?.close();
      await disconnectDatabase();
      await database.stop();
      logger.info('stopped');
      process.exit(0);
    });
    setTimeout(() => {
      logger.error('in-flight requests did not finish within 20 s; exiting');
      // The database server is our child: it must not outlive us, even on this path.
      void database.stop().finally(() => process.exit(1));
    }, 20_000).unref();
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function printDemoWelcome(publicUrl: string, formIds: string[], { round, links }: DemoSeed): void {
  const lines = [
    '',
    'capgap is running with demo data.',
    '',
    `Demo round: ${round.name} (${round.formId} v${round.formVersion})`,
    'Country links of the demo round (focal points of one country share its response):',
    ...links.map((l) => `  ${l.country.padEnd(15)} ${publicUrl}/respond/${l.token}`),
    'Open questionnaires, not tied to a round (add ?lang=fr or ?lang=es):',
    ...formIds.map((id) => `  ${publicUrl}/r/${id}`),
    '',
    `Organizer console: ${publicUrl}/console/sign-in (or POST /api/session with {"email", "password"}); demo accounts:`,
    ...demoAccounts.map((a) => `  ${a.role.padEnd(10)} ${a.email}`),
    `  password for all three: ${demoPassword}`,
    '',
    `Health: ${publicUrl}/healthz   Ready: ${publicUrl}/readyz   Schemas: ${publicUrl}/api/schemas`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
