import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { control, expect, test } from './support/fixtures';

/** Fills and submits the session form (Spanish labels); `people` fill the first rows. */
async function writeSession(
  page: Page,
  o: {
    title: string;
    kind?: string;
    room: string;
    start: string;
    end: string;
    people: [string, string][];
  },
) {
  await page.getByLabel('Tipo de sesión').selectOption({ label: o.kind ?? 'Conferencia' });
  await page.getByLabel('Título en español', { exact: true }).fill(o.title);
  await page.getByLabel('Sala', { exact: true }).selectOption({ label: o.room });
  await page.getByLabel('Inicio', { exact: true }).fill(o.start);
  await page.getByLabel('Fin', { exact: true }).fill(o.end);
  for (const [i, [name, role]] of o.people.entries()) {
    await page.getByLabel(`Persona ${i + 1}`, { exact: true }).selectOption({ label: name });
    await page.getByLabel(`Papel de la persona ${i + 1}`).selectOption({ label: role });
  }
  await page.getByRole('button', { name: /Nueva sesión|Guardar/ }).click();
  await expect(page.getByText('Guardaste la sesión')).toBeVisible();
}

test('@programme an organiser builds a two-block, three-room programme, resolves its warnings and publishes; a visitor on a phone stars two sessions and downloads them', async ({
  signedInUser: { page, email },
  browser,
}) => {
  test.setTimeout(120_000);
  await control.addMember({ email, slug: 'igf-guatemala', role: 'organiser' });
  const slug = `igf-e2e-${Date.now().toString(36)}`;

  await page.goto('/account?lang=es');
  await page.getByRole('link', { name: 'Ediciones y programas' }).click();
  await expectNoA11yViolations(page);
  await page.getByLabel('Nombre').fill('IGF Guatemala E2E');
  await page.getByLabel('Dirección pública').fill(slug);
  await page.getByLabel('Año').fill('2019');
  await page.getByRole('button', { name: 'Nueva edición' }).click();
  await expect(page.getByText('Creaste la edición.')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: 'Nuevo evento' }).click();
  await page.getByLabel('Título en español', { exact: true }).fill('Foro E2E');
  await page.getByLabel('Título en inglés').fill('E2E Forum');
  await page.getByLabel('Primer día').fill('2019-10-24');
  await page.getByLabel('Último día').fill('2019-10-24');
  await page.getByLabel('Hora de inicio').fill('08:00');
  await page.getByLabel('Hora de fin').fill('17:00');
  await page.getByLabel('Nombre del lugar').fill('UNIS, Fraijanes');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Nuevo evento' }).click();
  await expect(page.getByText('Guardaste el evento.')).toBeVisible();
  const eventUrl = page.url();

  await page.getByRole('link', { name: 'Salas' }).click();
  for (const [name, capacity] of [
    ['Aula Seminario', '60'],
    ['Auditorium Ficohsa', '200'],
    ['Auditorium Antonio Rodriguez Pedrazuela', '150'],
  ]) {
    await page.getByLabel('Nombre').fill(name!);
    await page.getByLabel('Capacidad (personas)').fill(capacity!);
    await page.getByRole('button', { name: 'Nueva sala' }).click();
    await expect(page.getByText('Guardaste la sala.')).toBeVisible();
  }
  await expectNoA11yViolations(page);

  const blocks = [
    ['09:00', '10:30'],
    ['11:00', '12:30'],
  ] as const;
  const rooms = ['Aula Seminario', 'Auditorium Ficohsa', 'Auditorium Antonio Rodriguez Pedrazuela'];
  // Sebastián Bellagamba speaks in two rooms at once; the panel has one speaker and no moderator.
  const plan: { title: string; kind?: string; people: [string, string][] }[] = [
    { title: 'Apertura E2E', people: [['Sebastián Bellagamba', 'Panelistas']] },
    { title: 'Conferencia E2E', people: [['Sebastián Bellagamba', 'Panelistas']] },
    { title: 'Taller E2E', people: [['Raquel Gatto', 'Panelistas']] },
    { title: 'Panel E2E', kind: 'Panel', people: [['Sara Fratti', 'Panelistas']] },
    { title: 'Charla E2E', people: [['Otto Castillo', 'Panelistas']] },
    { title: 'Cierre E2E', people: [['Estuardo Sandoval', 'Panelistas']] },
  ];
  let n = 0;
  for (const [start, end] of blocks)
    for (const room of rooms) {
      await page.goto(`${eventUrl}/sessions/new`);
      await writeSession(page, { ...plan[n++]!, room, start, end });
    }
  await expectNoA11yViolations(page);

  await page.goto(eventUrl);
  const warnings = page.locator('ul.warnings');
  await expect(warnings).toContainText('Sebastián Bellagamba está en dos sesiones a la vez');
  await expect(warnings).toContainText('El panel no tiene moderación.');
  await expect(warnings).toContainText('El panel tiene 1 panelistas');
  await expectNoA11yViolations(page);

  // Resolve the double booking: another speaker for the second session.
  await warnings.getByRole('link', { name: 'Conferencia E2E' }).first().click();
  await page.getByLabel('Persona 1', { exact: true }).selectOption({ label: 'Fred Clark' });
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Guardaste la sesión')).toBeVisible();
  // Resolve the panel: two more speakers and a moderator.
  await page.goto(eventUrl);
  await page.locator('table').getByRole('link', { name: 'Panel E2E' }).click();
  await expect(page.locator('ul.warnings')).toContainText('El panel no tiene moderación.');
  await expectNoA11yViolations(page);
  const extra: [string, string][] = [
    ['Raúl Solares', 'Panelistas'],
    ['Stephanie López', 'Panelistas'],
    ['Anabella Rivera', 'Moderación'],
  ];
  for (const [i, [name, role]] of extra.entries()) {
    await page.getByLabel(`Persona ${i + 2}`, { exact: true }).selectOption({ label: name });
    await page.getByLabel(`Papel de la persona ${i + 2}`).selectOption({ label: role });
  }
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Guardaste la sesión')).toBeVisible();

  await page.goto(eventUrl);
  await expect(page.locator('ul.warnings')).not.toContainText('dos sesiones a la vez');
  await expect(page.locator('ul.warnings')).not.toContainText('moderación');
  await expect(page.locator('ul.warnings')).not.toContainText('panelistas; se piden');
  await page.getByRole('button', { name: 'Publicar la versión 1' }).click();
  await expect(page.getByText('Publicaste la versión 1.')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto(`${eventUrl}?lang=en`);
  await expect(page.getByText('The draft is the same as the published version.')).toBeVisible();
  await expectNoA11yViolations(page);

  // A visitor on a phone, JavaScript off.
  const phone = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale: 'es-GT',
  });
  const visitor = await phone.newPage();
  const visited: string[] = [];
  await visitor.goto(`/e/${slug}/programme?lang=es`);
  await expect(visitor.locator('.session')).toHaveCount(6);
  visited.push(visitor.url());
  for (const title of ['Panel E2E', 'Cierre E2E']) {
    await visitor
      .locator('.session', { hasText: title })
      .getByRole('button', { name: 'Añadir a mi agenda' })
      .click();
    await expect(visitor.getByText('Añadiste la sesión a tu agenda.')).toBeVisible();
  }
  await visitor.getByRole('link', { name: 'Mi agenda' }).first().click();
  await expect(visitor.locator('.session')).toHaveCount(2);
  visited.push(visitor.url());
  const href = await visitor
    .getByRole('link', { name: 'Descargar mi agenda (.ics)' })
    .getAttribute('href');
  const ics = await (await visitor.request.get(href!)).text();
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(ics).toContain('SUMMARY:Panel E2E');
  expect(ics).toContain('TZID=America/Guatemala');
  await visitor.getByRole('link', { name: 'English' }).click();
  await expect(visitor.getByRole('heading', { name: 'My agenda' })).toBeVisible();
  visited.push(visitor.url());
  await phone.close();

  const checker = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const check = await checker.newPage();
  for (const url of visited) {
    await check.goto(url);
    await expectNoA11yViolations(check);
  }
  await checker.close();
});
