// How a country's draft is kept in sync, as a pure state machine: step(state, event) returns
// the next state and a list of effects, plain data that the page (respondent.js) carries out:
//   {type:'render', answers, page}            show the editable questionnaire
//   {type:'setAnswers', answers}              replace the answers shown (after a merge)
//   {type:'showSubmitted', response, scores}  show the read-only summary and profile
//   {type:'showErrors', errors}               mark the server's errors on their questions
//   {type:'persistLocal', draft} / {type:'forgetLocal'}   this browser's copy (localStorage)
//   {type:'save', answers, baseRevision, keepalive} / {type:'submit', answers, baseRevision}
//   {type:'schedule', timer, ms} / {type:'cancel', timer}  timers 'idle' and 'retry'
//   {type:'status', key, values} / {type:'notice', key, names}   the two message lines
//   {type:'revision', revision}               the server revision the draft now builds on
// Requests answer with saveAnswered/submitAnswered ({status, body, retryAfter, now}; status 0
// when the network failed), timers with {type:'timer', timer}. No polling: a save waits for
// its timer, a page change, the 'online' event or the answer of the request before it.
// The status line only says "saved" or "sent" while that is true (the last save succeeded
// and nothing changed since; the submit was accepted), and notices go when they stop holding.
// Runs in the browser (as window.CapgapDraftSync) and in Node, where the unit tests drive it.
(function (root, factory) {
  if (typeof module === 'object' && module.exports)
    module.exports = factory(require('./draft-merge.js'), require('./problem-codes.js'));
  else root.CapgapDraftSync = factory(root.CapgapMerge, root.CapgapProblemCodes);
})(typeof self !== 'undefined' ? self : this, function (merge, codes) {
  'use strict';

  var IDLE_SAVE_MS = 30000;
  var FIRST_RETRY_MS = 2000;
  var MAX_RETRY_MS = 60000;

  /** The state before load; options.online: what the browser says (navigator.onLine). */
  function initial(options) {
    return {
      phase: 'loading', // loading → editing → submitted; linkGone when the link stops working
      base: { revision: 0, answers: {} }, // the server revision local edits started from
      answers: {}, // the answers on the page now
      editedAt: {}, // question → when it was last edited here (ms), for merges
      dirty: false, // answers differ from what the server has from us
      page: 0,
      request: null, // 'save' or 'submit' while one is on its way
      sent: null, // the answers of the save on its way
      saveAgain: false, // a save was asked for while a request was on its way
      submitQueued: false, // submit was asked for while a save was on its way
      online: !options || options.online !== false,
      retrying: false, // a retry timer is set: saves wait for it
      retryMs: FIRST_RETRY_MS, // the next backoff
      attention: null, // {key, clearedBySave}: what the status line returns to once saves settle
      status: '',
      notice: '',
    };
  }

  /** What a server answer means for the page; problem codes, not messages, decide. */
  function classify(status, body) {
    if (status === 200 || status === 201) return 'ok';
    var code = (body && body.code) || '';
    if (code === codes.staleRevision) return 'stale';
    if (code === codes.alreadySubmitted) return 'submitted';
    if (code === codes.linkNotFound || code === codes.linkNotValid) return 'linkGone';
    if (code === codes.invalidAnswers || code === codes.invalidInput) return 'invalid';
    return status === 0 ? 'network' : 'unavailable';
  }

  /** Retry-After in ms (seconds or an HTTP date), or null when absent or unreadable. */
  function retryAfterMs(header, now) {
    if (header === null || header === undefined || header === '') return null;
    var text = String(header).trim();
    if (/^\d+$/.test(text)) return Number(text) * 1000;
    var at = Date.parse(text);
    return isNaN(at) ? null : Math.max(0, at - (now || 0));
  }

  function step(state, event) {
    var s = Object.assign({}, state);
    var fx = [];
    var handler = handlers[event.type];
    if (handler) handler(s, event, fx);
    return { state: s, effects: fx };
  }

  // ---- helpers (they change s and add effects) ------------------------------------------------

  function say(s, fx, key, values) {
    s.status = key;
    fx.push({ type: 'status', key: key, values: values || {} });
  }

  function notify(s, fx, key, names) {
    if (!key && !s.notice) return;
    s.notice = key;
    fx.push({ type: 'notice', key: key, names: names || [] });
  }

  /** The status once nothing is on its way: saved only when it is. */
  function settle(s, fx) {
    say(s, fx, s.dirty ? '' : s.attention ? s.attention.key : 'saved');
  }

  function persist(s, fx) {
    fx.push({
      type: 'persistLocal',
      draft: {
        baseRevision: s.base.revision,
        baseAnswers: s.base.answers,
        answers: s.answers,
        editedAt: s.editedAt,
        dirty: s.dirty,
        page: s.page,
      },
    });
  }

  function stopTimers(s, fx) {
    s.retrying = false;
    fx.push({ type: 'cancel', timer: 'idle' }, { type: 'cancel', timer: 'retry' });
  }

  function startSave(s, fx, keepalive) {
    if (s.phase !== 'editing') return;
    fx.push({ type: 'cancel', timer: 'idle' });
    if (!s.dirty) return;
    if (s.request) {
      s.saveAgain = true;
      return;
    }
    if (!s.online) {
      say(s, fx, 'offline');
      return;
    }
    // The server asked to wait (Retry-After) or the backoff runs: its timer sends the latest
    // answers. Leaving the page is the exception: it is the last chance.
    if (s.retrying && !keepalive) return;
    s.request = 'save';
    s.sent = s.answers;
    fx.push({ type: 'save', answers: s.answers, baseRevision: s.base.revision, keepalive: !!keepalive });
    say(s, fx, 'saving');
  }

  function startSubmit(s, fx) {
    s.submitQueued = false;
    s.saveAgain = false;
    if (s.retrying) {
      s.retrying = false;
      fx.push({ type: 'cancel', timer: 'retry' });
    }
    if (!s.online) {
      s.attention = { key: 'failed', clearedBySave: false };
      say(s, fx, 'failed');
      return;
    }
    s.request = 'submit';
    fx.push({ type: 'submit', answers: s.answers, baseRevision: s.base.revision });
    say(s, fx, 'sending');
  }

  /** After a request: the submit or save that waited for it. */
  function next(s, fx) {
    if (s.phase !== 'editing' || s.request) return;
    if (s.submitQueued) return startSubmit(s, fx);
    if (s.saveAgain) {
      s.saveAgain = false;
      startSave(s, fx);
    }
  }

  /** Merges the server's current answers (a colleague saved meanwhile) into ours. */
  function mergeServer(s, fx, current) {
    var merged = merge.mergeAnswers(s.base.answers, s.answers, current.answers, s.editedAt, current.answeredAt);
    s.base = { revision: current.revision, answers: current.answers };
    s.answers = merged.answers;
    s.dirty = !merge.same(merged.answers, current.answers);
    fx.push({ type: 'setAnswers', answers: merged.answers }, { type: 'revision', revision: current.revision });
    persist(s, fx);
    if (merged.conflicts.length) {
      notify(
        s,
        fx,
        'conflicts',
        merged.conflicts.map(function (c) {
          return c.name;
        }),
      );
    } else if (merged.takenFromOthers.length) {
      notify(s, fx, 'merged', merged.takenFromOthers);
    }
  }

  /** The statuses in which the country's links may no longer change the answers. */
  function isFrozen(status) {
    return status === 'submitted' || status === 'resubmitted' || status === 'approved';
  }

  function becomeSubmitted(s, fx, response, scores, statusKey) {
    s.phase = 'submitted';
    s.dirty = false;
    s.saveAgain = false;
    s.submitQueued = false;
    s.attention = null;
    stopTimers(s, fx);
    fx.push({ type: 'forgetLocal' }, { type: 'showSubmitted', response: response, scores: scores || null });
    notify(s, fx, '');
    if (statusKey === 'sent') say(s, fx, 'sent');
    else say(s, fx, 'submitted', { date: response.submittedAt });
  }

  function loseLink(s, fx) {
    s.phase = 'linkGone';
    s.saveAgain = false;
    s.submitQueued = false;
    stopTimers(s, fx);
    say(s, fx, 'linkGone');
  }

  /** A save that did not arrive: answers stay here; retry after Retry-After or the backoff. */
  function retryLater(s, fx, kind, retryAfter) {
    s.saveAgain = false;
    if (s.submitQueued) {
      s.submitQueued = false;
      s.attention = { key: 'failed', clearedBySave: false };
    }
    say(s, fx, kind === 'network' || !s.online ? 'offline' : 'unavailable');
    if (!s.online) return; // the 'online' event brings the save back
    var ms = retryAfter === null ? s.retryMs : Math.min(retryAfter, MAX_RETRY_MS);
    s.retryMs = Math.min(s.retryMs * 2, MAX_RETRY_MS);
    s.retrying = true;
    fx.push({ type: 'schedule', timer: 'retry', ms: ms });
  }

  // ---- events ---------------------------------------------------------------------------------

  var handlers = {
    // The server's state and this browser's copy, at load.
    loaded: function (s, e, fx) {
      var response = e.response;
      // Submitted, resubmitted or approved: frozen; a returned response is edited like a draft.
      if (isFrozen(response.status)) return becomeSubmitted(s, fx, response, e.scores, 'submitted');
      var local = e.local;
      s.phase = 'editing';
      s.base = { revision: response.revision, answers: response.answers };
      s.answers = response.answers;
      var takenFromOthers = [];
      if (local && local.baseRevision > response.revision && local.baseAnswers) {
        // The server's state is older than what this browser already had from it: a copy read
        // offline (the service worker's). The local copy is the newer truth.
        s.base = { revision: local.baseRevision, answers: local.baseAnswers };
        s.answers = local.answers;
        s.editedAt = local.editedAt || {};
        s.dirty = !!local.dirty;
      } else if (local && local.dirty) {
        if (local.baseRevision === response.revision) {
          s.answers = local.answers;
        } else {
          var merged = merge.mergeAnswers(
            local.baseAnswers,
            local.answers,
            response.answers,
            local.editedAt,
            response.answeredAt,
          );
          s.answers = merged.answers;
          takenFromOthers = merged.takenFromOthers;
        }
        // Equal to the server's: the save made on leaving arrived, only its answer was lost.
        // Nothing was restored then, and saying so would not be true.
        s.dirty = !merge.same(s.answers, response.answers);
        s.editedAt = s.dirty ? local.editedAt || {} : {};
      }
      s.page = local && typeof local.page === 'number' ? local.page : 0;
      fx.push({ type: 'render', answers: s.answers, page: s.page }, { type: 'revision', revision: s.base.revision });
      if (s.dirty) notify(s, fx, takenFromOthers.length ? 'merged' : 'restored', takenFromOthers);
      else say(s, fx, '');
    },
    // The questionnaire is shown: its answers include the form's default values.
    rendered: function (s, e, fx) {
      s.answers = e.answers;
      s.page = e.page;
      if (!s.dirty) return;
      persist(s, fx);
      startSave(s, fx);
    },
    edited: function (s, e, fx) {
      if (s.phase !== 'editing' && s.phase !== 'linkGone') return;
      s.answers = e.answers;
      s.editedAt = Object.assign({}, s.editedAt);
      s.editedAt[e.name] = e.now;
      s.dirty = true;
      persist(s, fx);
      if (s.status === 'saved') say(s, fx, '');
      if (s.phase === 'editing') fx.push({ type: 'schedule', timer: 'idle', ms: IDLE_SAVE_MS });
    },
    pageChanged: function (s, e, fx) {
      s.page = e.page;
      if (s.phase !== 'editing' && s.phase !== 'linkGone') return;
      persist(s, fx);
      startSave(s, fx);
    },
    timer: function (s, e, fx) {
      if (e.timer === 'retry') s.retrying = false;
      startSave(s, fx);
    },
    // A save asked for now: leaving the page (keepalive) or a test.
    saveNow: function (s, e, fx) {
      startSave(s, fx, e.keepalive);
    },
    saveAnswered: function (s, e, fx) {
      s.request = null;
      var sent = s.sent;
      s.sent = null;
      if (s.phase !== 'editing') return;
      var body = e.body || {};
      switch (classify(e.status, body)) {
        case 'ok':
          s.base = { revision: body.revision, answers: body.answers };
          s.retryMs = FIRST_RETRY_MS;
          if (merge.same(s.answers, sent)) {
            s.dirty = false;
            s.editedAt = {};
          }
          if (s.attention && s.attention.clearedBySave) s.attention = null;
          fx.push({ type: 'revision', revision: body.revision });
          persist(s, fx);
          if (s.submitQueued || s.saveAgain) return next(s, fx);
          return settle(s, fx);
        case 'stale':
          mergeServer(s, fx, body.current);
          if (s.submitQueued) {
            // A colleague's answers came in while submit waited: let the respondent see them.
            s.submitQueued = false;
            s.attention = { key: 'reviewAgain', clearedBySave: false };
          }
          s.saveAgain = false;
          if (s.dirty) return startSave(s, fx);
          return settle(s, fx);
        case 'submitted':
          return becomeSubmitted(s, fx, body.current, null, 'submitted');
        case 'linkGone':
          return loseLink(s, fx);
        case 'invalid':
          s.saveAgain = false;
          s.submitQueued = false;
          s.attention = { key: 'invalid', clearedBySave: true };
          fx.push({ type: 'showErrors', errors: body.errors || [] });
          return say(s, fx, 'invalid');
        default:
          return retryLater(s, fx, classify(e.status, body), retryAfterMs(e.retryAfter, e.now));
      }
    },
    // Complete was pressed and the page's own checks passed.
    submitRequested: function (s, e, fx) {
      if (s.phase !== 'editing' || s.request === 'submit') return;
      s.answers = e.answers;
      s.attention = null;
      fx.push({ type: 'cancel', timer: 'idle' });
      if (s.request === 'save') {
        s.submitQueued = true;
        return say(s, fx, 'sending');
      }
      startSubmit(s, fx);
    },
    // Complete was pressed and the page's own checks found answers missing or wrong.
    submitBlocked: function (s, _e, fx) {
      if (s.phase !== 'editing') return;
      s.attention = { key: 'invalid', clearedBySave: false };
      say(s, fx, 'invalid');
    },
    submitAnswered: function (s, e, fx) {
      s.request = null;
      if (s.phase !== 'editing') return;
      var body = e.body || {};
      switch (classify(e.status, body)) {
        case 'ok':
          return becomeSubmitted(s, fx, body, body.scores, 'sent');
        case 'stale':
          mergeServer(s, fx, body.current);
          s.attention = { key: 'reviewAgain', clearedBySave: false };
          say(s, fx, 'reviewAgain');
          if (s.dirty) startSave(s, fx);
          return;
        case 'submitted':
          return becomeSubmitted(s, fx, body.current, null, 'submitted');
        case 'linkGone':
          return loseLink(s, fx);
        case 'invalid':
          s.attention = { key: 'invalid', clearedBySave: false };
          fx.push({ type: 'showErrors', errors: body.errors || [] });
          say(s, fx, 'invalid');
          break;
        default:
          s.attention = { key: 'failed', clearedBySave: false };
          say(s, fx, 'failed');
      }
      // The answers were not stored by the submit: the draft keeps syncing.
      if (s.dirty) fx.push({ type: 'schedule', timer: 'idle', ms: IDLE_SAVE_MS });
      next(s, fx);
    },
    online: function (s, _e, fx) {
      s.online = true;
      s.retryMs = FIRST_RETRY_MS;
      if (s.retrying) {
        s.retrying = false;
        fx.push({ type: 'cancel', timer: 'retry' });
      }
      if (s.phase !== 'editing') return;
      if (s.dirty) startSave(s, fx);
      else if (s.status === 'offline' || s.status === 'unavailable') settle(s, fx);
    },
    offline: function (s, _e, fx) {
      s.online = false;
      if (s.retrying) {
        s.retrying = false;
        fx.push({ type: 'cancel', timer: 'retry' });
      }
      if (s.phase === 'editing' && (s.dirty || s.request)) say(s, fx, 'offline');
    },
  };

  // saveFailed/submitFailed: the request never got an answer (no network).
  handlers.saveFailed = function (s, e, fx) {
    handlers.saveAnswered(s, { status: 0, body: {}, now: e.now }, fx);
  };
  handlers.submitFailed = function (s, e, fx) {
    handlers.submitAnswered(s, { status: 0, body: {}, now: e.now }, fx);
  };

  return {
    initial: initial,
    step: step,
    classify: classify,
    retryAfterMs: retryAfterMs,
    IDLE_SAVE_MS: IDLE_SAVE_MS,
    FIRST_RETRY_MS: FIRST_RETRY_MS,
    MAX_RETRY_MS: MAX_RETRY_MS,
  };
});
