// The backup archive format, one place for the writer and the reader.
//
// An archive is one gzip stream of UTF-8 lines:
//   @capgap-backup 1                      first line: the format and its version
//   @collection "<name>"                  starts a collection's section
//   <document>                            one line per document: canonical EJSON (relaxed:false),
//                                         so ObjectIds, Dates, Int32/Int64/Double, Decimal128 and
//                                         string _ids come back with their exact BSON types
//   @manifest <json>                      last line: counts, checksums, indexes, versions, time
// The manifest comes last because the writer streams: counts and checksums are known only once
// every document has been written. `zcat file | tail -n 1` shows it.
//
// A collection's checksum is the sum modulo 2^256 of the SHA-256 of each document line. A sum
// does not depend on the order the documents are read in, so the same checksum can be computed
// from the archive and, after a restore, from the database (which need not return them in the
// same order). gzip's own CRC-32 catches damage anywhere in the file, the manifest included.
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';

export const formatName = 'capgap-backup';
export const formatVersion = 1;
export const headerLine = `@${formatName} ${formatVersion}`;
export const collectionPrefix = '@collection ';
export const manifestPrefix = '@manifest ';

const { EJSON } = mongoose.mongo.BSON;

export type BsonDocument = mongoose.mongo.Document;

export interface IndexSpec {
  name: string;
  /** EJSON (relaxed) of the key and options listIndexes gave, without `v` and `ns`. */
  [option: string]: unknown;
}

export interface CollectionManifest {
  name: string;
  count: number;
  /** Hex of the order-independent checksum described above. */
  checksum: string;
  indexes: IndexSpec[];
}

export interface FormManifest {
  formId: string;
  versions: { file: string; sha256: string }[];
}

export interface Manifest {
  format: typeof formatName;
  formatVersion: number;
  createdAt: string;
  database: string;
  app: { name: string; version: string };
  methodologyVersion: string;
  forms: FormManifest[];
  collections: CollectionManifest[];
}

export function documentLine(doc: BsonDocument): string {
  return EJSON.stringify(doc, { relaxed: false });
}

export function parseDocumentLine(line: string): BsonDocument {
  const doc: unknown = EJSON.parse(line, { relaxed: false });
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('a document line is not an object');
  return doc as BsonDocument;
}

const modulus = 1n << 256n;

/** Running count and order-independent checksum of a collection's document lines. */
export class CollectionDigest {
  count = 0;
  private sum = 0n;

  add(line: string): void {
    this.count += 1;
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(line).digest('hex')}`)) % modulus;
  }

  get checksum(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}
