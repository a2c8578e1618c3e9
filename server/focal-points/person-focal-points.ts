// A person among the focal points, for the export and the erasure of their personal data. Read
// by filter (the whole collection on FerretDB): rare admin actions only.
import { FocalPoint } from './focal-point.model';
import type { FocalPointDoc } from './round-focal-points';

/** Every focal point (of any round) with this address. */
export function focalPointsWithEmail(email: string): Promise<FocalPointDoc[]> {
  return FocalPoint.find({ email: email.trim().toLowerCase() }).lean();
}

/**
 * Deletes the focal point itself: the last step of its erasure, so that an erasure interrupted
 * earlier is found and finished by running it again. Its round's import batch still names its
 * id; lists skip ids that name nothing.
 */
export async function deleteFocalPointRecord(id: string): Promise<void> {
  await FocalPoint.deleteOne({ _id: id });
}
