// Where the respondent stands in the questionnaire: the tab title (country and round), and the
// areas (pages with questions) with the current one and which are complete. Runs in the browser
// (as window.CapgapOrientation) and in Node (require) so the tests check the very code the page runs.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.CapgapOrientation = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** "Kenya — Round 2026 — capgap": the country first, as tabs cut titles at the end. */
  function tabTitle(country, round) {
    return [country, round, 'capgap'].filter(Boolean).join(' — ');
  }

  /**
   * pages: the visible pages in order, each { title, questions: [{ area, required, answered }] };
   * current: the index of the page shown. Areas are the pages with questions of an assessment
   * area (capgapArea; not the introduction, the closing page or a form without areas); one is
   * complete when its required questions are answered (or, with none required, when any is).
   * Returns { areas: [{ page, title, complete, current }], position (1-based, 0 off an area),
   * total, done }.
   */
  function areaProgress(pages, current) {
    var areas = [];
    pages.forEach(function (p, i) {
      var qs = p.questions || [];
      if (
        !qs.some(function (q) {
          return q.area;
        })
      )
        return;
      var required = qs.filter(function (q) {
        return q.required;
      });
      var complete = required.length
        ? required.every(function (q) {
            return q.answered;
          })
        : qs.some(function (q) {
            return q.answered;
          });
      areas.push({ page: i, title: p.title, complete: complete, current: i === current });
    });
    var position = 0;
    areas.forEach(function (a, n) {
      if (a.current) position = n + 1;
    });
    var done = areas.filter(function (a) {
      return a.complete;
    }).length;
    return { areas: areas, position: position, total: areas.length, done: done };
  }

  return { tabTitle: tabTitle, areaProgress: areaProgress };
});
