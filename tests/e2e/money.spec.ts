import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { control, expect, test } from './support/fixtures';

/** Picks the Cámara de Comercio's contribution (its label also shows what is left of it). */
async function chooseDonor(page: Page, label: string) {
  const select = page.getByLabel(label, { exact: true });
  const option = select.locator('option', { hasText: 'Cámara de Comercio de Guatemala' });
  await select.selectOption((await option.getAttribute('value'))!);
}

test('@money a coordinator records a pledge, then its receipt; an expense against a restricted line from the wrong donor is refused with a clear message, in es and en', async ({
  signedInUser: { page, email },
}) => {
  test.setTimeout(120_000);
  await control.addMember({ email, slug: 'igf-guatemala', role: 'coordinator' });
  const tag = Date.now().toString(36);
  const money = '/i/igf-guatemala/editions/igf-guatemala-2018/money';

  await page.goto(`${money}?lang=es`);
  await expect(page.getByRole('heading', { name: 'Dinero de IGF Guatemala 2018' })).toBeVisible();
  await expect(page.locator('[data-balance="received"]')).toHaveText(/USD\s6,000\.00/);
  await expect(page.locator('[data-balance="outstanding"]')).toHaveText(/USD\s2,500\.00/);
  await expectNoA11yViolations(page);

  for (const name of [`Sede ${tag}`, `Catering ${tag}`]) {
    await page.getByRole('link', { name: 'Añadir una línea de presupuesto' }).click();
    await page.getByLabel('Actividad', { exact: true }).fill('Foro');
    await page.getByLabel('Línea de presupuesto', { exact: true }).fill(name);
    await page.getByLabel('Presupuestado', { exact: true }).fill('1000');
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Añadir una línea de presupuesto' }).click();
    await expect(page.getByText('Guardado.')).toBeVisible();
  }

  await page.getByRole('link', { name: 'Registrar un compromiso de aporte' }).click();
  await page
    .getByLabel('Donante', { exact: true })
    .selectOption({ label: 'Cámara de Comercio de Guatemala' });
  await page.getByLabel('Monto comprometido', { exact: true }).fill('800');
  await page.getByLabel('Fecha del compromiso', { exact: true }).fill('2019-08-01');
  await page.getByLabel(`Foro — Sede ${tag} (USD)`, { exact: true }).check();
  await page
    .getByLabel('El donante acepta ser nombrado en la página pública', { exact: true })
    .check();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Registrar un compromiso de aporte' }).click();
  await expect(page.locator('[data-status]')).toHaveText('Comprometido, no recibido');
  await expectNoA11yViolations(page);

  await page.getByLabel('Fecha de recepción', { exact: true }).fill('2019-09-02');
  await page.getByRole('button', { name: 'Registrar la recepción' }).click();
  await expect(page.getByText('Recepción registrada.')).toBeVisible();
  await expect(page.locator('[data-status]')).toHaveText('Recibido');
  await expect(page.locator('tr[data-entry="receipt"]')).toContainText('USD');
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: /^Dinero de/ }).click();
  await page.getByRole('link', { name: 'Registrar un gasto' }).click();
  await page
    .getByLabel('Línea de presupuesto', { exact: true })
    .selectOption({ label: `Foro — Catering ${tag} (USD)` });
  await chooseDonor(page, 'Pagado con el aporte de');
  await page.getByLabel('Fecha', { exact: true }).fill('2019-10-20');
  await page.getByLabel('Pagado a', { exact: true }).fill('Cafetería');
  await page.getByLabel('Monto', { exact: true }).fill('100');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Registrar un gasto' }).click();
  await expect(page.locator('#f-contributionId-error')).toHaveText(
    `El dinero de Cámara de Comercio de Guatemala solo puede pagar: Sede ${tag}. No puede pagar «Catering ${tag}»: elija otro aporte u otra línea.`,
  );
  await expect(page.getByLabel('Pagado a', { exact: true })).toHaveValue('Cafetería');
  await expectNoA11yViolations(page);

  await page.goto(`${money}/expenses/new?lang=en`);
  await expectNoA11yViolations(page);
  await page
    .getByLabel('Budget line', { exact: true })
    .selectOption({ label: `Foro — Catering ${tag} (USD)` });
  await chooseDonor(page, 'Paid from the contribution of');
  await page.getByLabel('Date', { exact: true }).fill('2019-10-20');
  await page.getByLabel('Paid to', { exact: true }).fill('Cafetería');
  await page.getByLabel('Amount', { exact: true }).fill('100');
  await page.getByRole('button', { name: 'Record an expense' }).click();
  await expect(page.locator('#f-contributionId-error')).toHaveText(
    `Cámara de Comercio de Guatemala’s money may pay only for: Sede ${tag}. It cannot pay for “Catering ${tag}”: choose another contribution or another line.`,
  );
  await expectNoA11yViolations(page);
});
