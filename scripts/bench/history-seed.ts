// Seeding of the history benchmark (scripts/bench-history.ts): one 200-country round built
// through the service's own use cases (focal points imported and invited, drafts saved,
// responses submitted and scored, a recompute, two reminder passes), then "older rounds": copies
// of every document that round left in the database, with new ids, inserted in bulk. Copying
// what the service stored (rather than building documents here) keeps the older rounds exactly
// as the service stores them, whatever its storage looks like.
import { randomBytes } from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import type { LoadedForm } from '../../server/forms/form-registry';
import { importFocalPoints } from '../../server/focal-points/import-focal-points';
import { inviteFocalPoints } from '../../server/focal-points/invite';
import { OutboxDue } from '../../server/email/outbox-due.model';
import { OutboxEmail } from '../../server/email/outbox.model';
import { createCountryLink, resolveLink } from '../../server/invitations/links';
import { listCountries } from '../../server/reference/reference-store';
import { remindRound } from '../../server/reminders/send-reminders';
import { saveDraft, submitResponse } from '../../server/responses/country-responses';
import { Round } from '../../server/rounds/round.model';
import { recomputeRound, scoreSubmission } from '../../server/scoring/round-scores';
import type { FormRegistry } from '../../server/forms/form-registry';
import type { AnswerSet } from './answers';

export const roundCountries = 200;
/** Of the round's countries, in order: this many submitted, then this many drafts, the rest untouched. */
export const submittedCountries = 100;
export const draftCountries = 80;

export interface SeededRound {
  roundId: string;
  /** One link per country, in the round's country order (made for measuring). */
  tokens: string[];
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

/** Roughly the first half, then all but the last tenth, of an answer set: two draft saves. */
function partial(answers: AnswerSet, share: number): AnswerSet {
  const names = Object.keys(answers);
  return Object.fromEntries(names.slice(0, Math.ceil(names.length * share)).map((n) => [n, answers[n]]));
}

const writer = (invitationId: string) => ({ invitationId, ip: '127.0.0.1', userAgent: 'bench-history' });

/**
 * The current round, through the service's use cases: 200 countries with two focal points
 * each (imported, invited), the first `submittedCountries` submitted and scored, the next
 * `draftCountries` with two draft saves, a recompute after a weight change, and two reminder
 * passes (10 and 20 days after the invitations). Emails end as sent, as in a finished round.
 */
export async function seedCurrentRound(
  forms: FormRegistry,
  form: LoadedForm,
  answerSets: AnswerSet[],
  progress: (m: string) => void,
): Promise<SeededRound> {
  const countries = (await listCountries()).slice(0, roundCountries).map((c) => ({ iso3: c.iso3, name: c.names.en }));
  if (countries.length < roundCountries)
    throw new Error(`the reference data has ${countries.length} countries, not ${roundCountries}`);
  const now = Date.now();
  const round = await Round.create({
    name: 'Capacity assessment (current)',
    formId: form.formId,
    formVersion: form.formVersion,
    languages: ['en', 'fr', 'es'],
    deadline: new Date(now + 30 * 86400_000),
    countries,
  });
  const roundId = String(round._id);

  progress('current round: importing and inviting 2 focal points per country');
  const csv = [
    'country,name,email,language,ministry',
    ...countries.flatMap((c, i) =>
      [1, 2].map(
        (n) =>
          `${c.iso3},Focal Point ${n},fp${n}.${c.iso3.toLowerCase()}@ministry.example,${['en', 'fr', 'es'][(i + n) % 3]},Ministry of Interior`,
      ),
    ),
  ];
  await importFocalPoints(roundId, csv.join('\n'), false);
  await inviteFocalPoints('http://127.0.0.1', roundId);

  progress('current round: drafts, submissions and their scores');
  const tokens: string[] = [];
  for (const c of countries)
    tokens.push((await createCountryLink({ roundId, country: c.iso3, language: 'en', label: 'bench' })).token);
  await eachLimited(countries, 8, async (_c, i) => {
    if (i >= submittedCountries + draftCountries) return;
    const link = await resolveLink(tokens[i]);
    const answers = answerSets[i % answerSets.length];
    const by = writer(link.invitationId);
    await saveDraft(forms, link, { answers: partial(answers, 0.5), baseRevision: 0 }, by);
    await saveDraft(forms, link, { answers: partial(answers, 0.9), baseRevision: 1 }, by);
    if (i >= submittedCountries) return;
    const state = await submitResponse(forms, link, { answers, baseRevision: 2 }, by, 'en');
    await scoreSubmission(forms, roundId, link.country.iso3, state);
  });

  progress('current round: a recompute after a weight change, two reminder passes');
  const indicator = form.scoringModel.areas[0]?.indicators[0]?.id;
  if (indicator) await Round.updateOne({ _id: round._id }, { $set: { 'scoring.weights': [{ indicator, weight: 2 }] } });
  await recomputeRound(forms, roundId);
  for (const days of [10, 20])
    await remindRound('http://127.0.0.1', roundId, { now: new Date(now + days * 86400_000) });
  await OutboxEmail.updateMany({ status: 'queued' }, { $set: { status: 'sent', attempts: 1, sentAt: new Date() } });
  await OutboxDue.deleteMany({});
  return { roundId, tokens };
}

/** Collections that hold no round's history (accounts, sessions, reference data, settings, open responses). */
const notHistory = new Set(['accounts', 'sessions', 'referencecountries', 'countrygroups', 'settings', 'responses']);

export type Template = Map<string, Record<string, unknown>[]>;

/** Every document of every history collection, as stored: what one round leaves behind. */
export async function captureTemplate(): Promise<Template> {
  const db = mongoose.connection.db!;
  const template: Template = new Map();
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (notHistory.has(name)) continue;
    template.set(name, (await db.collection(name).find({}).toArray()) as Record<string, unknown>[]);
  }
  return template;
}

const objectIdHex = /\b[0-9a-f]{24}\b/g;
const sha256Hex = /^[0-9a-f]{64}$/;

/**
 * A copy of `value` where every ObjectId, every 24-hex id inside a string (composed _ids like
 * "<roundId>-KEN", claim ids, savedVia) and every 64-hex string (a token's hash) is replaced
 * through `ids`: references between the copied documents still hold, and nothing collides
 * with the original.
 */
function remap(value: unknown, ids: Map<string, string>): unknown {
  const mapped = (hex: string) => {
    let id = ids.get(hex);
    if (!id)
      ids.set(hex, (id = hex.length === 24 ? new Types.ObjectId().toHexString() : randomBytes(32).toString('hex')));
    return id;
  };
  if ((value as { _bsontype?: string } | null)?._bsontype === 'ObjectId')
    return new Types.ObjectId(mapped((value as Types.ObjectId).toHexString()));
  if (typeof value === 'string') return sha256Hex.test(value) ? mapped(value) : value.replace(objectIdHex, mapped);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => remap(v, ids));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remap(v, ids)]));
}

/**
 * Inserts copies; a copy whose _id names no round (the audit chain's "audit:<n>" and its head)
 * already exists and is skipped: such documents belong to the whole service, not to a round.
 */
async function insertSkippingShared(name: string, copies: Record<string, unknown>[]): Promise<void> {
  try {
    await mongoose.connection.db!.collection(name).insertMany(copies, { ordered: false });
  } catch (err) {
    const errors = (err as { writeErrors?: { code?: number }[] }).writeErrors;
    if (!errors?.length || errors.some((e) => e.code !== 11000)) throw err;
  }
}

/** Inserts `count` older rounds, each a copy of the template under new ids, past its deadline. */
export async function insertOlderRounds(
  template: Template,
  count: number,
  firstNumber: number,
  progress: (m: string) => void,
): Promise<void> {
  for (let k = 0; k < count; k++) {
    const ids = new Map<string, string>();
    for (const [name, docs] of template) {
      const copies = docs.map((doc) => {
        const copy = remap(doc, ids) as Record<string, unknown>;
        if (name === 'rounds')
          Object.assign(copy, {
            name: `Capacity assessment (older ${firstNumber + k})`,
            deadline: new Date(Date.now() - (firstNumber + k) * 86400_000),
          });
        return copy;
      });
      for (let i = 0; i < copies.length; i += 1000) await insertSkippingShared(name, copies.slice(i, i + 1000));
    }
    if ((k + 1) % 10 === 0 || k + 1 === count) progress(`older rounds: ${firstNumber + k} stored`);
  }
}

/**
 * Documents per history collection, for the report: the current round's own and a copy of them
 * for each older round. Computed, not counted: FerretDB counts by reading every document, which
 * at 100× takes longer than the connection's 30 s deadline.
 */
export function countDocuments(template: Template, olderRounds: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, docs] of template) counts[name] = docs.length * (1 + olderRounds);
  return counts;
}
