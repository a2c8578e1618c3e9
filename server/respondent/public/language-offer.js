// Which language, if any, the respondent page offers in one click: the browser's preferred one
// among those of the service when the page shows another, unless the respondent already chose a
// language on this browser (switched, accepted or declined the offer). Runs in the browser (as
// window.CapgapLanguageOffer) and in Node (require) so the tests check the very code the page runs.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.CapgapLanguageOffer = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var supported = ['en', 'fr', 'es'];

  /** The first of the browser's languages (navigator.languages, e.g. "es-ES") the service speaks. */
  function preferredLanguage(browserLanguages) {
    for (var i = 0; i < (browserLanguages || []).length; i++) {
      var primary = String(browserLanguages[i]).split('-')[0].toLowerCase();
      if (supported.indexOf(primary) >= 0) return primary;
    }
    return null;
  }

  /**
   * shown: the language the page shows; browserLanguages: navigator.languages;
   * chosen: whether the respondent made a choice of language on this browser.
   * The language to offer, or null.
   */
  function languageToOffer(shown, browserLanguages, chosen) {
    if (chosen) return null;
    var preferred = preferredLanguage(browserLanguages);
    return preferred && preferred !== shown ? preferred : null;
  }

  return { preferredLanguage: preferredLanguage, languageToOffer: languageToOffer };
});
