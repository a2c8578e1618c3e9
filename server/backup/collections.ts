// The collections a backup covers and restore checks: every collection of the database except
// MongoDB's own system.* ones, views (a view holds no documents of its own) and the staging
// collections a restore loads into before it replaces the real ones.
import mongoose from 'mongoose';
import type { IndexSpec } from './archive-format';

type Db = mongoose.mongo.Db;
const { EJSON } = mongoose.mongo.BSON;

/** A restore loads collection X into `_restoring_X`, then renames it to X once all are checked. */
export const stagingPrefix = '_restoring_';

export async function listDataCollections(db: Db): Promise<string[]> {
  const infos = await db.listCollections({}, { nameOnly: false }).toArray();
  return infos
    .filter(
      (info) =>
        !info.name.startsWith('system.') &&
        !info.name.startsWith(stagingPrefix) &&
        (info.type === undefined || info.type === 'collection'),
    )
    .map((info) => info.name)
    .sort();
}

/** The collection's indexes other than the default one on _id, as EJSON-safe specs. */
export async function readIndexSpecs(db: Db, collection: string): Promise<IndexSpec[]> {
  const indexes = await db.collection(collection).listIndexes().toArray();
  return indexes
    .filter((index) => index.name !== '_id_')
    .map(({ v: _v, ns: _ns, ...spec }) => EJSON.serialize(spec, { relaxed: true }) as IndexSpec);
}

/** Recreates indexes recorded by readIndexSpecs. */
export async function createIndexes(db: Db, collection: string, specs: IndexSpec[]): Promise<void> {
  if (specs.length === 0) return;
  const descriptions = specs.map(
    (spec) => EJSON.deserialize(spec, { relaxed: true }) as mongoose.mongo.IndexDescription,
  );
  await db.collection(collection).createIndexes(descriptions);
}

/** Staging collections left by a restore that was interrupted. */
export async function listStagingCollections(db: Db): Promise<string[]> {
  const infos = await db.listCollections({}, { nameOnly: true }).toArray();
  return infos.map((info) => info.name).filter((name) => name.startsWith(stagingPrefix));
}
