// Sending one email through the SMTP relay (nodemailer), within a deadline (createMailer), and
// telling a send error that will never succeed (the recipient's server said no: bounce) from
// one worth retrying.
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
  /** nodemailer's own timeouts, each for one wait (defaults 15 s, 15 s, 60 s of silence). On
   *  plain smtp:// the greeting timeout also covers the TCP connect (see openSocketWithoutDelay). */
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** A transport and the sockets it opened, so that a stuck send can be cut off (see Mailer). */
interface RelayConnection {
  transport: SmtpTransport;
  sockets: Set<net.Socket>;
}

/**
 * The bare transport, with nodemailer's per-wait timeouts only. The outbox worker sends through
 * createMailer, which adds an overall deadline per send (its lease must outlast a send, see
 * outbox-worker.ts).
 */
export function createSmtpTransport(options: TransportOptions): SmtpTransport {
  return connectRelay(options).transport;
}

function connectRelay({
  smtpUrl,
  pool = false,
  maxConnections = 3,
  connectionTimeoutMs = 15_000,
  greetingTimeoutMs = 15_000,
  socketTimeoutMs = 60_000,
}: TransportOptions): RelayConnection {
  const sockets = new Set<net.Socket>();
  // The URL is parsed here, not passed as `url`: given a url, createTransport uses the URL's
  // settings alone and drops every other option (the timeouts, the socket hook).
  const transport = nodemailer.createTransport({
    ...parseConnectionUrl(smtpUrl),
    // A connection closed mid-send fails that send: the outbox retries it with a backoff.
    // nodemailer's default puts it back in the pool's queue, without limit.
    ...(pool ? { pool: true, maxConnections, maxRequeues: 0 } : {}),
    getSocket: openSocketWithoutDelay(sockets),
    connectionTimeout: connectionTimeoutMs,
    greetingTimeout: greetingTimeoutMs,
    socketTimeout: socketTimeoutMs,
  } as SMTPTransport.Options);
  return { transport, sockets };
}

/**
 * Opens the TCP connection for nodemailer (its getSocket hook) with Nagle's algorithm off.
 * nodemailer writes a message's last line ("\r\n.\r\n") as its own small packet; with Nagle on,
 * that packet waits for the relay's ACK of the previous one, which the relay delays (~40 ms on
 * Linux): measured 47 ms per message on a pooled connection, 4–8 ms with this. nodemailer has
 * no option for it. For smtps:// nodemailer still does the TLS handshake over this socket.
 *
 * The socket is handed over at once, still connecting: from then on nodemailer sees its
 * errors (refused, reset, timeout) as it sees those of a socket it opened itself, and drops the
 * connection from its pool. Reporting a failed connect through the hook's callback instead
 * leaves the pool's slot taken for good: after one refused connection per slot, every later
 * send waited forever.
 */
function openSocketWithoutDelay(sockets: Set<net.Socket>) {
  return (
    options: { host?: string; port?: number | string; secure?: boolean },
    callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
  ): void => {
    const port = Number(options.port) || (options.secure ? 465 : 587);
    const socket = net.connect({ host: options.host ?? 'localhost', port, noDelay: true, keepAlive: true });
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // nodemailer listens for errors too; this one only keeps a late error (after nodemailer
    // let go of the socket) from being an unhandled 'error' event.
    socket.on('error', () => {});
    callback(null, { connection: socket });
  };
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

export async function sendEmail(
  transport: SmtpTransport,
  from: string,
  message: MessageToSend,
): Promise<{ messageId: string; response: string }> {
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

export interface MailerOptions extends TransportOptions {
  /** Longest a send may take, from the call to the relay's last reply (default 60 s). */
  sendDeadlineMs?: number;
}

/** Sends through the relay; no send outlives its deadline (see createMailer). */
export interface Mailer {
  readonly sendDeadlineMs: number;
  send(from: string, message: MessageToSend): Promise<{ messageId: string; response: string }>;
  /** Cuts every connection and send in progress (they fail as temporary) and starts afresh. */
  reset(): void;
  close(): void;
}

export const defaultSendDeadlineMs = 60_000;

/**
 * A relay connection with an overall deadline per send. nodemailer's timeouts each bound one
 * wait (connect, greeting, silence), not a whole send: a relay that answers slowly, or a
 * connection stuck in a state nodemailer does not time out, could hold a send for ever, and the
 * outbox worker with it. When a send passes its deadline, its transport is closed and every
 * socket it opened destroyed — so the relay cannot take that message after the caller was
 * told it failed — and later sends go through a new transport. Other sends in progress on the
 * old one fail too (temporary: the outbox retries them); a relay that misses a deadline is
 * unlikely to serve them anyway.
 */
export function createMailer({ sendDeadlineMs = defaultSendDeadlineMs, ...options }: MailerOptions): Mailer {
  let current = connectRelay(options);
  let closed = false;
  const cut = (relay: RelayConnection, why: string, code: string) => {
    relay.transport.close(); // queued sends fail; no new connection is made
    for (const socket of relay.sockets) socket.destroy(Object.assign(new Error(why), { code }));
  };
  const drop = (relay: RelayConnection, why: string, code: string) => {
    if (relay === current && !closed) current = connectRelay(options);
    cut(relay, why, code);
  };
  return {
    sendDeadlineMs,
    async send(from, message) {
      if (closed) throw Object.assign(new Error('the mailer is closed'), { code: 'ECONNECTION' });
      const relay = current;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const why = `the relay did not complete the send within ${sendDeadlineMs} ms`;
          drop(relay, why, 'ETIMEDOUT');
          reject(Object.assign(new Error(why), { code: 'ETIMEDOUT' }));
        }, sendDeadlineMs);
      });
      try {
        return await Promise.race([sendEmail(relay.transport, from, message), deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    reset: () => drop(current, 'connection to the relay reset', 'ECONNRESET'),
    close() {
      closed = true;
      cut(current, 'the mailer is closed', 'ECONNRESET');
    },
  };
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
  const reason = truncate(
    reply
      ? `${reply}${e.command ? ` (${e.command})` : ''}`
      : `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`,
  );
  if (e.code === 'EAUTH') return { kind: 'temporary', reason };
  if (e.command === 'MAIL FROM') return { kind: 'temporary', reason };
  if (typeof code === 'number' && code >= 500 && code < 600) return { kind: 'permanent', reason };
  if (typeof code === 'number' && code >= 400 && code < 500) return { kind: 'temporary', reason };
  if (e.code === 'EENVELOPE' && e.command === 'API') return { kind: 'permanent', reason };
  if (e.code === 'EMESSAGE') return { kind: 'permanent', reason };
  return { kind: 'temporary', reason };
}

const truncate = (s: string) => (s.length > 500 ? `${s.slice(0, 497)}...` : s);
