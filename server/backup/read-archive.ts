// Reads a backup archive (archive-format.ts) line by line as a stream of events, and checks
// its structure on the way: the header first, documents only inside a collection's section,
// the manifest last and once. Anything else is an ArchiveRejected.
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { compileSchema, toFieldErrors } from '../http/ajv';
import { collectionPrefix, formatVersion, headerLine, manifestPrefix, type Manifest } from './archive-format';
import { manifestSchema } from './manifest.schema';

export class ArchiveRejected extends Error {}

export type ArchiveEvent =
  | { kind: 'collection'; name: string }
  | { kind: 'document'; collection: string; line: string }
  | { kind: 'manifest'; manifest: Manifest };

const validateManifest = compileSchema<Manifest>(manifestSchema);

export async function* readArchive(file: string): AsyncGenerator<ArchiveEvent> {
  if (!fs.existsSync(file)) throw new ArchiveRejected(`${file}: no such file`);
  const source = fs.createReadStream(file);
  const gunzip = createGunzip();
  const lines = readline.createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  // readline does not pass on the decompressor's errors (a damaged or truncated file): keep
  // the first one and end the line stream so the loop below reports it.
  let streamError: Error | undefined;
  gunzip.on('error', (err) => {
    streamError ??= err;
    lines.close();
  });
  let lineNumber = 0;
  let collection: string | undefined;
  let manifestSeen = false;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      const where = `line ${lineNumber}`;
      if (lineNumber === 1) {
        if (line !== headerLine)
          throw new ArchiveRejected(`not a capgap backup of format version ${formatVersion} (${where})`);
        continue;
      }
      if (manifestSeen) throw new ArchiveRejected(`data after the manifest (${where})`);
      if (line.startsWith(collectionPrefix)) {
        collection = parseName(line.slice(collectionPrefix.length), where);
        yield { kind: 'collection', name: collection };
      } else if (line.startsWith(manifestPrefix)) {
        manifestSeen = true;
        yield { kind: 'manifest', manifest: parseManifest(line.slice(manifestPrefix.length), where) };
      } else if (collection !== undefined && line.startsWith('{')) {
        yield { kind: 'document', collection, line };
      } else {
        throw new ArchiveRejected(`unexpected line (${where})`);
      }
    }
  } catch (err) {
    if (err instanceof ArchiveRejected) throw err;
    throw damaged(streamError ?? (err as Error));
  } finally {
    // Also when the reader stops early (a refused archive): release the file at once.
    lines.close();
    gunzip.destroy();
    source.destroy();
  }
  if (streamError) throw damaged(streamError);
  if (lineNumber === 0) throw new ArchiveRejected('the file is empty');
  if (!manifestSeen) throw new ArchiveRejected('the archive ends before its manifest (a truncated file)');
}

const damaged = (err: Error) => new ArchiveRejected(`the file is damaged or not a gzip archive: ${err.message}`);

function parseName(text: string, where: string): string {
  const name: unknown = parseJson(text, where);
  if (typeof name !== 'string' || name.length === 0)
    throw new ArchiveRejected(`a collection name is not a string (${where})`);
  return name;
}

function parseManifest(text: string, where: string): Manifest {
  const manifest = parseJson(text, where);
  if (!validateManifest(manifest)) {
    const problems = toFieldErrors(validateManifest.errors, 'manifest').map((e) => `${e.field}: ${e.message}`);
    throw new ArchiveRejected(`the manifest is not valid (${where}): ${problems.slice(0, 5).join('; ')}`);
  }
  return manifest;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ArchiveRejected(`unreadable JSON (${where})`);
  }
}
