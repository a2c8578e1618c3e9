// Email templates: invitation, reminder, submission receipt and "your link again", in English,
// French and Spanish, each as plain text and HTML. renderEmail is pure.
//
// Written as the secretariat of an international assessment writes to national focal points:
// formal register ("vous", "usted"), no marketing tone. Every piece of data is escaped in the
// HTML; the link appears both as a button and as plain text (some mail clients strip buttons,
// some recipients copy links by hand). Dates are formatted for the locale in UTC, the time zone
// in which deadlines are stored.
import type { Locale } from '../i18n/locales';
import { escapeHtml } from '../http/html';
import type { EmailTemplate } from './outbox.model';

export interface TemplateData {
  /** Recipient's name. */
  name: string;
  countryName: string;
  roundName: string;
  deadline: Date;
  /** The personal questionnaire link. */
  link: string;
  /** When the country's response was received ('receipt' only; required there). */
  receivedAt?: Date;
  /** The reviewer's overall comment and how many questions have one ('returned' only). */
  review?: { comment: string; questionsCommented: number };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const intlLocale: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/** "15 March 2027" / "15 mars 2027" / "15 de marzo de 2027". */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** One line: a name with a line break must not split a subject or a text line. */
export const oneLine = (s: string): string =>
  s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();

// Values inserted into the texts below. In a text, {x} is replaced by the value; in HTML, by
// the escaped value, and {b:x} by the escaped value in bold.
export interface Values {
  name: string;
  country: string;
  round: string;
  deadline: string;
  received: string;
}

export interface TemplateText {
  subject: string;
  /** Paragraphs before the button. */
  body: string[];
  button: string;
  /** Paragraphs after the link. */
  after: string[];
}

interface LocaleText {
  greeting: string;
  linkIntro: string;
  linkNote: string;
  closing: string;
  signature: string;
  /** Templates with texts of their own files (review-email.ts) are not here. */
  templates: Record<Exclude<EmailTemplate, 'returned'>, TemplateText>;
}

const texts: Record<Locale, LocaleText> = {
  en: {
    greeting: 'Dear {name},',
    linkIntro: 'If the button does not work, copy this address into your browser:',
    linkNote:
      'This link gives access to the response of {country}. Colleagues who contribute to the response may use it too; please do not share it beyond them.',
    closing: 'Yours sincerely,',
    signature: 'The Secretariat',
    templates: {
      invitation: {
        subject: 'Invitation: {round} ({country})',
        body: [
          'As the national focal point of {b:country}, you are kindly invited to complete the questionnaire of the {b:round}.',
          'Responses are requested by {b:deadline}. Your answers are saved as you go: you may stop at any time and resume later, from any device, with the link below.',
        ],
        button: 'Open the questionnaire',
        after: ['Should you have any questions about the questionnaire, please reply to this message.'],
      },
      reminder: {
        subject: 'Reminder: {round} ({country}), responses due by {deadline}',
        body: [
          'The Secretariat has not yet received the response of {b:country} to the questionnaire of the {b:round}.',
          'We would be grateful if it could be submitted by {b:deadline}. Any answers already saved for your country have been kept; you may continue where you left off, with the link below or any link sent to you earlier.',
        ],
        button: 'Continue the questionnaire',
        after: ['If the response has been submitted in the meantime, please disregard this message.'],
      },
      receipt: {
        subject: 'Response received: {round} ({country})',
        body: [
          'The Secretariat acknowledges with thanks that the response of {b:country} to the questionnaire of the {b:round} was received on {b:received}.',
          'You may view the response and your country’s capacity profile at any time with the link below. The round closes on {b:deadline}.',
        ],
        button: 'View the response',
        after: ['The Secretariat will contact you should any clarification be needed.'],
      },
      'link-again': {
        subject: 'Your link: {round} ({country})',
        body: [
          'As requested, here is a new link to the questionnaire of the {b:round} for {b:country}. Links sent to you earlier still work.',
          'Responses are requested by {b:deadline}. Answers already saved for your country have been kept.',
        ],
        button: 'Open the questionnaire',
        after: ['If you did not request this message, you may disregard it; the links sent to you earlier still work.'],
      },
    },
  },
  fr: {
    greeting: 'À l’attention de : {name}\n\nMadame, Monsieur,',
    linkIntro: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
    linkNote:
      'Ce lien donne accès à la réponse du pays ({country}). Les collègues qui contribuent à la réponse peuvent également l’utiliser ; nous vous prions de ne pas le communiquer au-delà.',
    closing: 'Veuillez agréer, Madame, Monsieur, l’expression de notre haute considération.',
    signature: 'Le Secrétariat',
    templates: {
      invitation: {
        subject: 'Invitation : {round} ({country})',
        body: [
          'En votre qualité de point focal national pour le pays suivant : {b:country}, vous êtes invité(e) à remplir le questionnaire de l’évaluation {b:round}.',
          'Les réponses sont attendues au plus tard le {b:deadline}. Vos réponses sont enregistrées au fur et à mesure : vous pouvez vous interrompre à tout moment et reprendre plus tard, depuis n’importe quel appareil, grâce au lien ci-dessous.',
        ],
        button: 'Ouvrir le questionnaire',
        after: ['Pour toute question relative au questionnaire, nous vous invitons à répondre à ce message.'],
      },
      reminder: {
        subject: 'Rappel : {round} ({country}), réponses attendues d’ici le {deadline}',
        body: [
          'Le Secrétariat n’a pas encore reçu la réponse du pays ({b:country}) au questionnaire de l’évaluation {b:round}.',
          'Nous vous serions reconnaissants de bien vouloir la soumettre au plus tard le {b:deadline}. Les réponses déjà enregistrées pour votre pays ont été conservées ; vous pouvez reprendre là où vous vous étiez arrêté(e), grâce au lien ci-dessous ou à tout lien reçu auparavant.',
        ],
        button: 'Reprendre le questionnaire',
        after: ['Si la réponse a été soumise entre-temps, nous vous prions de ne pas tenir compte de ce message.'],
      },
      receipt: {
        subject: 'Réponse reçue : {round} ({country})',
        body: [
          'Le Secrétariat accuse réception, avec ses remerciements, de la réponse du pays ({b:country}) au questionnaire de l’évaluation {b:round}, reçue le {b:received}.',
          'Vous pouvez consulter à tout moment la réponse et le profil de capacités de votre pays grâce au lien ci-dessous. L’évaluation sera close le {b:deadline}.',
        ],
        button: 'Consulter la réponse',
        after: ['Le Secrétariat prendra contact avec vous si des précisions s’avéraient nécessaires.'],
      },
      'link-again': {
        subject: 'Votre lien : {round} ({country})',
        body: [
          'Comme vous l’avez demandé, voici un nouveau lien vers le questionnaire de l’évaluation {b:round} pour le pays suivant : {b:country}. Les liens qui vous ont été envoyés auparavant restent valables.',
          'Les réponses sont attendues au plus tard le {b:deadline}. Les réponses déjà enregistrées pour votre pays ont été conservées.',
        ],
        button: 'Ouvrir le questionnaire',
        after: [
          'Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer ce message ; les liens qui vous ont été envoyés auparavant restent valables.',
        ],
      },
    },
  },
  es: {
    greeting: 'Estimado/a {name}:',
    linkIntro: 'Si el botón no funciona, copie esta dirección en su navegador:',
    linkNote:
      'Este enlace da acceso a la respuesta de {country}. Los colegas que contribuyan a la respuesta también pueden utilizarlo; le rogamos que no lo comparta con otras personas.',
    closing: 'Atentamente,',
    signature: 'La Secretaría',
    templates: {
      invitation: {
        subject: 'Invitación: {round} ({country})',
        body: [
          'En su calidad de punto focal nacional de {b:country}, tenemos el agrado de invitarle a completar el cuestionario de la evaluación {b:round}.',
          'Se ruega enviar las respuestas a más tardar el {b:deadline}. Sus respuestas se guardan a medida que avanza: puede interrumpir la labor en cualquier momento y reanudarla más tarde, desde cualquier dispositivo, con el enlace que figura a continuación.',
        ],
        button: 'Abrir el cuestionario',
        after: ['Si tiene alguna pregunta sobre el cuestionario, le rogamos que responda a este mensaje.'],
      },
      reminder: {
        subject: 'Recordatorio: {round} ({country}), plazo hasta el {deadline}',
        body: [
          'La Secretaría aún no ha recibido la respuesta de {b:country} al cuestionario de la evaluación {b:round}.',
          'Le agradeceríamos que la enviara a más tardar el {b:deadline}. Las respuestas ya guardadas de su país se conservan; puede continuar donde lo dejó, con el enlace que figura a continuación o con cualquier enlace recibido anteriormente.',
        ],
        button: 'Continuar el cuestionario',
        after: ['Si la respuesta ya se ha enviado, le rogamos que haga caso omiso de este mensaje.'],
      },
      receipt: {
        subject: 'Respuesta recibida: {round} ({country})',
        body: [
          'La Secretaría acusa recibo, con agradecimiento, de la respuesta de {b:country} al cuestionario de la evaluación {b:round}, recibida el {b:received}.',
          'Puede consultar en todo momento la respuesta y el perfil de capacidades de su país con el enlace que figura a continuación. La evaluación se cerrará el {b:deadline}.',
        ],
        button: 'Consultar la respuesta',
        after: ['La Secretaría se pondrá en contacto con usted si fuera necesaria alguna aclaración.'],
      },
      'link-again': {
        subject: 'Su enlace: {round} ({country})',
        body: [
          'Tal como lo solicitó, le enviamos un nuevo enlace al cuestionario de la evaluación {b:round} para {b:country}. Los enlaces que se le enviaron anteriormente siguen siendo válidos.',
          'Se ruega enviar las respuestas a más tardar el {b:deadline}. Las respuestas ya guardadas de su país se conservan.',
        ],
        button: 'Abrir el cuestionario',
        after: [
          'Si usted no ha solicitado este mensaje, puede hacer caso omiso de él; los enlaces que se le enviaron anteriormente siguen siendo válidos.',
        ],
      },
    },
  },
};

const placeholder = /\{(b:)?(name|country|round|deadline|received)\}/g;

export function fillText(template: string, values: Values): string {
  return template.replace(placeholder, (_m, _bold: string | undefined, key: keyof Values) => values[key]);
}

export function fillHtml(template: string, values: Values): string {
  // The template itself is trusted text: escape it too (it contains ’ and no markup), then
  // insert escaped values.
  return template.split(placeholder).reduce<{ out: string; bold?: string }>(
    (acc, part, i) => {
      // split with two groups yields: text, bold?, key, text, bold?, key, ...
      const slot = i % 3;
      if (slot === 0) return { out: acc.out + escapeHtml(part) };
      if (slot === 1) return { out: acc.out, bold: part ?? '' };
      const value = escapeHtml(values[part as keyof Values]);
      return { out: acc.out + (acc.bold ? `<strong>${value}</strong>` : value) };
    },
    { out: '' },
  ).out;
}

export function checkLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Error(`email link is not a URL: ${link}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`email link must be http(s): ${link}`);
  return url.href;
}

export const style = {
  body: 'margin:0;padding:0;background:#f4f5f7;',
  box: 'max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1d2327;',
  p: 'margin:0 0 16px 0;',
  button:
    'display:inline-block;padding:12px 22px;background:#1a4f8b;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;',
  small: 'margin:0 0 16px 0;font-size:13px;color:#50575e;',
  link: 'color:#1a4f8b;word-break:break-all;',
  quote: 'margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #1a4f8b;background:#f4f5f7;white-space:pre-wrap;',
};

export function renderEmail(template: EmailTemplate, locale: Locale, data: TemplateData): RenderedEmail {
  const tt = (texts[locale].templates as Partial<Record<EmailTemplate, TemplateText>>)[template];
  if (!tt) throw new Error(`unknown email template: ${template}`);
  if (template === 'receipt' && !data.receivedAt) throw new Error('the receipt email needs receivedAt');
  return renderLetter(locale, tt, data);
}

/** The values a letter's texts take from `data`. */
export function valuesOf(locale: Locale, data: TemplateData): Values {
  return {
    name: oneLine(data.name),
    country: oneLine(data.countryName),
    round: oneLine(data.roundName),
    deadline: formatDate(data.deadline, locale),
    received: data.receivedAt ? formatDate(data.receivedAt, locale) : '',
  };
}

/**
 * The common layout: greeting, the template's paragraphs, `quote` (text as written by someone,
 * never filled with values; escaped, line breaks kept), the button and the plain link, closing.
 */
export function renderLetter(locale: Locale, tt: TemplateText, data: TemplateData, quote?: string): RenderedEmail {
  const t = texts[locale];
  const link = checkLink(data.link);
  const values = valuesOf(locale, data);
  const subject = fillText(tt.subject, values);

  const text =
    [
      fillText(t.greeting, values),
      ...tt.body.map((p) => fillText(p, values)),
      ...(quote
        ? [
            quote
              .replace(/\r\n?/g, '\n')
              .split('\n')
              .map((line) => `> ${line}`)
              .join('\n'),
          ]
        : []),
      `${tt.button}${locale === 'fr' ? '\u00a0:' : ':'}\n${link}`,
      fillText(t.linkNote, values),
      ...tt.after.map((p) => fillText(p, values)),
      `${t.closing}\n\n${t.signature}\n${values.round}`,
    ].join('\n\n') + '\n';

  const para = (content: string, css = style.p) => `<p style="${css}">${content}</p>`;
  const href = escapeHtml(link);
  const quoted = quote ? `<blockquote style="${style.quote}">${escapeHtml(quote)}</blockquote>\n` : '';
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="${style.body}">
<div style="${style.box}">
${fillHtml(t.greeting, values)
  .split('\n\n')
  .map((line) => para(line))
  .join('\n')}
${tt.body.map((p) => para(fillHtml(p, values))).join('\n')}
${quoted}<p style="margin:24px 0;"><a href="${href}" style="${style.button}">${escapeHtml(tt.button)}</a></p>
${para(`${escapeHtml(t.linkIntro)}<br><a href="${href}" style="${style.link}">${href}</a>`, style.small)}
${para(fillHtml(t.linkNote, values), style.small)}
${tt.after.map((p) => para(fillHtml(p, values))).join('\n')}
${para(`${escapeHtml(t.closing)}<br><br>${escapeHtml(t.signature)}<br>${escapeHtml(values.round)}`)}
</div>
</body>
</html>
`;
  return { subject, text, html };
}
