import type { Locator, Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';

/** Presses Tab until `target` has the focus, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 15) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${String(target)} not reached after ${max} Tab presses`);
}

test('@accounts keyboard: the skip link is the first Tab stop, and signing out and in works without a mouse', async ({
  signedInUser: { page, email, password },
}) => {
  await test.step('sign out with the keyboard', async () => {
    await expect(page).toHaveURL(/\/account$/);
    await expectNoA11yViolations(page);
    await tabTo(page, page.getByRole('button', { name: 'Cerrar sesión' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Cerraste la sesión.')).toBeVisible();
    await expectNoA11yViolations(page);
  });

  for (const [lang, skip] of [
    ['en', 'Skip to content'],
    ['es', 'Saltar al contenido'],
  ] as const) {
    await test.step(`the skip link comes first and moves the focus to the content (${lang})`, async () => {
      await page.goto(`/sign-in?lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoA11yViolations(page);
      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: skip });
      await expect(skipLink).toBeFocused();
      await expect(skipLink).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.locator('main')).toBeFocused();
      await expect(page).toHaveURL(/#main$/);
    });
  }

  await test.step('fill and submit the sign-in form with the keyboard only', async () => {
    // The focus is on <main> after the skip link: the next stop is the first field of the form.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Correo electrónico')).toBeFocused();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Contraseña')).toBeFocused();
    await page.keyboard.type(password);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Entrar' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(`Sesión iniciada como ${email}.`)).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
