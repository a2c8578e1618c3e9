// capgap respondent page: renders the questionnaire with SurveyJS and sends the answers to the
// server, which is the authority on validation (it runs the same survey-core version).
// Plain browser JavaScript on purpose: no build step between this file and the browser.
(function () {
  'use strict';

  var body = document.body;
  var formId = body.getAttribute('data-form-id');
  var formVersion = Number(body.getAttribute('data-form-version'));
  var locale = body.getAttribute('data-locale') || 'en';
  var statusBox = document.getElementById('status');

  var messages = {
    en: { loading: 'Loading the questionnaire…', loadFailed: 'The questionnaire could not be loaded. Check your connection and reload the page.', sending: 'Sending your answers…', sent: 'Thank you. Your answers have been received.', invalid: 'Some answers need your attention; they are marked below.', failed: 'Your answers could not be sent. Check your connection and try again; nothing you entered is lost.' },
    fr: { loading: 'Chargement du questionnaire…', loadFailed: 'Le questionnaire n’a pas pu être chargé. Vérifiez votre connexion et rechargez la page.', sending: 'Envoi de vos réponses…', sent: 'Merci. Vos réponses ont bien été reçues.', invalid: 'Certaines réponses demandent votre attention ; elles sont signalées ci-dessous.', failed: 'Vos réponses n’ont pas pu être envoyées. Vérifiez votre connexion et réessayez ; rien de ce que vous avez saisi n’est perdu.' },
    es: { loading: 'Cargando el cuestionario…', loadFailed: 'No se pudo cargar el cuestionario. Compruebe su conexión y vuelva a cargar la página.', sending: 'Enviando sus respuestas…', sent: 'Gracias. Hemos recibido sus respuestas.', invalid: 'Algunas respuestas requieren su atención; se indican a continuación.', failed: 'No se pudieron enviar sus respuestas. Compruebe su conexión e inténtelo de nuevo; no se ha perdido nada de lo que escribió.' },
  };
  function say(key) {
    statusBox.textContent = (messages[locale] || messages.en)[key];
  }

  // Same custom properties as server/forms/survey-properties.ts.
  ['capgapRole', 'capgapArea', 'capgapIndicator', 'capgapWeight:number'].forEach(function (name) {
    Survey.Serializer.addProperty('question', { name: name });
  });
  ['formId', 'formVersion:number'].forEach(function (name) {
    Survey.Serializer.addProperty('survey', { name: name });
  });

  say('loading');
  fetch('/api/forms/' + encodeURIComponent(formId), { headers: { Accept: 'application/json' } })
    .then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    })
    .then(start, function () {
      say('loadFailed');
    });

  function start(form) {
    var survey = new Survey.Model(form.json);
    survey.locale = locale === 'en' ? '' : locale;
    var accepted = false;

    survey.onCompleting.add(function (sender, options) {
      if (accepted) return;
      options.allow = false;
      send(sender);
    });

    function send(sender) {
      say('sending');
      var country = new URLSearchParams(location.search).get('country');
      var payload = { answers: sender.data, formVersion: form.formVersion, locale: locale };
      if (country && /^[A-Z]{3}$/.test(country)) payload.country = country;
      fetch('/api/forms/' + encodeURIComponent(formId) + '/responses', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(payload),
      })
        .then(function (res) {
          return res.json().then(function (data) {
            return { status: res.status, data: data };
          });
        })
        .then(function (result) {
          if (result.status === 201) {
            accepted = true;
            body.setAttribute('data-response-id', result.data.id);
            sender.doComplete();
            say('sent');
          } else if (result.status === 422) {
            showErrors(sender, result.data.errors || []);
          } else {
            say('failed');
          }
        })
        .catch(function () {
          say('failed');
        });
    }

    function showErrors(sender, errors) {
      say('invalid');
      var first = null;
      errors.forEach(function (e) {
        var name = String(e.field || '').replace(/^answers\./, '');
        var question = sender.getQuestionByName(name);
        if (!question) return;
        question.addError(e.message);
        if (!first) first = question;
      });
      if (first) first.focus(true);
    }

    SurveyUI.renderSurvey(survey, document.getElementById('survey'));
    statusBox.textContent = '';
    body.setAttribute('data-ready', 'true');
  }
})();
