import { expectNoA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test('@accounts sign-up with a bad e-mail keeps what was typed and explains beside the field, in Spanish and in English', async ({
  page,
}) => {
  const name = 'Gustavo Berganza';

  await test.step('in Spanish', async () => {
    await page.goto('/sign-up');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expectNoA11yViolations(page);
    await page.getByLabel('Nombre').fill(name);
    await page.getByLabel('Correo electrónico').fill('no-es-un-correo');
    await page.getByLabel('Contraseña').fill('una frase larga y segura');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();

    await expect(page.getByRole('alert')).toContainText('Revisa los campos marcados.');
    await expect(page.getByLabel('Nombre')).toHaveValue(name);
    const email = page.getByLabel('Correo electrónico');
    await expect(email).toHaveValue('no-es-un-correo');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(
      'Escribe una dirección de correo válida, por ejemplo nombre@ejemplo.org.',
    );
    await expect(
      page
        .locator('.field')
        .filter({ has: email })
        .getByText('Escribe una dirección de correo válida'),
    ).toBeVisible();
    await expect(page.getByLabel('Nombre')).not.toHaveAttribute('aria-invalid', 'true');
    // Passwords are never sent back in the page.
    await expect(page.getByLabel('Contraseña')).toHaveValue('');
    await expectNoA11yViolations(page);
  });

  await test.step('after switching to English', async () => {
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Read this page in English' })
      .click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('E-mail').fill('still-not-an-email');
    await page.getByLabel('Password').fill('a long enough phrase');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('alert')).toContainText('Please check the marked fields.');
    await expect(page.getByLabel('Name')).toHaveValue(name);
    const email = page.getByLabel('E-mail');
    await expect(email).toHaveValue('still-not-an-email');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(
      'Enter a valid e-mail address, for example name@example.org.',
    );
    await expect(
      page.locator('.field').filter({ has: email }).getByText('Enter a valid e-mail address'),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
