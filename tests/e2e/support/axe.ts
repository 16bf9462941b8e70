/**
 * The accessibility check every journey runs on every page it visits: axe-core with the WCAG 2.0
 * and 2.1 A/AA rules. Any violation fails the journey with one readable line per element.
 *
 * @example
 * await page.goto('/sign-in');
 * await expectNoA11yViolations(page);
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectNoA11yViolations(page: Page): Promise<void> {
  const path = new URL(page.url()).pathname + new URL(page.url()).search;
  const lang = await page.locator('html').getAttribute('lang');
  await test.step(`axe: ${path} (lang=${lang ?? 'missing'})`, async () => {
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const lines = results.violations.flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} [${v.impact ?? 'n/a'}] ${v.help} — ${n.target.join(' ')} — ${n.html.slice(0, 160)}` +
          (n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''),
      ),
    );
    if (lines.length > 0)
      await test.info().attach(`axe-${path}.json`, {
        body: JSON.stringify(results.violations, null, 2),
        contentType: 'application/json',
      });
    expect(lines, `axe (WCAG 2.1 A/AA) on ${page.url()} (lang=${lang})`).toEqual([]);
  });
}
