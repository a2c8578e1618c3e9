// Writes every collection of the database to one gzip archive (format: archive-format.ts),
// reading each collection with a cursor and writing as it goes, so memory does not grow with
// the size of the database. The archive is written under a temporary name and renamed when
// complete: a backup that fails half-way leaves no file that looks like a backup.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type mongoose from 'mongoose';
import {
  CollectionDigest,
  collectionPrefix,
  documentLine,
  formatName,
  formatVersion,
  headerLine,
  manifestPrefix,
  type CollectionManifest,
  type Manifest,
} from './archive-format';
import { listDataCollections, readIndexSpecs } from './collections';
import { readInstallationVersions } from './versions';

export interface BackupProgress {
  collection: string;
  documents: number;
  done: boolean;
}

export interface BackupOptions {
  db: mongoose.mongo.Db;
  out: string;
  formsDir: string;
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
}

/** Lines are gathered into chunks of about this size: fewer, larger writes into gzip. */
const chunkChars = 64 * 1024;
const progressEvery = 1000;

export class BackupRefused extends Error {}

export async function backupDatabase({ db, out, formsDir, onProgress }: BackupOptions): Promise<BackupResult> {
  // Each backup is a generation of its own: never write over an earlier one.
  if (fs.existsSync(out)) throw new BackupRefused(`${out} already exists: choose another --out`);
  const versions = readInstallationVersions(formsDir);
  const createdAt = new Date().toISOString();
  const names = await listDataCollections(db);
  const collections: CollectionManifest[] = [];

  async function* lines(): AsyncGenerator<string> {
    yield `${headerLine}\n`;
    for (const name of names) {
      const indexes = await readIndexSpecs(db, name);
      const digest = new CollectionDigest();
      let chunk = `${collectionPrefix}${JSON.stringify(name)}\n`;
      for await (const doc of db.collection(name).find({}, { batchSize: 1000 })) {
        const line = documentLine(doc);
        digest.add(line);
        chunk += `${line}\n`;
        if (chunk.length >= chunkChars) {
          yield chunk;
          chunk = '';
        }
        if (digest.count % progressEvery === 0)
          onProgress?.({ collection: name, documents: digest.count, done: false });
      }
      yield chunk;
      collections.push({ name, count: digest.count, checksum: digest.checksum, indexes });
      onProgress?.({ collection: name, documents: digest.count, done: true });
    }
    yield `${manifestPrefix}${JSON.stringify(buildManifest())}\n`;
  }

  const buildManifest = (): Manifest => ({
    format: formatName,
    formatVersion,
    createdAt,
    database: db.databaseName,
    ...versions,
    collections,
  });

  const partial = `${out}.partial`;
  try {
    await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(partial));
    fs.renameSync(partial, out);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { file: out, bytes: fs.statSync(out).size, manifest: buildManifest() };
}
