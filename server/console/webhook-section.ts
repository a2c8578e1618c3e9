// The webhook section of a round's settings page: the registered URL and its latest deliveries
// (viewers see these), and for organizers a form to register or replace the URL (the answer
// shows the new signing secret once, in the page only) and a button to remove it.
import { html, tableHead, type Markup } from './html';
import { formatDateTime, type Locale } from './i18n';
import { formOutput } from './layout';
import type { WebhookView } from '../webhooks/round-webhook';

const t = {
  webhook: { en: 'Webhook for integrators', fr: 'Webhook pour les intégrateurs', es: 'Webhook para integradores' },
  hint: {
    en: 'Submitted and approved responses and confirmed matches are POSTed to this https address, signed with a secret (see the API documentation).',
    fr: 'Les réponses envoyées et approuvées et les mises en relation confirmées sont envoyées par POST à cette adresse https, signées avec un secret (voir la documentation de l’API).',
    es: 'Las respuestas enviadas y aprobadas y los emparejamientos confirmados se envían por POST a esta dirección https, firmados con un secreto (véase la documentación de la API).',
  },
  none: {
    en: 'No webhook is registered.',
    fr: 'Aucun webhook n’est enregistré.',
    es: 'No hay ningún webhook registrado.',
  },
  url: { en: 'Receiver URL (https)', fr: 'URL du récepteur (https)', es: 'URL del receptor (https)' },
  current: { en: 'Sent to', fr: 'Envoyé à', es: 'Enviado a' },
  save: {
    en: 'Register (makes a new secret)',
    fr: 'Enregistrer (crée un nouveau secret)',
    es: 'Registrar (crea un secreto nuevo)',
  },
  remove: { en: 'Remove the webhook', fr: 'Supprimer le webhook', es: 'Quitar el webhook' },
  removeConfirm: {
    en: 'Remove the webhook? Deliveries not yet made are dropped.',
    fr: 'Supprimer le webhook ? Les envois pas encore faits sont abandonnés.',
    es: '¿Quitar el webhook? Los envíos pendientes se descartan.',
  },
  caption: { en: 'Latest deliveries', fr: 'Derniers envois', es: 'Últimos envíos' },
  occurred: { en: 'Event at', fr: 'Événement le', es: 'Evento el' },
  event: { en: 'Event', fr: 'Événement', es: 'Evento' },
  status: { en: 'Status', fr: 'État', es: 'Estado' },
  attempts: { en: 'Attempts', fr: 'Tentatives', es: 'Intentos' },
  last: { en: 'Last answer', fr: 'Dernière réponse', es: 'Última respuesta' },
  noDeliveries: { en: 'Nothing sent yet.', fr: 'Rien n’a encore été envoyé.', es: 'Aún no se ha enviado nada.' },
  organizerOnly: {
    en: 'Only organizers change the webhook.',
    fr: 'Seuls les organisateurs changent le webhook.',
    es: 'Solo los organizadores cambian el webhook.',
  },
} as const;

const statusNames: Record<string, Record<Locale, string>> = {
  pending: { en: 'waiting', fr: 'en attente', es: 'en espera' },
  delivered: { en: 'delivered', fr: 'remis', es: 'entregado' },
  failed: { en: 'failed', fr: 'échec', es: 'fallido' },
  dropped: { en: 'dropped (no webhook)', fr: 'abandonné (plus de webhook)', es: 'descartado (sin webhook)' },
};

function deliveriesTable(hook: WebhookView, l: Locale): Markup {
  if (!hook.deliveries.length) return html`<p>${t.noDeliveries[l]}</p>`;
  return html`<table id="webhook-deliveries">
    ${tableHead(t.caption[l], [t.occurred[l], t.event[l], t.status[l], t.attempts[l], t.last[l]])}
    <tbody>
      ${hook.deliveries.map((d) => {
        const last = d.attempts[d.attempts.length - 1];
        return html`<tr>
          <td>${formatDateTime(d.occurredAt, l)}</td>
          <td>${d.type}</td>
          <td>${statusNames[d.status]?.[l] ?? d.status}</td>
          <td>${d.attempts.length}</td>
          <td>${last ? (last.httpStatus ? `HTTP ${last.httpStatus}` : (last.error ?? '')) : ''}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export function webhookSection(roundId: string, hook: WebhookView | null, mayAct: boolean, l: Locale): Markup {
  const api = `/api/rounds/${roundId}/webhook`;
  const form = mayAct
    ? html`<form method="post" data-api="PUT ${api}" data-render="webhookSecret" data-output="webhook-output">
          <label for="webhook-url">${t.url[l]}</label
          ><input
            id="webhook-url"
            name="url"
            type="url"
            required
            maxlength="2000"
            pattern="https://.+"
            value="${hook?.url ?? ''}"
          />
          <p><button type="submit">${t.save[l]}</button></p>
        </form>
        ${formOutput('webhook-output')}
        ${
          hook
            ? html`<form
                  method="post"
                  data-api="DELETE ${api}"
                  data-then="reload"
                  data-confirm="${t.removeConfirm[l]}"
                  data-output="webhook-remove-output"
                >
                  <button type="submit" class="secondary">${t.remove[l]}</button>
                </form>
                ${formOutput('webhook-remove-output')}`
            : ''
        }`
    : html`<p>${t.organizerOnly[l]}</p>`;
  return html`<section aria-labelledby="webhook-settings">
    <h2 id="webhook-settings">${t.webhook[l]}</h2>
    <p>${t.hint[l]}</p>
    ${hook ? html`<p>${t.current[l]}: <code>${hook.url}</code></p>` : html`<p>${t.none[l]}</p>`} ${form}
    ${hook ? deliveriesTable(hook, l) : ''}
  </section>`;
}
