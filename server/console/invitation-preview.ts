// The invitation as focal points will get it, in each language of the round: the real template
// (server/email/templates.ts) rendered on the server with the round's name and deadline, a
// sample country and name, and a placeholder where each person's own link goes. Shown in a
// sandboxed frame, as the outbox shows a queued email.
import { renderAnyEmail } from '../email/render-email';
import type { Locale, Text } from './i18n';
import { html, type Markup } from './html';

const t = {
  preview: { en: 'Preview in', fr: 'Aperçu en', es: 'Vista previa en' },
  subject: { en: 'Subject', fr: 'Objet', es: 'Asunto' },
  name: { en: '[name of the focal point]', fr: '[nom du point focal]', es: '[nombre del punto focal]' },
  country: { en: '[country]', fr: '[pays]', es: '[país]' },
  linkNote: {
    en: 'Each focal point gets a personal link instead of the placeholder link shown here.',
    fr: 'Chaque point focal reçoit un lien personnel à la place du lien fictif montré ici.',
    es: 'Cada punto focal recibe un enlace personal en lugar del enlace ficticio que se muestra aquí.',
  },
} as const;

const nameIn: Record<Locale, Text> = {
  en: { en: 'English', fr: 'anglais', es: 'inglés' },
  fr: { en: 'French', fr: 'français', es: 'francés' },
  es: { en: 'Spanish', fr: 'espagnol', es: 'español' },
};

export interface PreviewRound {
  name: string;
  deadline: Date;
  languages: readonly string[];
  countries: readonly { name: string }[];
}

/** The placeholder in the previews: clearly not a working link, on the service's own address. */
export const placeholderLink = (publicUrl: string) => `${publicUrl}/respond/PERSONAL-LINK`;

export function invitationPreviews(round: PreviewRound, publicUrl: string, l: Locale): Markup {
  const previews = (round.languages as Locale[]).map((lang) => {
    const email = renderAnyEmail('invitation', lang, {
      name: t.name[lang],
      countryName: round.countries[0]?.name ?? t.country[lang],
      roundName: round.name,
      deadline: round.deadline,
      link: placeholderLink(publicUrl),
    });
    const label = `${t.preview[l]} ${nameIn[lang][l]}`;
    return html`<details class="email-preview" data-lang="${lang}">
      <summary>${label}</summary>
      <p>${t.subject[l]}: <span lang="${lang}">${email.subject}</span></p>
      <iframe class="preview" sandbox="" title="${label}: ${email.subject}" srcdoc="${email.html}"></iframe>
    </details>`;
  });
  return html`<p>${t.linkNote[l]}</p>
    ${previews}`;
}
