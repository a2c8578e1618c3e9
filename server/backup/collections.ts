// The collections a backup covers and restore checks: every collection of the database except
// MongoDB's own system.* ones and views (a view holds no documents of its own).
import mongoose from 'mongoose';
import type { IndexSpec } from './archive-format';

type Db = mongoose.mongo.Db;
const { EJSON } = mongoose.mongo.BSON;

export async function listDataCollections(db: Db): Promise<string[]> {
  const infos = await db.listCollections({}, { nameOnly: false }).toArray();
  return infos
    .filter((info) => !info.name.startsWith('system.') && (info.type === undefined || info.type === 'collection'))
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
  const descriptions = specs.map((spec) => EJSON.deserialize(spec, { relaxed: true }) as mongoose.mongo.IndexDescription);
  await db.collection(collection).createIndexes(descriptions);
}
