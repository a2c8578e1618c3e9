// The respondent page's offer of the browser's language (the same file the browser loads).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { languageToOffer, preferredLanguage } = require('../../server/respondent/public/language-offer.js');

describe('When the page decides whether to offer the browser language', () => {
  it('then a Spanish browser on an English page is offered Spanish', () => {
    expect(languageToOffer('en', ['es-ES', 'es', 'en'], false)).toBe('es');
  });

  it('then the first language the service speaks counts, whatever its region or case', () => {
    expect(preferredLanguage(['de-DE', 'FR-ca', 'es'])).toBe('fr');
    expect(languageToOffer('es', ['de', 'fr-FR'], false)).toBe('fr');
  });

  it('then nothing is offered when the page already shows it', () => {
    expect(languageToOffer('fr', ['fr-FR', 'en'], false)).toBeNull();
  });

  it('then nothing is offered when the browser speaks none of the languages', () => {
    expect(languageToOffer('en', ['de-DE', 'pt'], false)).toBeNull();
    expect(languageToOffer('en', [], false)).toBeNull();
    expect(languageToOffer('en', undefined, false)).toBeNull();
  });

  it('then nothing is offered once the respondent chose a language on this browser', () => {
    expect(languageToOffer('en', ['es-ES'], true)).toBeNull();
  });
});
