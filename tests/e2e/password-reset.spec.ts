import { expectNoA11yViolations } from './support/axe';
import { control, expect, linkIn, test } from './support/fixtures';

test('@accounts forgotten password: ask for a link, a mismatch is explained beside the field, the new password works', async ({
  page,
  account,
}) => {
  const newPassword = 'a brand new passphrase';

  await test.step('ask for a reset link', async () => {
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Recuperar la contraseña' }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByRole('button', { name: 'Enviar enlace' }).click();
    await expect(page.getByRole('status')).toContainText(
      `Si hay una cuenta con ${account.email}, te enviamos un enlace`,
    );
    await expectNoA11yViolations(page);
  });

  const mail = await control.newestMail(account.email);
  expect(mail.locale).toBe('es');
  const link = linkIn(mail.text, '/reset-password');

  await test.step('the reset page, in English and in Spanish', async () => {
    await page.goto(`${link}&lang=en`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeVisible();
    await expect(page.getByLabel('Repeat the password')).toBeVisible();
    await expectNoA11yViolations(page);
    await page.goto(`${link}&lang=es`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expectNoA11yViolations(page);
  });

  await test.step('a confirmation that does not match is explained next to the field', async () => {
    await page.getByLabel('Contraseña nueva').fill(newPassword);
    await page.getByLabel('Repite la contraseña').fill('something else entirely');
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/reset-password') && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Guardar contraseña' }).click(),
    ]);
    expect(response.status()).toBe(422);
    // The page is the whole form again, not a blank or bare error page.
    await expect(
      page.getByRole('heading', { level: 1, name: 'Elegir una contraseña nueva' }),
    ).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Revisa los campos marcados.');
    const confirm = page.getByLabel('Repite la contraseña');
    await expect(confirm).toHaveAttribute('aria-invalid', 'true');
    await expect(confirm).toHaveAccessibleDescription('Las contraseñas no coinciden.');
    await expect(
      page.locator('.field').filter({ has: confirm }).getByText('Las contraseñas no coinciden.'),
    ).toBeVisible();
    await expect(page.getByLabel('Contraseña nueva')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Guardar contraseña' })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  await test.step('the matching new password is saved', async () => {
    await page.getByLabel('Contraseña nueva').fill(newPassword);
    await page.getByLabel('Repite la contraseña').fill(newPassword);
    await page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByText('Guardamos tu nueva contraseña')).toBeVisible();
    await expectNoA11yViolations(page);
    // The link was used up.
    await page.goto(link);
    await expect(page.getByRole('alert')).toContainText('El enlace no es válido o ya caducó.');
    await expectNoA11yViolations(page);
  });

  await test.step('the old password no longer works; the new one does', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByLabel('Contraseña').fill(account.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'El correo o la contraseña no son correctos.',
    );
    await expect(page.getByLabel('Correo electrónico')).toHaveValue(account.email);
    await expectNoA11yViolations(page);
    await page.getByLabel('Contraseña').fill(newPassword);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(`Sesión iniciada como ${account.email}.`)).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
