// The "Erase" button of a person on a console page (a round's focal point, a partner's contact):
// it calls the API's erasure after a confirmation that says what happens and what stays, then
// reloads the page. A failure (already erased, no right) shows in the person's output area.
import { html, type Markup } from './html';
import type { Locale, Text } from './i18n';
import { formOutput } from './layout';

const t = {
  erase: { en: 'Erase', fr: 'Effacer', es: 'Borrar' },
  eraseLabel: {
    en: 'Erase the personal data of {name}',
    fr: 'Effacer les données personnelles de {name}',
    es: 'Borrar los datos personales de {name}',
  },
  confirm: {
    en: 'Erase {name} <{email}>? Their name, email address and client addresses are erased everywhere, including the emails sent to them. {stays} This cannot be undone.',
    fr: 'Effacer {name} <{email}> ? Son nom, son adresse électronique et ses adresses client sont effacés partout, y compris dans les courriels qui lui ont été envoyés. {stays} C’est irréversible.',
    es: '¿Borrar a {name} <{email}>? Su nombre, su dirección de correo y sus direcciones de cliente se borran en todas partes, incluidos los correos que se le enviaron. {stays} No se puede deshacer.',
  },
} as const;

/** What an erasure keeps, under a pseudonym instead of the person. */
export const erasureKeeps = {
  focalPoint: {
    en: 'The country’s response and the audit trail stay, under a pseudonym.',
    fr: 'La réponse du pays et le journal d’audit sont conservés, sous un pseudonyme.',
    es: 'La respuesta del país y el registro de auditoría se conservan, con un seudónimo.',
  },
  partnerContact: {
    en: 'The partner, its declarations and the audit trail stay, under a pseudonym.',
    fr: 'Le partenaire, ses déclarations et le journal d’audit sont conservés, sous un pseudonyme.',
    es: 'El socio, sus declaraciones y el registro de auditoría se conservan, con un seudónimo.',
  },
} satisfies Record<string, Text>;

interface Person {
  name: string;
  email: string;
}

/** `api`: "DELETE /api/…" of the person; `outputId`: a unique id for the answer's area. */
export function erasePersonForm(
  l: Locale,
  api: string,
  person: Person,
  keeps: keyof typeof erasureKeeps,
  outputId: string,
): Markup {
  const fill = (s: string) =>
    s.replace('{name}', person.name).replace('{email}', person.email).replace('{stays}', erasureKeeps[keeps][l]);
  return html`<form
      class="inline"
      method="post"
      data-api="${api}"
      data-then="reload"
      data-output="${outputId}"
      data-confirm="${fill(t.confirm[l])}"
    >
      <button type="submit" class="secondary" aria-label="${fill(t.eraseLabel[l])}">${t.erase[l]}</button>
    </form>
    ${formOutput(outputId)}`;
}
