// Runs scripts/verify-audit.ts, as an admin would, against this test file's database.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose from 'mongoose';

const script = path.join(__dirname, '..', '..', 'scripts', 'verify-audit.ts');

/** The script's exit code and what it printed. */
export function runVerifyAudit(): Promise<{ code: number; stdout: string }> {
  return promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), script], {
    env: {
      ...process.env,
      MONGODB_URI: process.env.MONGODB_URI,
      DB_SERVER: 'uri',
      DB_NAME: mongoose.connection.name,
      LOG_LEVEL: 'silent',
    },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
}
