// The problem codes the respondent page reacts to, named as in the server's catalogue
// (server/http/problem.ts). Runs in the browser (as window.CapgapProblemCodes) and in Node
// (require); test/unit/problem-codes.test.ts fails when a code here drifts from the catalogue.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.CapgapProblemCodes = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  return Object.freeze({
    invalidInput: '400.2',
    linkNotFound: '404.3',
    staleRevision: '409.2',
    alreadySubmitted: '409.3',
    linkNotValid: '410.1',
    invalidAnswers: '422.1',
    tooManyRequests: '429.1',
    databaseUnavailable: '503.1',
  });
});
