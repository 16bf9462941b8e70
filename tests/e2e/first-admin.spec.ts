import { expectNoA11yViolations } from './support/axe';
import { E2E } from './support/constants';
import { expect, test } from './support/fixtures';

test('@admin the first administrator signs in, sees Administration and finds the sign-in in the audit log', async ({
  page,
}) => {
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });

  await test.step('sign in with the password given in the environment', async () => {
    await page.goto('/');
    await expect(nav.getByRole('link', { name: 'Administración' })).toHaveCount(0);
    await nav.getByRole('link', { name: 'Iniciar sesión' }).click();
    await expectNoA11yViolations(page);
    await page.getByLabel('Correo electrónico').fill(E2E.admin.email);
    await page.getByLabel('Contraseña').fill(E2E.admin.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(`Sesión iniciada como ${E2E.admin.email}.`)).toBeVisible();
    await expectNoA11yViolations(page);
  });

  await test.step('Administration, then the audit log', async () => {
    await nav.getByRole('link', { name: 'Administración' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Administración' })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: 'Registro de auditoría' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Registro de auditoría' }),
    ).toBeVisible();
    const signIn = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'auth.sign_in', exact: true }) })
      .filter({ hasText: E2E.admin.email });
    await expect(signIn.first()).toBeVisible();
    await expect(signIn.first().getByRole('cell', { name: '127.0.0.1' })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  await test.step('filter the log by action, then read it in English', async () => {
    await page.getByLabel('Filtrar por acción').fill('auth.sign_in');
    await page.getByLabel('Filtrar por acción').press('Enter');
    await expect(page).toHaveURL(/action=auth\.sign_in/);
    const actions = page.getByRole('row').getByRole('cell').locator('code');
    await expect(actions.first()).toHaveText(/^auth\.sign_in/);
    for (const action of await actions.allInnerTexts()) expect(action).toMatch(/^auth\.sign_in/);
    await expectNoA11yViolations(page);

    await nav.getByRole('link', { name: 'Read this page in English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByLabel('Filter by action')).toHaveValue('auth.sign_in');
    await expectNoA11yViolations(page);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
