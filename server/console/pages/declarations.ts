// GET /console/declarations      partners' self-declarations, those awaiting review first; invite
//                                an organization not yet in the registry (→ POST /api/partner-declarations/invitations)
// GET /console/declarations/:id  one declaration: what it would store next to what the registry
//                                holds, approve or return it with a comment, its history and links
// Sending a registered partner its link is on the partner's page (pages/partners.ts).
import type { Router } from 'express';
import {
  getDeclaration,
  listDeclarations,
  type DeclarationDetail,
} from '../../partner-declarations/partner-declarations';
import { awaitsReview, type ResponseStatusOrNew } from '../../responses/response-status';
import { contactLanguages } from '../../partners/partner-vocabulary';
import type { PartnerInput } from '../../partners/partner.schemas';
import { AppError } from '../../http/problem';
import { mayAct, pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead, type Markup } from '../html';
import { formatDateTime, type Locale, type Text } from '../i18n';
import { consolePage, formOutput } from '../layout';

const t = {
  title: { en: 'Partner declarations', fr: 'Déclarations des partenaires', es: 'Declaraciones de los socios' },
  intro: {
    en: 'What partners declared through their links. Nothing counts in the registry until you approve it.',
    fr: 'Ce que les partenaires ont déclaré par leur lien. Rien ne compte dans le registre avant votre approbation.',
    es: 'Lo que los socios declararon mediante su enlace. Nada cuenta en el registro hasta que usted lo apruebe.',
  },
  caption: { en: 'Declarations', fr: 'Déclarations', es: 'Declaraciones' },
  organization: { en: 'Organization', fr: 'Organisation', es: 'Organización' },
  inRegistry: { en: 'In the registry', fr: 'Au registre', es: 'En el registro' },
  status: { en: 'State', fr: 'État', es: 'Estado' },
  updated: { en: 'Last change', fr: 'Dernière modification', es: 'Último cambio' },
  yes: { en: 'yes', fr: 'oui', es: 'sí' },
  no: { en: 'not yet', fr: 'pas encore', es: 'todavía no' },
  none: { en: 'No declarations yet.', fr: 'Aucune déclaration pour l’instant.', es: 'Todavía no hay declaraciones.' },
  invite: {
    en: 'Invite an organization not yet in the registry',
    fr: 'Inviter une organisation absente du registre',
    es: 'Invitar a una organización que no está en el registro',
  },
  inviteHint: {
    en: 'It receives a personal link by email, in the language chosen, to declare what it offers.',
    fr: 'Elle reçoit par courriel, dans la langue choisie, un lien personnel pour déclarer ce qu’elle propose.',
    es: 'Recibe por correo, en el idioma elegido, un enlace personal para declarar lo que ofrece.',
  },
  contactName: { en: 'Contact person', fr: 'Personne de contact', es: 'Persona de contacto' },
  email: { en: 'Email', fr: 'Courriel', es: 'Correo' },
  language: { en: 'Language of our emails', fr: 'Langue de nos courriels', es: 'Idioma de nuestros correos' },
  send: { en: 'Send the link', fr: 'Envoyer le lien', es: 'Enviar el enlace' },
  back: { en: 'All declarations', fr: 'Toutes les déclarations', es: 'Todas las declaraciones' },
  compare: { en: 'Declared and registered', fr: 'Déclaré et enregistré', es: 'Declarado y registrado' },
  field: { en: 'Field', fr: 'Champ', es: 'Campo' },
  declared: { en: 'Declared', fr: 'Déclaré', es: 'Declarado' },
  registered: { en: 'In the registry', fr: 'Au registre', es: 'En el registro' },
  changed: { en: 'changed', fr: 'modifié', es: 'cambiado' },
  notSubmitted: {
    en: 'The partner has not submitted its declaration yet.',
    fr: 'Le partenaire n’a pas encore soumis sa déclaration.',
    es: 'El socio todavía no ha enviado su declaración.',
  },
  approve: {
    en: 'Approve: the registry takes this offer',
    fr: 'Approuver : le registre reprend cette offre',
    es: 'Aprobar: el registro adopta esta oferta',
  },
  approveConfirm: {
    en: 'Replace the registry entry with this offer?',
    fr: 'Remplacer l’entrée du registre par cette offre ?',
    es: '¿Sustituir la entrada del registro por esta oferta?',
  },
  returnTitle: { en: 'Return with a comment', fr: 'Renvoyer avec un commentaire', es: 'Devolver con un comentario' },
  comment: {
    en: 'Comment for the partner (shown on its page)',
    fr: 'Commentaire pour le partenaire (affiché sur sa page)',
    es: 'Comentario para el socio (se muestra en su página)',
  },
  returnButton: { en: 'Return to the partner', fr: 'Renvoyer au partenaire', es: 'Devolver al socio' },
  history: { en: 'History', fr: 'Historique', es: 'Historial' },
  when: { en: 'When', fr: 'Quand', es: 'Cuándo' },
  step: { en: 'Step', fr: 'Étape', es: 'Paso' },
  who: { en: 'By', fr: 'Par', es: 'Por' },
  links: { en: 'Links sent', fr: 'Liens envoyés', es: 'Enlaces enviados' },
  sentTo: { en: 'Sent to', fr: 'Envoyé à', es: 'Enviado a' },
  sentAt: { en: 'Sent', fr: 'Envoyé', es: 'Enviado' },
  opened: { en: 'Opened', fr: 'Ouvert', es: 'Abierto' },
  linkState: { en: 'Link', fr: 'Lien', es: 'Enlace' },
  revoke: { en: 'Withdraw', fr: 'Retirer', es: 'Retirar' },
  revokeConfirm: {
    en: 'Withdraw this link? It stops working at once.',
    fr: 'Retirer ce lien ? Il cessera de fonctionner immédiatement.',
    es: '¿Retirar este enlace? Dejará de funcionar de inmediato.',
  },
  active: { en: 'active', fr: 'actif', es: 'activo' },
  revoked: { en: 'withdrawn', fr: 'retiré', es: 'retirado' },
  expired: { en: 'expired', fr: 'expiré', es: 'caducado' },
  partnerPage: { en: 'Registry entry', fr: 'Fiche du registre', es: 'Ficha del registro' },
} as const;

export const declarationStates: Record<ResponseStatusOrNew, Text> = {
  new: { en: 'not started', fr: 'pas commencée', es: 'sin empezar' },
  draft: { en: 'draft', fr: 'brouillon', es: 'borrador' },
  submitted: { en: 'awaiting review', fr: 'à examiner', es: 'por revisar' },
  resubmitted: {
    en: 'resubmitted, awaiting review',
    fr: 'soumise à nouveau, à examiner',
    es: 'reenviada, por revisar',
  },
  returned: { en: 'returned to the partner', fr: 'renvoyée au partenaire', es: 'devuelta al socio' },
  approved: { en: 'approved', fr: 'approuvée', es: 'aprobada' },
};

const steps: Record<string, Text> = {
  prefill: { en: 'started from the registry', fr: 'préremplie depuis le registre', es: 'iniciada desde el registro' },
  submit: { en: 'submitted', fr: 'soumise', es: 'enviada' },
  resubmit: { en: 'resubmitted', fr: 'soumise à nouveau', es: 'reenviada' },
  approve: { en: 'approved', fr: 'approuvée', es: 'aprobada' },
  return: { en: 'returned', fr: 'renvoyée', es: 'devuelta' },
};

const stateBadge = (status: ResponseStatusOrNew, l: Locale) =>
  html`<span class="state${awaitsReview(status) ? ' bad' : status === 'approved' ? ' good' : ''}"
    >${declarationStates[status][l]}</span
  >`;

/** The offer's fields as lines of text, to set the declared offer next to the registry's. */
function offerLines(o: PartnerInput | null | undefined): Record<string, string> {
  if (!o) return {};
  return {
    name: [o.name.en, o.name.fr, o.name.es].filter(Boolean).join(' / '),
    kind: o.kind,
    areas: o.areas.map((a) => a.area).join(', '),
    modalities: o.modalities.join(', '),
    where: [o.scope.global ? 'global' : '', ...(o.scope.regions ?? []), ...(o.scope.countries ?? [])]
      .filter(Boolean)
      .join('; '),
    languages: o.languages.join(', '),
    slots: String(o.slots.total),
    contacts: o.contacts.map((c) => `${c.name} <${c.email}> (${c.language})`).join('; '),
    notes: o.notes ?? '',
  };
}

function comparison(d: DeclarationDetail, l: Locale): Markup {
  if (!d.offer) return html`<p>${t.notSubmitted[l]}</p>`;
  const declared = offerLines(d.offer);
  const registered = offerLines(d.partner);
  return html`<table>
    ${tableHead(t.compare[l], [t.field[l], t.declared[l], t.registered[l]])}
    <tbody>
      ${Object.keys(declared).map((k) => {
        const changed = d.partner !== null && declared[k] !== registered[k];
        return html`<tr${changed ? html` class="changed"` : ''}>
          <th scope="row">${k}${changed ? html` <span class="state bad">${t.changed[l]}</span>` : ''}</th>
          <td>${declared[k]}</td>
          <td>${registered[k] ?? '—'}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

function decisionForms(d: DeclarationDetail, l: Locale): Markup {
  if (!awaitsReview(d.status)) return html``;
  const api = `/api/partner-declarations/${d.partnerId}`;
  return html`<section aria-labelledby="decide">
    <h2 id="decide">${t.approve[l]}</h2>
    <form
      method="post"
      data-api="POST ${api}/approve"
      data-then="reload"
      data-confirm="${t.approveConfirm[l]}"
      data-output="approve-output"
    >
      <input type="hidden" name="revision" data-type="number" value="${d.revision}" />
      <button type="submit">${t.approve[l]}</button>
    </form>
    ${formOutput('approve-output')}
    <h2 id="return">${t.returnTitle[l]}</h2>
    <form
      method="post"
      data-api="POST ${api}/return"
      data-then="reload"
      data-output="return-output"
      aria-labelledby="return"
    >
      <input type="hidden" name="revision" data-type="number" value="${d.revision}" />
      <label for="return-comment">${t.comment[l]}</label>
      <textarea id="return-comment" name="comment" rows="3" maxlength="4000" required></textarea>
      <p><button type="submit" class="secondary">${t.returnButton[l]}</button></p>
    </form>
    ${formOutput('return-output')}
  </section>`;
}

function linksTable(d: DeclarationDetail, l: Locale, act: boolean): Markup {
  if (!d.links.length) return html``;
  const now = Date.now();
  return html`<table>
    ${tableHead(t.links[l], [t.sentTo[l], t.sentAt[l], t.opened[l], t.linkState[l]])}
    <tbody>
      ${d.links.map((k) => {
        const state = k.revokedAt
          ? t.revoked[l]
          : k.expiresAt && new Date(k.expiresAt).getTime() < now
            ? t.expired[l]
            : t.active[l];
        const usable = !k.revokedAt && state === t.active[l];
        return html`<tr>
          <td>${k.sentTo ?? '—'} (${k.language})</td>
          <td>${formatDateTime(k.createdAt, l)}</td>
          <td>${formatDateTime(k.openedAt, l)}</td>
          <td>
            ${state}
            ${
              act && usable
                ? html`<form
                      method="post"
                      class="inline"
                      data-api="DELETE /api/partner-declarations/${d.partnerId}/links/${k.id}"
                      data-then="reload"
                      data-confirm="${t.revokeConfirm[l]}"
                      data-output="revoke-${k.id.slice(0, 12)}"
                    >
                      <button type="submit" class="secondary">${t.revoke[l]}</button>
                    </form>
                    ${formOutput(`revoke-${k.id.slice(0, 12)}`)}`
                : ''
            }
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

export function declarationsPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/declarations', requirePage(deps, 'viewer'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const list = await listDeclarations();
    const table = list.length
      ? html`<table id="declarations">
          ${tableHead(t.caption[l], [t.organization[l], t.status[l], t.inRegistry[l], t.updated[l]])}
          <tbody>
            ${list.map(
              (d) =>
                html`<tr>
                  <th scope="row"><a href="/console/declarations/${d.partnerId}">${d.name}</a></th>
                  <td>${stateBadge(d.status, l)}</td>
                  <td>${d.inRegistry ? t.yes[l] : t.no[l]}</td>
                  <td>${formatDateTime(d.updatedAt, l)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`
      : html`<p>${t.none[l]}</p>`;
    const invite = mayAct(ctx)
      ? html`<section aria-labelledby="invite">
          <h2 id="invite">${t.invite[l]}</h2>
          <p>${t.inviteHint[l]}</p>
          <form
            method="post"
            data-api="POST /api/partner-declarations/invitations"
            data-then="reload"
            data-output="invite-output"
          >
            <label for="invite-org">${t.organization[l]}</label
            ><input id="invite-org" name="organization" required maxlength="200" />
            <label for="invite-name">${t.contactName[l]}</label
            ><input id="invite-name" name="name" required maxlength="200" />
            <label for="invite-email">${t.email[l]}</label
            ><input id="invite-email" name="email" type="email" required maxlength="254" />
            <label for="invite-language">${t.language[l]}</label>
            <select id="invite-language" name="language">
              ${contactLanguages.map((code) => html`<option${code === l ? html` selected` : ''}>${code}</option>`)}
            </select>
            <p><button type="submit">${t.send[l]}</button></p>
          </form>
          ${formOutput('invite-output')}
        </section>`
      : '';
    sendPage(
      res,
      consolePage(
        ctx,
        t.title[l],
        html`<p>${t.intro[l]}</p>
          ${table}${invite}`,
      ),
    );
  });

  router.get('/console/declarations/:id', requirePage(deps, 'viewer'), async (req, res) => {
    const id = String(req.params.id);
    if (!/^[0-9a-f]{24}$/.test(id)) throw new AppError('notFound', 'No such declaration');
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const d = await getDeclaration(id);
    const name = d.partner?.name[l] ?? d.partner?.name.en ?? d.invitee?.organization ?? id;
    const act = mayAct(ctx);
    const body = html`<p>
        <a href="/console/declarations">${t.back[l]}</a>
        ${d.partner ? html` · <a href="/console/partners/${d.partnerId}">${t.partnerPage[l]}</a>` : ''}
      </p>
      <p>${t.status[l]}: ${stateBadge(d.status, l)}</p>
      ${comparison(d, l)} ${act ? decisionForms(d, l) : ''}
      <h2>${t.history[l]}</h2>
      ${
        d.history.length
          ? html`<table>
              ${tableHead(t.history[l], [t.when[l], t.step[l], t.who[l]])}
              <tbody>
                ${[...d.history].reverse().map(
                  (e) =>
                    html`<tr>
                      <td>${formatDateTime(e.at, l)}</td>
                      <td>
                        ${steps[e.action]?.[l] ?? e.action}${e.comment ? html`<blockquote>${e.comment}</blockquote>` : ''}
                      </td>
                      <td>${e.by.kind === 'account' ? e.by.id : t.linkState[l]}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>—</p>`
      }
      ${linksTable(d, l, act)}`;
    sendPage(res, consolePage({ ...ctx, path: '/console/declarations' }, `${t.title[l]}: ${name}`, body));
  });
}
