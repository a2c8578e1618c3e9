// GET /console/sign-in — the sign-in form. The module posts it to POST /api/session (the same
// rate limit and cookie as the API) and then opens `next`, a console path only.
import type { Router } from 'express';
import { pageContext, sendPage, type ConsoleDeps } from '../console-context';
import { html } from '../html';
import { formOutput, publicPage } from '../layout';

const t = {
  title: { en: 'Sign in to the console', fr: 'Connexion à la console', es: 'Iniciar sesión en la consola' },
  email: { en: 'Email', fr: 'Courriel', es: 'Correo electrónico' },
  password: { en: 'Password', fr: 'Mot de passe', es: 'Contraseña' },
  submit: { en: 'Sign in', fr: 'Se connecter', es: 'Iniciar sesión' },
  focal: {
    en: 'Focal points do not sign in: use the link in your invitation email.',
    fr: 'Les points focaux ne se connectent pas : utilisez le lien de votre courriel d’invitation.',
    es: 'Los puntos focales no inician sesión: use el enlace de su correo de invitación.',
  },
} as const;

export function signInPage(router: Router, deps: ConsoleDeps): void {
  router.get('/console', (req, res) => res.redirect(303, req.session ? '/console/rounds' : '/console/sign-in'));
  router.get('/console/sign-in', (req, res) => {
    const ctx = pageContext(req, res, deps);
    const l = ctx.locale;
    const body = html` <form method="post" data-api="POST /api/session" data-then="next" data-output="sign-in-output">
        <label for="email">${t.email[l]}</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">${t.password[l]}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p><button type="submit">${t.submit[l]}</button></p>
      </form>
      ${formOutput('sign-in-output')}
      <p>${t.focal[l]}</p>`;
    sendPage(res, publicPage(ctx, t.title[l], body));
  });
}
