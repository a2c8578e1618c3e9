// The email that asks a partner organization to declare (or update) what it offers, with its
// personal link to the partner-offer questionnaire, in English, French or Spanish, as plain text
// and HTML, in the layout of the other letters (templates.ts). Pure.
import type { Locale } from '../i18n/locales';
import { escapeHtml } from '../http/html';
import { checkLink, formatDate, oneLine, style, type RenderedEmail } from './templates';

export interface DeclarationEmailData {
  /** Recipient's name. */
  name: string;
  organization: string;
  link: string;
  expiresAt: Date;
}

const texts: Record<
  Locale,
  { subject: string; greeting: string; body: string[]; button: string; after: string[]; closing: string }
> = {
  en: {
    subject: 'What can {org} offer? Partnerships on migration data and governance',
    greeting: 'Dear {name},',
    body: [
      'Governments taking part in the capacity assessment on migration data and governance are looking for partners to close the gaps they identified: peer governments, international organizations, civil society, academia and the private sector.',
      'We would be grateful if you could tell us, for {org}, in which areas you can help, how, where and in which languages. It takes about ten minutes; your answers are saved as you go, and the Secretariat checks them before proposing any partnership.',
    ],
    button: 'Declare what you offer',
    after: [
      'This link is personal to your organization and valid until {expires}. Do not forward it outside your organization.',
    ],
    closing: 'Yours sincerely,\n\nThe Secretariat',
  },
  fr: {
    subject: 'Que peut proposer {org} ? Partenariats sur les données et la gouvernance des migrations',
    greeting: 'À l’attention de : {name}\n\nMadame, Monsieur,',
    body: [
      'Les gouvernements qui participent à l’évaluation des capacités en matière de données et de gouvernance des migrations recherchent des partenaires pour combler les lacunes qu’ils ont relevées : gouvernements pairs, organisations internationales, société civile, milieux universitaires et secteur privé.',
      'Nous vous serions reconnaissants de nous indiquer, pour {org}, dans quels domaines vous pouvez apporter votre appui, sous quelle forme, où et dans quelles langues. Cela prend une dizaine de minutes ; vos réponses sont enregistrées au fur et à mesure et le Secrétariat les vérifie avant de proposer tout partenariat.',
    ],
    button: 'Indiquer ce que vous proposez',
    after: [
      'Ce lien est propre à votre organisation et valable jusqu’au {expires}. Veuillez ne pas le transmettre en dehors de votre organisation.',
    ],
    closing: 'Veuillez agréer, Madame, Monsieur, l’expression de notre haute considération.\n\nLe Secrétariat',
  },
  es: {
    subject: '¿Qué puede ofrecer {org}? Alianzas sobre datos y gobernanza de la migración',
    greeting: 'Estimado/a {name}:',
    body: [
      'Los gobiernos que participan en la evaluación de capacidades en materia de datos y gobernanza de la migración buscan socios para cerrar las brechas que han identificado: gobiernos pares, organizaciones internacionales, sociedad civil, academia y sector privado.',
      'Le agradeceríamos que nos indicara, en nombre de {org}, en qué áreas puede ayudar, de qué forma, dónde y en qué idiomas. Lleva unos diez minutos; sus respuestas se guardan a medida que avanza y la Secretaría las revisa antes de proponer cualquier alianza.',
    ],
    button: 'Indicar lo que ofrece',
    after: [
      'Este enlace es propio de su organización y válido hasta el {expires}. No lo reenvíe fuera de su organización.',
    ],
    closing: 'Atentamente,\n\nLa Secretaría',
  },
};

export function renderDeclarationEmail(locale: Locale, data: DeclarationEmailData): RenderedEmail {
  const t = texts[locale];
  const link = checkLink(data.link);
  const v: Record<string, string> = {
    name: oneLine(data.name),
    org: oneLine(data.organization),
    expires: formatDate(data.expiresAt, locale),
  };
  const fill = (s: string, html: boolean) =>
    s
      .split(/\{(name|org|expires)\}/)
      .map((part, i) =>
        i % 2 === 0 ? (html ? escapeHtml(part) : part) : html ? `<strong>${escapeHtml(v[part]!)}</strong>` : v[part],
      )
      .join('');
  const subject = fill(t.subject, false);
  const text =
    [
      fill(t.greeting, false),
      ...t.body.map((p) => fill(p, false)),
      `${t.button}${locale === 'fr' ? '\u00a0:' : ':'}\n${link}`,
      ...t.after.map((p) => fill(p, false)),
      t.closing,
    ].join('\n\n') + '\n';
  const para = (content: string, css = style.p) => `<p style="${css}">${content}</p>`;
  const href = escapeHtml(link);
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="${style.body}">
<div style="${style.box}">
${fill(t.greeting, true)
  .split('\n\n')
  .map((line) => para(line))
  .join('\n')}
${t.body.map((p) => para(fill(p, true))).join('\n')}
<p style="margin:24px 0;"><a href="${href}" style="${style.button}">${escapeHtml(t.button)}</a></p>
${para(`<a href="${href}" style="${style.link}">${href}</a>`, style.small)}
${t.after.map((p) => para(fill(p, true), style.small)).join('\n')}
${para(escapeHtml(t.closing).replace(/\n\n/g, '<br><br>'))}
</div>
</body>
</html>
`;
  return { subject, text, html };
}
