// axe-core for the console's browser tests, injected through the DevTools protocol (not a
// script tag) so that the pages' Content-Security-Policy stays as served.
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations on the page, one line each (empty when none). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: any[] }> } }).axe.run();
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string,
      targets: v.nodes.map((n: { target: string[] }) => n.target.join(' ')) as string[],
    }));
  });
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${new URL(page.url()).pathname} ${v.id} (${v.impact}): ${v.targets.slice(0, 5).join(' | ')}`);
}
