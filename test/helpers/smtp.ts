// A real SMTP server for tests (smtp-server on a loopback port): records every message it
// accepts, and can be told to refuse the next RCPT TO of an address with a 4xx or 5xx reply.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailer } from '../../server/email/mailer';
import { newOwner, processDue } from '../../server/email/outbox-worker';

export interface ReceivedEmail {
  from: string;
  to: string[];
  raw: string;
  /** Header values (unfolded, encoded words decoded), lower-case names. */
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  /** The text/plain part, decoded. */
  text: string;
  /** The text/html part, decoded. */
  html: string;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  received: ReceivedEmail[];
  /** Refuse the next `times` RCPT TO for `address` with `code` (e.g. 451 or 550). */
  rejectNext(address: string, code: number, times?: number, message?: string): void;
  /** Resolves once `count` messages have been received in all (or rejects after timeoutMs). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  close(): Promise<void>;
}

/** On a free port, or on `port` (a relay restarted where the service expects it). */
export async function startTestSmtpServer({ port: wantedPort = 0 }: { port?: number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  const rejections = new Map<string, { code: number; times: number; message: string }>();
  const waiters: Array<() => void> = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anyone' });
    },
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const key = address.address.toLowerCase();
      const rule = rejections.get(key);
      if (rule && rule.times > 0) {
        rule.times--;
        if (rule.times === 0) rejections.delete(key);
        const err = new Error(rule.message) as Error & { responseCode: number };
        err.responseCode = rule.code;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        received.push(
          parseEmail(
            raw,
            mailFrom ? mailFrom.address : '',
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantedPort, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectNext(address, code, times = 1, message) {
      rejections.set(address.toLowerCase(), {
        code,
        times,
        message: message ?? (code >= 500 ? 'Mailbox unavailable: no such user' : 'Mailbox busy, try again later'),
      });
    },
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        const left = until - Date.now();
        if (left <= 0) throw new Error(`expected ${count} emails, received ${received.length}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(left, 200));
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends every email due in the outbox to `server` once, as the outbox worker does; returns how many went. */
export async function deliverOutbox(server: TestSmtpServer): Promise<number> {
  const mailer = createMailer({ smtpUrl: server.url });
  try {
    return await processDue({ mailer, from: 'capgap <no-reply@capgap.example>', owner: newOwner('test') });
  } finally {
    mailer.close();
  }
}

// ---- a small MIME reader: enough for what nodemailer produces ---------------------------------

function splitHeaders(part: string): { headers: Record<string, string>; body: string } {
  const sep = part.search(/\r?\n\r?\n/);
  const head = sep < 0 ? part : part.slice(0, sep);
  const body = sep < 0 ? '' : part.slice(sep).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

/** =?UTF-8?Q?...?= and =?UTF-8?B?...?= encoded words. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/** Quoted-printable: soft line breaks (=\r\n) removed, =XX bytes decoded as UTF-8. */
export function decodeQuotedPrintable(s: string): string {
  const joined = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding = ''): string {
  const e = encoding.toLowerCase();
  if (e === 'quoted-printable') return decodeQuotedPrintable(body);
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

function collectParts(part: string, out: { text: string; html: string }): void {
  const { headers, body } = splitHeaders(part);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const pieces = body.split(`--${boundary}`);
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith('--')) break;
      collectParts(piece.replace(/^\r?\n/, ''), out);
    }
    return;
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding']);
  if (/^text\/html/i.test(type)) out.html ||= decoded;
  else if (/^text\/plain/i.test(type)) out.text ||= decoded;
}

export function parseEmail(raw: string, from: string, to: string[]): ReceivedEmail {
  const { headers } = splitHeaders(raw);
  for (const k of Object.keys(headers)) headers[k] = decodeWords(headers[k]);
  const parts = { text: '', html: '' };
  collectParts(raw, parts);
  return {
    from,
    to,
    raw,
    headers,
    subject: headers.subject ?? '',
    messageId: headers['message-id'] ?? '',
    text: parts.text,
    html: parts.html,
  };
}
