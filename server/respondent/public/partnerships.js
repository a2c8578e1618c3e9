// What the respondent page shows of its country's partnerships, as plain data: headings and
// lines in the page's language, built from GET /api/respondent/:token/partnerships and the
// page's dictionary. respondent.js turns it into elements (text only, never HTML). Runs in the
// browser (as window.CapgapPartnerships) and in Node (require) so the tests check the very code
// the page runs.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.CapgapPartnerships = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  function fill(template, values) {
    return Object.keys(values).reduce(function (s, k) {
      return s.split('{' + k + '}').join(values[k]);
    }, template || '');
  }

  function kindOf(t, kind) {
    return (t.partnerKinds && t.partnerKinds[kind]) || kind;
  }

  /**
   * null when nothing is to be shown (the response is not approved); else the section's title,
   * its partnerships (or the line saying there are none yet) and, when the round shows them,
   * the suggested partners grouped by area.
   */
  function partnershipsView(data, t) {
    if (!data || !data.approved) return null;
    var partnerships = (data.partnerships || []).map(function (p) {
      var values = { partner: p.partner, area: p.areaName };
      return {
        role: p.role,
        area: p.area,
        title: fill(p.role === 'provider' ? t.partnershipProvider : t.partnershipRequester, values),
        meta: [kindOf(t, p.partnerKind), (t.partnershipStatus || {})[p.status] || p.status].join(' · '),
        explanation: p.explanation || null,
      };
    });
    var suggestions = (data.suggestions || []).map(function (s) {
      return {
        area: s.area,
        heading: s.areaName,
        partners: s.partners.map(function (p) {
          return { title: p.partner, meta: kindOf(t, p.partnerKind), explanation: p.explanation };
        }),
      };
    });
    return {
      title: t.partnershipsTitle,
      why: t.partnershipWhy,
      none: partnerships.length === 0 ? t.partnershipsNone : null,
      partnerships: partnerships,
      suggestionsTitle: suggestions.length ? t.suggestionsTitle : null,
      suggestionsIntro: suggestions.length ? t.suggestionsIntro : null,
      suggestions: suggestions,
    };
  }

  return { partnershipsView: partnershipsView };
});
