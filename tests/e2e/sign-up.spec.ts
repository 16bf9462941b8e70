import { expectNoA11yViolations } from './support/axe';
import { control, expect, linkIn, test, uniqueEmail } from './support/fixtures';

test('@accounts sign up, confirm the e-mail read in the admin outbox, sign in, switch to English, sign out', async ({
  page,
  adminPage,
}) => {
  const email = uniqueEmail('nueva');
  const password = 'una frase larga y segura';

  await test.step('sign up in Spanish', async () => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expectNoA11yViolations(page);
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Crear cuenta' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Crear una cuenta' })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByLabel('Nombre').fill('Sofía Prueba');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill(password);
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await expect(page.getByRole('heading', { name: 'Revisa tu correo' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(email);
    await expectNoA11yViolations(page);
  });

  const link = await test.step('an administrator reads the e-mail in the outbox', async () => {
    await adminPage.getByRole('link', { name: 'Administración' }).click();
    await adminPage.getByRole('link', { name: 'Correo saliente' }).click();
    await expect(
      adminPage.getByRole('heading', { level: 1, name: 'Correo saliente' }),
    ).toBeVisible();
    await expectNoA11yViolations(adminPage);
    await adminPage.getByRole('row').filter({ hasText: email }).first().getByRole('link').click();
    await expect(adminPage.locator('pre.mail-text')).toBeVisible();
    await expectNoA11yViolations(adminPage);
    const text = await adminPage.locator('pre.mail-text').innerText();
    // The same message page, read by an English-speaking administrator.
    await adminPage.getByRole('link', { name: 'Read this page in English' }).click();
    await expect(adminPage.locator('html')).toHaveAttribute('lang', 'en');
    await expect(adminPage.getByRole('link', { name: 'Back to outgoing mail' })).toBeVisible();
    await expectNoA11yViolations(adminPage);
    return linkIn(text, '/verify-email');
  });

  await test.step('open the link and sign in', async () => {
    await page.goto(link);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByText('Tu correo quedó confirmado')).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill(password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mi cuenta' })).toBeVisible();
    await expect(page.getByText(`Sesión iniciada como ${email}.`)).toBeVisible();
    await expectNoA11yViolations(page);
  });

  await test.step('switch to English; the choice is remembered on the next page', async () => {
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Read this page in English' })
      .click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
    await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: 'Open sessions' }).click();
    expect(new URL(page.url()).searchParams.has('lang')).toBe(false);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Open sessions' })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  await test.step('sign out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You signed out.')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Sign in' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });

  await control.deleteUser(email);
});
