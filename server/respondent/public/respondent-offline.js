// capgap respondent page, offline reopening: registers the service worker (respondent-sw.js,
// scope /respond/) for a country link, and on the first visit, before the worker controls the
// page, puts in its cache what this page loaded: the page itself, its hashed assets (from the
// browser's HTTP cache, so nothing is downloaded twice) and the link's API answer. From then
// on the worker keeps them up to date. Only this link's data is kept, and only in this browser.
(function () {
  'use strict';

  // The same name as in respondent-sw.js.
  var CACHE = 'capgap-respondent-v1';
  var body = document.body;
  var token = body.dataset.token;
  var workerUrl = body.dataset.serviceWorker;
  if (!token || !workerUrl || !('serviceWorker' in navigator) || !window.caches) return;
  if (location.pathname !== '/respond/' + token && location.pathname !== '/respond/' + encodeURIComponent(token))
    return;

  /** Resolves once the questionnaire is rendered (respondent.js sets data-ready). */
  function rendered() {
    return new Promise(function (resolve) {
      if (body.getAttribute('data-ready') === 'true') return resolve();
      new MutationObserver(function (changes, observer) {
        if (body.getAttribute('data-ready') !== 'true') return;
        observer.disconnect();
        resolve();
      }).observe(body, { attributes: true, attributeFilter: ['data-ready'] });
    });
  }

  /** What the page loaded from /assets/ and the link's API answer. */
  function pageUrls() {
    var urls = ['/api/respondent/' + encodeURIComponent(token), body.dataset.formUrl];
    performance.getEntriesByType('resource').forEach(function (entry) {
      var url = new URL(entry.name);
      if (url.origin === location.origin && url.pathname.indexOf('/assets/') === 0) urls.push(url.pathname);
    });
    return urls.filter(function (url, i) {
      return url && urls.indexOf(url) === i;
    });
  }

  /**
   * Keeps a copy of what the page loaded: hashed assets from the browser's HTTP cache, so
   * nothing is downloaded twice (from the network only if that cache lost them); the page and
   * the API answer, which that cache does not serve, from the network.
   */
  function keep(cache, url, key) {
    var download = function () {
      return fetch(url);
    };
    var hashed = url.indexOf('/assets/') === 0;
    var response = hashed
      ? fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }).then(function (res) {
          return res.ok ? res : download();
        }, download)
      : download();
    return response.then(function (res) {
      if (res.ok) return cache.put(key || url, res);
    });
  }

  var firstVisit = !navigator.serviceWorker.controller;
  navigator.serviceWorker.register(workerUrl, { scope: '/respond/' }).then(
    function () {
      if (!firstVisit) return;
      return rendered().then(function () {
        return caches.open(CACHE).then(function (cache) {
          // One by one: an entry that fails (connection lost meanwhile) leaves the others kept.
          var copies = pageUrls().map(function (url) {
            return keep(cache, url);
          });
          // The page as loaded (with its ?lang=), kept under its path: the worker ignores the query.
          copies.push(keep(cache, location.href, location.pathname));
          return Promise.all(
            copies.map(function (copy) {
              return copy.catch(function () {});
            }),
          );
        });
      });
    },
    function () {
      /* no service worker (private mode, policy): the page works online as before */
    },
  );
})();
