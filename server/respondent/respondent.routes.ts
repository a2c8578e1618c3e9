// The respondent page: GET /r/:formId renders the questionnaire with SurveyJS in the browser.
// The page is a small shell; the form itself comes from GET /api/forms/:formId.
import { Router } from 'express';
import type { FormRegistry } from '../forms/form-registry';
import { requestLocale } from '../http/locale';
import { findFormOrReject } from '../responses/submit-response';
import { assetUrls } from './assets';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const noScript: Record<string, string> = {
  en: 'This questionnaire needs JavaScript. Please enable it, or ask your organizer for the document version.',
  fr: 'Ce questionnaire nécessite JavaScript. Veuillez l’activer ou demander la version document à l’organisateur.',
  es: 'Este cuestionario necesita JavaScript. Actívelo o solicite la versión en documento al organizador.',
};

export function respondentPage(formId: string, formVersion: number, locale: string): string {
  const a = assetUrls;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>capgap</title>
<link rel="stylesheet" href="${a.surveyCss}">
<link rel="stylesheet" href="${a.appCss}">
</head>
<body data-form-id="${escapeHtml(formId)}" data-form-version="${formVersion}" data-locale="${locale}">
<main id="main">
<div id="status" role="status" aria-live="polite"></div>
<div id="survey"></div>
<noscript>${noScript[locale]}</noscript>
</main>
<script src="${a.surveyCore}" defer></script>
${a.surveyI18n.map((src) => `<script src="${src}" defer></script>`).join('\n')}
<script src="${a.surveyUi}" defer></script>
<script src="${a.appJs}" defer></script>
</body>
</html>`;
}

export function respondentRoutes(forms: FormRegistry): Router {
  const router = Router();
  router.get('/r/:formId', (req, res) => {
    const form = findFormOrReject(forms, req.params.formId);
    const locale = requestLocale(req, req.query.lang);
    res.set('Cache-Control', 'no-cache').type('html').send(respondentPage(form.formId, form.formVersion, locale));
  });
  return router;
}
