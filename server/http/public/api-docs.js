// Starts Swagger UI on /api/docs over the document named by #swagger-ui's data-spec-url. The
// page's server-rendered list of operations stays for browsers without JavaScript, and is
// hidden once Swagger UI has rendered the document. "Try it out" runs as the signed-in person:
// the session cookie goes along (same origin), and state changes carry the session's CSRF
// token, read from GET /api/session (the request fails with 401 when nobody is signed in).
(function () {
  'use strict';
  var root = document.getElementById('swagger-ui');
  if (!root || typeof SwaggerUIBundle !== 'function') return;
  var csrfHeader = root.getAttribute('data-csrf-header');
  var safeMethods = ['GET', 'HEAD', 'OPTIONS'];
  var csrfToken = null;

  function fetchCsrfToken() {
    return fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (session) {
        csrfToken = session && session.csrfToken ? session.csrfToken : null;
        return csrfToken;
      })
      .catch(function () {
        return null;
      });
  }

  SwaggerUIBundle({
    url: root.getAttribute('data-spec-url'),
    domNode: root,
    deepLinking: true,
    // No call to validator.swagger.io: the page talks to this site only.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    requestInterceptor: function (req) {
      var method = String(req.method || 'GET').toUpperCase();
      // The document itself, and safe requests, need no token.
      if (!csrfHeader || safeMethods.indexOf(method) !== -1) return req;
      // Signing in during the page's life changes the token: ask for it again each time.
      return fetchCsrfToken().then(function (token) {
        if (token) req.headers[csrfHeader] = token;
        return req;
      });
    },
    onComplete: function () {
      var fallback = document.getElementById('api-list');
      if (fallback) fallback.hidden = true;
      document.body.setAttribute('data-ready', 'true');
    },
  });
})();
