// The focal points of one country in a round, as contacts (name, email, language): whom other
// features write to on behalf of the country (e.g. partnership introductions). Reads the round's
// focal points by _id (round-focal-points.ts).
import type { Locale } from '../i18n/locales';
import { listRoundFocalPoints } from './round-focal-points';

export interface FocalPointContact {
  id: string;
  name: string;
  email: string;
  language: Locale;
}

export async function focalPointsOfCountry(roundId: string, iso3: string): Promise<FocalPointContact[]> {
  const all = await listRoundFocalPoints(roundId);
  return all
    .filter((f) => f.country === iso3)
    .map((d) => ({ id: String(d._id), name: d.name, email: d.email, language: d.language as Locale }));
}
