// The plain HTML page of an introduction link, in the recipient's language: who is introduced to
// whom, why, this side's answer if given, and two buttons (a plain form POST: no script).
import type { Locale } from '../i18n/locales';
import { escapeHtml } from '../http/html';
import type { IntroductionView } from './introductions';

const texts: Record<Locale, Record<string, string>> = {
  en: {
    title: 'Partnership introduction',
    intro: '{requester} and {provider}, on {area} ({round}).',
    why: 'Why this partnership was proposed',
    accept: 'Accept the introduction',
    decline: 'Decline',
    accepted: 'You accepted this introduction. Thank you.',
    declined: 'You declined this introduction. Another partner may be proposed.',
    closed: 'This introduction was declined by the other side.',
    notFound: 'This link is not valid. Check that you copied the whole link from the email.',
    notValid: 'This link is no longer valid.',
  },
  fr: {
    title: 'Mise en relation pour un partenariat',
    intro: '{requester} et {provider}, domaine : {area} ({round}).',
    why: 'Raisons de cette proposition',
    accept: 'Accepter la mise en relation',
    decline: 'Refuser',
    accepted: 'Vous avez accepté cette mise en relation. Merci.',
    declined: 'Vous avez refusé cette mise en relation. Un autre partenaire pourra être proposé.',
    closed: 'Cette mise en relation a été refusée par l’autre partie.',
    notFound: 'Ce lien n’est pas valide. Vérifiez que vous avez copié le lien complet du courriel.',
    notValid: 'Ce lien n’est plus valide.',
  },
  es: {
    title: 'Presentación para una alianza',
    intro: '{requester} y {provider}, ámbito: {area} ({round}).',
    why: 'Motivos de esta propuesta',
    accept: 'Aceptar la presentación',
    decline: 'Rechazar',
    accepted: 'Ha aceptado esta presentación. Gracias.',
    declined: 'Ha rechazado esta presentación. Podrá proponerse otro socio.',
    closed: 'La otra parte ha rechazado esta presentación.',
    notFound: 'Este enlace no es válido. Compruebe que ha copiado el enlace completo del correo.',
    notValid: 'Este enlace ya no es válido.',
  },
};

const css =
  'body{font-family:Arial,Helvetica,sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2327}button{font-size:1rem;padding:.6rem 1.2rem;margin:0 .5rem .5rem 0;cursor:pointer}.accept{background:#1a4f8b;color:#fff;border:0;border-radius:4px}';

function shell(locale: Locale, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(texts[locale].title)}</title><style>${css}</style></head>
<body>
<main>
<h1>${escapeHtml(texts[locale].title)}</h1>
${body}
</main>
</body>
</html>
`;
}

export function introductionPage(view: IntroductionView, token: string): string {
  const t = texts[view.language];
  const s = view.summary;
  const intro = escapeHtml(t.intro)
    .replace('{requester}', `<strong>${escapeHtml(s.requesterName)}</strong>`)
    .replace('{provider}', `<strong>${escapeHtml(s.providerName)}</strong>`)
    .replace('{area}', `<strong>${escapeHtml(s.areaName)}</strong>`)
    .replace('{round}', escapeHtml(s.roundName));
  const mine = view.decision[view.side];
  const action = `/introductions/${encodeURIComponent(token)}`;
  const state = mine
    ? `<p role="status">${escapeHtml(mine.answer === 'accepted' ? t.accepted : t.declined)}</p>`
    : view.decision.status === 'declined' || view.decision.status === 'rejected'
      ? `<p role="status">${escapeHtml(t.closed)}</p>`
      : `<form method="post" action="${action}/accept"><button class="accept" type="submit">${escapeHtml(t.accept)}</button></form>
<form method="post" action="${action}/decline"><button type="submit">${escapeHtml(t.decline)}</button></form>`;
  return shell(
    view.language,
    `<p>${intro}</p>\n<h2>${escapeHtml(t.why)}</h2>\n<p>${escapeHtml(s.explanation)}</p>\n${state}`,
  );
}

export function introductionErrorPage(locale: Locale, status: number): string {
  return shell(locale, `<p>${escapeHtml(status === 410 ? texts[locale].notValid : texts[locale].notFound)}</p>`);
}
