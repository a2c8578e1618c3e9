// The introduction email: every language names both sides, the area, the explanation and both
// sides' contacts, escapes what it inserts into HTML, and keeps introduction tokens out of logs.
import { renderIntroductionEmail } from '../../server/email/introduction-email';
import { redactLinkTokens } from '../../server/http/logger';

const data = {
  name: 'Amina <b>Wanjiku</b>',
  roundName: 'Roundtable 2027',
  requesterName: 'Kenya',
  providerName: 'Uganda',
  areaName: 'A1 Migration data',
  explanation: 'Uganda 100 vs your 25 on A1 Migration data · shared border',
  requesterContacts: [{ name: 'Amina Wanjiku', email: 'amina@interior.go.ke' }],
  providerContacts: [{ name: 'Moïse Okello', email: 'moise@ubos.example' }],
  link: 'https://capgap.example/introductions/abcdefghijklmnopqrstuvwxyz012345',
};

describe('When an introduction email is rendered', () => {
  it.each(['en', 'fr', 'es'] as const)(
    'then in %s it names both sides, the reasons, both contacts and the link',
    (locale) => {
      const email = renderIntroductionEmail(locale, data);
      for (const part of [email.subject, email.text]) expect(part).toContain('Kenya');
      for (const part of [email.text, email.html]) {
        expect(part).toContain('Uganda 100 vs your 25');
        expect(part).toContain('amina@interior.go.ke');
        expect(part).toContain('moise@ubos.example');
        expect(part).toContain(data.link);
      }
      expect(email.html).toContain(`<html lang="${locale}">`);
      expect(email.html).not.toContain('<b>Wanjiku</b>');
      expect(email.html).toContain('&lt;b&gt;Wanjiku');
    },
  );

  it('then a link that is not http(s) is refused', () => {
    expect(() => renderIntroductionEmail('en', { ...data, link: 'javascript:alert(1)' })).toThrow(/http/);
  });
});

describe('When a request URL holds an introduction token', () => {
  it('then the log shows [token] instead', () => {
    expect(redactLinkTokens('/introductions/abcdefghijklmnopqrstuvwxyz012345/decline')).toBe(
      '/introductions/[token]/decline',
    );
    expect(redactLinkTokens('/api/introductions/abcdefghijklmnopqrstuvwxyz012345/accept')).toBe(
      '/api/introductions/[token]/accept',
    );
  });
});
