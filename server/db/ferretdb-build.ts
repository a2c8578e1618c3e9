// Building the FerretDB binary (scripts/ferretdb) from the Go module proxy, once, with one fix.
//
// The fix. FerretDB v1.24.2's SQLite backend creates each collection's unique _id index on the
// expression  _ferretdb_sjson->"_id"  but finds, updates and deletes by _id with
// _ferretdb_sjson->'$._id'. SQLite only uses an expression index for the same expression, so
// every lookup by _id scans the whole table (measured: an updateOne by _id on a 2,000-document
// collection took 30–60 ms, and grew with the collection; `EXPLAIN QUERY PLAN` says SCAN).
// FerretDB v1 gets no more releases, so the build copies the module, rewrites that one
// constant to  ->'_id'  (the same value, and the index's expression: SEARCH USING INDEX), and
// builds against the copy through a go.mod `replace`. If the line is not found the build stops
// (a different FerretDB version needs the patch reviewed), rather than building unpatched.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../paths';
import type { StartLog } from './database-server';

export const FERRETDB_VERSION = 'v1.24.2';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
// Names the cached binary: bump it whenever the patch below or scripts/ferretdb/main.go changes
// (idindex1: the _id index fix; lifeline1: -stop-with-stdin).
const BUILD_LEVEL = 'idindex1-lifeline1';
const sourceDir = path.join(projectRoot, 'scripts', 'ferretdb');
const cacheDir = path.join(projectRoot, '.cache', 'ferretdb');
export const ferretdbBinary = path.join(cacheDir, `ferretdb-${FERRETDB_VERSION}-${BUILD_LEVEL}`);

const idIndexPatch = {
  file: 'internal/backends/sqlite/metadata/metadata.go',
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: `IDColumn = DefaultColumn + "->'_id'"`,
};

const run = promisify(execFile);

async function go(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('go', args, {
      cwd,
      env: { ...process.env, CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (err) {
    const e = err as { code?: string; stderr?: string; message: string };
    throw new Error(
      e.code === 'ENOENT' ? 'the go command is not installed' : `go ${args[0]} failed: ${e.stderr || e.message}`,
      { cause: err },
    );
  }
}

/** Copies the FerretDB module out of the Go module cache and applies the _id index fix. */
async function patchedModuleCopy(workDir: string): Promise<string> {
  const info = JSON.parse(
    await go(['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], sourceDir),
  ) as { Dir?: string; Error?: string };
  if (!info.Dir)
    throw new Error(`go mod download ${FERRETDB_MODULE}@${FERRETDB_VERSION}: ${info.Error ?? 'no folder'}`);
  const copy = path.join(workDir, 'ferretdb-module');
  fs.cpSync(info.Dir, copy, { recursive: true });
  makeWritable(copy); // the module cache is read-only, and so is a copy of it
  const file = path.join(copy, idIndexPatch.file);
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(idIndexPatch.from))
    throw new Error(`FerretDB patch: "${idIndexPatch.from}" not found in ${idIndexPatch.file}`);
  fs.writeFileSync(file, text.replace(idIndexPatch.from, idIndexPatch.to));
  return copy;
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else fs.chmodSync(full, 0o644);
  }
}

/** Builds the FerretDB binary unless a cached one exists. Needs Go and the Go module proxy. */
export async function ensureFerretdbBinary(log: StartLog): Promise<string> {
  if (fs.existsSync(ferretdbBinary)) return ferretdbBinary;
  log(`building FerretDB ${FERRETDB_VERSION} from the Go module proxy (first run only, a few minutes)…`);
  fs.mkdirSync(cacheDir, { recursive: true });
  // A private work folder and binary name, then rename: two processes building at once never
  // see half a file.
  const workDir = fs.mkdtempSync(path.join(cacheDir, 'build-'));
  try {
    const moduleCopy = await patchedModuleCopy(workDir);
    const buildDir = path.join(workDir, 'cmd');
    fs.mkdirSync(buildDir);
    for (const name of ['main.go', 'go.sum']) fs.copyFileSync(path.join(sourceDir, name), path.join(buildDir, name));
    const goMod = fs.readFileSync(path.join(sourceDir, 'go.mod'), 'utf8');
    fs.writeFileSync(path.join(buildDir, 'go.mod'), `${goMod}\nreplace ${FERRETDB_MODULE} => ${moduleCopy}\n`);
    const partial = `${ferretdbBinary}.${process.pid}.partial`;
    await go(['build', '-o', partial, '.'], buildDir);
    fs.renameSync(partial, ferretdbBinary);
    return ferretdbBinary;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
