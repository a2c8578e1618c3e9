// Sending one email through the SMTP relay (nodemailer), and telling a send error that will
// never succeed (the recipient's server said no: bounce) from one worth retrying.
import net from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export const defaultFrom = 'capgap <no-reply@capgap.example>';

export type SmtpTransport = Transporter<SMTPTransport.SentMessageInfo>;

export interface TransportOptions {
  /** smtp://user:pass@host:port or smtps://… (config.smtpUrl). */
  smtpUrl: string;
  /** Keep a few connections open and reuse them (a worker sending many messages). */
  pool?: boolean;
  maxConnections?: number;
}

const connectionTimeoutMs = 15_000;

/**
 * The transport. Timeouts are short on purpose: the outbox lease must outlast a send, and a
 * stuck relay must not hold a message for long (see outbox-worker.ts).
 */
export function createSmtpTransport({ smtpUrl, pool = false, maxConnections = 3 }: TransportOptions): SmtpTransport {
  // The URL is parsed here, not passed as `url`: given a url, createTransport uses the URL's
  // settings alone and drops every other option (the timeouts, the socket hook).
  return nodemailer.createTransport({
    ...parseConnectionUrl(smtpUrl),
    ...(pool ? { pool: true, maxConnections } : {}),
    getSocket: connectWithoutDelay,
    connectionTimeout: connectionTimeoutMs,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  } as SMTPTransport.Options);
}

/**
 * Opens the TCP connection for nodemailer (its getSocket hook) with Nagle's algorithm off.
 * nodemailer writes a message's last line ("\r\n.\r\n") as its own small packet; with Nagle on,
 * that packet waits for the relay's ACK of the previous one, which the relay delays (~40 ms on
 * Linux): measured 47 ms per message on a pooled connection, 4–8 ms with this. nodemailer has
 * no option for it. For smtps:// nodemailer still does the TLS handshake over this socket.
 */
function connectWithoutDelay(options: { host?: string; port?: number | string; secure?: boolean }, callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void): void {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  const socket = net.connect({ host: options.host ?? 'localhost', port, noDelay: true, keepAlive: true });
  const fail = (err: Error) => {
    socket.destroy();
    callback(Object.assign(err, { code: (err as { code?: string }).code ?? 'ECONNECTION' }));
  };
  socket.setTimeout(connectionTimeoutMs, () => fail(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })));
  socket.once('error', fail);
  socket.once('connect', () => {
    socket.setTimeout(0);
    socket.off('error', fail);
    callback(null, { connection: socket });
  });
}

export interface MessageToSend {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id of the outbox message: the same Message-ID on every attempt, so a duplicate
   *  (see the at-least-once window in outbox-worker.ts) can be recognized by clients. */
  outboxId?: string;
}

export async function sendEmail(transport: SmtpTransport, from: string, message: MessageToSend): Promise<{ messageId: string; response: string }> {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'capgap.example';
  const info = await transport.sendMail({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.outboxId ? { messageId: `<outbox-${message.outboxId}@${domain}>` } : {}),
  });
  return { messageId: info.messageId, response: info.response };
}

export type SendFailure = { kind: 'permanent' | 'temporary'; reason: string };

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
  rejectedErrors?: SmtpError[];
}

/**
 * Permanent (the message is bounced, never retried):
 *   - a 5xx reply to RCPT TO or DATA (unknown mailbox, content refused…);
 *   - an address nodemailer refuses before talking to the server (EENVELOPE without a reply:
 *     "Invalid recipient"), or a message too large (EMESSAGE).
 * Temporary (retried with backoff): 4xx replies, connection refused/reset, timeouts, DNS, and
 * anything not recognized. Also temporary on purpose, although they carry 5xx codes: a failed
 * sign-in to the relay (EAUTH 535) and a refused sender (MAIL FROM 5xx). Those are our own
 * configuration, not the recipient's address: bouncing every message would blame the focal
 * points; retrying ends in 'failed' after maxAttempts, which an operator can requeue.
 */
export function classifySendError(err: unknown): SendFailure {
  const e = (err ?? {}) as SmtpError;
  const first = e.rejectedErrors?.[0];
  const code = e.responseCode ?? first?.responseCode;
  const reply = (first?.response ?? e.response ?? '').trim();
  const reason = truncate(reply ? `${reply}${e.command ? ` (${e.command})` : ''}` : `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`);
  if (e.code === 'EAUTH') return { kind: 'temporary', reason };
  if (e.command === 'MAIL FROM') return { kind: 'temporary', reason };
  if (typeof code === 'number' && code >= 500 && code < 600) return { kind: 'permanent', reason };
  if (typeof code === 'number' && code >= 400 && code < 500) return { kind: 'temporary', reason };
  if (e.code === 'EENVELOPE' && e.command === 'API') return { kind: 'permanent', reason };
  if (e.code === 'EMESSAGE') return { kind: 'permanent', reason };
  return { kind: 'temporary', reason };
}

const truncate = (s: string) => (s.length > 500 ? `${s.slice(0, 497)}...` : s);
