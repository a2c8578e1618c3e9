// The one way secret tokens (session cookies, invitation links) are stored: only their SHA-256.
import { createHash } from 'node:crypto';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
