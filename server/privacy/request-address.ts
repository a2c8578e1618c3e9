// The client address of an HTTP request, stored once however many records of the request keep
// it (a submission's response and its audit entry share one reference, so erasing or expiring it
// clears both).
import type { Request } from 'express';
import { storeClientAddress } from './client-addresses';

const stored = new WeakMap<Request, Promise<string | undefined>>();

/** The reference of the request's address (stored on first call); undefined without an address. */
export function requestClientAddress(req: Request, options: { userAgent?: boolean } = {}): Promise<string | undefined> {
  let ref = stored.get(req);
  if (!ref) {
    const userAgent = options.userAgent ? String(req.headers['user-agent'] ?? '').slice(0, 300) : '';
    ref = req.ip ? storeClientAddress({ ip: req.ip, ...(userAgent && { userAgent }) }) : Promise.resolve(undefined);
    stored.set(req, ref);
  }
  return ref;
}
