// Walks the audit log's hash chain from the first entry to the newest and names the first entry
// that was deleted, edited or replaced. Thin wrapper around server/audit/verify-audit.ts.
//   npx tsx scripts/verify-audit.ts          exit 0 when the chain holds, 1 when it is broken
import { Command } from 'commander';
import { verifyAuditChain } from '../server/audit/verify-audit';
import { withDatabase } from './database';

new Command('verify-audit').description('Check that no audit entry was deleted, edited or replaced').parse();

async function main(): Promise<number> {
  return withDatabase(async () => {
    const result = await verifyAuditChain((checked, newest) => {
      if (process.stderr.isTTY) process.stderr.write(`\rchecked ${checked} of ${newest}`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (result.firstBreak) {
      console.log(
        `BROKEN at entry ${result.firstBreak.seq} (${result.firstBreak.problem}): ${result.firstBreak.detail}`,
      );
      console.log(`entries 1–${result.checked} hold; ${result.newest} in the log`);
      return 1;
    }
    console.log(`OK: ${result.checked} entries, chain intact`);
    return 0;
  });
}

main()
  .then((code) => process.exit(code))
  .catch((err: Error) => {
    console.error(err.message);
    process.exit(2);
  });
