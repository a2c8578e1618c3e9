// Backup and restore on the real test database: a database of varied documents is backed up,
// restored into other databases on the same server and compared document by document; a
// non-empty target and a damaged archive are refused without writing; the two scripts run as
// real processes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import mongoose from 'mongoose';
import { recordAudit } from '../../server/audit/record-audit';
import {
  CollectionDigest,
  collectionPrefix,
  documentLine,
  formatName,
  formatVersion,
  headerLine,
  manifestPrefix,
} from '../../server/backup/archive-format';
import { backupDatabase, BackupRefused } from '../../server/backup/backup';
import { listDataCollections } from '../../server/backup/collections';
import { ArchiveRejected } from '../../server/backup/read-archive';
import { restoreDatabase, TargetNotEmpty } from '../../server/backup/restore';
import { FocalPoint } from '../../server/focal-points/focal-point.model';
import { formsDir, projectRoot } from '../../server/paths';
import { ResponseDoc } from '../../server/responses/response.model';
import { METHODOLOGY_VERSION } from '../../server/scoring/scoring-model';
import { createTestRound } from '../helpers/rounds';
import { dropTestDatabase, useTestDatabase } from '../helpers/test-app';

const { EJSON, Int32, Long, Double, Binary, ObjectId } = mongoose.mongo.BSON;
type Db = mongoose.mongo.Db;
/** A collection whose _id may be of any type (string ids, numbers), as in the service's data. */
const anyIds = (db: Db, name: string) => db.collection<{ _id: unknown } & Record<string, unknown>>(name);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capgap-backup-test-'));
const archive = path.join(dir, 'source.backup.gz');
const targets: string[] = [];
let source: Db;

/** Another database on the test server, dropped after the file's tests. */
function otherDatabase(label: string): Db {
  const name = `${mongoose.connection.name}_${label}`.slice(0, 63);
  targets.push(name);
  return mongoose.connection.getClient().db(name);
}

/** Every document of every collection, keyed by collection and canonical _id, as canonical EJSON. */
async function snapshot(db: Db): Promise<Record<string, Record<string, string>>> {
  const all: Record<string, Record<string, string>> = {};
  for (const name of await listDataCollections(db)) {
    all[name] = {};
    for await (const doc of db.collection(name).find({}))
      all[name][EJSON.stringify(doc._id, { relaxed: false })] = EJSON.stringify(doc, { relaxed: false });
  }
  return all;
}

async function indexesOf(db: Db): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const name of await listDataCollections(db)) {
    const indexes = await db.collection(name).listIndexes().toArray();
    all[name] = indexes
      .map((i) => ({ name: i.name, key: i.key, unique: i.unique ?? false }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  return all;
}

/** Writes a well-formed archive of the given documents (its manifest matches them). */
function writeArchive(file: string, collections: Record<string, mongoose.mongo.Document[]>): void {
  let text = `${headerLine}\n`;
  const listed = Object.entries(collections).map(([name, docs]) => {
    const digest = new CollectionDigest();
    text += `${collectionPrefix}${JSON.stringify(name)}\n`;
    for (const doc of docs) {
      const line = documentLine(doc);
      digest.add(line);
      text += `${line}\n`;
    }
    return { name, count: digest.count, checksum: digest.checksum, indexes: [] };
  });
  const manifest = {
    format: formatName,
    formatVersion,
    createdAt: new Date().toISOString(),
    database: 'crafted',
    app: { name: 'capgap', version: '0.0.0' },
    methodologyVersion: METHODOLOGY_VERSION,
    forms: [],
    collections: listed,
  };
  fs.writeFileSync(file, gzipSync(`${text}${manifestPrefix}${JSON.stringify(manifest)}\n`));
}

async function seed(): Promise<void> {
  const round = await createTestRound();
  const roundId = new ObjectId(round.roundId);
  await FocalPoint.create([
    {
      roundId,
      country: 'KEN',
      name: 'Wanjiru Kamau',
      email: 'w.kamau@interior.example',
      language: 'en',
      ministry: 'Interior',
      invitedAt: new Date('2026-03-01T08:00:00.123Z'),
    },
    {
      roundId,
      country: 'NER',
      name: 'Aïssa Moussa',
      email: 'a.moussa@interieur.example',
      language: 'fr',
      ministry: 'Intérieur',
    },
  ]);
  await ResponseDoc.create({
    formId: 'a1-pilot',
    formVersion: 1,
    locale: 'fr',
    country: 'NER',
    answers: {
      q1: 'oui',
      matrix: { row1: { col1: 3, col2: 'élevé' } },
      list: ['a', 'b'],
      rows: [{ share: 0.25, note: null }, {}],
      empty: {},
    },
    submittedAt: new Date('2026-04-02T10:11:12.345Z'),
  });
  for (const i of [1, 2, 3]) {
    await recordAudit({
      actor: { kind: 'account', id: 'acc-ana', label: 'ana@ministry.example' },
      action: 'round.update',
      roundId: round.roundId,
      details: { i },
    });
  }
  // BSON types the models do not use but a database may hold: each must come back as itself.
  const db = mongoose.connection.db!;
  await anyIds(db, 'typed_values').insertMany([
    {
      _id: new ObjectId(),
      int: new Int32(7),
      long: Long.fromString('9007199254740993'),
      double: new Double(1),
      negative: -2.5,
      flag: false,
      nothing: null,
    },
    {
      _id: 'string-id:1',
      date: new Date(0),
      bytes: new Binary(Buffer.from([0, 1, 2, 255])),
      ids: [new ObjectId(), new ObjectId()],
      deep: { a: [{ b: [1, { c: [2, 3] }] }] },
    },
    { _id: 42, text: 'line\nbreak, "quotes", emoji 🌍, and \u0000 a NUL' },
  ]);
  // Enough documents for several read and write batches.
  await anyIds(db, 'bulk').insertMany(
    Array.from({ length: 2500 }, (_, i) => ({ _id: `bulk:${i}`, i, at: new Date(1_700_000_000_000 + i) })),
  );
  await db.createCollection('empty_with_index');
  await db.collection('empty_with_index').createIndex({ code: 1 }, { unique: true, name: 'code_unique' });
}

beforeAll(async () => {
  await useTestDatabase();
  source = mongoose.connection.db!;
  await seed();
  await backupDatabase({ db: source, out: archive, formsDir });
});

afterAll(async () => {
  for (const name of targets) await mongoose.connection.getClient().db(name).dropDatabase();
  await dropTestDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  test('When a database is backed up, then the manifest counts every collection and names the versions of the app, forms and methodology', async () => {
    const manifest = JSON.parse(
      gunzipSync(fs.readFileSync(archive)).toString('utf8').trimEnd().split('\n').pop()!.slice('@manifest '.length),
    );
    const counts = Object.fromEntries(
      manifest.collections.map((c: { name: string; count: number }) => [c.name, c.count]),
    );
    for (const name of await listDataCollections(source))
      expect(counts[name]).toBe(await source.collection(name).countDocuments());
    expect(counts).toMatchObject({ bulk: 2500, typed_values: 3, empty_with_index: 0, focalpoints: 2, responses: 1 });
    expect(manifest.app.version).toBe(
      JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version,
    );
    expect(manifest.methodologyVersion).toBe(METHODOLOGY_VERSION);
    expect(manifest.forms.map((f: { formId: string }) => f.formId)).toEqual(
      expect.arrayContaining(['a1-pilot', 'capacity']),
    );
    expect(manifest.collections.every((c: { checksum: string }) => /^[0-9a-f]{64}$/.test(c.checksum))).toBe(true);
  });

  test('When the archive is restored into an empty database, then every collection and index matches the original document by document', async () => {
    const target = otherDatabase('restored');
    const result = await restoreDatabase({ db: target, file: archive, formsDir });
    expect(result.replaced).toEqual([]);
    expect(result.versionDifferences).toEqual([]);
    const [before, after] = [await snapshot(source), await snapshot(target)];
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);
    expect(after.auditentries['"audit:1"']).toBeDefined();
    expect(await indexesOf(target)).toEqual(await indexesOf(source));
  });

  test('When the target database holds documents, then restore refuses and writes nothing, and with force replaces the collections the archive holds', async () => {
    const target = otherDatabase('busy');
    await target.collection('rounds').insertOne({ _id: new ObjectId(), name: 'a round restored over' });
    await anyIds(target, 'local_notes').insertOne({ _id: 'note:1', text: 'not in the backup' });
    const before = await snapshot(target);

    await expect(restoreDatabase({ db: target, file: archive, formsDir })).rejects.toThrow(TargetNotEmpty);
    expect(await snapshot(target)).toEqual(before);

    const result = await restoreDatabase({ db: target, file: archive, formsDir, force: true });
    expect(result.replaced).toEqual(['rounds']);
    expect(result.untouched).toEqual(['local_notes']);
    const after = await snapshot(target);
    expect(after.rounds).toEqual((await snapshot(source)).rounds);
    expect(after.local_notes).toEqual(before.local_notes);
  });

  test.each([
    [
      'one byte is flipped',
      (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === Math.floor(bytes.length / 2) ? b ^ 0x01 : b))),
    ],
    ['the file is cut short', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length * 0.7))],
    [
      'a document is edited and the file compressed again',
      (bytes: Buffer) => gzipSync(gunzipSync(bytes).toString('utf8').replace('Wanjiru Kamau', 'Wanjiru Kamav')),
    ],
    [
      'a document is removed and the file compressed again',
      (bytes: Buffer) =>
        gzipSync(
          gunzipSync(bytes)
            .toString('utf8')
            .replace(/^\{"_id":\{"\$oid":"[0-9a-f]{24}"\},"int".*\n/m, ''),
        ),
    ],
  ])('When %s, then restore refuses the archive and writes nothing', async (_label, damage) => {
    const damaged = path.join(dir, `damaged-${Math.random().toString(36).slice(2)}.backup.gz`);
    const original = fs.readFileSync(archive);
    const changed = damage(original);
    expect(changed.equals(original)).toBe(false);
    fs.writeFileSync(damaged, changed);
    const target = otherDatabase(`damaged_${targets.length}`);
    await expect(restoreDatabase({ db: target, file: damaged, formsDir })).rejects.toThrow(ArchiveRejected);
    expect(await target.listCollections().toArray()).toEqual([]);
  });

  test('When the server refuses a document while loading, then the database is left as it was', async () => {
    // An intact archive whose second collection repeats an _id: every server refuses the insert.
    const file = path.join(dir, 'duplicate-ids.backup.gz');
    writeArchive(file, {
      rounds: [{ _id: new ObjectId(), name: 'from the backup' }],
      zz_twice: [{ _id: 'same' }, { _id: 'same' }],
    });
    const target = otherDatabase('load_fails');
    await anyIds(target, 'rounds').insertOne({ _id: 'kept', name: 'the current round' });
    const before = await snapshot(target);
    await expect(restoreDatabase({ db: target, file, formsDir, force: true })).rejects.toThrow(/duplicate key|E11000/);
    expect(await snapshot(target)).toEqual(before);
    expect((await target.listCollections().toArray()).map((c) => c.name)).toEqual(['rounds']);
  });

  test('When the output file exists, then backup refuses to write over it', async () => {
    await expect(backupDatabase({ db: source, out: archive, formsDir })).rejects.toThrow(BackupRefused);
  });
});

function runScript(script: string, args: string[], dbName: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DB_SERVER: 'uri', DB_NAME: dbName },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('the backup and restore scripts', () => {
  test('When the scripts run as processes, then the backup restores into an empty database, a second restore is refused, and --force replaces', async () => {
    const file = path.join(dir, 'script.backup.gz');
    const backup = await runScript('backup.ts', ['--out', file], mongoose.connection.name);
    expect(backup.out).toContain(`backup written: ${file}`);
    expect(backup.code).toBe(0);

    const target = otherDatabase('script');
    const restore = await runScript('restore.ts', [file], target.databaseName);
    expect(restore.out).toContain('bulk: 2500 documents, 0 indexes, checksum verified');
    expect(restore.code).toBe(0);
    expect(await snapshot(target)).toEqual(await snapshot(source));

    const again = await runScript('restore.ts', [file], target.databaseName);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/refused, nothing written: the database is not empty/);

    const forced = await runScript('restore.ts', [file, '--force'], target.databaseName);
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/replaced \(dropped, then loaded from the backup\): .*bulk/);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });
});
