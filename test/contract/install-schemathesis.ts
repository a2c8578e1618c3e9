// `npx tsx test/contract/install-schemathesis.ts`: what .ci/run calls to install the API fuzzer
// before the tests (the fuzz test would otherwise install it on its first run).
import { installSchemathesis } from '../helpers/schemathesis';

process.stdout.write(`Schemathesis ready: ${installSchemathesis()}\n`);
