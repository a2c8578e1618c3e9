// The frame of every console page: skip link, header with the navigation (what the role may
// open), the signed-in person, sign-out and the language choice, then the page's main content.
// No inline script or style: the one module (public/console.js) and stylesheet come from
// hashed URLs, so the Content-Security-Policy stays 'self' only.
import type { SignedInAccount } from '../auth/sessions';
import { roleAllows, type Role } from '../auth/roles';
import type { AssetStore } from '../respondent/assets';
import { html, type Markup } from './html';
import type { Locale, Text } from './i18n';

export interface PageContext {
  locale: Locale;
  assets: AssetStore;
  /** The request's path (for the current navigation item and the language links). */
  path: string;
  account?: SignedInAccount;
  csrfToken?: string;
}

export const common = {
  skip: { en: 'Skip to content', fr: 'Aller au contenu', es: 'Ir al contenido' },
  console: { en: 'Console', fr: 'Console', es: 'Consola' },
  language: { en: 'Language', fr: 'Langue', es: 'Idioma' },
  signOut: { en: 'Sign out', fr: 'Se déconnecter', es: 'Cerrar sesión' },
  changePassword: { en: 'Change password', fr: 'Changer le mot de passe', es: 'Cambiar la contraseña' },
  signedInAs: { en: 'Signed in as', fr: 'Connecté·e :', es: 'Sesión de' },
  roles: {
    admin: { en: 'administrator', fr: 'administrateur', es: 'administrador' },
    organizer: { en: 'organizer', fr: 'organisateur', es: 'organizador' },
    viewer: { en: 'viewer', fr: 'lecteur', es: 'lector' },
  } satisfies Record<Role, Text>,
  save: { en: 'Save', fr: 'Enregistrer', es: 'Guardar' },
  noJs: {
    en: 'The console needs JavaScript for its buttons and forms.',
    fr: 'La console a besoin de JavaScript pour ses boutons et formulaires.',
    es: 'La consola necesita JavaScript para sus botones y formularios.',
  },
} as const;

const navigation: { path: string; role: Role; text: Text }[] = [
  { path: '/console/rounds', role: 'viewer', text: { en: 'Rounds', fr: 'Cycles', es: 'Rondas' } },
  { path: '/console/partners', role: 'viewer', text: { en: 'Partners', fr: 'Partenaires', es: 'Socios' } },
  {
    path: '/console/declarations',
    role: 'viewer',
    text: { en: 'Declarations', fr: 'Déclarations', es: 'Declaraciones' },
  },
  { path: '/console/outbox', role: 'viewer', text: { en: 'Outbox', fr: 'Boîte d’envoi', es: 'Bandeja de salida' } },
  {
    path: '/console/audit',
    role: 'admin',
    text: { en: 'Audit log', fr: 'Journal d’audit', es: 'Registro de auditoría' },
  },
  { path: '/console/accounts', role: 'admin', text: { en: 'Accounts', fr: 'Comptes', es: 'Cuentas' } },
  {
    path: '/console/personal-data',
    role: 'admin',
    text: { en: 'Personal data', fr: 'Données personnelles', es: 'Datos personales' },
  },
];

const languageNames: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español' };

function languageLinks(ctx: PageContext): Markup {
  const t = common.language[ctx.locale];
  return html`<nav class="lang" aria-label="${t}">
    <ul>
      ${(Object.keys(languageNames) as Locale[]).map(
        (l) =>
          html`<li>
            <a
              href="${ctx.path}?lang=${l}"
              lang="${l}"
              hreflang="${l}"
              ${l === ctx.locale ? html` aria-current="true"` : ''}
              >${languageNames[l]}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

function head(ctx: PageContext, title: string): Markup {
  return html`<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} — capgap</title>
    <link rel="stylesheet" href="${ctx.assets.url('console.css')}" />
    <link rel="icon" href="data:," />
    ${ctx.csrfToken ? html`<meta name="csrf-token" content="${ctx.csrfToken}" />` : ''}
    <script type="module" src="${ctx.assets.url('console.js')}"></script>
  </head>`;
}

/** A page outside the console's navigation: the landing page and sign-in. */
export function publicPage(ctx: PageContext, title: string, body: Markup): string {
  const l = ctx.locale;
  return html`<!doctype html>
    <html lang="${l}">
      ${head(ctx, title)}
      <body>
        <a class="skip" href="#main">${common.skip[l]}</a>
        <header class="bar"><a class="brand" href="/">capgap</a>${languageLinks(ctx)}</header>
        <main id="main" tabindex="-1">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`.text;
}

/** A console page for a signed-in account: navigation, who is signed in, sign-out. */
export function consolePage(ctx: PageContext, title: string, body: Markup): string {
  const l = ctx.locale;
  const account = ctx.account!;
  const items = navigation.filter((n) => roleAllows(account.role, n.role));
  return html`<!doctype html>
    <html lang="${l}">
      ${head(ctx, title)}
      <body>
        <a class="skip" href="#main">${common.skip[l]}</a>
        <header class="bar">
          <a class="brand" href="/console/rounds">capgap</a>
          <nav class="main-nav" aria-label="${common.console[l]}">
            <ul>
              ${items.map(
                (n) =>
                  html`<li>
                    <a href="${n.path}" ${ctx.path.startsWith(n.path) ? html` aria-current="page"` : ''}
                      >${n.text[l]}</a
                    >
                  </li>`,
              )}
            </ul>
          </nav>
          <div class="who">
            <span>${common.signedInAs[l]} <strong>${account.name}</strong> (${common.roles[account.role][l]})</span>
            <a href="/console/password">${common.changePassword[l]}</a>
            <form method="post" data-api="DELETE /api/session" data-then="/console/sign-in">
              <button type="submit">${common.signOut[l]}</button>
            </form>
          </div>
          ${languageLinks(ctx)}
        </header>
        <main id="main" tabindex="-1">
          <h1>${title}</h1>
          <noscript><p class="notice">${common.noJs[l]}</p></noscript>
          ${body}
        </main>
      </body>
    </html>`.text;
}

/*
 * Every form the module sends is also method="post": should the module not run, the browser's
 * own submit then never puts a field (a password) into the address, the log or the history.
 */

/** An area where a form's module writes what the server answered (errors, reports). */
export const formOutput = (id: string): Markup =>
  html`<div class="form-output" id="${id}" role="alert" tabindex="-1"></div>`;
