// GET /console/rounds/:roundId — a round's dashboard: counts on top, then one row per country
// with its response and its focal points (invited, link opened, started, submitted, bounced;
// the link and the latest email). Organizers also get the actions, each through the API:
// import focal points (CSV; the row report stays on the page), invite, reminders (a dry-run
// list first, then send), and revoke or resend a focal point's link.
import type { Router } from 'express';
import { focalPointViews, summarizeRoundStatus, type FocalPointView } from '../../focal-points/focal-point-status';
import { mayAct, pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead, type Markup } from '../html';
import { formatDateTime, type Locale, type Text } from '../i18n';
import { csvImportForm } from '../csv-import-form';
import { consolePage, formOutput } from '../layout';
import { t as matchingTexts } from '../matching/matching-texts';
import { formTitle } from './rounds';
import { roundLinks } from '../round-links';

const t = {
  counts: { en: 'Where the round stands', fr: 'Où en est le cycle', es: 'Situación de la ronda' },
  focalPoints: { en: 'Focal points', fr: 'Points focaux', es: 'Puntos focales' },
  invited: { en: 'Invited', fr: 'Invités', es: 'Invitados' },
  opened: { en: 'Opened the link', fr: 'Lien ouvert', es: 'Abrieron el enlace' },
  started: { en: 'Countries started', fr: 'Pays ayant commencé', es: 'Países que empezaron' },
  submitted: { en: 'Countries submitted', fr: 'Pays ayant soumis', es: 'Países que enviaron' },
  bounced: { en: 'Bounced emails', fr: 'Courriels rejetés', es: 'Correos rebotados' },
  countriesCaption: {
    en: 'Countries and their focal points',
    fr: 'Pays et leurs points focaux',
    es: 'Países y sus puntos focales',
  },
  country: { en: 'Country', fr: 'Pays', es: 'País' },
  response: { en: 'Response', fr: 'Réponse', es: 'Respuesta' },
  notStarted: { en: 'not started', fr: 'pas commencée', es: 'sin empezar' },
  draft: { en: 'draft', fr: 'brouillon', es: 'borrador' },
  submittedOne: { en: 'submitted', fr: 'soumise', es: 'enviada' },
  none: {
    en: 'No focal points yet: import them below.',
    fr: 'Aucun point focal pour l’instant : importez-les ci-dessous.',
    es: 'Todavía no hay puntos focales: impórtelos abajo.',
  },
  states: {
    invited: { en: 'invited', fr: 'invité', es: 'invitado' },
    notInvited: { en: 'not invited', fr: 'non invité', es: 'no invitado' },
    opened: { en: 'opened', fr: 'ouvert', es: 'abierto' },
    started: { en: 'started', fr: 'commencé', es: 'empezado' },
    submitted: { en: 'submitted', fr: 'soumis', es: 'enviado' },
    bounced: { en: 'bounced', fr: 'rejeté', es: 'rebotado' },
  },
  link: { en: 'Link', fr: 'Lien', es: 'Enlace' },
  links: {
    none: { en: 'none', fr: 'aucun', es: 'ninguno' },
    active: { en: 'active', fr: 'actif', es: 'activo' },
    revoked: { en: 'revoked', fr: 'retiré', es: 'retirado' },
    expired: { en: 'expired', fr: 'expiré', es: 'caducado' },
  },
  latestEmail: { en: 'Latest email', fr: 'Dernier courriel', es: 'Último correo' },
  revoke: { en: 'Revoke link', fr: 'Retirer le lien', es: 'Retirar el enlace' },
  resend: { en: 'Send a new link', fr: 'Envoyer un nouveau lien', es: 'Enviar un nuevo enlace' },
  revokeConfirm: {
    en: 'Revoke this link? It stops working at once.',
    fr: 'Retirer ce lien ? Il cessera de fonctionner immédiatement.',
    es: '¿Retirar este enlace? Dejará de funcionar de inmediato.',
  },
  actions: { en: 'Actions', fr: 'Actions', es: 'Acciones' },
  import: { en: 'Import focal points', fr: 'Importer des points focaux', es: 'Importar puntos focales' },
  importHint: {
    en: 'A CSV file with the columns country,name,email,language,ministry. Every row is checked first; a file with errors imports nothing unless you tick the box below.',
    fr: 'Un fichier CSV avec les colonnes country,name,email,language,ministry. Chaque ligne est vérifiée d’abord ; un fichier avec des erreurs n’importe rien, sauf si vous cochez la case ci-dessous.',
    es: 'Un archivo CSV con las columnas country,name,email,language,ministry. Se comprueba cada fila primero; un archivo con errores no importa nada, salvo si marca la casilla de abajo.',
  },
  invite: { en: 'Invite', fr: 'Inviter', es: 'Invitar' },
  inviteHint: {
    en: 'Emails a personal link, in their language, to every focal point not yet invited.',
    fr: 'Envoie un lien personnel, dans sa langue, à chaque point focal pas encore invité.',
    es: 'Envía un enlace personal, en su idioma, a cada punto focal aún no invitado.',
  },
  inviteButton: {
    en: 'Invite everyone not yet invited',
    fr: 'Inviter tous ceux qui ne l’ont pas été',
    es: 'Invitar a todos los que aún no lo están',
  },
  inviteConfirm: {
    en: 'Send the invitations now?',
    fr: 'Envoyer les invitations maintenant ?',
    es: '¿Enviar las invitaciones ahora?',
  },
  reminders: { en: 'Reminders', fr: 'Rappels', es: 'Recordatorios' },
  remindersHint: {
    en: 'Only focal points of countries that have not submitted, within the round’s reminder policy.',
    fr: 'Seulement aux points focaux des pays qui n’ont pas soumis, selon la règle de rappel du cycle.',
    es: 'Solo a los puntos focales de países que no han enviado, según la política de recordatorios de la ronda.',
  },
  dryRun: { en: 'List who would get one', fr: 'Lister qui en recevrait un', es: 'Listar quién recibiría uno' },
  sendReminders: { en: 'Send reminders', fr: 'Envoyer les rappels', es: 'Enviar recordatorios' },
  sendRemindersConfirm: {
    en: 'Send the reminders now?',
    fr: 'Envoyer les rappels maintenant ?',
    es: '¿Enviar los recordatorios ahora?',
  },
  deadline: { en: 'Deadline', fr: 'Échéance', es: 'Plazo' },
  questionnaire: { en: 'Questionnaire', fr: 'Questionnaire', es: 'Cuestionario' },
} as const;

const state = (text: Text, l: Locale, kind = '') => html`<span class="state ${kind}">${text[l]}</span>`;

function focalPointCell(v: FocalPointView, l: Locale, act: boolean): Markup {
  const s = t.states;
  return html`<li>
    <strong>${v.name}</strong> &lt;${v.email}&gt; (${v.language})${v.ministry ? html`, ${v.ministry}` : ''}<br />
    ${v.invited ? state(s.invited, l) : state(s.notInvited, l)}${v.linkOpened ? state(s.opened, l) : ''}${v.draftStarted ? state(s.started, l) : ''}${v.submitted ? state(s.submitted, l, 'good') : ''}${v.bounced ? state(s.bounced, l, 'bad') : ''}
    ${t.link[l]}:
    ${t.links[v.link][l]}${v.latestEmail ? html`; ${t.latestEmail[l]}: ${v.latestEmail.template}, ${v.latestEmail.status}, ${formatDateTime(v.latestEmail.at, l)}` : ''}${v.bounceReason ? html` — ${v.bounceReason}` : ''}
    ${
      act
        ? html`<span class="actions"
            >${
              v.link === 'active'
                ? html`<form
                    class="inline"
                    method="post"
                    data-api="POST /api/focal-points/${v.id}/revoke"
                    data-then="reload"
                    data-confirm="${t.revokeConfirm[l]}"
                  >
                    <button type="submit" class="secondary" aria-label="${t.revoke[l]}: ${v.name}">
                      ${t.revoke[l]}
                    </button>
                  </form>`
                : ''
            }
            <form class="inline" method="post" data-api="POST /api/focal-points/${v.id}/resend" data-then="reload">
              <button type="submit" class="secondary" aria-label="${t.resend[l]}: ${v.name}">${t.resend[l]}</button>
            </form></span
          >`
        : ''
    }
  </li>`;
}

function actionsSection(roundId: string, l: Locale): Markup {
  return html`<section aria-labelledby="actions">
    <h2 id="actions">${t.actions[l]}</h2>
    <h3 id="import">${t.import[l]}</h3>
    ${csvImportForm(l, `/api/rounds/${roundId}/focal-points/import`, 'import', t.importHint)}
    <h3 id="invite">${t.invite[l]}</h3>
    <form
      method="post"
      data-api="POST /api/rounds/${roundId}/invitations"
      data-render="invite"
      data-then="reload"
      data-output="invite-output"
      data-confirm="${t.inviteConfirm[l]}"
      aria-labelledby="invite"
    >
      <p>${t.inviteHint[l]}</p>
      <p><button type="submit">${t.inviteButton[l]}</button></p>
    </form>
    ${formOutput('invite-output')}
    <h3 id="reminders">${t.reminders[l]}</h3>
    <p>${t.remindersHint[l]}</p>
    <div class="actions">
      <form
        method="post"
        data-api="POST /api/rounds/${roundId}/reminders?dryRun=true"
        data-render="reminders"
        data-output="reminders-output"
      >
        <button type="submit" class="secondary">${t.dryRun[l]}</button>
      </form>
      <form
        method="post"
        data-api="POST /api/rounds/${roundId}/reminders"
        data-render="reminders"
        data-output="reminders-output"
        data-confirm="${t.sendRemindersConfirm[l]}"
      >
        <button type="submit">${t.sendReminders[l]}</button>
      </form>
    </div>
    ${formOutput('reminders-output')}
  </section>`;
}

export function roundDashboardPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds/:roundId', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const { round, views, responses } = await focalPointViews(String(req.params.roundId));
    const status = summarizeRoundStatus(round, views, responses);
    const roundId = String(round._id);
    const byCountry = new Map<string, FocalPointView[]>();
    for (const v of views) byCountry.set(v.country, [...(byCountry.get(v.country) ?? []), v]);
    const act = mayAct(ctx);
    const counts: [Text, string][] = [
      [t.focalPoints, String(status.focalPoints)],
      [t.invited, String(status.invited)],
      [t.opened, String(status.opened)],
      [t.started, `${status.draftStarted} / ${status.countries}`],
      [t.submitted, `${status.countriesSubmitted} / ${status.countries}`],
      [t.bounced, String(status.bounced)],
    ];
    const responseText = (iso3: string) => {
      const r = responses.get(iso3);
      return r === undefined ? t.notStarted[l] : r === 'submitted' ? t.submittedOne[l] : t.draft[l];
    };
    const body = html`${roundLinks(roundId, l, 'dashboard')}
      <p>
        ${t.questionnaire[l]}: ${formTitle(deps.forms, round.formId, l)} (v${round.formVersion}) · ${t.deadline[l]}:
        ${formatDateTime(round.deadline, l)} · ${round.languages.join(', ')}
      </p>
      <p><a href="/console/rounds/${roundId}/matching">${matchingTexts.title[l]}</a></p>
      <section aria-labelledby="counts">
        <h2 id="counts">${t.counts[l]}</h2>
        <ul class="counts">
          ${counts.map(([label, value]) => html`<li><strong>${value}</strong>${label[l]}</li>`)}
        </ul>
      </section>
      ${
        round.countries.length
          ? html`<table id="countries">
              ${tableHead(t.countriesCaption[l], [t.country[l], t.response[l], t.focalPoints[l]])}
              <tbody>
                ${round.countries.map(
                  (c) =>
                    html`<tr>
                      <th scope="row">
                        <a href="/console/rounds/${roundId}/countries/${c.iso3}">${c.name} (${c.iso3})</a>
                      </th>
                      <td>${responseText(c.iso3)}</td>
                      <td>
                        <ul>
                          ${(byCountry.get(c.iso3) ?? []).map((v) => focalPointCell(v, l, act))}
                        </ul>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>${t.none[l]}</p>`
      }
      ${act ? actionsSection(roundId, l) : ''}`;
    sendPage(res, consolePage({ ...ctx, path: req.path }, round.name, body));
  });
}
