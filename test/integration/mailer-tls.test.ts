// The mailer against a real relay on implicit TLS (smtps://, port-465 style): the socket that
// mailer.ts opens itself (Nagle off) still carries nodemailer's TLS handshake.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createSmtpTransport, sendEmail } from '../../server/email/mailer';

describe('When the relay speaks TLS from the first byte (smtps://)', () => {
  it('then the message arrives over an encrypted session', async () => {
    const sessions: { secure: boolean; to: string }[] = [];
    // smtp-server's built-in self-signed certificate: the URL tells nodemailer to accept it.
    const relay = new SMTPServer({
      secure: true,
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          sessions.push({ secure: session.secure, to: session.envelope.rcptTo[0].address });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
    const { port } = relay.server.address() as AddressInfo;
    const transport = createSmtpTransport({ smtpUrl: `smtps://127.0.0.1:${port}?tls.rejectUnauthorized=false` });
    try {
      const sent = await sendEmail(transport, 'capgap <no-reply@capgap.example>', {
        to: 'focal.point@ministry.example',
        subject: 'Test',
        text: 'Hello',
        html: '<p>Hello</p>',
      });
      expect(sent.response).toMatch(/^250/);
      expect(sessions).toEqual([{ secure: true, to: 'focal.point@ministry.example' }]);
    } finally {
      transport.close();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });
});
