// capgap respondent page's service worker (scope /respond/): a link opened once in this
// browser reopens without a connection. It keeps, in one cache:
//   - the page of each link opened here (/respond/<token>, without its ?lang=): network first;
//   - GET /api/respondent/<token> of those links, for reading offline only: network first;
//   - the hashed assets (/assets/<hash>/…: scripts, styles, the form, the texts): cache first,
//     since a hashed URL never changes.
// Nothing else is kept: no other link's data, no save or submit (those go to the network, and
// the page keeps unsent answers in localStorage until they arrive). A link the server no longer
// accepts (404/410) is dropped from the cache. The page fills the cache on its first visit,
// before this worker controlled it (respondent-offline.js).
'use strict';

// The same name as in respondent-offline.js; a new name here drops the old cache on activation.
var CACHE = 'capgap-respondent-v1';

self.addEventListener('install', function () {
  self.skipWaiting();
});

// No clients.claim(): the page that registered fills the cache itself, and a page the worker
// took over midway would fetch its assets a second time through it.
self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(
        names
          .filter(function (name) {
            return name.indexOf('capgap-respondent-') === 0 && name !== CACHE;
          })
          .map(function (name) {
            return caches.delete(name);
          }),
      );
    }),
  );
});

var pagePath = /^\/respond\/[^/]+$/;
var apiPath = /^\/api\/respondent\/[^/]+$/;

/** The link's page and its API answer, forgotten once the server says the link is gone. */
function forgetLink(token) {
  return caches.open(CACHE).then(function (cache) {
    return Promise.all([
      cache.delete(self.location.origin + '/respond/' + token),
      cache.delete(self.location.origin + '/api/respondent/' + token),
    ]);
  });
}

/** The network's answer (kept for later), or the kept copy when the network fails. */
function networkFirst(request, key, token) {
  return fetch(request).then(
    function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) {
          return cache.put(key, copy);
        });
      } else if (response.status === 404 || response.status === 410) {
        return forgetLink(token).then(function () {
          return response;
        });
      }
      return response;
    },
    function (err) {
      return caches.match(key, { cacheName: CACHE }).then(function (kept) {
        if (kept) return kept;
        throw err;
      });
    },
  );
}

function cacheFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreVary: true }).then(function (kept) {
      if (kept) return kept;
      return fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  var token = url.pathname.split('/').pop();
  if (request.mode === 'navigate' && pagePath.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.origin + url.pathname, token));
  } else if (apiPath.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.origin + url.pathname, token));
  } else if (url.pathname.indexOf('/assets/') === 0) {
    event.respondWith(cacheFirst(request));
  }
});
