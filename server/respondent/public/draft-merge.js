// Merging a country's answers when two colleagues saved at once. Runs in the browser (as
// window.CapgapMerge) and in Node (require) so the tests check the very code the page runs.
//
// base:   the answers my edits started from (the last revision I saw)
// mine:   my answers now
// theirs: the answers now on the server
// Where only one side changed a question, that change is kept. Where both changed it to
// different values, the newer edit wins (my local edit time against the server's change time).
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.CapgapMerge = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function mergeAnswers(base, mine, theirs, myEditedAt, theirAnsweredAt) {
    var names = {};
    [base, mine, theirs].forEach(function (set) {
      Object.keys(set || {}).forEach(function (n) {
        names[n] = true;
      });
    });
    var answers = {};
    var takenFromOthers = [];
    var conflicts = [];
    Object.keys(names).forEach(function (name) {
      var b = (base || {})[name];
      var m = (mine || {})[name];
      var t = (theirs || {})[name];
      var mineChanged = !same(m, b);
      var theirsChanged = !same(t, b);
      var value;
      if (!mineChanged) {
        value = t;
        if (theirsChanged) takenFromOthers.push(name);
      } else if (!theirsChanged || same(m, t)) {
        value = m;
      } else {
        var myTime = (myEditedAt || {})[name] || 0;
        var theirTime = Date.parse((theirAnsweredAt || {})[name] || '') || 0;
        var keepMine = myTime >= theirTime;
        value = keepMine ? m : t;
        conflicts.push({ name: name, kept: keepMine ? 'mine' : 'theirs' });
      }
      if (value !== undefined) answers[name] = value;
    });
    return { answers: answers, takenFromOthers: takenFromOthers, conflicts: conflicts };
  }

  return { mergeAnswers: mergeAnswers, same: same };
});
