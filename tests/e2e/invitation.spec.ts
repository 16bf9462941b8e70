import type { Browser } from '@playwright/test';
import { E2E } from './support/constants';
import { expectNoA11yViolations } from './support/axe';
import { control, expect, test, uniqueEmail } from './support/fixtures';

/** A phone without JavaScript, in one language. */
async function phone(browser: Browser, locale: string) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale,
  });
  return { context, page: await context.newPage() };
}

test('@invitation an organiser invites someone from a pasted list; the invitee opens the link from the e-mail on a phone without JavaScript, in English, and declines; the organiser sees the decline', async ({
  signedInUser: { page, email },
  browser,
}) => {
  test.setTimeout(120_000);
  await control.addMember({ email, slug: 'igf-guatemala', role: 'organiser' });
  // An event of its own, so the demo's invitations stay as they are.
  const slug = `igf-inv-${Date.now().toString(36)}`;
  await page.goto('/i/igf-guatemala/editions?lang=es');
  await page.getByLabel('Nombre').fill('Desayunos E2E');
  await page.getByLabel('Dirección pública').fill(slug);
  await page.getByLabel('Año').fill('2030');
  await page.getByRole('button', { name: 'Nueva edición' }).click();
  await page.getByRole('link', { name: 'Nuevo evento' }).click();
  await page.getByLabel('Título en español', { exact: true }).fill('Desayuno con la industria');
  await page.getByLabel('Título en inglés').fill('Industry breakfast');
  await page.getByLabel('Primer día').fill('2030-09-19');
  await page.getByLabel('Último día').fill('2030-09-19');
  await page.getByLabel('Hora de inicio').fill('07:30');
  await page.getByLabel('Hora de fin').fill('09:30');
  await page.getByLabel('Nombre del lugar').fill('AGEXPORT');
  await page.getByRole('button', { name: 'Nuevo evento' }).click();
  await expect(page.getByText('Guardaste el evento.')).toBeVisible();
  await page.getByRole('link', { name: 'Invitaciones', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Invitaciones', level: 1 })).toBeVisible();
  await expectNoA11yViolations(page);

  // A bad line is explained beside the list and nothing is sent; what was typed stays.
  const guest = uniqueEmail('ben');
  await page.getByLabel('O pega una lista').fill(`Ben Invitee <${guest}>\nsomeone without e-mail`);
  await page.getByLabel('Idioma de la invitación para la lista pegada').selectOption('en');
  await page.getByRole('button', { name: 'Enviar invitaciones' }).click();
  await expect(page.getByText('Línea 2 («someone without e-mail»)')).toBeVisible();
  await expect(page.getByLabel('O pega una lista')).toHaveValue(
    `Ben Invitee <${guest}>\nsomeone without e-mail`,
  );
  await expectNoA11yViolations(page);
  await page.getByLabel('O pega una lista').fill(`Ben Invitee, ${guest}, Agencia EFE`);
  await page.getByRole('button', { name: 'Enviar invitaciones' }).click();
  await expect(page.getByText('Enviaste 1 invitaciones.')).toBeVisible();
  await expect(page.getByRole('cell', { name: /Ben Invitee/ })).toBeVisible();
  const manage = page.url();

  // The invitation arrives in English with the private link.
  const mail = await control.newestMail(guest);
  expect(mail.subject).toBe('Invitation: Industry breakfast');
  expect(mail.locale).toBe('en');
  const link = new RegExp(`${E2E.baseUrl}/i-rsvp/[A-Za-z0-9_-]+`).exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();

  // Ben opens it on his phone, without JavaScript and without an account, and declines.
  const ben = await phone(browser, 'en-US');
  await ben.page.goto(link!);
  await expect(ben.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(ben.page.getByRole('heading', { name: 'Industry breakfast' })).toBeVisible();
  await expect(ben.page.getByText('AGEXPORT')).toBeVisible();
  await expect(ben.page.getByText('You have not answered yet.')).toBeVisible();
  // axe needs JavaScript: the same page is checked in a browser that has it.
  const checker = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const check = await checker.newPage();
  await check.goto(link!);
  await expectNoA11yViolations(check);
  await ben.page.getByRole('button', { name: 'Decline — I cannot attend' }).click();
  await expect(ben.page.getByText('Thank you for letting us know')).toBeVisible();
  await expect(ben.page.getByText('You declined this invitation.')).toBeVisible();
  await check.reload();
  await expect(check.getByText('You declined this invitation.')).toBeVisible();
  await expectNoA11yViolations(check);
  await checker.close();
  const thanks = await control.newestMail(guest);
  expect(thanks.subject).toBe('Thank you for letting us know: Industry breakfast');
  await ben.context.close();

  // The organiser sees the decline in the counts and the list.
  await page.goto(manage);
  await expect(page.getByText('Declinó: 1')).toBeVisible();
  await expect(page.getByRole('cell', { name: /^Declinó/ })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Recordar a quienes no respondieron' }).click();
  await expect(page.getByText('No hay a quién recordar')).toBeVisible();
  await expectNoA11yViolations(page);
});
