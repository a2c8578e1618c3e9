// The claim of one reminder: "<focalPointId>-r<n>" for the focal point's n-th reminder. Every
// pass that decides a focal point is due inserts it first; the unique _id lets exactly one of
// several simultaneous passes (two instances, the hourly job and an organizer) send it.
import mongoose from 'mongoose';

const reminderClaimSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    focalPointId: { type: mongoose.Schema.Types.ObjectId, required: true },
    /** The pass's clock: when the reminder is due. */
    at: { type: Date, required: true },
    /** The queued email, once queued (a claim without one after a while was abandoned). */
    emailId: { type: String },
  },
  { timestamps: true, versionKey: false },
);

export const ReminderClaim = mongoose.model('ReminderClaim', reminderClaimSchema);

export const reminderClaimId = (focalPointId: string, n: number) => `${focalPointId}-r${n}`;
