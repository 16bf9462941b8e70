import { randomUUID } from 'node:crypto';
import { expectNoA11yViolations } from './support/axe';
import { control, expect, signIn, test } from './support/fixtures';

test('@network an organiser imports, fixes, merges and searches; a person downloads and erases their data', async ({
  page,
  browser,
}) => {
  const id = randomUUID().slice(0, 8);
  const organiser = {
    email: `org-${id}@example.org`,
    password: 'organiser passphrase',
    name: 'Organizadora',
  };
  const ana = {
    email: `ana-${id}@example.org`,
    password: 'ana passphrase long',
    name: 'Ana Pérez',
  };
  await control.createUser(organiser);
  await control.addMember({ email: organiser.email, slug: 'igf-guatemala', role: 'organiser' });
  await control.createUser(ana);

  await signIn(page, organiser.email, organiser.password);
  await page.goto('/i/igf-guatemala/people');
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Importar personas' }).click();
  await expectNoA11yViolations(page);
  const csv = [
    'Nombre,Correo electrónico,País,Institución',
    `Ana Pérez,${ana.email},Guatemala,`,
    `Beto Gómez,esto-no-es-correo,GT,`,
    `Sofia Benitez,,GT,CETEL`,
    `Fred Clark,fred-${id}@example.org,GT,`,
  ].join('\n');
  await page
    .getByLabel('Archivo')
    .setInputFiles({ name: 'contactos.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Subir y revisar' }).click();
  await expect(page.getByRole('heading', { name: 'Relacionar columnas' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Revisar las filas' }).click();
  await expect(
    page.getByText('4 filas: 2 listas, 1 con errores, 1 ya están en la red.'),
  ).toBeVisible();
  await expect(
    page.getByText('Ya está en la red: Sofía Benítez (mismo nombre e institución).'),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto(page.url() + '?lang=en');
  await expect(page.getByText('Enter a valid e-mail address')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto(page.url().replace('?lang=en', '?lang=es'));

  // Fix Beto's row through the report.
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Beto Gómez' })
    .getByRole('link', { name: 'Corregir esta fila' })
    .click();
  await expectNoA11yViolations(page);
  await page.getByLabel('Correo electrónico').fill(`beto-${id}@example.org`);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.goto(page.url().replace(/\?.*$/, ''));
  await expect(
    page.getByText('4 filas: 3 listas, 0 con errores, 1 ya están en la red.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Importar 4 filas' }).click();
  await expect(
    page.getByText('3 personas nuevas, 1 unidas a personas existentes, 0 filas sin importar.'),
  ).toBeVisible({ timeout: 20_000 });
  await expectNoA11yViolations(page);

  // Unaccented search, then merge the repeated Fred Clark into the demo's record.
  await page.goto('/i/igf-guatemala/people?q=benitez');
  await expect(page.getByRole('link', { name: 'Sofía Benítez' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto('/i/igf-guatemala/people?q=fred+clark');
  const freds = page.getByRole('link', { name: 'Fred Clark' });
  await expect(freds).toHaveCount(2);
  await freds.first().click();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Unir con otra ficha repetida' }).click();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Unir' }).first().click();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Unir' }).click();
  await expect(page.getByText('Uniste las fichas')).toBeVisible();
  await page.goto('/i/igf-guatemala/people?q=fred+clark');
  await expect(page.getByRole('link', { name: 'Fred Clark' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Cerrar sesión' }).click();

  // Ana sees, downloads and erases her own data.
  const anaContext = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  const anaPage = await anaContext.newPage();
  await anaPage.goto('/sign-in?lang=en');
  await anaPage.getByLabel('E-mail').fill(ana.email);
  await anaPage.getByLabel('Password').fill(ana.password);
  await anaPage.getByRole('button', { name: 'Sign in' }).click();
  await anaPage.getByRole('link', { name: 'My data' }).click();
  await expect(
    anaPage.getByRole('heading', { name: 'Your records in the network of actors' }),
  ).toBeVisible();
  await expect(anaPage.getByText(ana.email).first()).toBeVisible();
  await expectNoA11yViolations(anaPage);
  const download = anaPage.waitForEvent('download');
  await anaPage.getByRole('link', { name: 'Download as JSON' }).click();
  const file = await download;
  const exported = JSON.parse(
    await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')),
  );
  expect(exported.account.email).toBe(ana.email);
  await anaPage.getByRole('link', { name: 'Erase my data' }).last().click();
  await expectNoA11yViolations(anaPage);
  await anaPage.getByLabel('Enter your password to confirm').fill(ana.password);
  await anaPage.getByRole('button', { name: 'Yes, erase my data' }).click();
  await expect(anaPage.getByText('We deleted your account and your personal data.')).toBeVisible();
  await anaContext.close();

  await control.deleteUser(organiser.email);
});
