// A personal link to answer for one country in one round. The token itself is never stored,
// only its SHA-256; several links (focal points) of one country share the country's response.
import mongoose from 'mongoose';

const invitationSchema = new mongoose.Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    roundId: { type: mongoose.Schema.Types.ObjectId, required: true, index: true },
    country: { type: String, required: true, match: /^[A-Z]{3}$/ },
    language: { type: String, required: true, enum: ['en', 'fr', 'es'] },
    label: { type: String },
    expiresAt: { type: Date },
    revokedAt: { type: Date },
  },
  { timestamps: true },
);

export const Invitation = mongoose.model('Invitation', invitationSchema);
