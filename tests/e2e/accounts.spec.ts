import { randomUUID } from 'node:crypto';
import { expectNoA11yViolations } from './support/axe';
import { E2E } from './support/constants';
import { control, expect, signIn, test } from './support/fixtures';

test('@accounts sign up, verify through the outbox, sign in, switch to English, sign out', async ({
  page,
  browser,
}) => {
  const email = `nueva-${randomUUID().slice(0, 8)}@example.org`;
  const password = 'una frase larga y segura';

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Crear cuenta' }).first().click();
  await expectNoA11yViolations(page);
  await page.getByLabel('Nombre').fill('Sofía Prueba');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page.getByRole('heading', { name: 'Revisa tu correo' })).toBeVisible();
  await expectNoA11yViolations(page);

  // The administrator reads the verification e-mail in the outbox page.
  const adminContext = await browser.newContext({ locale: 'es-GT' });
  const admin = await adminContext.newPage();
  await signIn(admin, E2E.admin.email, E2E.admin.password);
  await admin.goto('/admin/outbox');
  await expectNoA11yViolations(admin);
  await admin
    .getByRole('row', { name: new RegExp(email) })
    .getByRole('link')
    .click();
  await expectNoA11yViolations(admin);
  const text = await admin.locator('pre.mail-text').innerText();
  const link = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(text)?.[0];
  expect(link).toBeTruthy();
  await adminContext.close();

  await page.goto(link!);
  await expect(page.getByText('Tu correo quedó confirmado')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Open sessions' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You signed out.')).toBeVisible();
  await expectNoA11yViolations(page);
  await control.deleteUser(email);
});

test('@accounts the first administrator signs in and finds the sign-in in the audit log', async ({
  page,
}) => {
  await signIn(page, E2E.admin.email, E2E.admin.password);
  await page.getByRole('link', { name: 'Administración' }).click();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Registro de auditoría' }).click();
  await expect(
    page.getByRole('cell', { name: 'auth.sign_in', exact: false }).first(),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto('/admin/audit?lang=en');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expectNoA11yViolations(page);
});

test('@accounts forgotten password: a mismatch is explained, then the new password works', async ({
  page,
}) => {
  const email = `olvido-${randomUUID().slice(0, 8)}@example.org`;
  await control.createUser({ email, password: 'the old passphrase', name: 'Olvido' });
  await page.goto('/sign-in');
  await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
  await expectNoA11yViolations(page);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByRole('button', { name: 'Enviar enlace' }).click();
  await expect(page.getByText('te enviamos un enlace')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.goto(await control.linkFromMail(email));
  await expectNoA11yViolations(page);
  await page.getByLabel('Contraseña nueva').fill('a brand new passphrase');
  await page.getByLabel('Repite la contraseña').fill('something else entirely');
  await page.getByRole('button', { name: 'Guardar contraseña' }).click();
  await expect(page.getByText('Las contraseñas no coinciden.')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel('Contraseña nueva').fill('a brand new passphrase');
  await page.getByLabel('Repite la contraseña').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Guardar contraseña' }).click();
  await expect(page.getByText('Guardamos tu nueva contraseña')).toBeVisible();

  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await control.deleteUser(email);
});

test('@accounts a form with a bad e-mail keeps what was typed and explains, in both languages', async ({
  page,
}) => {
  await page.goto('/sign-up');
  await page.getByLabel('Nombre').fill('Gustavo Berganza');
  await page.getByLabel('Correo electrónico').fill('no-es-un-correo');
  await page.getByLabel('Contraseña').fill('una frase larga y segura');
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page.getByLabel('Nombre')).toHaveValue('Gustavo Berganza');
  await expect(page.getByText('Escribe una dirección de correo válida')).toBeVisible();
  await expect(page.getByLabel('Correo electrónico')).toHaveAttribute('aria-invalid', 'true');
  await expectNoA11yViolations(page);

  await page.goto('/sign-up?lang=en');
  await page.getByLabel('Name').fill('Gustavo Berganza');
  await page.getByLabel('E-mail').fill('still-not-an-email');
  await page.getByLabel('Password').fill('a long enough phrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue('Gustavo Berganza');
  await expectNoA11yViolations(page);
  await page.goto('/?lang=es');
});

test('@accounts keyboard: the skip link comes first and sign-in works without a mouse', async ({
  page,
  signedInUser,
}) => {
  await page.getByRole('button', { name: 'Cerrar sesión' }).press('Enter');
  await page.goto('/sign-in');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Saltar al contenido' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.getByLabel('Correo electrónico').focus();
  await page.keyboard.type(signedInUser.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(signedInUser.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
});

test('@errors the 404 page in Spanish and English', async ({ page }) => {
  const es = await page.goto('/no-existe');
  expect(es?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Página no encontrada' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto('/does-not-exist?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto('/?lang=es');
});
