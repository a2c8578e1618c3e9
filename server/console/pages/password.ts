// GET /console/password — change one's own password (→ PUT /api/session/password).
import type { Router } from 'express';
import { pageContext, requirePage, sendPage, type ConsoleDeps } from '../console-context';
import { html } from '../html';
import { common, consolePage, formOutput } from '../layout';

const t = {
  current: { en: 'Current password', fr: 'Mot de passe actuel', es: 'Contraseña actual' },
  next: { en: 'New password', fr: 'Nouveau mot de passe', es: 'Nueva contraseña' },
  hint: {
    en: 'At least 12 characters and hard to guess: a few unrelated words work well.',
    fr: 'Au moins 12 caractères, difficile à deviner : quelques mots sans rapport entre eux conviennent bien.',
    es: 'Al menos 12 caracteres y difícil de adivinar: unas palabras sin relación entre sí funcionan bien.',
  },
  done: {
    en: 'Your password was changed.',
    fr: 'Votre mot de passe a été changé.',
    es: 'Su contraseña se ha cambiado.',
  },
} as const;

export function passwordPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console/password', requirePage(deps, 'viewer'), (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const done = req.query.changed === '1';
    const body = html` ${done ? html`<p class="notice" role="status">${t.done[l]}</p>` : ''}
      <form
        method="post"
        data-api="PUT /api/session/password"
        data-then="/console/password?changed=1"
        data-output="password-output"
      >
        <label for="current">${t.current[l]}</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <label for="new">${t.next[l]}</label>
        <input
          id="new"
          name="new"
          type="password"
          autocomplete="new-password"
          minlength="12"
          required
          aria-describedby="new-hint"
        />
        <p id="new-hint">${t.hint[l]}</p>
        <p><button type="submit">${common.save[l]}</button></p>
      </form>
      ${formOutput('password-output')}`;
    sendPage(res, consolePage(ctx, common.changePassword[l], body));
  });
}
