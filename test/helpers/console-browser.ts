// What the console's browser tests do as a person would: sign in with the form (or carry an
// API session's cookie into a browser context), wait for the page's module, and move the focus
// with Tab alone to a control named by its accessible name.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testPassword, type Organizer } from './http';

/** The page's module has run: its forms call the API. */
export const ready = (page: Page) => page.waitForSelector('body[data-ready="true"]');

const signInLabels = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  fr: { email: 'Courriel', password: 'Mot de passe', submit: 'Se connecter' },
} as const;

/**
 * Opens `path` in a new page of `context`, which sends a visitor to the sign-in form, signs in
 * there with the labels of `lang`, and waits for `path` to open.
 */
export async function signIn(
  context: BrowserContext,
  baseUrl: string,
  who: { email: string },
  path: string,
  lang: keyof typeof signInLabels = 'en',
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  if (new URL(page.url()).pathname !== '/console/sign-in') throw new Error(`not sent to sign in: ${page.url()}`);
  await ready(page);
  const labels = signInLabels[lang];
  await page.getByLabel(labels.email).fill(who.email);
  await page.getByLabel(labels.password).fill(testPassword);
  const wanted = path.split('?')[0];
  await Promise.all([
    page.waitForURL((url) => url.pathname === wanted),
    page.getByRole('button', { name: labels.submit }).click(),
  ]);
  await ready(page);
  return page;
}

/** A browser context that carries the session of an organizer signed in through the API. */
export async function signedInContext(browser: Browser, baseUrl: string, who: Organizer): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const [name, value] = who.cookie.split('=');
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** The focused element's name as this page gives it: aria-label, else its text. */
export const focusedName = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e ? (e.getAttribute('aria-label') ?? e.textContent ?? '').trim() : '';
  });

/**
 * Presses Tab until the focused element matches `selector` (any element when omitted) and,
 * when given, `name` (its aria-label or text: equal to a string, or matching a pattern), as a
 * keyboard user would; returns the reached element's name.
 */
export async function tabTo(page: Page, selector: string, name?: string | RegExp): Promise<string> {
  for (let presses = 0; presses < 300; presses++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);
    if (!reached) continue;
    const focused = await focusedName(page);
    if (name === undefined || (typeof name === 'string' ? focused === name : name.test(focused))) return focused;
  }
  throw new Error(`Tab never reached ${selector}${name ? ` named ${name}` : ''}`);
}

/** Enter on the focused control of a form that reloads the page, then waits for the module. */
export async function pressEnterAndReload(page: Page): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await ready(page);
}
