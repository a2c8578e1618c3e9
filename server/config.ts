// The service's configuration, read once from the environment and validated at start
// ("fail fast"): a bad value stops the process with a message naming the variable.
import fs from 'node:fs';
import { isIP } from 'node:net';
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
  /** Proxies in front whose X-Forwarded-For is believed: a hop count, or their addresses. */
  trustProxy: number | string[];
  seedDemo: boolean;
  signInPerMinute: number;
  /** Anonymous answers to an open questionnaire, per hour and client address. */
  openResponsesPerHour: number;
  /** Mail relay for invitations and receipts, e.g. smtp://user:pass@relay:587. */
  smtpUrl?: string;
  /** Sender of every email; mailer's defaultFrom when unset. */
  emailFrom?: string;
  /** Webhooks may call loopback and private addresses (off: a guard against request forgery). */
  webhookAllowPrivate: boolean;
  /** A PEM file of certificate authorities webhook receivers may use besides the usual ones. */
  webhookCaFile?: string;
  /** Days a client address (IP, user agent) stays on stored records before the sweep removes it. */
  clientAddressRetentionDays: number;
  /** Check every API answer against its declared status and schema (tests: NODE_ENV=test). */
  checkAnswers?: boolean;
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
    TRUST_PROXY: { type: 'string', maxLength: 1000 },
    SEED_DEMO: { type: 'string', enum: ['true', 'false'] },
    SIGNIN_PER_MINUTE: { type: 'string', pattern: '^[0-9]{1,4}$' },
    OPEN_RESPONSES_PER_HOUR: { type: 'string', pattern: '^[0-9]{1,5}$' },
    SMTP_URL: { type: 'string', pattern: '^smtps?://' },
    EMAIL_FROM: { type: 'string', minLength: 1 },
    WEBHOOK_ALLOW_PRIVATE: { type: 'string', enum: ['true', 'false'] },
    WEBHOOK_CA_FILE: { type: 'string', minLength: 1 },
    CLIENT_ADDRESS_RETENTION_DAYS: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' },
    CHECK_ANSWERS: { type: 'string', enum: ['true', 'false'] },
  },
} as const;

const validateEnv = ajv.compile(envSchema);

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(envSchema.properties)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  if (!validateEnv(known)) {
    const lines = toFieldErrors(validateEnv.errors, '').map((e) => `${e.field}: ${e.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const webhookCaFile = known.WEBHOOK_CA_FILE ? path.resolve(projectRoot, known.WEBHOOK_CA_FILE) : undefined;
  if (webhookCaFile && !fs.existsSync(webhookCaFile))
    throw new ConfigError(`invalid configuration:\n  WEBHOOK_CA_FILE: ${webhookCaFile} does not exist`);
  const port = Number(known.PORT ?? 3000);
  if (port > 65535) throw new ConfigError('invalid configuration:\n  PORT: must be at most 65535');
  const publicUrl = (known.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const production = env.NODE_ENV === 'production';
  const cookieSecure =
    (known.COOKIE_SECURE ?? 'auto') === 'auto' ? publicUrl.startsWith('https://') : known.COOKIE_SECURE === 'true';
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
    trustProxy: parseTrustProxy(known.TRUST_PROXY),
    seedDemo: known.SEED_DEMO ? known.SEED_DEMO === 'true' : !production,
    signInPerMinute: Number(known.SIGNIN_PER_MINUTE ?? 10),
    openResponsesPerHour: Number(known.OPEN_RESPONSES_PER_HOUR ?? 20),
    smtpUrl: known.SMTP_URL,
    emailFrom: known.EMAIL_FROM,
    webhookAllowPrivate: known.WEBHOOK_ALLOW_PRIVATE === 'true',
    webhookCaFile,
    clientAddressRetentionDays: Number(known.CLIENT_ADDRESS_RETENTION_DAYS ?? 90),
    checkAnswers: known.CHECK_ANSWERS ? known.CHECK_ANSWERS === 'true' : env.NODE_ENV === 'test',
  };
}

// Subnet names Express understands, besides addresses and CIDR ranges.
const proxyRangeNames = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `false` or a number of proxy hops (X-Forwarded-For is read from the right, that
 * many entries deep), or a comma-separated list of proxy addresses, CIDR ranges and subnet
 * names. Never `true`: that believes the leftmost address, which any client can write, and
 * so lets anyone dodge every rate limit with a fresh made-up address per request.
 */
function parseTrustProxy(value: string | undefined): number | string[] {
  const bad = (why: string) => new ConfigError(`invalid configuration:\n  TRUST_PROXY: ${why}`);
  if (value === undefined || value === 'false') return 0;
  if (value === 'true') {
    throw bad(
      '"true" would believe any X-Forwarded-For a client sends; give the number of proxies in front of the service (e.g. 1) or their addresses (e.g. 10.0.0.0/8 or loopback)',
    );
  }
  if (/^[0-9]{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    if (!isProxyRange(entry))
      throw bad(`"${entry}" is not a hop count, an IP address, a CIDR range or one of ${proxyRangeNames.join(', ')}`);
  }
  return entries;
}

function isProxyRange(entry: string): boolean {
  if (proxyRangeNames.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}
