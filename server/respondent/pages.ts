// HTML of the respondent pages: a small shell that loads SurveyJS and our script (all from
// hashed, long-cached URLs), and the plain pages shown when a link cannot be used.
import type { Request, Response } from 'express';
import { supportedLocales, type Locale } from '../i18n/locales';
import { AppError } from '../http/problem';
import { requestLocale } from '../i18n/request-locale';
import { escapeHtml } from '../http/html';
import type { AssetStore } from './assets';

const texts = {
  noScript: {
    en: 'This questionnaire needs JavaScript. Please enable it, or ask your organizer for the document version.',
    fr: 'Ce questionnaire nécessite JavaScript. Veuillez l’activer ou demander la version document à l’organisateur.',
    es: 'Este cuestionario necesita JavaScript. Actívelo o solicite la versión en documento al organizador.',
  },
  language: { en: 'Language', fr: 'Langue', es: 'Idioma' },
  linkNotFound: {
    en: [
      'This link is not valid',
      'Check that you copied the whole link from your invitation email. If it still does not work, ask the organizers of the assessment for a new link.',
    ],
    fr: [
      'Ce lien n’est pas valide',
      'Vérifiez que vous avez copié le lien complet de votre courriel d’invitation. S’il ne fonctionne toujours pas, demandez un nouveau lien aux organisateurs de l’évaluation.',
    ],
    es: [
      'Este enlace no es válido',
      'Compruebe que ha copiado el enlace completo de su correo de invitación. Si sigue sin funcionar, solicite un nuevo enlace a los organizadores de la evaluación.',
    ],
  },
  linkNotValid: {
    en: [
      'This link is no longer valid',
      'It has expired or been replaced by a newer one. Ask the organizers of the assessment to send you a new link; answers already saved for your country are kept.',
    ],
    fr: [
      'Ce lien n’est plus valide',
      'Il a expiré ou a été remplacé par un lien plus récent. Demandez aux organisateurs de l’évaluation de vous en envoyer un nouveau ; les réponses déjà enregistrées pour votre pays sont conservées.',
    ],
    es: [
      'Este enlace ya no es válido',
      'Ha caducado o ha sido sustituido por uno más reciente. Pida a los organizadores de la evaluación que le envíen un nuevo enlace; las respuestas ya guardadas de su país se conservan.',
    ],
  },
} as const;

export interface PageData {
  locale: Locale;
  /** data-* attributes for respondent.js */
  data: Record<string, string>;
}

export function questionnairePage(assets: AssetStore, { locale, data }: PageData): string {
  // Where respondent.js finds each language's texts (data-messages-en, -fr, -es).
  const messages = Object.fromEntries(supportedLocales.map((l) => [`messages-${l}`, assets.url(`messages.${l}.json`)]));
  // SurveyJS's own texts in French and Spanish (data-survey-locale-fr, -es): loaded by
  // respondent.js when the page shows that language, not on every first load.
  const surveyLocales = {
    'survey-locale-fr': assets.url('survey.fr.js'),
    'survey-locale-es': assets.url('survey.es.js'),
  };
  // The offline worker (respondent-offline.js registers it for country links only).
  const worker = { 'service-worker': assets.url('respondent-sw.js') };
  const attrs = Object.entries({ ...data, ...messages, ...surveyLocales, ...worker })
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  const scripts = [
    'survey.js',
    'survey-ui.js',
    'draft-merge.js',
    'problem-codes.js',
    'draft-sync.js',
    'language-offer.js',
    'orientation.js',
    'partnerships.js',
    'profile-view.js',
    'respondent.js',
    'respondent-offline.js',
  ];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>capgap</title>
<link rel="stylesheet" href="${assets.url('survey.css')}">
<link rel="stylesheet" href="${assets.url('respondent.css')}">
<link rel="icon" href="data:,">
</head>
<body data-locale="${locale}"${attrs}>
<header class="bar">
<span class="brand">capgap</span>
<label class="lang">
<span id="language-label">${texts.language[locale]}</span>
<select id="language" aria-labelledby="language-label">
<option value="en" lang="en">English</option>
<option value="fr" lang="fr">Français</option>
<option value="es" lang="es">Español</option>
</select>
</label>
</header>
<main id="main">
<p id="context" hidden></p>
<div id="status" role="status" aria-live="polite"></div>
<div id="notice" role="status" aria-live="polite"></div>
<section id="profile" aria-labelledby="profile-title" hidden></section>
<section id="partnerships" aria-labelledby="partnerships-title" hidden></section>
<nav id="areas" hidden><details><summary></summary><ol></ol></details></nav>
<div id="survey"></div>
<noscript>${texts.noScript[locale]}</noscript>
</main>
${scripts.map((name) => `<script src="${assets.url(name)}" defer></script>`).join('\n')}
</body>
</html>`;
}

export function linkProblemPage(kind: 'linkNotFound' | 'linkNotValid', locale: Locale): string {
  const [title, text] = texts[kind][locale];
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — capgap</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main><h1>${title}</h1><p>${text}</p></main>
</body>
</html>`;
}

/**
 * Sends the page a personal link opens (`render` resolves the link and builds it), or, when the
 * link is unknown, expired or withdrawn, the page saying so in the visitor's language.
 */
export async function sendLinkPage(req: Request, res: Response, render: () => Promise<string>): Promise<void> {
  try {
    const page = await render();
    res.set('Cache-Control', 'no-cache').type('html').send(page);
  } catch (err) {
    if (!(err instanceof AppError) || (err.problem !== 'linkNotFound' && err.problem !== 'linkNotValid')) throw err;
    res
      .status(err.status)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(linkProblemPage(err.problem, requestLocale(req, req.query.lang)));
  }
}
