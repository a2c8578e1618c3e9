// The service's configuration, read once from the environment and validated at start
// ("fail fast"): a bad value stops the process with a message naming the variable.
import path from 'node:path';
import { ajv, toFieldErrors } from './http/ajv';
import { formsDir, projectRoot } from './paths';

export const dbServerKinds = ['auto', 'uri', 'mongod', 'memory-server', 'ferretdb'] as const;
export type DbServerKind = (typeof dbServerKinds)[number];

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  mongodbUri?: string;
  dbServer: DbServerKind;
  dbName: string;
  dataDir: string;
  /** Folder of questionnaires (forms/<formId>/v<N>.json). */
  formsDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimit: string;
  sessionHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  seedDemo: boolean;
  signInPerMinute: number;
  /** Mail relay for invitations and receipts, e.g. smtp://user:pass@relay:587. */
  smtpUrl?: string;
  /** Sender of every email; mailer's defaultFrom when unset. */
  emailFrom?: string;
}

const envSchema = {
  type: 'object',
  properties: {
    PORT: { type: 'string', pattern: '^[0-9]{1,5}$' },
    HOST: { type: 'string', minLength: 1 },
    PUBLIC_URL: { type: 'string', format: 'uri', pattern: '^https?://' },
    MONGODB_URI: { type: 'string', pattern: '^mongodb(\\+srv)?://' },
    DB_SERVER: { type: 'string', enum: [...dbServerKinds] },
    DB_NAME: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,63}$' },
    DATA_DIR: { type: 'string', minLength: 1 },
    FORMS_DIR: { type: 'string', minLength: 1 },
    LOG_LEVEL: { type: 'string', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    BODY_LIMIT: { type: 'string', pattern: '^[0-9]+(b|kb|mb)$' },
    SESSION_HOURS: { type: 'string', pattern: '^[0-9]{1,4}$' },
    COOKIE_SECURE: { type: 'string', enum: ['true', 'false', 'auto'] },
    TRUST_PROXY: { type: 'string', enum: ['true', 'false'] },
    SEED_DEMO: { type: 'string', enum: ['true', 'false'] },
    SIGNIN_PER_MINUTE: { type: 'string', pattern: '^[0-9]{1,4}$' },
    SMTP_URL: { type: 'string', pattern: '^smtps?://' },
    EMAIL_FROM: { type: 'string', minLength: 1 },
  },
} as const;

const validateEnv = ajv.compile(envSchema);

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(envSchema.properties).filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  if (!validateEnv(known)) {
    const lines = toFieldErrors(validateEnv.errors, '').map((e) => `${e.field}: ${e.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const port = Number(known.PORT ?? 3000);
  if (port > 65535) throw new ConfigError('invalid configuration:\n  PORT: must be at most 65535');
  const publicUrl = (known.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const production = env.NODE_ENV === 'production';
  const cookieSecure = (known.COOKIE_SECURE ?? 'auto') === 'auto' ? publicUrl.startsWith('https://') : known.COOKIE_SECURE === 'true';
  return {
    port,
    host: known.HOST ?? '127.0.0.1',
    publicUrl,
    mongodbUri: known.MONGODB_URI,
    dbServer: (known.DB_SERVER as DbServerKind | undefined) ?? (known.MONGODB_URI ? 'uri' : 'auto'),
    dbName: known.DB_NAME ?? 'capgap',
    dataDir: path.resolve(projectRoot, known.DATA_DIR ?? 'data'),
    formsDir: known.FORMS_DIR ? path.resolve(projectRoot, known.FORMS_DIR) : formsDir,
    logLevel: (known.LOG_LEVEL as Config['logLevel'] | undefined) ?? 'info',
    bodyLimit: known.BODY_LIMIT ?? '256kb',
    sessionHours: Number(known.SESSION_HOURS ?? 12),
    cookieSecure,
    trustProxy: known.TRUST_PROXY === 'true',
    seedDemo: known.SEED_DEMO ? known.SEED_DEMO === 'true' : !production,
    signInPerMinute: Number(known.SIGNIN_PER_MINUTE ?? 10),
    smtpUrl: known.SMTP_URL,
    emailFrom: known.EMAIL_FROM,
  };
}
