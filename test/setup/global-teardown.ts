// Stops the database server that global-setup started and removes its files.
import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__capgapTestDatabase;
  if (!started) return;
  await started.server.stop();
  fs.rmSync(started.dataDir, { recursive: true, force: true });
}
