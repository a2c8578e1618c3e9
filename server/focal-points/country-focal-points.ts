// The focal points of one country in a round, as contacts (name, email, language): whom other
// features write to on behalf of the country (e.g. partnership introductions).
import type { Locale } from '../forms/survey-validation';
import { FocalPoint } from './focal-point.model';

export interface FocalPointContact {
  id: string;
  name: string;
  email: string;
  language: Locale;
}

export async function focalPointsOfCountry(roundId: string, iso3: string): Promise<FocalPointContact[]> {
  const docs = await FocalPoint.find({ roundId, country: iso3 }).sort({ email: 1 }).lean();
  return docs.map((d) => ({ id: String(d._id), name: d.name, email: d.email, language: d.language as Locale }));
}
