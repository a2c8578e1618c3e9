// The rounds feature's queries and updates, the only code (with the demo seed) that touches the
// Round model. Looking up a round named in a URL: an unknown or malformed id is a 404, never a
// 500; so is a country the round does not include. Round ids are checked here, one way.
import { isValidObjectId } from 'mongoose';
import type { Locale } from '../i18n/locales';
import { AppError } from '../http/problem';
import { Round } from './round.model';

/** The shape of a round id in a URL (a MongoDB ObjectId in hex). */
export const isRoundId = (id: string) => /^[0-9a-f]{24}$/.test(id) && isValidObjectId(id);

/** The round, or undefined when there is none with this id. */
export async function findRound(roundId: string | { toString(): string }) {
  const id = String(roundId);
  return isRoundId(id) ? ((await Round.findById(id).lean()) ?? undefined) : undefined;
}

export async function findRoundOrReject(roundId: string) {
  const round = await findRound(roundId);
  if (!round) throw new AppError('notFound', 'No such round');
  return round;
}

/** The round and one of its countries, or a 404 naming which of the two is unknown. */
export async function findRoundCountryOrReject(roundId: string, iso3: string) {
  const round = await findRoundOrReject(roundId);
  const country = round.countries.find((c) => c.iso3 === iso3);
  if (!country) throw new AppError('notFound', `${iso3} is not in this round`);
  return { round, country };
}

/** Every round, newest first. */
export function listRounds() {
  return Round.find().sort({ createdAt: -1 }).lean();
}

/** Rounds whose deadline is not past. */
export function listOpenRounds(now: Date) {
  return Round.find({ deadline: { $gte: now } }).lean();
}

export interface NewRound {
  name: string;
  formId: string;
  formVersion: number;
  languages: Locale[];
  deadline: Date;
  reminders: { max: number; minDaysApart: number };
  /** Whom respondents may contact about the round. */
  contact?: { name?: string; email?: string };
  /** Scoring settings other than the defaults (round.model.ts). */
  scoring?: Record<string, unknown>;
}

export async function createRound(input: NewRound) {
  return (await Round.create({ ...input, countries: [] })).toObject();
}

/** Adds countries (ISO3 and English name) that the round does not include yet. */
export async function addRoundCountries(roundId: unknown, countries: { iso3: string; name: string }[]): Promise<void> {
  if (countries.length) await Round.updateOne({ _id: roundId }, { $addToSet: { countries: { $each: countries } } });
}

/** Sets fields of a round (dotted paths allowed) in one update; returns the round as stored. */
export async function setRoundFields(roundId: unknown, fields: Record<string, unknown>) {
  if (!Object.keys(fields).length) return findRound(String(roundId));
  return (
    (await Round.findByIdAndUpdate(
      roundId,
      { $set: fields },
      { returnDocument: 'after', runValidators: true },
    ).lean()) ?? undefined
  );
}

/** Sets scoring settings (`scoring.<name>` paths) and returns the round's scoring settings as stored. */
export async function updateRoundScoring(roundId: unknown, settings: Record<string, unknown>) {
  const set = Object.fromEntries(Object.entries(settings).map(([k, v]) => [`scoring.${k}`, v]));
  const updated = await Round.findByIdAndUpdate(
    roundId,
    { $set: set },
    { returnDocument: 'after', runValidators: true },
  ).lean();
  return updated?.scoring;
}
