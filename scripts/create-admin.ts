// Creates an organizer account from the command line — the way to make the first admin.
//   npm run create-admin -- --email ana@ministry.example --name "Ana Pereira"
// The password comes from CAPGAP_PASSWORD, or a strong one is generated and printed once.
import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { createAccount } from '../server/auth/accounts';
import { roles, type Role } from '../server/auth/roles';
import { compileSchema, toFieldErrors } from '../server/http/ajv';
import { newAccountSchema } from '../server/auth/auth.schemas';
import { passwordWeakness } from '../server/auth/password-policy';
import { loadConfig } from '../server/config';
import { withDatabase } from './database';

const program = new Command('create-admin')
  .description('Create an organizer account (admin by default)')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'full name')
  .addOption(new Option('--role <role>', 'role').choices([...roles]).default('admin'))
  .parse();

async function main(): Promise<void> {
  const opts = program.opts<{ email: string; name: string; role: Role }>();
  const generated = !process.env.CAPGAP_PASSWORD;
  const password = process.env.CAPGAP_PASSWORD || randomBytes(15).toString('base64url');
  const input = { email: opts.email, name: opts.name, role: opts.role, password };
  const check = compileSchema(newAccountSchema);
  if (!check(input)) {
    for (const e of toFieldErrors(check.errors, ''))
      console.error(`${e.field === 'password' ? 'CAPGAP_PASSWORD' : `--${e.field}`}: ${e.message}`);
    process.exit(2);
  }
  // The same rule createAccount enforces, checked first to name the variable and exit before any database work.
  const demoMode = loadConfig().seedDemo;
  const weakness = passwordWeakness(password, { email: opts.email, name: opts.name, demoMode });
  if (weakness) {
    console.error(`CAPGAP_PASSWORD: ${weakness}`);
    process.exit(2);
  }
  const account = await withDatabase(() => createAccount(input, { demoMode }));
  console.log(`created ${account.role} ${account.email}`);
  if (generated) console.log(`password (shown once, change it after signing in): ${password}`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
