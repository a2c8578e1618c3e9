// GET /console/audit (admin) — the audit log, newest first, filtered by round, person, action
// and dates, a page at a time. A plain GET form: the filters are in the address, so a view can
// be bookmarked or shared; they go through the same query schema as GET /api/audit.
import type { Router } from 'express';
import { auditActions } from '../../audit/audit-actions';
import { auditQuerySchema, type AuditQuery } from '../../audit/audit.schemas';
import { listAudit } from '../../audit/list-audit';
import { listAccounts } from '../../auth/accounts';
import { compileSchema } from '../../http/ajv';
import { listRounds } from '../../rounds/find-round';
import { pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead } from '../html';
import { formatDateTime } from '../i18n';
import { consolePage } from '../layout';

const checkQuery = compileSchema<AuditQuery>(auditQuerySchema);

const t = {
  title: { en: 'Audit log', fr: 'Journal d’audit', es: 'Registro de auditoría' },
  filters: { en: 'Filters', fr: 'Filtres', es: 'Filtros' },
  round: { en: 'Round', fr: 'Cycle', es: 'Ronda' },
  person: { en: 'Person', fr: 'Personne', es: 'Persona' },
  action: { en: 'Action', fr: 'Action', es: 'Acción' },
  any: { en: 'any', fr: 'tous', es: 'cualquiera' },
  from: { en: 'From (day, UTC)', fr: 'Du (jour, UTC)', es: 'Desde (día, UTC)' },
  to: { en: 'Until (day, UTC, included)', fr: 'Au (jour, UTC, inclus)', es: 'Hasta (día, UTC, incluido)' },
  apply: { en: 'Show', fr: 'Afficher', es: 'Mostrar' },
  caption: {
    en: 'Entries, newest first',
    fr: 'Entrées, de la plus récente à la plus ancienne',
    es: 'Entradas, de la más reciente a la más antigua',
  },
  at: { en: 'When', fr: 'Quand', es: 'Cuándo' },
  actor: { en: 'Who', fr: 'Qui', es: 'Quién' },
  target: { en: 'Target', fr: 'Cible', es: 'Objetivo' },
  details: { en: 'Details', fr: 'Détails', es: 'Detalles' },
  address: { en: 'Address', fr: 'Adresse', es: 'Dirección' },
  none: { en: 'No entries match.', fr: 'Aucune entrée ne correspond.', es: 'Ninguna entrada coincide.' },
  bad: {
    en: 'These filters are not valid.',
    fr: 'Ces filtres ne sont pas valides.',
    es: 'Estos filtros no son válidos.',
  },
  older: { en: 'Older entries', fr: 'Entrées plus anciennes', es: 'Entradas más antiguas' },
} as const;

const day = (s: unknown) => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

export function auditPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/audit', requirePage(deps, 'admin'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const q = req.query as Record<string, string | undefined>;
    const from = day(q.from);
    const to = day(q.to);
    const query: Record<string, string> = Object.fromEntries(
      Object.entries({
        round: q.round,
        action: q.action,
        before: q.before,
        ...(q.actor ? { actorKind: 'account', actor: q.actor } : {}),
        ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
        ...(to ? { to: `${to}T23:59:59.999Z` } : {}),
      }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    );
    const valid = checkQuery(query);
    const [rounds, accounts] = await Promise.all([listRounds(), listAccounts()]);
    const page = valid
      ? await listAudit(
          {
            ...(query.round ? { roundId: query.round } : {}),
            ...(query.actor ? { actor: { kind: 'account', id: query.actor } } : {}),
            ...(query.action ? { action: query.action } : {}),
            ...(query.from ? { from: new Date(query.from) } : {}),
            ...(query.to ? { to: new Date(query.to) } : {}),
          },
          { ...(query.before ? { before: Number(query.before) } : {}), limit: 50 },
        )
      : undefined;
    const selected = (a: string | undefined, b: string) => (a === b ? html` selected` : '');
    const filters = html`<form method="get" action="/console/audit" class="actions" aria-label="${t.filters[l]}">
      <div>
        <label for="f-round">${t.round[l]}</label
        ><select id="f-round" name="round">
          <option value="">${t.any[l]}</option>
          ${rounds.map((r) => html`<option value="${String(r._id)}" ${selected(q.round, String(r._id))}>${r.name}</option>`)}
        </select>
      </div>
      <div>
        <label for="f-actor">${t.person[l]}</label
        ><select id="f-actor" name="actor">
          <option value="">${t.any[l]}</option>
          ${accounts.map((a) => html`<option value="${a.id}" ${selected(q.actor, a.id)}>${a.name} (${a.email})</option>`)}
        </select>
      </div>
      <div>
        <label for="f-action">${t.action[l]}</label
        ><select id="f-action" name="action">
          <option value="">${t.any[l]}</option>
          ${auditActions.map((a) => html`<option${selected(q.action, a)}>${a}</option>`)}
        </select>
      </div>
      <div>
        <label for="f-from">${t.from[l]}</label><input id="f-from" name="from" type="date" value="${from ?? ''}" />
      </div>
      <div><label for="f-to">${t.to[l]}</label><input id="f-to" name="to" type="date" value="${to ?? ''}" /></div>
      <div><button type="submit">${t.apply[l]}</button></div>
    </form>`;
    const roundNames = new Map(rounds.map((r) => [String(r._id), r.name]));
    const list = !page
      ? html`<p class="notice" role="alert">${t.bad[l]}</p>`
      : page.entries.length
        ? html`<table id="audit">
            ${tableHead(t.caption[l], ['#', t.at[l], t.actor[l], t.action[l], t.target[l], t.round[l], t.details[l], t.address[l]])}
            <tbody>
              ${page.entries.map(
                (e) =>
                  html`<tr>
                    <td>${e.seq}</td>
                    <td>${formatDateTime(e.at, l)}</td>
                    <td>${e.actor.label ?? `${e.actor.kind}:${e.actor.id}`}</td>
                    <td>${e.action}</td>
                    <td>${e.target ? (e.target.label ?? `${e.target.kind}:${e.target.id}`) : ''}</td>
                    <td>${e.roundId ? (roundNames.get(e.roundId) ?? e.roundId) : ''}</td>
                    <td>${e.details ? JSON.stringify(e.details) : ''}</td>
                    <td>${e.ip ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${t.none[l]}</p>`;
    const next = page?.before
      ? new URLSearchParams({
          ...Object.fromEntries(
            Object.entries(q).filter(
              (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'before' && e[0] !== 'lang',
            ),
          ),
          before: String(page.before),
        })
      : undefined;
    const pager = next
      ? html`<nav class="pager" aria-label="${t.caption[l]}">
          <a href="/console/audit?${next.toString()}">${t.older[l]}</a>
        </nav>`
      : '';
    sendPage(res, consolePage(ctx, t.title[l], html`${filters}${list}${pager}`));
  });
}
