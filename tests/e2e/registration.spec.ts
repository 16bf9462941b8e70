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

/** The private link (/r/…) in a mail's text. */
const privateLink = (text: string) => {
  const link = new RegExp(`${E2E.baseUrl}/r/[A-Za-z0-9_-]+`).exec(text)?.[0];
  expect(link, text).toBeTruthy();
  return link!;
};

test('@registration an organiser opens registration; people register without an account, one cancels, the next on the waiting list claims the seat; the organiser exports the list', async ({
  signedInUser: { page, email },
  browser,
}) => {
  test.setTimeout(120_000);
  await control.addMember({ email, slug: 'igf-guatemala', role: 'organiser' });
  // A forum of its own, so the demo's registration (closed, sample registrants) stays as it is.
  const slug = `igf-reg-${Date.now().toString(36)}`;
  await page.goto('/i/igf-guatemala/editions?lang=es');
  await page.getByLabel('Nombre').fill('Foro de inscripción E2E');
  await page.getByLabel('Dirección pública').fill(slug);
  await page.getByLabel('Año').fill('2019');
  await page.getByRole('button', { name: 'Nueva edición' }).click();
  await page.getByRole('link', { name: 'Nuevo evento' }).click();
  await page.getByLabel('Título en español', { exact: true }).fill('Foro Inscripción');
  await page.getByLabel('Título en inglés').fill('Registration Forum');
  await page.getByLabel('Primer día').fill('2030-10-24');
  await page.getByLabel('Último día').fill('2030-10-24');
  await page.getByLabel('Hora de inicio').fill('08:00');
  await page.getByLabel('Hora de fin').fill('17:00');
  await page.getByLabel('Nombre del lugar').fill('UNIS, Fraijanes');
  await page.getByRole('button', { name: 'Nuevo evento' }).click();
  await expect(page.getByText('Guardaste el evento.')).toBeVisible();
  await page.getByRole('link', { name: 'Inscripción', exact: true }).click();
  await page.getByLabel('Recibir inscripciones').check();
  await page.getByLabel('Lugares').fill('1');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Guardaste la configuración de la inscripción.')).toBeVisible();
  await expectNoA11yViolations(page);
  const manage = page.url().replace(/\/registration$/, '');

  const visited: string[] = [];
  // Ana registers in Spanish and gets her seat.
  const ana = await phone(browser, 'es-GT');
  const anaEmail = uniqueEmail('ana');
  await ana.page.goto(`/e/${slug}?lang=es`);
  await ana.page.getByRole('link', { name: 'Inscribirse' }).click();
  visited.push(ana.page.url());
  await ana.page.getByLabel('Nombre completo').fill('Ana Registro');
  await ana.page.getByLabel('Correo electrónico').fill(anaEmail);
  await ana.page.getByLabel('Acepto aparecer en fotos del evento que se publiquen.').check();
  await ana.page.getByRole('button', { name: 'Inscribirme' }).click();
  await expect(ana.page.getByText('Listo: tu lugar está confirmado.')).toBeVisible();
  await expect(ana.page.getByRole('img', { name: /Código QR de la entrada/ })).toBeVisible();
  visited.push(ana.page.url());
  const anaMail = await control.newestMail(anaEmail);
  expect(anaMail.subject).toBe('Tu inscripción: Foro Inscripción');
  expect(privateLink(anaMail.text)).toBe(ana.page.url());

  // Ben registers in English: the event is full, he waits.
  const ben = await phone(browser, 'en-US');
  const benEmail = uniqueEmail('ben');
  await ben.page.goto(`${new URL(visited[0]!).pathname}?lang=en`);
  await expect(ben.page.getByText('The event is full')).toBeVisible();
  visited.push(ben.page.url());
  await ben.page.getByLabel('Full name').fill('Ben Waiting');
  await ben.page.getByLabel('E-mail').fill(benEmail);
  await ben.page.getByRole('button', { name: 'Register' }).click();
  await expect(ben.page.getByText('Your place on the waiting list: 1.')).toBeVisible();

  // Ana cancels through her private link, after confirming.
  await ana.page.getByRole('link', { name: 'Cancelar mi inscripción' }).click();
  visited.push(ana.page.url());
  await ana.page.getByRole('button', { name: 'Cancelar mi inscripción' }).click();
  await expect(ana.page.getByText('Cancelaste tu inscripción.')).toBeVisible();

  // Ben is offered the seat by e-mail and claims it.
  const offer = await control.newestMail(benEmail);
  expect(offer.subject).toBe('A place freed up for you: Registration Forum');
  await ben.page.goto(privateLink(offer.text));
  visited.push(ben.page.url());
  await ben.page.getByRole('button', { name: 'Confirm my place' }).click();
  await expect(ben.page.getByText('Your place is confirmed.')).toBeVisible();
  await expect(ben.page.getByRole('img', { name: /QR code of ticket/ })).toBeVisible();
  visited.push(ben.page.url());
  await ana.context.close();
  await ben.context.close();

  // The organiser sees the list and exports it.
  await page.goto(`${manage}/registrations`);
  await expect(page.getByRole('cell', { name: /Ben Waiting/ })).toBeVisible();
  await expectNoA11yViolations(page);
  const csv = await page.request.get(
    await page
      .getByRole('link', { name: 'Descargar CSV' })
      .getAttribute('href')
      .then((h) => h!),
  );
  expect(await csv.text()).toContain(benEmail);

  const checker = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const check = await checker.newPage();
  for (const url of visited) {
    await check.goto(url);
    await expectNoA11yViolations(check);
  }
  await checker.close();
});
