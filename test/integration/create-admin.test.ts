// scripts/create-admin, run as a real process against the test database: the way the first
// admin of a new installation is made.
import { spawn } from 'node:child_process';
import path from 'node:path';
import mongoose from 'mongoose';
import { Account } from '../../server/auth/account.model';
import { checkCredentials } from '../../server/auth/accounts';
import { projectRoot } from '../../server/paths';
import { demoPassword } from '../../server/rounds/seed-demo';
import { dropTestDatabase, useTestDatabase } from '../helpers/test-app';

beforeAll(useTestDatabase);
afterAll(dropTestDatabase);

function createAdmin(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'scripts', 'create-admin.ts'), ...args],
    {
      cwd: projectRoot,
      env: { ...process.env, DB_NAME: mongoose.connection.name, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('When the first admin is created from the command line', () => {
  it('then the account exists with a hashed password and can sign in', async () => {
    const result = await createAdmin(['--email', 'Ana.Pereira@Ministry.example', '--name', 'Ana Pereira'], {
      CAPGAP_PASSWORD: 'a long enough password',
    });
    expect(result.code).toBe(0);
    expect(result.out).toContain('created admin ana.pereira@ministry.example');
    expect(await Account.findOne({ email: 'ana.pereira@ministry.example' }).lean()).toMatchObject({
      role: 'admin',
      name: 'Ana Pereira',
    });
    expect(await checkCredentials('ana.pereira@ministry.example', 'a long enough password')).toMatchObject({
      role: 'admin',
    });
  });

  it('then without CAPGAP_PASSWORD a strong password is generated and printed once', async () => {
    const result = await createAdmin(['--email', 'viewer@ministry.example', '--name', 'V', '--role', 'viewer'], {
      CAPGAP_PASSWORD: '',
    });
    expect(result.code).toBe(0);
    const password = /password \(shown once[^)]*\): (\S+)/.exec(result.out)![1];
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await checkCredentials('viewer@ministry.example', password)).toMatchObject({ role: 'viewer' });
  });

  it('then a password that is easy to guess, or the demo password outside demo mode, is refused naming CAPGAP_PASSWORD, and nothing is created', async () => {
    const before = await Account.countDocuments();
    const common = await createAdmin(['--email', 'weak@ministry.example', '--name', 'W'], {
      CAPGAP_PASSWORD: '123456789012',
    });
    expect(common.code).toBe(2);
    expect(common.out).toMatch(/CAPGAP_PASSWORD: .*commonly used/);
    const demo = await createAdmin(['--email', 'demo@ministry.example', '--name', 'D'], {
      CAPGAP_PASSWORD: demoPassword,
      SEED_DEMO: 'false',
    });
    expect(demo.code).toBe(2);
    expect(demo.out).toMatch(/CAPGAP_PASSWORD: .*demo password/);
    expect(await Account.countDocuments()).toBe(before);
  });

  it('then a bad email or a short password is refused, naming it, and nothing is created', async () => {
    const before = await Account.countDocuments();
    const bad = await createAdmin(['--email', 'not-an-email', '--name', 'X'], { CAPGAP_PASSWORD: 'short' });
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--email/);
    expect(bad.out).toMatch(/CAPGAP_PASSWORD/);
    expect(await Account.countDocuments()).toBe(before);
  });
});
