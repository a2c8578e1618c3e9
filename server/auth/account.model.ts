// Organizer accounts (secretariat staff, coordinators, viewers). Respondents have no account:
// they come through their invitation link.
import mongoose, { type InferSchemaType } from 'mongoose';
import { roles } from './roles';

const accountSchema = new mongoose.Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true },
    role: { type: String, required: true, enum: roles },
    passwordHash: { type: String, required: true },
    disabled: { type: Boolean, default: false },
  },
  {
    timestamps: true,
    toJSON: {
      transform(_doc, ret: Record<string, unknown>) {
        delete ret.passwordHash;
        delete ret.__v;
        return ret;
      },
    },
  },
);

export type AccountFields = InferSchemaType<typeof accountSchema>;
export const Account = mongoose.model('Account', accountSchema);
