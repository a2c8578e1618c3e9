// The introduction email of a confirmed partnership, in English, French and Spanish, as plain
// text and HTML: who is introduced to whom and on which area, why (the match's explanation in the
// reader's language), the contacts of both sides, and the recipient's personal link to accept or
// decline. Same register and layout as the questionnaire emails (templates.ts). Pure.
import type { Locale } from '../i18n/locales';
import { escapeHtml } from '../http/html';
import { checkLink, oneLine, style, type RenderedEmail } from './templates';

export interface IntroductionContact {
  name: string;
  email: string;
}

export interface IntroductionEmailData {
  /** Recipient's name. */
  name: string;
  roundName: string;
  /** The requesting country, the partner and the area, in the recipient's language. */
  requesterName: string;
  providerName: string;
  areaName: string;
  /** The match's explanation in the recipient's language. */
  explanation: string;
  requesterContacts: IntroductionContact[];
  providerContacts: IntroductionContact[];
  /** The recipient's personal accept / decline page. */
  link: string;
}

interface IntroductionText {
  greeting: string;
  subject: string;
  body: string[];
  why: string;
  contactsOf: string;
  noContacts: string;
  ask: string;
  button: string;
  linkIntro: string;
  closing: string;
  signature: string;
}

const texts: Record<Locale, IntroductionText> = {
  en: {
    greeting: 'Dear {name},',
    subject: 'Partnership introduction: {requester} and {provider} ({area})',
    body: [
      'In the follow-up to the {round}, the Secretariat is pleased to introduce {requester} and {provider} with a view to a partnership on {area}.',
      'This proposal was made from the capacity assessment and confirmed by the organizers. The two sides are invited to contact each other directly.',
    ],
    why: 'Why this partnership was proposed:',
    contactsOf: 'Contacts for {who}:',
    noContacts: 'The Secretariat will share the contacts separately.',
    ask: 'Please let the Secretariat know whether you accept this introduction. If you decline, another partner may be proposed.',
    button: 'Accept or decline',
    linkIntro: 'If the button does not work, copy this address into your browser:',
    closing: 'Yours sincerely,',
    signature: 'The Secretariat',
  },
  fr: {
    greeting: 'À l’attention de : {name}\n\nMadame, Monsieur,',
    subject: 'Mise en relation : {requester} et {provider} ({area})',
    body: [
      'Dans le prolongement de l’évaluation {round}, le Secrétariat a le plaisir de mettre en relation {requester} et {provider} en vue d’un partenariat dans le domaine suivant : {area}.',
      'Cette proposition découle de l’évaluation des capacités et a été confirmée par les organisateurs. Les deux parties sont invitées à prendre directement contact.',
    ],
    why: 'Raisons de cette proposition :',
    contactsOf: 'Contacts pour {who} :',
    noContacts: 'Le Secrétariat communiquera les contacts séparément.',
    ask: 'Nous vous prions d’indiquer au Secrétariat si vous acceptez cette mise en relation. En cas de refus, un autre partenaire pourra être proposé.',
    button: 'Accepter ou refuser',
    linkIntro: 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
    closing: 'Veuillez agréer, Madame, Monsieur, l’expression de notre haute considération.',
    signature: 'Le Secrétariat',
  },
  es: {
    greeting: 'Estimado/a {name}:',
    subject: 'Presentación para una alianza: {requester} y {provider} ({area})',
    body: [
      'En el marco del seguimiento de la evaluación {round}, la Secretaría tiene el agrado de presentar a {requester} y {provider} con miras a una alianza en el ámbito siguiente: {area}.',
      'Esta propuesta se basa en la evaluación de capacidades y ha sido confirmada por los organizadores. Se invita a ambas partes a ponerse en contacto directamente.',
    ],
    why: 'Motivos de esta propuesta:',
    contactsOf: 'Contactos de {who}:',
    noContacts: 'La Secretaría comunicará los contactos por separado.',
    ask: 'Le rogamos que indique a la Secretaría si acepta esta presentación. Si la rechaza, podrá proponerse otro socio.',
    button: 'Aceptar o rechazar',
    linkIntro: 'Si el botón no funciona, copie esta dirección en su navegador:',
    closing: 'Atentamente,',
    signature: 'La Secretaría',
  },
};

type Key = 'name' | 'round' | 'requester' | 'provider' | 'area' | 'who';
const placeholder = /\{(name|round|requester|provider|area|who)\}/g;
const fill = (t: string, v: Partial<Record<Key, string>>, html: boolean) =>
  html
    ? t
        .split(placeholder)
        .map((part, i) => (i % 2 === 0 ? escapeHtml(part) : `<strong>${escapeHtml(v[part as Key] ?? '')}</strong>`))
        .join('')
    : t.replace(placeholder, (_m, k: Key) => v[k] ?? '');

export function renderIntroductionEmail(locale: Locale, data: IntroductionEmailData): RenderedEmail {
  const t = texts[locale];
  const link = checkLink(data.link);
  const v = {
    name: oneLine(data.name),
    round: oneLine(data.roundName),
    requester: oneLine(data.requesterName),
    provider: oneLine(data.providerName),
    area: oneLine(data.areaName),
  };
  const subject = fill(t.subject, v, false);
  const sides = [
    { who: v.requester, contacts: data.requesterContacts },
    { who: v.provider, contacts: data.providerContacts },
  ];
  const contactLine = (c: IntroductionContact) => `${oneLine(c.name)} <${oneLine(c.email)}>`;

  const text =
    [
      fill(t.greeting, v, false),
      ...t.body.map((p) => fill(p, v, false)),
      `${t.why}\n${oneLine(data.explanation)}`,
      ...sides.map(
        (s) =>
          `${fill(t.contactsOf, { who: s.who }, false)}\n${s.contacts.length ? s.contacts.map((c) => `- ${contactLine(c)}`).join('\n') : t.noContacts}`,
      ),
      t.ask,
      `${t.button}${locale === 'fr' ? '\u00a0:' : ':'}\n${link}`,
      `${t.closing}\n\n${t.signature}\n${v.round}`,
    ].join('\n\n') + '\n';

  const para = (content: string, css = style.p) => `<p style="${css}">${content}</p>`;
  const href = escapeHtml(link);
  const contactsHtml = (contacts: IntroductionContact[]) =>
    contacts.length
      ? `<ul style="${style.p}">${contacts.map((c) => `<li>${escapeHtml(oneLine(c.name))} &lt;<a href="mailto:${escapeHtml(oneLine(c.email))}" style="${style.link}">${escapeHtml(oneLine(c.email))}</a>&gt;</li>`).join('')}</ul>`
      : para(escapeHtml(t.noContacts));
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="${style.body}">
<div style="${style.box}">
${fill(t.greeting, v, true)
  .split('\n\n')
  .map((line) => para(line))
  .join('\n')}
${t.body.map((p) => para(fill(p, v, true))).join('\n')}
${para(`${escapeHtml(t.why)}<br>${escapeHtml(oneLine(data.explanation))}`)}
${sides.map((s) => `${para(fill(t.contactsOf, { who: s.who }, true))}\n${contactsHtml(s.contacts)}`).join('\n')}
${para(escapeHtml(t.ask))}
<p style="margin:24px 0;"><a href="${href}" style="${style.button}">${escapeHtml(t.button)}</a></p>
${para(`${escapeHtml(t.linkIntro)}<br><a href="${href}" style="${style.link}">${href}</a>`, style.small)}
${para(`${escapeHtml(t.closing)}<br><br>${escapeHtml(t.signature)}<br>${escapeHtml(v.round)}`)}
</div>
</body>
</html>
`;
  return { subject, text, html };
}
