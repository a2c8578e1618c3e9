// The SMTP transport keeps both the relay's URL settings and our own options (nodemailer's
// createTransport({ url, ... }) silently drops everything but the URL).
import { createSmtpTransport } from '../../server/email/mailer';

describe('When a transport is created from SMTP_URL', () => {
  it('then it has the URL’s relay, account and TLS mode, and our timeouts and socket hook', () => {
    const transport = createSmtpTransport({
      smtpUrl: 'smtps://mailer%40ministry.example:s3cret@relay.ministry.example:2465',
      pool: true,
      maxConnections: 2,
    });
    try {
      const options = (transport.transporter as unknown as { options: Record<string, unknown> }).options;
      expect(options).toMatchObject({
        host: 'relay.ministry.example',
        port: 2465,
        secure: true,
        auth: { user: 'mailer@ministry.example', pass: 's3cret' },
        pool: true,
        maxConnections: 2,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      });
      expect(typeof options.getSocket).toBe('function');
    } finally {
      transport.close();
    }
  });
});
