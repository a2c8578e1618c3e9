// GET /console/accounts (admin) — organizer accounts: create (→ POST /api/accounts), change a
// role or disable/enable (→ PATCH /api/accounts/:id). One's own account has no actions here.
import type { Router } from 'express';
import { listAccounts } from '../../auth/accounts';
import { roles } from '../../auth/roles';
import { pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html, tableHead } from '../html';
import { common, consolePage, formOutput } from '../layout';

const t = {
  title: { en: 'Accounts', fr: 'Comptes', es: 'Cuentas' },
  caption: { en: 'Organizer accounts', fr: 'Comptes des organisateurs', es: 'Cuentas de organizadores' },
  name: { en: 'Name', fr: 'Nom', es: 'Nombre' },
  email: { en: 'Email', fr: 'Courriel', es: 'Correo' },
  role: { en: 'Role', fr: 'Rôle', es: 'Función' },
  status: { en: 'Status', fr: 'État', es: 'Estado' },
  active: { en: 'active', fr: 'actif', es: 'activa' },
  disabled: { en: 'disabled', fr: 'désactivé', es: 'desactivada' },
  actions: { en: 'Actions', fr: 'Actions', es: 'Acciones' },
  you: { en: 'your account', fr: 'votre compte', es: 'su cuenta' },
  setRole: { en: 'Change role', fr: 'Changer le rôle', es: 'Cambiar la función' },
  disable: { en: 'Disable', fr: 'Désactiver', es: 'Desactivar' },
  enable: { en: 'Enable', fr: 'Réactiver', es: 'Reactivar' },
  disableConfirm: {
    en: 'Disable this account? Its sessions end at once.',
    fr: 'Désactiver ce compte ? Ses sessions prennent fin immédiatement.',
    es: '¿Desactivar esta cuenta? Sus sesiones terminan de inmediato.',
  },
  create: { en: 'Create an account', fr: 'Créer un compte', es: 'Crear una cuenta' },
  password: {
    en: 'Initial password (at least 12 characters, hard to guess)',
    fr: 'Mot de passe initial (au moins 12 caractères, difficile à deviner)',
    es: 'Contraseña inicial (al menos 12 caracteres, difícil de adivinar)',
  },
  createButton: { en: 'Create the account', fr: 'Créer le compte', es: 'Crear la cuenta' },
} as const;

export function accountsPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/accounts', requirePage(deps, 'admin'), async (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const accounts = await listAccounts();
    const roleName = (r: (typeof roles)[number]) => common.roles[r][l];
    const body = html`<table id="accounts">
        ${tableHead(t.caption[l], [t.name[l], t.email[l], t.role[l], t.status[l], t.actions[l]])}
        <tbody>
          ${accounts.map((a) => {
            const disabled = (a as { disabled?: boolean }).disabled === true;
            const actions =
              a.id === ctx.account!.id
                ? html`${t.you[l]}`
                : html`<div class="actions">
                      <form
                        class="inline"
                        method="post"
                        data-api="PATCH /api/accounts/${a.id}"
                        data-then="reload"
                        data-output="out-${a.id}"
                      >
                        <label for="role-${a.id}">${t.role[l]}: ${a.name}</label
                        ><select id="role-${a.id}" name="role">
                          ${roles.map((r) => html`<option value="${r}" ${r === a.role ? html` selected` : ''}>${roleName(r)}</option>`)}
                        </select>
                        <button type="submit" class="secondary">${t.setRole[l]}</button>
                      </form>
                      <form
                        class="inline"
                        method="post"
                        data-api="PATCH /api/accounts/${a.id}"
                        data-then="reload"
                        data-output="out-${a.id}"
                        ${disabled ? '' : html` data-confirm="${t.disableConfirm[l]}"`}
                      >
                        <input type="hidden" name="disabled" value="${disabled ? 'false' : 'true'}" data-type="json" />
                        <button
                          type="submit"
                          class="secondary"
                          aria-label="${disabled ? t.enable[l] : t.disable[l]}: ${a.name}"
                        >
                          ${disabled ? t.enable[l] : t.disable[l]}
                        </button>
                      </form>
                    </div>
                    ${formOutput(`out-${a.id}`)}`;
            return html`<tr>
              <th scope="row">${a.name}</th>
              <td>${a.email}</td>
              <td>${roleName(a.role)}</td>
              <td>${disabled ? t.disabled[l] : t.active[l]}</td>
              <td>${actions}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <section aria-labelledby="create">
        <h2 id="create">${t.create[l]}</h2>
        <form method="post" data-api="POST /api/accounts" data-then="reload" data-output="create-output">
          <label for="a-name">${t.name[l]}</label><input id="a-name" name="name" required maxlength="200" />
          <label for="a-email">${t.email[l]}</label
          ><input id="a-email" name="email" type="email" required maxlength="254" />
          <label for="a-role">${t.role[l]}</label
          ><select id="a-role" name="role">
            ${roles.map((r) => html`<option value="${r}" ${r === 'viewer' ? html` selected` : ''}>${roleName(r)}</option>`)}
          </select>
          <label for="a-password">${t.password[l]}</label
          ><input id="a-password" name="password" type="password" autocomplete="new-password" minlength="12" required />
          <p><button type="submit">${t.createButton[l]}</button></p>
        </form>
        ${formOutput('create-output')}
      </section>`;
    sendPage(res, consolePage(ctx, t.title[l], body));
  });
}
