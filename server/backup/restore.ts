// Loads a backup archive into a database. The archive is verified completely first (verify-
// archive.ts) and nothing is written unless it is intact. A database that already holds
// documents is refused unless `force` is set.
//
// Each collection is loaded into a staging collection (`_restoring_<name>`), its indexes are
// created and it is read back and checked against the manifest (count and checksum). Only when
// every collection has loaded and checked out are the real ones replaced: each existing one is
// dropped and its staging collection renamed in its place. A failure while loading (a document
// the server refuses, a full disk) therefore leaves the database as it was. Collections the
// archive does not hold are left as they are. (FerretDB's renameCollection has no dropTarget,
// hence drop, then rename.)
import type mongoose from 'mongoose';
import { CollectionDigest, documentLine, parseDocumentLine, type BsonDocument, type Manifest } from './archive-format';
import { createIndexes, listDataCollections, listStagingCollections, stagingPrefix } from './collections';
import { readArchive } from './read-archive';
import { verifyArchive } from './verify-archive';
import { describeVersionDifferences, readInstallationVersions } from './versions';

type Db = mongoose.mongo.Db;

export class TargetNotEmpty extends Error {
  constructor(readonly collections: string[]) {
    super(
      `the database is not empty (documents in ${collections.join(', ')}): restore into an empty database, or pass --force to replace the collections the backup holds`,
    );
  }
}

export class RestoreMismatch extends Error {}

export interface RestoreProgress {
  phase: 'verify' | 'load' | 'check';
  collection: string;
  documents: number;
}

export interface RestoreOptions {
  db: Db;
  file: string;
  force?: boolean;
  formsDir: string;
  onProgress?: (progress: RestoreProgress) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Collections that held documents and were replaced (with force). */
  replaced: string[];
  /** Collections of the target the archive does not hold, left untouched. */
  untouched: string[];
  /** Differences between the installation that wrote the backup and this one. */
  versionDifferences: string[];
}

const batchDocuments = 1000;
const batchChars = 4 * 1024 * 1024;
const staging = (name: string) => `${stagingPrefix}${name}`;

export async function restoreDatabase({
  db,
  file,
  force = false,
  formsDir,
  onProgress,
}: RestoreOptions): Promise<RestoreResult> {
  const manifest = await verifyArchive(file, (p) => onProgress?.({ phase: 'verify', ...p }));

  const existing = await listDataCollections(db);
  const nonEmpty = await collectionsWithDocuments(db, existing);
  if (nonEmpty.length > 0 && !force) throw new TargetNotEmpty(nonEmpty);
  const restored = new Set(manifest.collections.map((c) => c.name));

  await dropStaging(db);
  try {
    await loadIntoStaging(db, file, onProgress);
    for (const collection of manifest.collections)
      await createIndexes(db, staging(collection.name), collection.indexes);
    await checkAgainstManifest(db, manifest, onProgress);
  } catch (err) {
    await dropStaging(db);
    throw err;
  }
  await replaceWithStaging(db, manifest, existing);

  return {
    manifest,
    replaced: nonEmpty.filter((name) => restored.has(name)),
    untouched: existing.filter((name) => !restored.has(name)),
    versionDifferences: describeVersionDifferences(manifest, readInstallationVersions(formsDir)),
  };
}

async function collectionsWithDocuments(db: Db, names: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) if (await db.collection(name).findOne({}, { projection: { _id: 1 } })) found.push(name);
  return found;
}

async function dropStaging(db: Db): Promise<void> {
  for (const name of await listStagingCollections(db)) await db.collection(name).drop();
}

/** Second pass over the (verified) archive: each section goes into its staging collection. */
async function loadIntoStaging(db: Db, file: string, onProgress: RestoreOptions['onProgress']): Promise<void> {
  let batch: BsonDocument[] = [];
  let chars = 0;
  let current = '';
  let loaded = 0;
  const flush = async () => {
    if (batch.length > 0) await db.collection(staging(current)).insertMany(batch, { ordered: true });
    loaded += batch.length;
    batch = [];
    chars = 0;
    if (current) onProgress?.({ phase: 'load', collection: current, documents: loaded });
  };
  for await (const event of readArchive(file)) {
    if (event.kind === 'collection') {
      await flush();
      current = event.name;
      loaded = 0;
      await db.createCollection(staging(current));
    } else if (event.kind === 'document') {
      batch.push(parseDocumentLine(event.line));
      chars += event.line.length;
      if (batch.length >= batchDocuments || chars >= batchChars) await flush();
    }
  }
  await flush();
}

/** Reads every staging collection back and compares its count and checksum with the manifest. */
async function checkAgainstManifest(
  db: Db,
  manifest: Manifest,
  onProgress: RestoreOptions['onProgress'],
): Promise<void> {
  for (const expected of manifest.collections) {
    const digest = new CollectionDigest();
    for await (const doc of db.collection(staging(expected.name)).find({}, { batchSize: 1000 })) {
      digest.add(documentLine(doc));
      if (digest.count % 1000 === 0)
        onProgress?.({ phase: 'check', collection: expected.name, documents: digest.count });
    }
    if (digest.count !== expected.count || digest.checksum !== expected.checksum) {
      throw new RestoreMismatch(
        `${expected.name} after loading: ${digest.count} documents (manifest: ${expected.count}), checksum ${digest.checksum === expected.checksum ? 'matches' : 'differs'}`,
      );
    }
  }
}

/** The only step that changes the real collections; it runs once everything has checked out. */
async function replaceWithStaging(db: Db, manifest: Manifest, existing: string[]): Promise<void> {
  for (const [i, { name, count }] of manifest.collections.entries()) {
    try {
      if (existing.includes(name)) await db.collection(name).drop();
      await db.renameCollection(staging(name), name);
    } catch (err) {
      throw new RestoreMismatch(
        `replacing ${name} failed after ${i} of ${manifest.collections.length} collections were replaced (${(err as Error).message}); the loaded copies of the rest are in ${stagingPrefix}* collections: restore again with --force`,
      );
    }
    const found = await db.collection(name).countDocuments();
    if (found !== count)
      throw new RestoreMismatch(`${name} after replacing: ${found} documents, the manifest says ${count}`);
  }
}
