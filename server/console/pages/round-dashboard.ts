// GET /console/rounds/:roundId — a round's dashboard: counts and a progress chart on top, then
// one row per country with its response (state, how complete, last activity) and its focal
// points (invited, link opened, started, submitted, bounced; the link and the latest email),
// and the round's downloads. Organizers also get the actions, each through the API: import
// focal points (CSV; the row report stays on the page), invite (a preview of the email in each
// language and a dry-run count first, then send, with the delivery's progress), reminders (a
// dry-run list first, then send), revoke or resend a focal point's link, and erase a focal point.
import type { Router } from 'express';
import {
  countryStateOf,
  countryStates,
  focalPointViews,
  summarizeRoundStatus,
  type CountryState,
  type FocalPointView,
  type RoundStatus,
} from '../../focal-points/focal-point-status';
import type { ResponseSummary } from '../../responses/response-statuses';
import { barChart } from '../bar-chart';
import { exportLinks } from '../export-links';
import { invitationPreviews } from '../invitation-preview';
import { mayAct, pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead, type Markup } from '../html';
import { formatDateTime, type Locale, type Text } from '../i18n';
import { csvImportForm } from '../csv-import-form';
import { erasePersonForm } from '../erase-person-form';
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
  approvedCount: { en: 'Countries approved', fr: 'Pays approuvés', es: 'Países aprobados' },
  returnedCount: { en: 'Returned for changes', fr: 'Renvoyés pour modification', es: 'Devueltos para cambios' },
  bounced: { en: 'Bounced emails', fr: 'Courriels rejetés', es: 'Correos rebotados' },
  countriesCaption: {
    en: 'Countries and their focal points',
    fr: 'Pays et leurs points focaux',
    es: 'Países y sus puntos focales',
  },
  country: { en: 'Country', fr: 'Pays', es: 'País' },
  response: { en: 'Response', fr: 'Réponse', es: 'Respuesta' },
  completeness: { en: 'Completeness', fr: 'Complétude', es: 'Completitud' },
  answeredOf: { en: '{n} of {total} answered', fr: '{n} sur {total} répondues', es: '{n} de {total} respondidas' },
  lastActivity: { en: 'Last activity', fr: 'Dernière activité', es: 'Última actividad' },
  statuses: {
    none: { en: 'not started', fr: 'pas commencée', es: 'sin empezar' },
    draft: { en: 'draft', fr: 'brouillon', es: 'borrador' },
    submitted: { en: 'submitted', fr: 'soumise', es: 'enviada' },
    resubmitted: { en: 'resubmitted', fr: 'soumise à nouveau', es: 'reenviada' },
    returned: { en: 'returned', fr: 'renvoyée', es: 'devuelta' },
    approved: { en: 'approved', fr: 'approuvée', es: 'aprobada' },
  } as Record<string, Text>,
  chart: {
    title: {
      en: 'Countries by where their response stands',
      fr: 'Pays selon l’état de leur réponse',
      es: 'Países según el estado de su respuesta',
    },
    summary: {
      en: 'Of {n} countries in the round:',
      fr: 'Sur {n} pays du cycle :',
      es: 'De {n} países de la ronda:',
    },
    table: {
      en: 'The same numbers as a table',
      fr: 'Les mêmes chiffres en tableau',
      es: 'Las mismas cifras en una tabla',
    },
    state: { en: 'State', fr: 'État', es: 'Estado' },
    countries: { en: 'Countries', fr: 'Pays', es: 'Países' },
    states: {
      notStarted: { en: 'Not started', fr: 'Pas commencé', es: 'Sin empezar' },
      draft: { en: 'Draft in progress', fr: 'Brouillon en cours', es: 'Borrador en curso' },
      returned: { en: 'Returned for changes', fr: 'Renvoyé pour modification', es: 'Devuelto para cambios' },
      awaitingReview: { en: 'Awaiting review', fr: 'En attente d’examen', es: 'En espera de revisión' },
      approved: { en: 'Approved', fr: 'Approuvé', es: 'Aprobado' },
    } satisfies Record<CountryState, Text>,
  },
  exports: { en: 'Downloads', fr: 'Téléchargements', es: 'Descargas' },
  settings: { en: 'Round settings', fr: 'Paramètres du cycle', es: 'Parámetros de la ronda' },
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
  previews: { en: 'The email they will get', fr: 'Le courriel qu’ils recevront', es: 'El correo que recibirán' },
  inviteDryRun: {
    en: 'Count who would be emailed',
    fr: 'Compter qui recevrait un courriel',
    es: 'Contar quién recibiría un correo',
  },
  noRelay: {
    en: 'No mail relay is configured (SMTP_URL): emails wait in the outbox until one is.',
    fr: 'Aucun relais de messagerie n’est configuré (SMTP_URL) : les courriels attendent dans la boîte d’envoi.',
    es: 'No hay un servidor de correo configurado (SMTP_URL): los correos esperan en la bandeja de salida.',
  },
  seeOutbox: { en: 'See the outbox', fr: 'Voir la boîte d’envoi', es: 'Ver la bandeja de salida' },
  delivery: {
    en: 'Delivery of the latest email to each focal point',
    fr: 'Remise du dernier courriel à chaque point focal',
    es: 'Entrega del último correo a cada punto focal',
  },
  deliveryStates: {
    sent: { en: 'sent', fr: 'envoyés', es: 'enviados' },
    queued: { en: 'waiting', fr: 'en attente', es: 'en espera' },
    failed: { en: 'failed', fr: 'en échec', es: 'fallidos' },
    bounced: { en: 'bounced', fr: 'rejetés', es: 'rebotados' },
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
            </form>
            ${erasePersonForm(l, `DELETE /api/focal-points/${v.id}`, v, 'focalPoint', `erase-${v.id}`)}</span
          >`
        : ''
    }
  </li>`;
}

/** How far the latest emails to focal points got; the module refreshes it while some wait (and a relay sends). */
function deliverySection(roundId: string, status: RoundStatus, relay: boolean, l: Locale): Markup {
  const e = status.latestEmails;
  const total = e.queued + e.sent + e.failed + e.bounced;
  return html`<div
    id="delivery"
    ${relay ? html`data-poll-status="/api/rounds/${roundId}/status"` : ''}
    data-waiting="${relay ? e.queued : 0}"
  >
    <p id="delivery-label">${t.delivery[l]}</p>
    <progress max="${Math.max(total, 1)}" value="${total - e.queued}" aria-labelledby="delivery-label"></progress>
    <p role="status">
      ${(['sent', 'queued', 'failed', 'bounced'] as const).map(
        (k, i) => html`${i ? ' · ' : ''}<span data-count="${k}">${e[k]}</span> ${t.deliveryStates[k][l]}`,
      )}
    </p>
  </div>`;
}

interface InviteContext {
  round: Parameters<typeof invitationPreviews>[0];
  publicUrl: string;
  relay: boolean;
  status: RoundStatus;
}

function actionsSection(roundId: string, l: Locale, invite: InviteContext): Markup {
  return html`<section aria-labelledby="actions">
    <h2 id="actions">${t.actions[l]}</h2>
    <h3 id="import">${t.import[l]}</h3>
    ${csvImportForm(l, `/api/rounds/${roundId}/focal-points/import`, 'import', t.importHint)}
    <h3 id="invite">${t.invite[l]}</h3>
    <p>${t.inviteHint[l]}</p>
    ${invite.relay ? '' : html`<p class="notice" id="invite-no-relay">${t.noRelay[l]} <a href="/console/outbox?round=${roundId}">${t.seeOutbox[l]}</a></p>`}
    <h4>${t.previews[l]}</h4>
    ${invitationPreviews(invite.round, invite.publicUrl, l)}
    <div class="actions">
      <form
        method="post"
        data-api="POST /api/rounds/${roundId}/invitations?dryRun=true"
        data-render="inviteDryRun"
        data-output="invite-output"
      >
        <button type="submit" class="secondary">${t.inviteDryRun[l]}</button>
      </form>
      <form
        method="post"
        data-api="POST /api/rounds/${roundId}/invitations"
        data-render="invite"
        data-then="reload"
        data-output="invite-output"
        data-confirm="${t.inviteConfirm[l]}"
      >
        <button type="submit">${t.inviteButton[l]}</button>
      </form>
    </div>
    ${formOutput('invite-output')} ${deliverySection(roundId, invite.status, invite.relay, l)}
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

const chartColors: Record<CountryState, string> = {
  notStarted: '#9e9e9e',
  draft: '#6fa8dc',
  returned: '#e08a00',
  awaitingReview: '#0b5394',
  approved: '#1d6b32',
};

function progressChart(status: RoundStatus, l: Locale): Markup {
  const c = t.chart;
  return barChart({
    id: 'progress-chart',
    title: c.title[l],
    summary: c.summary[l].replace('{n}', String(status.countries)),
    bars: countryStates.map((s) => ({ label: c.states[s][l], value: status.countryStates[s], color: chartColors[s] })),
    max: status.countries,
    headers: [c.state[l], c.countries[l]],
    tableLabel: c.table[l],
  });
}

/** "12 of 40 answered (30 %)", or nothing before the country saved anything. */
function completenessText(summary: ResponseSummary | undefined, questions: number, l: Locale): string {
  if (!summary || questions === 0) return '—';
  const n = Math.min(summary.answered, questions);
  return `${t.answeredOf[l].replace('{n}', String(n)).replace('{total}', String(questions))} (${Math.round((100 * n) / questions)} %)`;
}

/** The country's latest step: a save of its response (or a review step on it), or a link opened. */
function lastActivity(summary: ResponseSummary | undefined, views: readonly FocalPointView[]): Date | undefined {
  const times = [summary?.savedAt, ...views.map((v) => v.openedAt)].filter((d): d is Date => !!d);
  return times.length ? new Date(Math.max(...times.map((d) => new Date(d).getTime()))) : undefined;
}

export function roundDashboardPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/rounds/:roundId', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const { round, views, responses, summaries } = await focalPointViews(String(req.params.roundId));
    const status = summarizeRoundStatus(round, views, responses);
    const roundId = String(round._id);
    const byCountry = new Map<string, FocalPointView[]>();
    for (const v of views) byCountry.set(v.country, [...(byCountry.get(v.country) ?? []), v]);
    const act = mayAct(ctx);
    const questions = Object.keys(
      deps.forms.get(round.formId, round.formVersion)?.answerSchema.properties ?? {},
    ).length;
    const counts: [Text, string][] = [
      [t.focalPoints, String(status.focalPoints)],
      [t.invited, String(status.invited)],
      [t.opened, String(status.opened)],
      [t.started, `${status.draftStarted} / ${status.countries}`],
      [t.submitted, `${status.countriesSubmitted} / ${status.countries}`],
      [t.approvedCount, `${status.approved} / ${status.countries}`],
      [t.returnedCount, String(status.returned)],
      [t.bounced, String(status.bounced)],
    ];
    const responseText = (iso3: string) => {
      const r = responses.get(iso3);
      const kind = countryStateOf(r);
      return state(
        t.statuses[r ?? 'none'] ?? t.statuses.none,
        l,
        kind === 'approved' ? 'good' : kind === 'returned' ? 'bad' : '',
      );
    };
    const body = html`${roundLinks(roundId, l, 'dashboard')}
      <p>
        ${t.questionnaire[l]}: ${formTitle(deps.forms, round.formId, l)} (v${round.formVersion}) · ${t.deadline[l]}:
        ${formatDateTime(round.deadline, l)} · ${round.languages.join(', ')}
      </p>
      <p><a href="/console/rounds/${roundId}/matching">${matchingTexts.title[l]}</a></p>
      <p><a href="/console/rounds/${roundId}/settings">${t.settings[l]}</a></p>
      <section aria-labelledby="counts">
        <h2 id="counts">${t.counts[l]}</h2>
        <ul class="counts">
          ${counts.map(([label, value]) => html`<li><strong>${value}</strong>${label[l]}</li>`)}
        </ul>
        ${round.countries.length ? progressChart(status, l) : ''}
      </section>
      ${
        round.countries.length
          ? html`<table id="countries">
              ${tableHead(t.countriesCaption[l], [t.country[l], t.response[l], t.completeness[l], t.lastActivity[l], t.focalPoints[l]])}
              <tbody>
                ${round.countries.map(
                  (c) =>
                    html`<tr>
                      <th scope="row">
                        <a href="/console/rounds/${roundId}/countries/${c.iso3}">${c.name} (${c.iso3})</a>
                      </th>
                      <td>${responseText(c.iso3)}</td>
                      <td>${completenessText(summaries.get(c.iso3), questions, l)}</td>
                      <td>${formatDateTime(lastActivity(summaries.get(c.iso3), byCountry.get(c.iso3) ?? []), l)}</td>
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
      ${
        act
          ? actionsSection(roundId, l, {
              round,
              publicUrl: deps.config.publicUrl,
              relay: Boolean(deps.config.smtpUrl),
              status,
            })
          : ''
      }
      <section aria-labelledby="exports">
        <h2 id="exports">${t.exports[l]}</h2>
        ${exportLinks(roundId, l)}
      </section>`;
    sendPage(res, consolePage({ ...ctx, path: req.path }, round.name, body));
  });
}
