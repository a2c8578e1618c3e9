// A focal point: the person who answers (or helps answer) for one country in one round. Each
// has their own current link (invitationId); all focal points of a country share its response.
import mongoose from 'mongoose';

const focalPointSchema = new mongoose.Schema(
  {
    roundId: { type: mongoose.Schema.Types.ObjectId, required: true },
    country: { type: String, required: true, match: /^[A-Z]{3}$/ },
    name: { type: String, required: true },
    email: { type: String, required: true, lowercase: true, trim: true, index: true },
    language: { type: String, required: true, enum: ['en', 'fr', 'es'] },
    ministry: { type: String, required: true },
    /** The current link; older ones are revoked when a new one is sent. */
    invitationId: { type: mongoose.Schema.Types.ObjectId, index: true },
    /** When the first invitation was queued. */
    invitedAt: { type: Date },
    /** When the link was first opened (any of this focal point's links). */
    openedAt: { type: Date },
  },
  { timestamps: true },
);
focalPointSchema.index({ roundId: 1, email: 1 }, { unique: true });

export const FocalPoint = mongoose.model('FocalPoint', focalPointSchema);
