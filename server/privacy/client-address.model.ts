// Client addresses (IP and user agent) of the requests that stored records keep a trace of, one
// small document per request, in per-day sequences: _id "client-address:<YYYY-MM-DD>:<n>"
// (server/db/append-sequence.ts). Records (audit entries, submitted responses) hold only this
// _id, so an address can expire or be erased without touching them; and expiry deletes whole
// past days by _id, never reading the history (on FerretDB any other query reads it all).
import mongoose from 'mongoose';

const clientAddressSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    ip: { type: String, required: true },
    userAgent: { type: String },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export const ClientAddress = mongoose.model('ClientAddress', clientAddressSchema);
