// GET /console/outbox        every email, newest first (?round= one round's; ?before= older pages)
// GET /console/outbox/:id    one email rendered as the recipient gets it (sandboxed), and its text
// Without SMTP_URL a banner says that emails wait here and how to set up a relay.
import type { Router } from 'express';
import { countWaitingEmails, getOutboxEmail, listOutbox } from '../../email/list-outbox';
import { isRoundId } from '../../rounds/find-round';
import { pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead } from '../html';
import { formatDateTime, type Locale } from '../i18n';
import { consolePage } from '../layout';

const t = {
  title: { en: 'Outbox', fr: 'Boîte d’envoi', es: 'Bandeja de salida' },
  noRelay: {
    en: '{n} emails are waiting: no mail relay is configured, so nothing is sent. Each one is listed here with a preview. To send them, set SMTP_URL (for example smtp://user:password@relay.example:587) and restart the service; waiting emails then go out.',
    fr: '{n} courriels attendent : aucun relais de messagerie n’est configuré, rien n’est envoyé. Chacun est listé ici avec un aperçu. Pour les envoyer, définissez SMTP_URL (par exemple smtp://utilisateur:motdepasse@relais.example:587) et redémarrez le service ; les courriels en attente partiront alors.',
    es: '{n} correos están en espera: no hay un servidor de correo configurado, así que no se envía nada. Cada uno aparece aquí con una vista previa. Para enviarlos, defina SMTP_URL (por ejemplo smtp://usuario:contraseña@relay.example:587) y reinicie el servicio; los correos en espera saldrán entonces.',
  },
  caption: {
    en: 'Emails, newest first',
    fr: 'Courriels, du plus récent au plus ancien',
    es: 'Correos, del más reciente al más antiguo',
  },
  queued: { en: 'Queued', fr: 'Mis en file', es: 'En cola' },
  to: { en: 'Recipient', fr: 'Destinataire', es: 'Destinatario' },
  subject: { en: 'Subject', fr: 'Objet', es: 'Asunto' },
  template: { en: 'Template', fr: 'Modèle', es: 'Plantilla' },
  language: { en: 'Language', fr: 'Langue', es: 'Idioma' },
  status: { en: 'Status', fr: 'État', es: 'Estado' },
  attempts: { en: 'Attempts', fr: 'Tentatives', es: 'Intentos' },
  lastError: { en: 'Last error', fr: 'Dernière erreur', es: 'Último error' },
  statuses: {
    queued: { en: 'queued', fr: 'en file', es: 'en cola' },
    sent: { en: 'sent', fr: 'envoyé', es: 'enviado' },
    failed: { en: 'failed', fr: 'échec', es: 'fallido' },
    bounced: { en: 'bounced', fr: 'rejeté', es: 'rebotado' },
  } as Record<string, Record<Locale, string>>,
  none: { en: 'No emails yet.', fr: 'Aucun courriel pour l’instant.', es: 'Todavía no hay correos.' },
  older: { en: 'Older emails', fr: 'Courriels plus anciens', es: 'Correos más antiguos' },
  newest: { en: 'Newest emails', fr: 'Courriels les plus récents', es: 'Correos más recientes' },
  preview: { en: 'Preview', fr: 'Aperçu', es: 'Vista previa' },
  textVersion: { en: 'Text version', fr: 'Version texte', es: 'Versión de texto' },
  back: { en: 'Back to the outbox', fr: 'Retour à la boîte d’envoi', es: 'Volver a la bandeja de salida' },
  notFound: { en: 'No such email.', fr: 'Ce courriel n’existe pas.', es: 'Este correo no existe.' },
} as const;

const statusText = (status: string, l: Locale) => t.statuses[status]?.[l] ?? status;

export function outboxPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/outbox', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const round = typeof req.query.round === 'string' && isRoundId(req.query.round) ? req.query.round : undefined;
    const before =
      typeof req.query.before === 'string' && /^[1-9][0-9]{0,9}$/.test(req.query.before)
        ? Number(req.query.before)
        : undefined;
    const page = await listOutbox({ roundId: round, before, limit: 50 });
    const banner = deps.config.smtpUrl
      ? ''
      : html`<p class="notice" id="no-relay">${t.noRelay[l].replace('{n}', String(await countWaitingEmails()))}</p>`;
    const query = (extra: string) => `?${round ? `round=${round}&` : ''}${extra}`;
    const list = page.emails.length
      ? html`<table id="outbox">
          ${tableHead(t.caption[l], [t.queued[l], t.to[l], t.subject[l], t.template[l], t.language[l], t.status[l], t.attempts[l], t.lastError[l]])}
          <tbody>
            ${page.emails.map(
              (e) =>
                html`<tr>
                  <td>${formatDateTime(e.createdAt, l)}</td>
                  <td>${e.to}</td>
                  <td><a href="/console/outbox/${e.id}">${e.subject}</a></td>
                  <td>${e.template}</td>
                  <td>${e.locale}</td>
                  <td>${statusText(e.status, l)}</td>
                  <td>${e.attempts}</td>
                  <td>${e.lastError ?? ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p>${t.none[l]}</p>`;
    const pager = html`<nav class="pager" aria-label="${t.caption[l]}">
      ${before ? html`<a href="/console/outbox${query('').replace(/[?&]$/, '')}">${t.newest[l]}</a>` : ''}${page.next ? html`<a href="/console/outbox${query(`before=${page.next}`)}">${t.older[l]}</a>` : ''}
    </nav>`;
    sendPage(res, consolePage(ctx, t.title[l], html`${banner}${list}${pager}`));
  });

  router.get('/console/outbox/:id', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const email = await getOutboxEmail(String(req.params.id));
    if (!email)
      return sendPage(
        res,
        consolePage(
          ctx,
          t.title[l],
          html`<p>${t.notFound[l]}</p>
            <p><a href="/console/outbox">${t.back[l]}</a></p>`,
        ),
        404,
      );
    const body = html`<p><a href="/console/outbox">${t.back[l]}</a></p>
      <table>
        <caption>
          ${email.subject}
        </caption>
        <tbody>
          <tr>
            <th scope="row">${t.to[l]}</th>
            <td>${email.to}</td>
          </tr>
          <tr>
            <th scope="row">${t.template[l]}</th>
            <td>${email.template}</td>
          </tr>
          <tr>
            <th scope="row">${t.language[l]}</th>
            <td>${email.locale}</td>
          </tr>
          <tr>
            <th scope="row">${t.status[l]}</th>
            <td>${statusText(email.status, l)}</td>
          </tr>
          <tr>
            <th scope="row">${t.attempts[l]}</th>
            <td>${email.attempts}</td>
          </tr>
          <tr>
            <th scope="row">${t.lastError[l]}</th>
            <td>${email.lastError ?? ''}</td>
          </tr>
        </tbody>
      </table>
      <h2>${t.preview[l]}</h2>
      <iframe class="preview" sandbox="" title="${t.preview[l]}: ${email.subject}" srcdoc="${email.html}"></iframe>
      <h2>${t.textVersion[l]}</h2>
      <pre>${email.text}</pre>`;
    sendPage(res, consolePage({ ...ctx, path: '/console/outbox' }, email.subject, body));
  });
}
