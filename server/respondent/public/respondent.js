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
  // A partner's declaration link uses the same page and protocol under its own API.
  var linkApi = body.dataset.api || '/api/respondent/' + encodeURIComponent(token || '');
  var statusBox = document.getElementById('status');
  var noticeBox = document.getElementById('notice');
  var languageSelect = document.getElementById('language');

  // The texts of each language, fetched from i18n/<lang>.json (hashed URLs in data-messages-<lang>)
  // when first needed: the page downloads only the language it shows.
  var messages = {};
  var messageLoads = {};

  var locale = pickLocale();
  var survey = null;
  var formJson = null;
  /** The reviewer's comments while the response is returned ({ comment, questionComments }), else null. */
  var review = null;
  /** Whether the response is approved: the country's partnerships are then shown (in the page's language). */
  var showsPartnerships = false;
  /** The organizers' contact for this round ({ name, email }), if they gave one. */
  var roundContact = null;

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

  /** The dictionary of a language, fetched once; later calls reuse the same promise. */
  function loadMessages(lang) {
    if (!messageLoads[lang]) {
      var url = body.dataset['messages' + lang.charAt(0).toUpperCase() + lang.slice(1)];
      messageLoads[lang] = fetch(url, { headers: { Accept: 'application/json' } })
        .then(function (res) {
          if (!res.ok) throw new Error('HTTP ' + res.status);
          return res.json();
        })
        .then(function (dictionary) {
          messages[lang] = dictionary;
          return dictionary;
        });
      // A failed fetch is tried again at the next switch rather than remembered.
      messageLoads[lang].catch(function () {
        delete messageLoads[lang];
      });
    }
    return messageLoads[lang];
  }

  /** The texts of the page's language; before they arrive, another loaded language, else none. */
  function dictionary() {
    return messages[locale] || messages.en || messages.fr || messages.es || {};
  }

  function text(key, values) {
    var s = dictionary()[key];
    if (s === undefined) return '';
    Object.keys(values || {}).forEach(function (k) {
      s = s.replace('{' + k + '}', values[k]);
    });
    return s;
  }

  // The last status and notice, said again in the new language when the respondent switches.
  var said = { status: null, notice: null };

  function say(key, values) {
    said.status = { key: key, values: values };
    // A date is kept as sent and written in the page's language each time it is said.
    var shown =
      values && values.date
        ? Object.assign({}, values, { date: new Date(values.date).toLocaleString(locale) })
        : values;
    statusBox.textContent = key ? text(key, shown) : '';
    statusBox.setAttribute('data-message', key || '');
  }

  // Notes that must stay visible while saving goes on (merges, restored answers).
  function notify(key, values) {
    said.notice = { key: key, values: values };
    noticeBox.textContent = key ? text(key, values) : '';
    noticeBox.setAttribute('data-message', key || '');
  }

  /** Switches to a language once its texts are here (the page keeps the current ones until then). */
  // SurveyJS's texts for French or Spanish, a script of this site loaded the first time the page
  // shows that language (English is built in).
  var surveyLocaleLoads = {};
  function loadSurveyLocale(lang) {
    var src = body.dataset[lang === 'fr' ? 'surveyLocaleFr' : lang === 'es' ? 'surveyLocaleEs' : ''];
    if (!src) return Promise.resolve();
    if (!surveyLocaleLoads[lang])
      surveyLocaleLoads[lang] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = src;
        script.onload = resolve;
        script.onerror = function () {
          delete surveyLocaleLoads[lang];
          reject(new Error('SurveyJS texts for ' + lang + ' did not load'));
        };
        document.head.appendChild(script);
      });
    return surveyLocaleLoads[lang];
  }

  function setLocale(next) {
    return Promise.all([loadMessages(next), loadSurveyLocale(next)]).then(function () {
      locale = next;
      remember('capgap:lang', next);
      document.documentElement.lang = next;
      languageSelect.value = next;
      document.getElementById('language-label').textContent = text('language');
      var url = new URL(location.href);
      url.searchParams.set('lang', next);
      history.replaceState(null, '', url);
      if (said.status) say(said.status.key, said.status.values);
      if (said.notice) notify(said.notice.key, said.notice.values);
      showReview();
      if (shownProfile) showProfile(shownProfile.scores, shownProfile.response);
      if (showsPartnerships) loadPartnerships();
      if (survey) survey.locale = next === 'en' ? '' : next;
      showContext();
      if (survey) showAreas();
    });
  }

  languageSelect.addEventListener('change', function () {
    var previous = locale;
    remember('capgap:lang-chosen', 'yes');
    closeLanguageOffer();
    setLocale(languageSelect.value).catch(function () {
      languageSelect.value = previous; // texts unreachable (offline): stay in the current language
    });
  });

  // The browser's language, offered in one click when the page shows another (language-offer.js
  // decides), in the offered language itself; accepting or declining is a choice remembered here.
  function offerBrowserLanguage() {
    var browserLanguages = navigator.languages || [navigator.language];
    var chosen = recall('capgap:lang-chosen') === 'yes';
    var offered = window.CapgapLanguageOffer.languageToOffer(locale, browserLanguages, chosen);
    if (!offered) return;
    loadMessages(offered).then(
      function (words) {
        if (offered === locale || recall('capgap:lang-chosen') === 'yes') return;
        var box = document.createElement('div');
        box.id = 'language-offer';
        box.lang = offered;
        var question = document.createElement('p');
        question.textContent = words.languageOffer;
        box.appendChild(question);
        [
          [words.languageOfferAccept, offered],
          [words.languageOfferDecline, null],
        ].forEach(function (choice) {
          var button = document.createElement('button');
          button.type = 'button';
          button.textContent = choice[0];
          button.addEventListener('click', function () {
            remember('capgap:lang-chosen', 'yes');
            closeLanguageOffer();
            languageSelect.focus(); // keyboard users keep their place
            if (choice[1]) setLocale(choice[1]).catch(function () {});
          });
          box.appendChild(button);
        });
        document.getElementById('main').prepend(box);
      },
      function () {
        /* its texts are unreachable (offline): no offer this time */
      },
    );
  }

  function closeLanguageOffer() {
    var box = document.getElementById('language-offer');
    if (box) box.remove();
  }

  // ---- orientation: whose questionnaire, which round, until when, and where in it ------------

  /** The country link's round and country ({ round, country } of GET /api/respondent/:token). */
  var linkInfo = null;

  /** Country, round and deadline above every page, and in the tab title. */
  function showContext() {
    var box = document.getElementById('context');
    if (!box || !linkInfo || !linkInfo.round || !linkInfo.country) return;
    document.title = CapgapOrientation.tabTitle(linkInfo.country.name, linkInfo.round.name);
    var date = new Date(linkInfo.round.deadline).toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' });
    box.textContent = '';
    box.append(element('strong', linkInfo.country.name), ' · ' + linkInfo.round.name + ' · ');
    box.append(element('span', text('deadline', { date: date }), 'deadline'));
    box.hidden = false;
  }

  /**
   * "Area 3 of 10" and the list of areas (complete ones marked) that jumps to any of them. The
   * list is built only while it is open: closed, it adds nothing to the page's text.
   */
  function showAreas() {
    var nav = document.getElementById('areas');
    var editing = survey && survey.mode !== 'display' && survey.state === 'running';
    var progress = editing
      ? CapgapOrientation.areaProgress(
          survey.visiblePages.map(function (p) {
            return {
              title: p.processedTitle || p.title || p.name,
              questions: p.questions
                .filter(function (q) {
                  return q.isVisible && q.getType() !== 'html';
                })
                .map(function (q) {
                  return { area: q.capgapArea, required: q.isRequired, answered: !q.isEmpty() };
                }),
            };
          }),
          survey.currentPageNo,
        )
      : { total: 0 };
    nav.hidden = !progress.total;
    if (nav.hidden) return;
    nav.setAttribute('aria-label', text('areasLabel'));
    var counts = { n: progress.position, total: progress.total, done: progress.done };
    nav.querySelector('summary').textContent =
      (progress.position ? text('areaOf', counts) + ' · ' : '') + text('areasDone', counts);
    var details = nav.querySelector('details');
    var list = nav.querySelector('ol');
    list.textContent = '';
    if (!details.open) return;
    progress.areas.forEach(function (area) {
      var button = element('button', area.title);
      button.type = 'button';
      button.setAttribute('data-page', String(area.page));
      if (area.current) button.setAttribute('aria-current', 'step');
      if (area.complete) button.append(element('span', ' ✓ ' + text('areaComplete'), 'area-done'));
      button.addEventListener('click', function () {
        details.open = false;
        if (survey.currentPageNo === area.page) focusPageTitle();
        else survey.currentPageNo = area.page; // onCurrentPageChanged moves the focus to its title
      });
      var item = element('li');
      item.append(button);
      list.append(item);
    });
  }

  document.querySelector('#areas details').addEventListener('toggle', showAreas);

  /** Keeps the areas' list in step with the survey: page changes, answers, completion. */
  function trackAreas(model) {
    [model.onCurrentPageChanged, model.onValueChanged, model.onComplete].forEach(function (event) {
      event.add(function () {
        if (survey === model) showAreas();
      });
    });
    showAreas();
  }

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
  ['formId', 'formVersion:number', 'capgapOpenResponses:boolean', 'capgapPurpose'].forEach(function (name) {
    Survey.Serializer.addProperty('survey', { name: name });
  });

  function buildSurvey(formJson) {
    var model = new Survey.Model(formJson);
    model.locale = locale === 'en' ? '' : locale;
    // Colleagues fill different areas over days: let them move freely, check all at the end.
    model.checkErrorsMode = 'onComplete';
    attachEvidence(model);
    model.onAfterRenderQuestion.add(function (sender, options) {
      showQuestionComment(options.question.name, options.htmlElement);
    });
    return model;
  }

  // An evidence field belongs to the indicator above it: not numbered (the indicators read 1, 2,
  // 3…) and drawn as part of it (class capgap-evidence in respondent.css).
  function attachEvidence(model) {
    model.getAllQuestions().forEach(function (q) {
      if (q.capgapRole === 'evidence') q.showNumber = false;
    });
    model.onUpdateQuestionCssClasses.add(function (sender, options) {
      if (options.question.capgapRole === 'evidence') options.cssClasses.mainRoot += ' capgap-evidence';
    });
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
    trackAreas(model);
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

  // The gap profile the server computed on submission (profile-view.js says what it shows): a
  // chart of capacity against target per area, the same numbers as a table for screen readers,
  // the scale explained, the response's state, what happens next and whom to contact.
  var shownProfile = null;

  function showProfile(scores, response) {
    var box = document.getElementById('profile');
    shownProfile = { scores: scores, response: response };
    if (!box) return;
    var localized = function (text) {
      return typeof text === 'string' ? text : (text && (text[locale] || text['default'])) || '';
    };
    var view = window.CapgapProfile.profileView(
      {
        scores: scores,
        status: response && response.status,
        date: response && response.submittedAt ? new Date(response.submittedAt).toLocaleDateString(locale) : '',
        contact: roundContact,
        names: function (area) {
          var page = (formJson.pages || []).filter(function (p) {
            return p.name === area.toLowerCase();
          })[0];
          return page ? localized(page.title) : area;
        },
      },
      dictionary(),
    );
    box.textContent = '';
    box.hidden = !view;
    if (!view) return;
    var title = element('h2', view.title);
    title.id = 'profile-title';
    var state = element('p', view.state, 'profile-state');
    state.setAttribute('data-part', 'state');
    box.append(title, state);
    var chart = element('div', null, 'profile-chart');
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', view.alt);
    var t = dictionary().profile || {};
    var legend = element('p', null, 'profile-legend');
    legend.append(element('span', t.legendCapacity, 'key-capacity'), element('span', t.legendTarget, 'key-target'));
    chart.append(legend);
    view.areas.forEach(function (a) {
      var row = element('div', null, 'profile-area profile-' + a.kind);
      row.setAttribute('data-area', a.area);
      row.append(element('strong', a.name));
      if (a.kind !== 'na') {
        var track = element('div', null, 'bar');
        var fill = element('span', null, 'bar-capacity');
        fill.style.width = (a.capacity || 0) + '%';
        var target = element('span', null, 'bar-target');
        target.style.left = a.target + '%';
        track.append(fill, target);
        row.append(track);
      }
      row.append(element('span', a.numbers, 'profile-numbers'));
      row.append(element('span', [a.assessment, a.gapText].filter(Boolean).join(' — '), 'profile-assessment'));
      chart.append(row);
    });
    var table = element('table', null, 'profile-table');
    var head = table.createTHead().insertRow();
    view.columns.forEach(function (label) {
      var th = element('th', label);
      th.scope = 'col';
      head.appendChild(th);
    });
    var rows = table.createTBody();
    view.areas.forEach(function (a) {
      var row = rows.insertRow();
      row.setAttribute('data-area', a.area);
      var th = element('th', a.name);
      th.scope = 'row';
      row.appendChild(th);
      [a.capacity, a.target, a.gap, a.priority, a.completeness === null ? null : a.completeness + ' %'].forEach(
        function (v) {
          row.insertCell().textContent = v === null ? '—' : String(v);
        },
      );
      row.insertCell().textContent = [a.assessment, a.gapText].filter(Boolean).join(' — ');
    });
    var explain = element('div', null, 'profile-explain');
    view.explain.forEach(function (line) {
      explain.append(element('p', line));
    });
    var next = element('p', view.next, 'profile-next');
    var contact = element('p', view.contact, 'profile-contact');
    contact.setAttribute('data-part', 'contact');
    if (view.contactName) {
      contact.append(' ');
      var who = view.email ? element('a', view.contactName) : element('span', view.contactName);
      if (view.email) who.href = 'mailto:' + view.email;
      contact.append(who);
    }
    var tableWrap = element('div', null, 'profile-table-wrap');
    tableWrap.append(table);
    box.append(chart, tableWrap, explain, next, contact);
  }

  // ---- partnerships (an approved response) ---------------------------------------------------

  /** The country's partnerships and suggested partners, in the page's language (partnerships.js). */
  function loadPartnerships() {
    var lang = locale;
    fetch('/api/respondent/' + encodeURIComponent(token) + '/partnerships?lang=' + lang, {
      headers: { Accept: 'application/json' },
    })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (data) {
        if (lang === locale) showPartnerships(CapgapPartnerships.partnershipsView(data, dictionary()));
      })
      .catch(function () {
        /* the questionnaire and profile stay usable; the next language switch tries again */
      });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /** One partner: who, what kind and status, and why (the explanation with its real numbers). */
  function partnerItem(item, why) {
    var li = element('li', null, 'partner');
    li.append(element('strong', item.title), element('span', ' — ' + item.meta, 'partner-meta'));
    if (item.explanation) {
      var p = element('p', null, 'partner-why');
      p.append(element('span', why + (locale === 'fr' ? '\u00a0: ' : ': '), 'partner-why-label'), item.explanation);
      li.append(p);
    }
    return li;
  }

  function showPartnerships(view) {
    var box = document.getElementById('partnerships');
    if (!box) return;
    box.textContent = '';
    box.hidden = !view;
    if (!view) return;
    var title = element('h2', view.title);
    title.id = 'partnerships-title';
    box.append(title);
    if (view.none) box.append(element('p', view.none));
    if (view.partnerships.length) {
      var list = element('ul', null, 'partners');
      list.setAttribute('data-list', 'partnerships');
      view.partnerships.forEach(function (item) {
        var li = partnerItem(item, view.why);
        li.setAttribute('data-area', item.area);
        li.setAttribute('data-role', item.role);
        list.append(li);
      });
      box.append(list);
    }
    if (view.suggestions.length) {
      box.append(element('h3', view.suggestionsTitle), element('p', view.suggestionsIntro));
      view.suggestions.forEach(function (group) {
        box.append(element('h4', group.heading));
        var list = element('ul', null, 'partners');
        list.setAttribute('data-list', 'suggestions');
        list.setAttribute('data-area', group.area);
        group.partners.forEach(function (item) {
          list.append(partnerItem(item, view.why));
        });
        box.append(list);
      });
    }
  }

  function showSubmitted(response, scores) {
    review = null;
    showReview();
    showProfile(scores, response);
    showsPartnerships = response.status === 'approved';
    if (showsPartnerships) loadPartnerships();
    var model = buildSurvey(formJson);
    model.data = response.answers;
    model.mode = 'display';
    model.questionsOnPageMode = 'singlePage';
    model.showCompletedPage = false;
    // A fresh container: SurveyJS's renderer keeps its state on the old one, and rendering the
    // summary into it after the questionnaire left it empty until the page was reloaded.
    var fresh = document.createElement('div');
    fresh.id = 'survey';
    document.getElementById('survey').replaceWith(fresh);
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
    var api = linkApi;
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
        say(e.key, e.values);
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

  // The page's texts, the form and the response load side by side; nothing is rendered before
  // the texts are here.
  var started = false;
  var textsReady = setLocale(locale).then(function () {
    if (!started) say('loading');
    offerBrowserLanguage();
  });
  var getJson = function (url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  };
  var loads = [textsReady, getJson(body.dataset.formUrl)];
  if (token) loads.push(getJson(linkApi));
  Promise.all(loads).then(
    function (results) {
      started = true;
      formJson = results[1];
      linkInfo = token ? results[2] : null;
      showContext();
      if (token) roundContact = (results[2].round && results[2].round.contact) || null;
      if (token) startCountry(results[2].response, results[2].scores);
      else startOpen();
    },
    function () {
      started = true;
      say('loadFailed');
    },
  );
})();
