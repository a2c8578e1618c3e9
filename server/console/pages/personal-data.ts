// GET /console/personal-data[?email=] (admin) — a person's request about their data: look up an
// address, see everything stored about it feature by feature (counts and the records), download
// it as JSON (→ GET /api/personal-data?download=true), and erase it all (→ POST
// /api/personal-data/erasures) after a confirmation; the erasure's counts show after the reload.
// Every lookup is audited like the API's export.
import { Types } from 'mongoose';
import type { Router } from 'express';
import { compileSchema } from '../../http/ajv';
import { auditedExport, type PersonalDataExport } from '../../personal-data/audited-export';
import { personalDataErasureSchema } from '../../personal-data/personal-data.schemas';
import { pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, type Markup } from '../html';
import type { Locale, Text } from '../i18n';
import { consolePage, formOutput } from '../layout';

const t = {
  title: { en: 'Personal data', fr: 'Données personnelles', es: 'Datos personales' },
  intro: {
    en: 'When someone asks what capgap stores about them, or asks to be erased: look up their email address.',
    fr: 'Quand une personne demande ce que capgap conserve à son sujet, ou demande à être effacée : cherchez son adresse électronique.',
    es: 'Cuando alguien pregunta qué guarda capgap sobre él, o pide ser borrado: busque su dirección de correo.',
  },
  email: { en: 'Email address', fr: 'Adresse électronique', es: 'Dirección de correo' },
  lookUp: { en: 'Look up', fr: 'Chercher', es: 'Buscar' },
  invalid: {
    en: 'This is not an email address.',
    fr: 'Ce n’est pas une adresse électronique.',
    es: 'Esta no es una dirección de correo.',
  },
  storedAbout: { en: 'Stored about {email}', fr: 'Conservé au sujet de {email}', es: 'Guardado sobre {email}' },
  pseudonym: {
    en: 'Pseudonym (names the person in what an erasure keeps): {p}',
    fr: 'Pseudonyme (désigne la personne dans ce qu’un effacement conserve) : {p}',
    es: 'Seudónimo (designa a la persona en lo que un borrado conserva): {p}',
  },
  nothing: {
    en: 'Nothing stored names this address.',
    fr: 'Rien de ce qui est conservé ne nomme cette adresse.',
    es: 'Nada de lo guardado nombra esta dirección.',
  },
  records: {
    en: '{n} records name this address.',
    fr: '{n} enregistrements nomment cette adresse.',
    es: '{n} registros nombran esta dirección.',
  },
  none: { en: 'none', fr: 'aucun', es: 'ninguno' },
  download: { en: 'Download as JSON', fr: 'Télécharger en JSON', es: 'Descargar en JSON' },
  erase: {
    en: 'Erase everything about this address',
    fr: 'Effacer tout ce qui concerne cette adresse',
    es: 'Borrar todo lo relativo a esta dirección',
  },
  eraseHint: {
    en: 'Erases the name, email address and client addresses of this person everywhere: focal points, partners’ contacts, declarations, links, introductions and the emails sent. Countries’ responses, partners and the audit trail stay, under the pseudonym. An organizer account with this address is not erased: disable it on the Accounts page.',
    fr: 'Efface partout le nom, l’adresse électronique et les adresses client de cette personne : points focaux, contacts des partenaires, déclarations, liens, mises en relation et courriels envoyés. Les réponses des pays, les partenaires et le journal d’audit sont conservés, sous le pseudonyme. Un compte d’organisateur avec cette adresse n’est pas effacé : désactivez-le dans la page Comptes.',
    es: 'Borra en todas partes el nombre, la dirección de correo y las direcciones de cliente de esta persona: puntos focales, contactos de socios, declaraciones, enlaces, presentaciones y correos enviados. Las respuestas de los países, los socios y el registro de auditoría se conservan, con el seudónimo. Una cuenta de organizador con esta dirección no se borra: desactívela en la página Cuentas.',
  },
  understand: {
    en: 'I understand that this cannot be undone',
    fr: 'Je comprends que c’est irréversible',
    es: 'Entiendo que no se puede deshacer',
  },
  confirm: {
    en: 'Erase everything about {email}? This cannot be undone.',
    fr: 'Effacer tout ce qui concerne {email} ? C’est irréversible.',
    es: '¿Borrar todo lo relativo a {email}? No se puede deshacer.',
  },
  groups: {
    accounts: { en: 'Organizer accounts', fr: 'Comptes d’organisateur', es: 'Cuentas de organizador' },
    focalPoints: { en: 'Focal points', fr: 'Points focaux', es: 'Puntos focales' },
    links: { en: 'Links', fr: 'Liens', es: 'Enlaces' },
    outbox: { en: 'Emails', fr: 'Courriels', es: 'Correos' },
    partnerContacts: { en: 'Partners’ contacts', fr: 'Contacts des partenaires', es: 'Contactos de socios' },
    declarations: { en: 'Partners’ declarations', fr: 'Déclarations des partenaires', es: 'Declaraciones de socios' },
    introductions: { en: 'Introductions', fr: 'Mises en relation', es: 'Presentaciones' },
    audit: {
      en: 'Audit entries (by address or pseudonym)',
      fr: 'Entrées du journal d’audit (par adresse ou pseudonyme)',
      es: 'Entradas del registro de auditoría (por dirección o seudónimo)',
    },
  },
} as const satisfies Record<string, Text | Record<string, Text>>;

type Group = keyof typeof t.groups;
const groups = Object.keys(t.groups) as Group[];
const checkEmail = compileSchema<{ email: string }>(personalDataErasureSchema);

/** A stored value as text: dates as ISO, record ids as their hex, nested values as compact JSON. */
function valueText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Types.ObjectId) return value.toHexString();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Stored fields but the database's own bookkeeping (the document version). */
function recordView(record: Record<string, unknown>): Markup {
  const fields = Object.entries(record).filter(([k, v]) => v !== undefined && k !== '__v');
  return html`<li>
    <dl class="record">
      ${fields.map(
        ([k, v]) =>
          html`<dt>${k}</dt>
            <dd>${valueText(v)}</dd>`,
      )}
    </dl>
  </li>`;
}

function groupSection(group: Group, records: Record<string, unknown>[], l: Locale): Markup {
  return html`<section aria-labelledby="group-${group}">
    <h3 id="group-${group}">${t.groups[group][l]} (<span data-count="${group}">${records.length}</span>)</h3>
    ${
      records.length
        ? html`<ol>
            ${records.map(recordView)}
          </ol>`
        : html`<p>${t.none[l]}</p>`
    }
  </section>`;
}

function eraseSection(email: string, l: Locale): Markup {
  return html`<section aria-labelledby="erase">
    <h2 id="erase">${t.erase[l]}</h2>
    <p>${t.eraseHint[l]}</p>
    <form
      method="post"
      data-api="POST /api/personal-data/erasures"
      data-render="erasure"
      data-then="reload"
      data-output="erase-output"
      data-confirm="${t.confirm[l].replace('{email}', email)}"
    >
      <input type="hidden" name="email" value="${email}" />
      <label class="check"><input type="checkbox" id="erase-understood" required /> ${t.understand[l]}</label>
      <p><button type="submit">${t.erase[l]}</button></p>
    </form>
    ${formOutput('erase-output')}
  </section>`;
}

function resultView(data: PersonalDataExport, l: Locale): Markup {
  const naming = groups.filter((g) => g !== 'audit').reduce((n, g) => n + data[g].length, 0);
  const download = `/api/personal-data?email=${encodeURIComponent(data.email)}&download=true`;
  return html`<section aria-labelledby="stored">
      <h2 id="stored">${t.storedAbout[l].replace('{email}', data.email)}</h2>
      <p id="stored-summary">${naming ? t.records[l].replace('{n}', String(naming)) : t.nothing[l]}</p>
      <p>${t.pseudonym[l].replace('{p}', data.pseudonym)}</p>
      <p><a href="${download}" download>${t.download[l]}</a></p>
      ${groups.map((g) => groupSection(g, data[g] as Record<string, unknown>[], l))}
    </section>
    ${eraseSection(data.email, l)}`;
}

export function personalDataPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/personal-data', requirePage(deps, 'admin'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const email = typeof req.query.email === 'string' ? req.query.email.trim() : '';
    const valid = email !== '' && checkEmail({ email });
    const data = valid ? await auditedExport(req, email) : undefined;
    const body = html`<p>${t.intro[l]}</p>
      <form method="get" action="/console/personal-data" role="search">
        <label for="lookup-email">${t.email[l]}</label>
        <input
          id="lookup-email"
          name="email"
          type="email"
          required
          maxlength="254"
          value="${email}"
          ${email && !valid ? html` aria-invalid="true" aria-describedby="lookup-error"` : ''}
        />
        <p><button type="submit">${t.lookUp[l]}</button></p>
      </form>
      ${email && !valid ? html`<p class="error-title" id="lookup-error" role="alert">${t.invalid[l]}</p>` : ''}
      ${data ? resultView(data, l) : ''}`;
    sendPage(res, consolePage(ctx, t.title[l], body), email && !valid ? 400 : 200);
  });
}
