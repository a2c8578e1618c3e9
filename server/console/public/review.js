// The review page's view of the questionnaire: on request, SurveyJS renders the country's
// answers read-only (display mode), in the page's language, as the country filled them in.
// SurveyJS (about 350 kB compressed) is fetched only then, from the same hashed URLs as the
// respondent page, so that the page's first load stays light; the answers are also listed on
// the page itself, rendered by the server.

const view = document.getElementById('survey-view');
const button = document.getElementById('show-survey');

// Same custom properties as server/forms/survey-properties.ts, so the form's JSON reads as is.
const capgapQuestionProperties = ['capgapRole', 'capgapArea', 'capgapIndicator', 'capgapWeight:number'];
const capgapSurveyProperties = ['formId', 'formVersion:number', 'capgapOpenResponses:boolean'];

/** A classic script (SurveyJS's bundles set globals), once. */
function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

function loadStylesheet(href) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

async function showSurvey() {
  const d = view.dataset;
  button.disabled = true;
  view.setAttribute('aria-busy', 'true');
  try {
    loadStylesheet(d.surveyCss);
    const data = Promise.all([getJson(d.formUrl), getJson(d.answersUrl)]);
    await loadScript(d.surveyJs);
    if (d.surveyLocaleJs) await loadScript(d.surveyLocaleJs);
    await loadScript(d.surveyUi);
    const [form, response] = await data;
    const { Serializer, Model } = window.Survey;
    for (const name of capgapQuestionProperties)
      if (!Serializer.findProperty('question', name.split(':')[0])) Serializer.addProperty('question', { name });
    for (const name of capgapSurveyProperties)
      if (!Serializer.findProperty('survey', name.split(':')[0])) Serializer.addProperty('survey', { name });
    const model = new Model(form);
    model.locale = d.locale === 'en' ? '' : d.locale;
    model.mode = 'display';
    model.questionsOnPageMode = 'singlePage';
    model.showCompletedPage = false;
    model.data = response.answers;
    const target = document.getElementById('survey');
    window.SurveyUI.renderSurvey(model, target);
    button.hidden = true;
    document.getElementById('survey-hint').hidden = true;
    view.dataset.shown = 'true';
    target.focus();
  } catch {
    button.disabled = false;
    document.getElementById('survey-hint').textContent = view.dataset.failed ?? '';
  } finally {
    view.removeAttribute('aria-busy');
  }
}

button?.addEventListener('click', showSurvey);
