// Email templates and the classification of send errors: pure functions, no server.
import { emailTemplates } from '../../server/email/outbox.model';
import { classifySendError } from '../../server/email/mailer';
import { backoffMs } from '../../server/email/outbox-worker';
import { renderAnyEmail } from '../../server/email/render-email';
import { formatDate, renderEmail, type TemplateData } from '../../server/email/templates';
import { decodeQuotedPrintable } from '../helpers/smtp';

const locales = ['en', 'fr', 'es'] as const;

const data: TemplateData = {
  name: 'Ana Pereira',
  countryName: 'Côte d’Ivoire',
  roundName: 'Capacity Assessment 2027',
  deadline: new Date('2027-03-15T23:59:00Z'),
  link: 'https://capgap.example/respond/tok_123?lang=fr&x=1',
  receivedAt: new Date('2027-02-03T10:00:00Z'),
  review: { comment: 'Please give the source of A1.4 <and its year>.', questionsCommented: 2 },
};

const deadlines = { en: '15 March 2027', fr: '15 mars 2027', es: '15 de marzo de 2027' };

describe('When a template is rendered in a language', () => {
  for (const template of emailTemplates) {
    for (const locale of locales) {
      it(`then ${template} in ${locale} has the round, country, deadline and link in text and HTML`, () => {
        const email = renderAnyEmail(template, locale, data);
        expect(email.subject).toContain(data.roundName);
        expect(email.subject).toContain(data.countryName);
        for (const body of [email.text, email.html]) {
          expect(body).toContain(data.roundName);
          expect(body).toContain(data.countryName);
          expect(body).toContain(deadlines[locale]);
        }
        expect(email.text).toContain(data.link);
        // The link as a button and as plain text in the HTML, its & escaped.
        const escapedLink = data.link.replace(/&/g, '&amp;');
        expect(email.html.split(`href="${escapedLink}"`).length - 1).toBe(2);
        expect(email.html).toContain(`>${escapedLink}</a>`);
        expect(email.html).toContain(`<html lang="${locale}">`);
        if (template === 'receipt') expect(email.text).toContain(formatDate(data.receivedAt!, locale));
        if (template === 'returned') {
          expect(email.text).toContain('> Please give the source of A1.4 <and its year>.');
          expect(email.html).toContain('Please give the source of A1.4 &lt;and its year&gt;.');
          expect(email.text).toMatch(/\b2\b/);
        }
      });
    }
  }

  it('then each language uses its own formal wording', () => {
    expect(renderEmail('invitation', 'en', data).subject).toBe('Invitation: Capacity Assessment 2027 (Côte d’Ivoire)');
    expect(renderEmail('invitation', 'fr', data).subject).toBe('Invitation : Capacity Assessment 2027 (Côte d’Ivoire)');
    expect(renderEmail('invitation', 'es', data).subject).toBe('Invitación: Capacity Assessment 2027 (Côte d’Ivoire)');
    expect(renderEmail('reminder', 'fr', data).text).toContain('Madame, Monsieur,');
    expect(renderEmail('reminder', 'fr', data).text).toMatch(/\bvous\b/);
    expect(renderEmail('reminder', 'es', data).text).toContain('Estimado/a Ana Pereira:');
    expect(renderEmail('link-again', 'en', data).text).toContain('here is a new link');
  });

  it('then "your link again" says truthfully that it is a new link and that earlier links still work', () => {
    expect(renderEmail('link-again', 'en', data).text).toContain('Links sent to you earlier still work.');
    expect(renderEmail('link-again', 'fr', data).text).toContain('restent valables');
    expect(renderEmail('link-again', 'es', data).text).toContain('siguen siendo válidos');
    for (const locale of ['en', 'fr', 'es'] as const)
      expect(renderEmail('link-again', locale, data).text).not.toMatch(/has not changed|n’a pas changé|no ha cambiado/);
    expect(renderEmail('receipt', 'en', data).text).toContain('was received on 3 February 2027');
  });

  it('then the templates differ from one another', () => {
    const subjects = new Set(emailTemplates.map((t) => renderAnyEmail(t, 'en', data).subject));
    expect(subjects.size).toBe(emailTemplates.length);
  });
});

describe('When data contains HTML', () => {
  const hostile: TemplateData = {
    ...data,
    name: '<script>alert("name")</script>',
    countryName: '<img src=x onerror=alert(1)>',
    roundName: 'R&D <b>"2027"</b>',
  };

  for (const template of emailTemplates) {
    for (const locale of locales) {
      it(`then ${template} in ${locale} never carries it unescaped into the HTML`, () => {
        const { html, text } = renderAnyEmail(template, locale, hostile);
        expect(html).not.toContain('<script');
        expect(html).not.toContain('<img');
        expect(html).not.toContain('<b>');
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('R&amp;D &lt;b&gt;&quot;2027&quot;&lt;/b&gt;');
        // The plain text is plain: shown as typed.
        expect(text).toContain('R&D <b>"2027"</b>');
      });
    }
  }

  it('then a line break in a name does not split the subject', () => {
    expect(renderEmail('invitation', 'en', { ...data, roundName: 'Round\r\nBcc: x@evil.example' }).subject).toBe(
      'Invitation: Round Bcc: x@evil.example (Côte d’Ivoire)',
    );
  });

  it('then a link that is not http(s) is refused', () => {
    expect(() => renderEmail('invitation', 'en', { ...data, link: 'javascript:alert(1)' })).toThrow(/http/);
  });

  it('then a receipt without receivedAt is refused', () => {
    expect(() => renderEmail('receipt', 'en', { ...data, receivedAt: undefined })).toThrow(/receivedAt/);
  });
});

describe('When a send error is classified', () => {
  it('then 5xx replies to RCPT TO and DATA are permanent, with the reply as reason', () => {
    expect(
      classifySendError({
        code: 'EENVELOPE',
        command: 'RCPT TO',
        responseCode: 550,
        response: '550 5.1.1 No such user',
      }),
    ).toEqual({
      kind: 'permanent',
      reason: '550 5.1.1 No such user (RCPT TO)',
    });
    expect(
      classifySendError({ code: 'EMESSAGE', command: 'DATA', responseCode: 554, response: '554 rejected' }).kind,
    ).toBe('permanent');
  });

  it('then an address refused before sending is permanent', () => {
    expect(classifySendError({ code: 'EENVELOPE', command: 'API', message: 'Invalid recipient "x"' }).kind).toBe(
      'permanent',
    );
  });

  it('then 4xx, connection and unknown errors are temporary', () => {
    expect(
      classifySendError({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, response: '451 try later' }).kind,
    ).toBe('temporary');
    expect(classifySendError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:1' }).kind).toBe('temporary');
    expect(classifySendError({ code: 'ETIMEDOUT', message: 'Connection timeout' }).kind).toBe('temporary');
    expect(classifySendError(new Error('something odd')).kind).toBe('temporary');
  });

  it('then our own relay configuration (sign-in, sender) is temporary, not a bounce of the recipient', () => {
    expect(
      classifySendError({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 bad credentials' })
        .kind,
    ).toBe('temporary');
    expect(
      classifySendError({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553, response: '553 sender refused' })
        .kind,
    ).toBe('temporary');
  });
});

describe('When retries back off', () => {
  it('then the delay doubles from the base and is capped', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(20)).toBe(3_600_000);
    expect(backoffMs(3, { backoffBaseMs: 10, backoffMaxMs: 25 })).toBe(25);
  });
});

describe('When quoted-printable is decoded', () => {
  it('then soft line breaks are joined and UTF-8 bytes decoded', () => {
    expect(decodeQuotedPrintable('r=C3=A9ponse =\r\nre=C3=A7ue')).toBe('réponse reçue');
  });
});
