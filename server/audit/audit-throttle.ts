// At most one audit entry per key and time window (e.g. draft saves: one per country every 10
// minutes, not one per keystroke pause). The first caller of a window claims it by inserting
// "<key>:<window number>" — a unique _id, so concurrent callers on several instances agree.
import mongoose from 'mongoose';
import { isDuplicateKey } from '../db/claim-number';

const auditWindowSchema = new mongoose.Schema(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
const AuditWindow = mongoose.model('AuditWindow', auditWindowSchema);

/** True for the first caller of the current window of `key`, false for the others. */
export async function firstInWindow(key: string, windowMs: number, now = new Date()): Promise<boolean> {
  try {
    await AuditWindow.create({ _id: `${key}:${Math.floor(now.getTime() / windowMs)}`, at: now });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}
