// What the respondent page shows of its country's gap profile, as plain data: texts in the
// page's language, area by area, built from the scores the server returns, the response's state
// and the round's contact. respondent.js turns it into elements (text only, never HTML). Runs
// in the browser (window.CapgapProfile) and in Node (require) so the tests check the page's code.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.CapgapProfile = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  function fill(template, values) {
    return Object.keys(values || {}).reduce(function (s, k) {
      return s.split('{' + k + '}').join(values[k]);
    }, template || '');
  }

  var round = function (v) {
    return v === null || v === undefined ? null : Math.round(v);
  };

  /**
   * kind: 'scored'; 'na' when nothing in the area applies to the country (every indicator "not
   * applicable"); 'insufficient' when too few applicable indicators were answered.
   */
  function kindOf(a) {
    if (a.status === 'scored') return 'scored';
    return a.applicable === 0 ? 'na' : 'insufficient';
  }

  /**
   * null without scores; else the title, the response's state and what happens next, the
   * explanation of the scale, one entry per area (numbers rounded, its assessment in words), the
   * chart's text alternative, the table's columns and the organizers' contact line.
   * `names` gives an area's title; `date` formats the submission date.
   */
  function profileView(input, t) {
    var scores = input.scores;
    if (!scores || !scores.areas) return null;
    var p = t.profile || {};
    var status = input.status === 'approved' ? 'approved' : 'submitted';
    var areas = scores.areas.map(function (a) {
      var kind = kindOf(a);
      var entry = {
        area: a.area,
        name: input.names(a.area),
        kind: kind,
        capacity: kind === 'scored' ? round(a.capacity) : null,
        target: round(a.target),
        gap: kind === 'scored' ? round(a.gap) : null,
        priority: kind === 'scored' ? round(a.priority) : null,
        completeness: kind === 'na' ? null : Math.round(100 * (a.completeness || 0)),
      };
      if (kind === 'scored') {
        entry.assessment = fill(p.assessment, { band: (t.bands || {})[a.band] || a.band });
        entry.gapText = entry.gap > 0 ? fill(p.gapOpen, { gap: entry.gap }) : p.gapReached;
      } else {
        entry.assessment = kind === 'na' ? p.notApplicable : (t.bands || {})['insufficient data'];
        entry.gapText = '';
      }
      entry.numbers = kind === 'na' ? p.notApplicable : fill(kind === 'scored' ? p.numbers : p.numbersUnscored, entry);
      return entry;
    });
    var alt = fill(p.chartLabel, {
      areas: areas
        .map(function (e) {
          return e.name + ': ' + (e.kind === 'scored' ? fill(p.chartArea, e) : e.assessment);
        })
        .join('; '),
    });
    var contact = input.contact && (input.contact.name || input.contact.email) ? input.contact : null;
    return {
      title: t.profileTitle,
      state: fill(p.state && p.state[status], { date: input.date || '' }),
      next: p.next && p.next[status],
      explain: [p.scale, p.bandsExplained, p.gapExplained],
      areas: areas,
      alt: alt,
      columns: p.columns || [],
      contact: contact ? p.contact : p.contactNone,
      contactName: contact ? [contact.name, contact.email].filter(Boolean).join(', ') : null,
      email: contact && contact.email ? contact.email : null,
    };
  }

  return { profileView: profileView, kindOf: kindOf };
});
