// capgap respondent page: SurveyJS and the DOM. When to save, retry, merge and what the status
// line says is decided by the draft-sync machine (draft-sync.js, unit-tested in Node); this file
// feeds it events (edits, page changes, answers of the server, timers, online/offline) and
// carries out the effects it returns. The server is the authority on validation (it runs the
// same survey-core).
// Two modes: a country link (data-token: drafts, merge on conflict, submit) and an open
// questionnaire (data-form-id: one submission, no drafts).
// Plain browser JavaScript on purpose: no build step between this file and the browser.
(function () {
  'use strict';

  var body = document.body;
  var token = body.dataset.token;
  var statusBox = document.getElementById('status');
  var noticeBox = document.getElementById('notice');
  var languageSelect = document.getElementById('language');

  var messages = {
    en: {
      language: 'Language',
      loading: 'Loading the questionnaire…',
      loadFailed: 'The questionnaire could not be loaded. Check your connection and reload the page.',
      saving: 'Saving…',
      saved: 'All changes saved',
      offline:
        'No connection: your answers are kept in this browser and will be saved as soon as the connection returns.',
      unavailable: 'The server is busy: your answers are kept in this browser and will be saved in a moment.',
      restored: 'Answers you typed earlier in this browser were restored.',
      merged: 'A colleague saved answers meanwhile. Updated from their version: {names}.',
      conflicts: 'You and a colleague both changed: {names}. The most recent answer was kept.',
      sending: 'Sending your answers…',
      sent: 'Thank you. Your answers have been received.',
      submitted:
        'This response was submitted on {date}. It can no longer be changed; contact the organizers if it must be reopened.',
      invalid: 'Some answers need your attention; they are marked below.',
      failed: 'Your answers could not be sent. Check your connection and try again; nothing you entered is lost.',
      linkGone:
        'This link is no longer valid. Your answers are kept in this browser; ask the organizers for a new link.',
      reviewAgain: 'A colleague saved answers while you were submitting. Check the answers, then submit again.',
      reviewTitle: 'The organizers returned this response with comments',
      reviewIntro:
        'Please revise the answers and submit the response again. Comments on particular questions are shown next to them.',
      questionComment: 'Comment from the organizers',
      profileTitle: 'Your country’s capacity-gap profile',
      profileColumns: ['Area', 'Capacity', 'Target', 'Gap', 'Assessment'],
      bands: {
        'requires further progress': 'requires further progress',
        'partially meets': 'partially meets',
        meets: 'meets',
        'fully meets': 'fully meets',
        'insufficient data': 'insufficient data',
      },
    },
    fr: {
      language: 'Langue',
      loading: 'Chargement du questionnaire…',
      loadFailed: 'Le questionnaire n’a pas pu être chargé. Vérifiez votre connexion et rechargez la page.',
      saving: 'Enregistrement…',
      saved: 'Toutes les modifications sont enregistrées',
      offline:
        'Pas de connexion : vos réponses sont conservées dans ce navigateur et seront enregistrées dès le retour de la connexion.',
      unavailable:
        'Le serveur est occupé : vos réponses sont conservées dans ce navigateur et seront enregistrées dans un instant.',
      restored: 'Les réponses saisies précédemment dans ce navigateur ont été restaurées.',
      merged: 'Un collègue a enregistré des réponses entre-temps. Mises à jour d’après sa version : {names}.',
      conflicts: 'Vous et un collègue avez modifié : {names}. La réponse la plus récente a été conservée.',
      sending: 'Envoi de vos réponses…',
      sent: 'Merci. Vos réponses ont bien été reçues.',
      submitted:
        'Cette réponse a été soumise le {date}. Elle ne peut plus être modifiée ; contactez les organisateurs si elle doit être rouverte.',
      invalid: 'Certaines réponses demandent votre attention ; elles sont signalées ci-dessous.',
      failed:
        'Vos réponses n’ont pas pu être envoyées. Vérifiez votre connexion et réessayez ; rien de ce que vous avez saisi n’est perdu.',
      linkGone:
        'Ce lien n’est plus valide. Vos réponses sont conservées dans ce navigateur ; demandez un nouveau lien aux organisateurs.',
      reviewAgain:
        'Un collègue a enregistré des réponses pendant l’envoi. Vérifiez les réponses, puis soumettez à nouveau.',
      reviewTitle: 'Les organisateurs ont renvoyé cette réponse avec des commentaires',
      reviewIntro:
        'Veuillez réviser les réponses, puis soumettre à nouveau la réponse. Les commentaires portant sur certaines questions figurent à côté de celles-ci.',
      questionComment: 'Commentaire des organisateurs',
      profileTitle: 'Profil des lacunes de capacités de votre pays',
      profileColumns: ['Domaine', 'Capacité', 'Cible', 'Écart', 'Appréciation'],
      bands: {
        'requires further progress': 'progrès supplémentaires nécessaires',
        'partially meets': 'satisfait partiellement',
        meets: 'satisfait',
        'fully meets': 'satisfait pleinement',
        'insufficient data': 'données insuffisantes',
      },
    },
    es: {
      language: 'Idioma',
      loading: 'Cargando el cuestionario…',
      loadFailed: 'No se pudo cargar el cuestionario. Compruebe su conexión y vuelva a cargar la página.',
      saving: 'Guardando…',
      saved: 'Todos los cambios se han guardado',
      offline:
        'Sin conexión: sus respuestas se conservan en este navegador y se guardarán en cuanto vuelva la conexión.',
      unavailable:
        'El servidor está ocupado: sus respuestas se conservan en este navegador y se guardarán en un momento.',
      restored: 'Se han recuperado las respuestas que escribió antes en este navegador.',
      merged: 'Un colega guardó respuestas mientras tanto. Actualizadas según su versión: {names}.',
      conflicts: 'Usted y un colega modificaron: {names}. Se conservó la respuesta más reciente.',
      sending: 'Enviando sus respuestas…',
      sent: 'Gracias. Hemos recibido sus respuestas.',
      submitted:
        'Esta respuesta se envió el {date}. Ya no puede modificarse; póngase en contacto con los organizadores si debe reabrirse.',
      invalid: 'Algunas respuestas requieren su atención; se indican a continuación.',
      failed:
        'No se pudieron enviar sus respuestas. Compruebe su conexión e inténtelo de nuevo; no se ha perdido nada de lo que escribió.',
      linkGone:
        'Este enlace ya no es válido. Sus respuestas se conservan en este navegador; solicite un nuevo enlace a los organizadores.',
      reviewAgain:
        'Un colega guardó respuestas mientras usted enviaba las suyas. Revise las respuestas y vuelva a enviarlas.',
      reviewTitle: 'Los organizadores devolvieron esta respuesta con comentarios',
      reviewIntro:
        'Revise las respuestas y vuelva a enviar la respuesta. Los comentarios sobre preguntas concretas figuran junto a ellas.',
      questionComment: 'Comentario de los organizadores',
      profileTitle: 'Perfil de brechas de capacidad de su país',
      profileColumns: ['Área', 'Capacidad', 'Meta', 'Brecha', 'Valoración'],
      bands: {
        'requires further progress': 'requiere más avances',
        'partially meets': 'cumple parcialmente',
        meets: 'cumple',
        'fully meets': 'cumple plenamente',
        'insufficient data': 'datos insuficientes',
      },
    },
  };

  var locale = pickLocale();
  var survey = null;
  var formJson = null;
  /** The reviewer's comments while the response is returned ({ comment, questionComments }), else null. */
  var review = null;

  // ---- language -----------------------------------------------------------------------------

  function pickLocale() {
    var supported = ['en', 'fr', 'es'];
    var fromUrl = new URLSearchParams(location.search).get('lang');
    if (supported.indexOf(fromUrl) >= 0) {
      remember('capgap:lang', fromUrl);
      return fromUrl;
    }
    var remembered = recall('capgap:lang');
    if (supported.indexOf(remembered) >= 0) return remembered;
    if (supported.indexOf(body.dataset.linkLocale) >= 0) return body.dataset.linkLocale;
    return supported.indexOf(body.dataset.locale) >= 0 ? body.dataset.locale : 'en';
  }

  function text(key, values) {
    var s = (messages[locale] || messages.en)[key];
    Object.keys(values || {}).forEach(function (k) {
      s = s.replace('{' + k + '}', values[k]);
    });
    return s;
  }

  function say(key, values) {
    statusBox.textContent = key ? text(key, values) : '';
    statusBox.setAttribute('data-message', key || '');
  }

  // Notes that must stay visible while saving goes on (merges, restored answers).
  function notify(key, values) {
    noticeBox.textContent = key ? text(key, values) : '';
    noticeBox.setAttribute('data-message', key || '');
  }

  function setLocale(next) {
    locale = next;
    remember('capgap:lang', next);
    document.documentElement.lang = next;
    languageSelect.value = next;
    document.getElementById('language-label').textContent = text('language');
    var url = new URL(location.href);
    url.searchParams.set('lang', next);
    history.replaceState(null, '', url);
    if (survey) survey.locale = next === 'en' ? '' : next;
  }

  languageSelect.addEventListener('change', function () {
    setLocale(languageSelect.value);
  });

  // ---- storage in this browser --------------------------------------------------------------

  function remember(key, value) {
    try {
      localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
    } catch {
      /* private mode or full: the server copy still works */
    }
  }

  function recall(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function forget(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      /* nothing to do */
    }
  }

  // ---- SurveyJS -----------------------------------------------------------------------------

  // Same custom properties as server/forms/survey-properties.ts.
  ['capgapRole', 'capgapArea', 'capgapIndicator', 'capgapWeight:number'].forEach(function (name) {
    Survey.Serializer.addProperty('question', { name: name });
  });
  ['formId', 'formVersion:number', 'capgapOpenResponses:boolean'].forEach(function (name) {
    Survey.Serializer.addProperty('survey', { name: name });
  });

  function buildSurvey(formJson) {
    var model = new Survey.Model(formJson);
    model.locale = locale === 'en' ? '' : locale;
    // Colleagues fill different areas over days: let them move freely, check all at the end.
    model.checkErrorsMode = 'onComplete';
    model.onAfterRenderQuestion.add(function (sender, options) {
      showQuestionComment(options.question.name, options.htmlElement);
    });
    return model;
  }

  // ---- review comments (a returned response) -------------------------------------------------

  /** The overall comment at the top of the page, as the organizers wrote it; gone once resubmitted. */
  function showReview() {
    var box = document.getElementById('review');
    if (!review) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement('section');
      box.id = 'review';
      box.setAttribute('role', 'note');
      box.setAttribute('aria-labelledby', 'review-title');
      document.getElementById('survey').before(box);
    }
    box.innerHTML = '';
    var title = document.createElement('h2');
    title.id = 'review-title';
    title.textContent = text('reviewTitle');
    var comment = document.createElement('blockquote');
    comment.className = 'review-comment';
    comment.textContent = review.comment;
    var intro = document.createElement('p');
    intro.textContent = text('reviewIntro');
    box.append(title, comment, intro);
  }

  /** A question's comment right under its title, and named as its description for screen readers. */
  function showQuestionComment(name, element) {
    var comment =
      review && review.questionComments && Object.prototype.hasOwnProperty.call(review.questionComments, name)
        ? review.questionComments[name]
        : null;
    if (!comment || !element || element.querySelector('.question-review')) return;
    var note = document.createElement('div');
    note.className = 'question-review';
    note.id = 'review-' + name;
    note.setAttribute('role', 'note');
    note.setAttribute('data-question', name);
    var label = document.createElement('strong');
    label.textContent = text('questionComment') + (locale === 'fr' ? '\u00a0: ' : ': ');
    var said = document.createElement('span');
    said.textContent = comment;
    note.append(label, said);
    var header = element.querySelector('.sd-question__header');
    if (header) header.after(note);
    else element.prepend(note);
    var described = element.getAttribute('aria-describedby');
    element.setAttribute('aria-describedby', (described ? described + ' ' : '') + note.id);
  }

  function render(model) {
    survey = model;
    SurveyUI.renderSurvey(model, document.getElementById('survey'));
    body.setAttribute('data-ready', 'true');
  }

  // After Next/Previous, SurveyJS leaves the focus on the button at the bottom of the new page:
  // move it to the page's title, where keyboard and screen-reader users expect to start.
  function focusPageTitle() {
    setTimeout(function () {
      var title = document.querySelector('#survey .sd-page__title');
      if (!title) return;
      title.setAttribute('tabindex', '-1');
      title.focus({ preventScroll: false });
    }, 0);
  }

  // The gap profile the server computed on submission: one row per area, scores 0–100.
  function showProfile(scores) {
    var box = document.getElementById('profile');
    if (!scores || !scores.areas || !box) return;
    var t = messages[locale] || messages.en;
    var localized = function (text) {
      return typeof text === 'string' ? text : (text && (text[locale] || text['default'])) || '';
    };
    var pageTitle = function (area) {
      var page = (formJson.pages || []).filter(function (p) {
        return p.name === area.toLowerCase();
      })[0];
      return page ? localized(page.title) : area;
    };
    var number = function (v) {
      return v === null || v === undefined ? '—' : String(Math.round(v));
    };
    box.textContent = '';
    var title = document.createElement('h2');
    title.id = 'profile-title';
    title.textContent = t.profileTitle;
    var table = document.createElement('table');
    var head = table.createTHead().insertRow();
    t.profileColumns.forEach(function (label) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.appendChild(th);
    });
    var rows = table.createTBody();
    scores.areas.forEach(function (a) {
      var row = rows.insertRow();
      row.setAttribute('data-area', a.area);
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = pageTitle(a.area);
      row.appendChild(th);
      [
        number(a.capacity),
        number(a.target),
        number(a.gap),
        t.bands[a.status === 'scored' ? a.band : 'insufficient data'],
      ].forEach(function (v) {
        row.insertCell().textContent = v;
      });
    });
    box.appendChild(title);
    box.appendChild(table);
    box.hidden = false;
  }

  function showSubmitted(response, scores) {
    review = null;
    showReview();
    showProfile(scores);
    var model = buildSurvey(formJson);
    model.data = response.answers;
    model.mode = 'display';
    model.questionsOnPageMode = 'singlePage';
    model.showCompletedPage = false;
    document.getElementById('survey').innerHTML = '';
    render(model);
    body.setAttribute('data-response-status', response.status || 'submitted');
  }

  function showServerErrors(errors) {
    var first = null;
    (errors || []).forEach(function (e) {
      var question = survey.getQuestionByName(String(e.field || '').replace(/^answers\./, ''));
      if (!question) return;
      question.addError(e.message);
      if (!first) first = question;
    });
    if (first) {
      survey.currentPage = first.page;
      first.focus(true);
    }
  }

  // Complete pressed: onCompleting says the page's checks passed; when it does not fire, they
  // failed (required answers missing), and the status line must say so rather than "saved".
  function watchCompletion(model, onBlocked) {
    var requested = false;
    model.onCompleting.add(function () {
      requested = true;
    });
    var tryComplete = model.tryComplete;
    model.tryComplete = function () {
      requested = false;
      var result = tryComplete.apply(model, arguments);
      if (!requested && !model.isCompleted) onBlocked();
      return result;
    };
  }

  function questionTitles(names) {
    return names
      .map(function (n) {
        var q = survey.getQuestionByName(n);
        return q ? q.processedTitle || q.title : n;
      })
      .join(' · ');
  }

  function send(method, url, payload, keepalive) {
    return fetch(url, {
      method: method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
      keepalive: !!keepalive,
    }).then(function (res) {
      return res.json().then(
        function (data) {
          return { status: res.status, data: data, retryAfter: res.headers.get('Retry-After') };
        },
        function () {
          return { status: res.status, data: {}, retryAfter: res.headers.get('Retry-After') };
        },
      );
    });
  }

  // ---- country link: the draft-sync machine (draft-sync.js) and what its effects do ------------

  function startCountry(response, scores) {
    review = response.review || null;
    showReview();
    var storeKey = 'capgap:draft:' + token;
    var api = '/api/respondent/' + encodeURIComponent(token);
    var state = CapgapDraftSync.initial({ online: navigator.onLine !== false });
    var timers = {};
    var queue = [];
    var running = false;
    var applying = false; // answers set by the machine are not the respondent's edits
    var idleWaiters = [];

    // Events wait their turn: an effect may cause an event (render → rendered).
    function dispatch(event) {
      queue.push(event);
      if (running) return;
      running = true;
      try {
        while (queue.length) {
          var result = CapgapDraftSync.step(state, queue.shift());
          state = result.state;
          result.effects.forEach(run);
        }
      } finally {
        running = false;
      }
      if (!state.request)
        idleWaiters.splice(0).forEach(function (resolve) {
          resolve();
        });
    }

    function answered(type) {
      return function (result) {
        dispatch({
          type: type,
          status: result.status,
          body: result.data,
          retryAfter: result.retryAfter,
          now: Date.now(),
        });
      };
    }

    function failed(type) {
      return function () {
        dispatch({ type: type, now: Date.now() });
      };
    }

    var effects = {
      render: function (e) {
        var model = buildSurvey(formJson);
        model.mergeData(e.answers); // mergeData, not data =: questions keep their default values
        if (model.visiblePages[e.page]) model.currentPageNo = e.page;
        model.onValueChanged.add(function (sender, options) {
          if (!applying) dispatch({ type: 'edited', name: options.name, answers: sender.data, now: Date.now() });
        });
        model.onCurrentPageChanged.add(function (sender) {
          focusPageTitle();
          if (!applying) dispatch({ type: 'pageChanged', page: sender.currentPageNo });
        });
        watchCompletion(model, function () {
          dispatch({ type: 'submitBlocked' });
        });
        model.onCompleting.add(function (sender, options) {
          options.allow = false;
          dispatch({ type: 'submitRequested', answers: sender.data });
        });
        render(model);
        dispatch({ type: 'rendered', answers: model.data, page: model.currentPageNo });
      },
      setAnswers: function (e) {
        applying = true;
        var page = survey.currentPageNo;
        survey.data = e.answers;
        survey.currentPageNo = page;
        applying = false;
      },
      showSubmitted: function (e) {
        showSubmitted(e.response, e.scores);
      },
      showErrors: function (e) {
        showServerErrors(e.errors);
      },
      persistLocal: function (e) {
        remember(storeKey, e.draft);
      },
      forgetLocal: function () {
        forget(storeKey);
      },
      save: function (e) {
        send(
          'PUT',
          api + '/draft',
          { answers: e.answers, baseRevision: e.baseRevision, locale: locale },
          e.keepalive,
        ).then(answered('saveAnswered'), failed('saveFailed'));
      },
      submit: function (e) {
        send('POST', api + '/submit', { answers: e.answers, baseRevision: e.baseRevision, locale: locale }).then(
          answered('submitAnswered'),
          failed('submitFailed'),
        );
      },
      schedule: function (e) {
        clearTimeout(timers[e.timer]);
        timers[e.timer] = setTimeout(function () {
          dispatch({ type: 'timer', timer: e.timer });
        }, e.ms);
      },
      cancel: function (e) {
        clearTimeout(timers[e.timer]);
      },
      status: function (e) {
        say(e.key, e.values.date ? { date: new Date(e.values.date).toLocaleString(locale) } : e.values);
      },
      notice: function (e) {
        notify(e.key, { names: questionTitles(e.names) });
      },
      revision: function (e) {
        body.setAttribute('data-revision', String(e.revision));
      },
    };

    function run(effect) {
      effects[effect.type](effect);
    }

    window.addEventListener('online', function () {
      dispatch({ type: 'online' });
    });
    window.addEventListener('offline', function () {
      dispatch({ type: 'offline' });
    });
    // Leaving the page: the local copy is already up to date; try one last save on the way out.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') dispatch({ type: 'saveNow', keepalive: true });
    });

    // For tests and the curious: save now; resolves once nothing is on its way.
    window.capgapSaveNow = function () {
      return new Promise(function (resolve) {
        idleWaiters.push(resolve);
        dispatch({ type: 'saveNow' });
      });
    };

    var local;
    try {
      local = JSON.parse(recall(storeKey) || 'null');
    } catch {
      local = null; // a copy that no longer parses is left out
    }
    dispatch({ type: 'loaded', response: response, scores: scores, local: local });
  }

  // ---- open questionnaire: one submission, no drafts ----------------------------------------

  function startOpen() {
    var formId = body.dataset.formId;
    var model = buildSurvey(formJson);
    var accepted = false;
    model.onCurrentPageChanged.add(focusPageTitle);
    watchCompletion(model, function () {
      say('invalid');
    });
    model.onCompleting.add(function (sender, options) {
      if (accepted) return;
      options.allow = false;
      say('sending');
      send('POST', '/api/forms/' + encodeURIComponent(formId) + '/responses', {
        answers: sender.data,
        formVersion: formJson.formVersion,
        locale: locale,
      })
        .then(function (result) {
          var outcome = CapgapDraftSync.classify(result.status, result.data);
          if (outcome === 'ok') {
            accepted = true;
            body.setAttribute('data-response-id', result.data.id);
            sender.doComplete();
            say('sent');
          } else if (outcome === 'invalid') {
            showServerErrors(result.data.errors);
            say('invalid');
          } else {
            say('failed');
          }
        })
        .catch(function () {
          say('failed');
        });
    });
    render(model);
    say('');
  }

  // ---- start ---------------------------------------------------------------------------------

  setLocale(locale);
  say('loading');
  var getJson = function (url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  };
  var loads = [getJson(body.dataset.formUrl)];
  if (token) loads.push(getJson('/api/respondent/' + encodeURIComponent(token)));
  Promise.all(loads).then(
    function (results) {
      formJson = results[0];
      if (token) startCountry(results[1].response, results[1].scores);
      else startOpen();
    },
    function () {
      say('loadFailed');
    },
  );
})();
