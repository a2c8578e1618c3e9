// Starts the real app for a test file: its own database on the test run's server, the real
// forms, a real HTTP listener on a free port. Nothing is mocked.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { createApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { connectDatabase } from '../../server/db/connect';
import { loadFormsFolder, type FormRegistry } from '../../server/forms/form-registry';
import { createLogger } from '../../server/http/logger';
import { formsDir } from '../../server/paths';
import { AssetStore } from '../../server/respondent/assets';

export interface TestApp {
  baseUrl: string;
  /** The Express application itself (e.g. to read its route table). */
  app: Express;
  config: Config;
  forms: FormRegistry;
  close(): Promise<void>;
}

let connected = false;

/** Connects this test file to a fresh database of its own (once per file). */
export async function useTestDatabase(): Promise<void> {
  if (connected) return;
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: test/setup/global-setup.ts did not run');
  const dbName = `test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await connectDatabase(uri, dbName);
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  connected = true;
}

export async function dropTestDatabase(): Promise<void> {
  if (!connected) return;
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  connected = false;
}

/** `logger`: where the app logs (a test reading the log lines passes its own); silent otherwise. */
export async function startTestApp(overrides: Partial<Config> = {}, logger?: Logger): Promise<TestApp> {
  await useTestDatabase();
  // Many sign-ins from one address in a test run: the rate-limit test sets its own low limit.
  // The same for answers to open forms: open-forms.test.ts sets its own low limit.
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }),
    signInPerMinute: 1000,
    openResponsesPerHour: 1000,
    // Every API answer is checked against its declared status and schema (server/http/answer-check.ts).
    checkAnswers: true,
    ...overrides,
  };
  const forms = loadFormsFolder(formsDir);
  const assets = await AssetStore.create(forms);
  const app = createApp({ config, logger: logger ?? createLogger(config.logLevel), forms, assets });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    config,
    forms,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts the app before the file's tests and stops it (and drops the database) after them. */
export function setupTestApp(overrides: Partial<Config> = {}): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(overrides);
  });
  afterAll(async () => {
    await app?.close();
    await dropTestDatabase();
    const violations = (app?.app.locals.answerViolations ?? []) as string[];
    if (violations.length)
      throw new Error(
        `Answers not as their routes declare (the OpenAPI document):\n  ${[...new Set(violations)].join('\n  ')}`,
      );
  });
  return () => {
    if (!app) throw new Error('the test app is not started yet');
    return app;
  };
}
