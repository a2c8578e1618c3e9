// A focal point of Niger answers the whole capacity questionnaire in French, in Chromium, with
// the keyboard alone (Tab, Shift+Tab, Space, Enter, arrows, typing): every answer and every page
// change below is a key press, never a click or a value set by script. The page is also checked
// with axe-core, and the submitted response is read back from the database.
import type { Browser, Page } from 'playwright-core';
import { findLatestResponse } from '../../server/responses/country-response-store';
import { launchBrowser } from '../helpers/browser';
import { createTestRound, type TestRound } from '../helpers/rounds';
import { setupTestApp } from '../helpers/test-app';

const getApp = setupTestApp();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// ---- the answers to give ---------------------------------------------------------------------

type Level = 0 | 1 | 2 | 3 | 4 | 'na' | 'dk';
interface AreaPlan {
  /** One level per indicator, in page order (a1_1, a1_2, …). */
  levels: Level[];
  /** Evidence typed under some indicators: indicator number → text. */
  evidence?: Record<number, string>;
  importance: 1 | 2 | 3 | 4 | 5;
  target: 1 | 2 | 3 | 4;
  share: 'yes' | 'maybe' | 'no';
  /** Answer this indicator with `first`, then come back with Shift+Tab at the end and change it. */
  changeOfMind?: { indicator: number; first: Level };
}

// Varied on purpose: every level, "Sans objet" (na) and "Ne sait pas" (dk), evidence with accents
// and typographic quotes, every importance and target, and one answer changed afterwards.
const plan: Record<string, AreaPlan> = {
  a1: {
    levels: [2, 'dk', 3, 0, 4],
    evidence: { 1: 'Recensement général de la population 2012, INS', 4: 'https://www.stat-niger.org/enquete-emploi' },
    importance: 5,
    target: 3,
    share: 'yes',
  },
  a2: { levels: [1, 1, 'na', 2], importance: 4, target: 2, share: 'maybe' },
  a3: {
    levels: [0, 2, 2, 'dk', 1],
    evidence: { 2: 'Plan de développement économique et social 2022-2026, chap. 4' },
    importance: 3,
    target: 4,
    share: 'no',
  },
  a4: { levels: [3, 3, 4, 2], importance: 2, target: 4, share: 'yes', changeOfMind: { indicator: 2, first: 'dk' } },
  a5: { levels: ['na', 'na', 1, 0], importance: 1, target: 1, share: 'no' },
  a6: {
    levels: [2, 'dk', 0, 3],
    evidence: { 3: 'Accord bilatéral de main-d’œuvre — décret n° 2019-12' },
    importance: 4,
    target: 3,
    share: 'maybe',
  },
  a7: { levels: [4, 2, 1, 'dk'], importance: 5, target: 4, share: 'yes' },
  a8: { levels: [1, 'na', 2, 2], importance: 3, target: 2, share: 'maybe' },
  a9: {
    levels: [0, 1, 'dk'],
    evidence: { 1: 'Stratégie nationale de réduction des risques de catastrophe, 2020' },
    importance: 2,
    target: 3,
    share: 'no',
  },
  a10: { levels: [3, 'na', 4], importance: 4, target: 4, share: 'yes' },
};

/** The answers the server must store: exactly what was chosen above, nothing else. */
function expectedAnswers(): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [area, p] of Object.entries(plan)) {
    p.levels.forEach((level, i) => (answers[`${area}_${i + 1}`] = level));
    for (const [n, text] of Object.entries(p.evidence ?? {})) answers[`${area}_${n}_evidence`] = text;
    answers[`${area}_importance`] = p.importance;
    answers[`${area}_target`] = p.target;
    answers[`${area}_share`] = p.share;
  }
  return answers;
}

// ---- keyboard helpers ------------------------------------------------------------------------

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`. Reading the focus is
 * how a sighted keyboard user "looks" at the page; only the key presses act on it.
 */
async function tabTo(page: Page, selector: string, { backwards = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i <= max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(
    `${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached ${selector}; focus is on ${await describeFocus(page)}`,
  );
}

function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return 'nothing';
    const question = el.closest('[data-name]')?.getAttribute('data-name');
    return `<${el.tagName.toLowerCase()} type=${el.type} value=${el.value}>${question ? ` in question ${question}` : ''}`;
  });
}

const inQuestion = (name: string, inner = 'input') => `[data-name="${name}"] ${inner}`;

/** The value of the focused element (a radio button's value, a text field's content). */
const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement).value);

/**
 * Chooses an option of a radio group (indicator, rating, share) as a keyboard user does: Tab
 * into the group (focus lands on the first option, or on the checked one), then Space to check
 * the focused option, or the arrows, which move to the next/previous option and check it. The
 * arrows wrap around, so "Ne sait pas" and "Sans objet" at the end are reached backwards.
 */
async function chooseOption(
  page: Page,
  question: string,
  value: string | number,
  { backwards = false } = {},
): Promise<void> {
  await tabTo(page, inQuestion(question, 'input[type="radio"]'), { backwards });
  const values = await page.$$eval(inQuestion(question, 'input[type="radio"]'), (inputs) =>
    inputs.map((i) => (i as HTMLInputElement).value),
  );
  const from = values.indexOf(await focusedValue(page));
  const to = values.indexOf(String(value));
  if (to < 0) throw new Error(`${question} has no option ${value} (options: ${values.join(', ')})`);
  const forward = (to - from + values.length) % values.length;
  const backward = values.length - forward;
  if (forward === 0) await page.keyboard.press('Space');
  else if (forward <= backward) for (let i = 0; i < forward; i++) await page.keyboard.press('ArrowDown');
  else for (let i = 0; i < backward; i++) await page.keyboard.press('ArrowUp');
  expect(await page.$eval(inQuestion(question, 'input:checked'), (i) => (i as HTMLInputElement).value)).toBe(
    String(value),
  );
}

async function typeEvidence(page: Page, question: string, text: string): Promise<void> {
  await tabTo(page, inQuestion(question, 'input[type="text"]'));
  await page.keyboard.type(text);
  expect(await focusedValue(page)).toBe(text);
}

/**
 * SurveyJS's dropdown is a combobox (a text input) with a popup list of its own. Two keyboard
 * ways work: type to filter the list and press Enter on the highlighted option, or ArrowDown to
 * open the list, arrows to move the highlight, Enter to choose. Both are used. When the question
 * already has a value (its default), the input holds that value's text and typing appends to it,
 * so the "type" way first selects that text with Ctrl+A, as a user would.
 */
async function chooseInDropdown(
  page: Page,
  question: string,
  optionText: string,
  how: 'type' | 'arrows',
): Promise<void> {
  await tabTo(page, inQuestion(question, 'input[role="combobox"]'));
  // The list is rendered in a popup outside the question; the combobox names it (aria-controls).
  const listId = await page.evaluate(() => document.activeElement!.getAttribute('aria-controls'));
  const highlightSelector = `[id="${listId}"] .sv-list__item--focused`;
  const highlighted = () =>
    page.evaluate((sel) => document.querySelector(sel)?.textContent?.trim() ?? '', highlightSelector);
  /** The list re-renders a moment after a key press: wait until the highlight is (or is no longer) `text`. */
  const waitForHighlight = (text: string, not = false, timeout = 15_000) =>
    page.waitForFunction(
      ([sel, t, n]) => ((document.querySelector(sel)?.textContent?.trim() ?? '') === t) !== n,
      [highlightSelector, text, not] as const,
      { timeout }, // generous by default: CI machines are busy
    );

  if (how === 'type') {
    // Keys typed while the combobox is still settling after Tab can be dropped, leaving a filter
    // that matches nothing: select what is there and type again, as a user would.
    for (let tries = 0; ; tries++) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(optionText.slice(0, 5));
      const shown = await waitForHighlight(optionText, false, 5_000).then(
        () => true,
        () => false,
      );
      if (shown) break;
      if (tries === 3) throw new Error(`typing never highlighted "${optionText}" in ${question}`);
    }
  } else {
    // ArrowDown opens the list, highlighting an option. A press that comes while the combobox is
    // still settling after Tab is dropped (aria-expanded stays false): press again, a few times.
    const combobox = inQuestion(question, 'input[role="combobox"]');
    for (let tries = 0; (await page.$eval(combobox, (i) => i.getAttribute('aria-expanded'))) !== 'true'; tries++) {
      if (tries === 5) throw new Error(`ArrowDown never opened the list of ${question}`);
      await page.keyboard.press('ArrowDown');
      await page
        .waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-expanded') === 'true', combobox, {
          timeout: 2_000,
        })
        .catch(() => undefined);
    }
    // Each press moves the highlight a moment later; a press dropped while the list settles
    // leaves it where it was: the loop then simply presses again.
    await waitForHighlight('', true).catch(() => undefined);
    for (let i = 0; i < 12; i++) {
      const before = await highlighted();
      if (before === optionText) break;
      await page.keyboard.press('ArrowDown');
      await waitForHighlight(before, true, 5_000).catch(() => undefined);
    }
  }
  await waitForHighlight(optionText);
  await page.keyboard.press('Enter');
  expect(await focusedValue(page)).toBe(optionText);
  expect(await page.$eval(inQuestion(question, 'input[role="combobox"]'), (i) => i.getAttribute('aria-expanded'))).toBe(
    'false',
  );
}

/** Presses a navigation button ("Suivant", "Terminer") with the keyboard. */
async function pressButton(page: Page, label: string): Promise<void> {
  await tabTo(page, `input[type="button"][value="${label}"]`);
  await page.keyboard.press('Enter');
}

const targetText: Record<AreaPlan['target'], string> = {
  1: '1 — Prévu ou ponctuel',
  2: '2 — Partiellement en place',
  3: '3 — En place et appliqué',
  4: '4 — Institutionnalisé (doté de moyens, suivi, évalué)',
};

async function answerArea(page: Page, area: string, p: AreaPlan, areaIndex: number): Promise<void> {
  for (const [i, level] of p.levels.entries()) {
    const changed = p.changeOfMind?.indicator === i + 1;
    await chooseOption(page, `${area}_${i + 1}`, changed ? p.changeOfMind!.first : level);
    const evidence = p.evidence?.[i + 1];
    if (evidence) await typeEvidence(page, `${area}_${i + 1}_evidence`, evidence);
  }
  await chooseOption(page, `${area}_importance`, p.importance);
  await chooseInDropdown(page, `${area}_target`, targetText[p.target], areaIndex % 2 === 0 ? 'type' : 'arrows');
  await chooseOption(page, `${area}_share`, p.share);
  if (p.changeOfMind) {
    const n = p.changeOfMind.indicator;
    await chooseOption(page, `${area}_${n}`, p.levels[n - 1], { backwards: true });
  }
}

// ---- axe-core --------------------------------------------------------------------------------

/** Runs axe-core in the page; fails on critical or serious violations, listing them. */
async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: any[] }> } }).axe.run();
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string,
      targets: v.nodes.map((n: { target: string[] }) => n.target.join(' ')) as string[],
    }));
  });
  const serious = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.targets.slice(0, 5).join(' | ')}${v.targets.length > 5 ? ` … ${v.targets.length} in all` : ''}`,
  );
  expect({ where, violations: report }).toEqual({ where, violations: [] });
}

// ---- the test --------------------------------------------------------------------------------

describe('When a focal point of Niger answers the capacity questionnaire in French with the keyboard alone', () => {
  let round: TestRound;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    round = await createTestRound('capacity');
    // axe-core is injected as an inline script, which the page's Content-Security-Policy
    // (script-src 'self') rightly blocks: bypass it for this test only.
    const context = await browser.newContext({ bypassCSP: true });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('then the page is in French, every answer can be given and submitted, the database holds exactly those answers, and axe finds no serious problem', async () => {
    await page.goto(`${getApp().baseUrl}/respond/${round.niger}`);
    await page.waitForSelector('body[data-ready="true"]');

    // French, from the invitation's language.
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('#language-label')).toBe('Langue');
    await page.getByText('À propos de ce questionnaire').waitFor();
    await page
      .getByText('Questionnaire sur les capacités en matière de données et de gouvernance des migrations')
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'intro page');

    await pressButton(page, 'Suivant');
    const areas = Object.entries(plan);
    for (const [index, [area, p]] of areas.entries()) {
      await page.locator(`[data-name="${area}_1"]`).waitFor();
      if (area === 'a1') await expectNoSeriousAxeViolations(page, 'area page A1, before answering');
      await answerArea(page, area, p, index);
      if (area === 'a6') await expectNoSeriousAxeViolations(page, 'area page A6, answered');
      await pressButton(page, 'Suivant');
    }

    await page.getByText('Vérification et envoi').waitFor();
    await expectNoSeriousAxeViolations(page, 'review page');
    // Pressed at once, while the draft save of the last page change may still be under way:
    // the page waits for it, then submits on the latest revision.
    await pressButton(page, 'Terminer');

    await page.waitForSelector('body[data-response-status="submitted"]', { timeout: 15_000 }).catch(async (err) => {
      throw new Error(`not submitted; status line: "${await page.textContent('#status')}" (${err.message})`);
    });
    expect(await page.textContent('#status')).toBe('Merci. Vos réponses ont bien été reçues.');
    // The country's gap profile, computed by the server on submission, in French.
    expect(await page.textContent('#profile-title')).toBe('Profil des lacunes de capacités de votre pays');
    expect(await page.locator('#profile tbody tr').count()).toBe(10);
    expect(await page.locator('#profile thead th').allTextContents()).toEqual([
      'Domaine',
      'Capacité',
      'Cible',
      'Écart',
      'Priorité',
      'Complétude',
      'Appréciation',
    ]);
    // The chart of the same numbers, with its text alternative in French.
    expect(await page.locator('#profile [role="img"] .profile-area').count()).toBe(10);
    expect(await page.locator('#profile [role="img"]').getAttribute('aria-label')).toMatch(
      /^Capacité et cible par domaine/,
    );

    const stored = await findLatestResponse(round.roundId, 'NER');
    expect(stored).toMatchObject({ status: 'submitted', locale: 'fr', country: 'NER', formId: 'capacity' });
    expect(stored!.answers).toEqual(expectedAnswers());

    // The read-only summary shown after submission.
    await expectNoSeriousAxeViolations(page, 'read-only summary after submission');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
