// Small HTTP helpers over Node's fetch: JSON requests, and an organizer signed in with a
// cookie jar of one cookie and the CSRF token of its session.
import { createAccount } from '../../server/auth/accounts';
import type { Role } from '../../server/auth/roles';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export async function request(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export interface Organizer {
  email: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a state-changing request: cookie, CSRF token, JSON. */
  headers: Record<string, string>;
}

let counter = 0;
export const testPassword = 'correct horse battery staple';

export async function createOrganizer(baseUrl: string, role: Role): Promise<Organizer> {
  const email = `${role}${++counter}-${Date.now()}@ministry.example`;
  await createAccount({ email, name: `Test ${role}`, role, password: testPassword });
  const reply = await postJson(`${baseUrl}/api/session`, { email, password: testPassword });
  if (reply.status !== 201) throw new Error(`sign-in failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  const cookie = (reply.headers.get('set-cookie') ?? '').split(';')[0];
  const csrfToken = reply.body.csrfToken as string;
  return {
    email,
    cookie,
    csrfToken,
    headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
  };
}
