import { expectNoA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test('@errors the 404 page in Spanish and in English: right language, accessible, a way home', async ({
  page,
}) => {
  await test.step('in Spanish', async () => {
    const response = await page.goto('/no-existe');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page).toHaveTitle(/^Página no encontrada/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Página no encontrada' }),
    ).toBeVisible();
    await expect(
      page.getByRole('main').getByRole('link', { name: 'Volver al inicio' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });

  await test.step('in English, through the language link', async () => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/no-existe?lang=en')),
      page.getByRole('link', { name: 'Read this page in English' }).click(),
    ]);
    expect(response.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle(/^Page not found/);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  await test.step('English is remembered on the next missing page, and the way home works', async () => {
    const response = await page.goto('/does-not-exist');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('main').getByRole('link', { name: 'Back to the home page' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoA11yViolations(page);
  });
});
