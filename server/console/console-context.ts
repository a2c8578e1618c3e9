// What every console page handler needs: its dependencies, the page context of a request
// (language, account, CSRF token), the guard that sends visitors without a session to the
// sign-in page, and sending a page that no cache keeps (it names the signed-in person).
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { AppError } from '../http/problem';
import type { Config } from '../config';
import type { FormRegistry } from '../forms/form-registry';
import { roleAllows, type Role } from '../auth/roles';
import type { AssetStore } from '../respondent/assets';
import { html } from './html';
import { consoleLocale } from './i18n';
import { consolePage, type PageContext } from './layout';

export interface ConsoleDeps {
  config: Config;
  forms: FormRegistry;
  assets: AssetStore;
}

export function pageContext(req: Request, res: Response, deps: ConsoleDeps): PageContext {
  return {
    locale: consoleLocale(req, res),
    assets: deps.assets,
    path: req.path,
    account: req.session?.account,
    csrfToken: req.session?.csrfToken,
  };
}

export function sendPage(res: Response, page: string, status = 200): void {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(page);
}

const forbidden = {
  en: ['Not available to your role', 'Ask an administrator if you need this page.'],
  fr: ['Non disponible pour votre rôle', 'Demandez à un administrateur si vous avez besoin de cette page.'],
  es: ['No disponible para su función', 'Pida a un administrador si necesita esta página.'],
} as const;

/** Console pages: without a session, to sign-in (coming back here after); too weak a role, 403. */
export function requirePage(deps: ConsoleDeps, needed: Role): RequestHandler {
  return (req, res, next) => {
    if (!req.session) return res.redirect(303, `/console/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
    if (roleAllows(req.session.account.role, needed)) return next();
    const ctx = pageContext(req, res, deps);
    const [title, text] = forbidden[ctx.locale];
    sendPage(res, consolePage(ctx, title, html`<p>${text}</p>`), 403);
  };
}

/** Whether the signed-in account may act (organizer or more): viewers see pages without buttons. */
export const mayAct = (ctx: PageContext): boolean => !!ctx.account && roleAllows(ctx.account.role, 'organizer');

const notFound = {
  en: ['Not found', 'This page does not exist, or what it shows was removed.'],
  fr: ['Introuvable', 'Cette page n’existe pas, ou ce qu’elle montrait a été supprimé.'],
  es: ['No encontrado', 'Esta página no existe, o lo que mostraba se ha eliminado.'],
} as const;

/** An unknown round or partner in a console address: a page saying so, not the API's JSON. */
export function consoleNotFound(deps: ConsoleDeps): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (!(err instanceof AppError) || err.status !== 404 || !req.session) return next(err);
    const ctx = pageContext(req, res, deps);
    const [title, text] = notFound[ctx.locale];
    sendPage(res, consolePage(ctx, title, html`<p>${text}</p>`), 404);
  };
}
