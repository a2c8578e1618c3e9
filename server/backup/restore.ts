// Loads a backup archive into a database. The archive is verified completely first (verify-
// archive.ts) and nothing is written unless it is intact. A database that already holds
// documents is refused unless `force` is set; then each collection the archive holds is dropped
// before it is loaded, and collections the archive does not hold are left as they are. After
// loading, indexes are recreated from the manifest and every collection is read back and its
// count and checksum compared with the manifest.
import type mongoose from 'mongoose';
import { CollectionDigest, documentLine, parseDocumentLine, type BsonDocument, type Manifest } from './archive-format';
import { createIndexes, listDataCollections } from './collections';
import { readArchive } from './read-archive';
import { verifyArchive } from './verify-archive';
import { describeVersionDifferences, readInstallationVersions } from './versions';

type Db = mongoose.mongo.Db;

export class TargetNotEmpty extends Error {
  constructor(readonly collections: string[]) {
    super(`the database is not empty (documents in ${collections.join(', ')}): restore into an empty database, or pass --force to drop the collections the backup holds before loading them`);
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
  /** Collections that held documents and were dropped (with force). */
  replaced: string[];
  /** Collections of the target the archive does not hold, left untouched. */
  untouched: string[];
  /** Differences between the installation that wrote the backup and this one. */
  versionDifferences: string[];
}

const batchDocuments = 1000;
const batchChars = 4 * 1024 * 1024;

export async function restoreDatabase({ db, file, force = false, formsDir, onProgress }: RestoreOptions): Promise<RestoreResult> {
  const manifest = await verifyArchive(file, (p) => onProgress?.({ phase: 'verify', ...p }));

  const existing = await listDataCollections(db);
  const nonEmpty = await collectionsWithDocuments(db, existing);
  if (nonEmpty.length > 0 && !force) throw new TargetNotEmpty(nonEmpty);
  const restored = new Set(manifest.collections.map((c) => c.name));

  await loadArchive(db, file, existing, onProgress);
  for (const collection of manifest.collections) await createIndexes(db, collection.name, collection.indexes);
  await checkAgainstManifest(db, manifest, onProgress);

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

/** Second pass over the (verified) archive: each section replaces its collection. */
async function loadArchive(db: Db, file: string, existing: string[], onProgress: RestoreOptions['onProgress']): Promise<void> {
  let batch: BsonDocument[] = [];
  let chars = 0;
  let current = '';
  let loaded = 0;
  const flush = async () => {
    if (batch.length > 0) await db.collection(current).insertMany(batch, { ordered: true });
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
      if (existing.includes(current)) await db.collection(current).drop();
      await db.createCollection(current);
    } else if (event.kind === 'document') {
      batch.push(parseDocumentLine(event.line));
      chars += event.line.length;
      if (batch.length >= batchDocuments || chars >= batchChars) await flush();
    }
  }
  await flush();
}

/** Reads every restored collection back and compares its count and checksum with the manifest. */
async function checkAgainstManifest(db: Db, manifest: Manifest, onProgress: RestoreOptions['onProgress']): Promise<void> {
  for (const expected of manifest.collections) {
    const digest = new CollectionDigest();
    for await (const doc of db.collection(expected.name).find({}, { batchSize: 1000 })) {
      digest.add(documentLine(doc));
      if (digest.count % 1000 === 0) onProgress?.({ phase: 'check', collection: expected.name, documents: digest.count });
    }
    if (digest.count !== expected.count || digest.checksum !== expected.checksum) {
      throw new RestoreMismatch(
        `${expected.name} after loading: ${digest.count} documents (manifest: ${expected.count}), checksum ${digest.checksum === expected.checksum ? 'matches' : 'differs'}`,
      );
    }
  }
}
