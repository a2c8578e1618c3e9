// Builds (once) the FerretDB binary that the embedded default and the tests use, so that CI
// pays for the build before the tests start. Usage: npx tsx scripts/build-ferretdb.ts
import { ensureFerretdbBinary } from '../server/db/ferretdb-build';

ensureFerretdbBinary((message) => console.log(message))
  .then((binary) => console.log(`FerretDB ready: ${binary}`))
  .catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
