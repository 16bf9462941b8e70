import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { expectNoA11yViolations } from './support/axe';
import { control, expect, signIn, test, uniqueEmail } from './support/fixtures';

async function chooseByText(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  const option = select.locator('option', { hasText: text });
  await select.selectOption((await option.getAttribute('value'))!);
}

test('@event-day an organiser adds a volunteer with a shift; the volunteer sees their page and records a room count; the organiser sees attendance against capacity and downloads badges; axe on every page, es and en', async ({
  signedInUser: { page, email },
  browser,
}) => {
  test.setTimeout(180_000);
  await control.addMember({ email, slug: 'igf-guatemala', role: 'organiser' });
  const ev = await control.eventDayEvent({ slug: 'igf-guatemala' });
  const base = `/i/igf-guatemala/editions/${ev.edition}/events/${ev.eventId}`;
  const volunteer = {
    email: uniqueEmail('voluntaria'),
    password: 'a long volunteer passphrase',
    name: 'Lucía Voluntaria',
  };
  await control.createUser(volunteer);

  // The organiser puts her on the roster with a shift in the panel's room.
  await page.goto(`${base}/volunteers?lang=es`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voluntariado · Foro de prueba');
  await expectNoA11yViolations(page);
  await page.getByLabel('Nombre', { exact: true }).fill(volunteer.name);
  await page.getByLabel('Correo electrónico', { exact: true }).fill(volunteer.email);
  await page.getByLabel('Institución', { exact: true }).fill('UNIS');
  await page.getByLabel('Idioma de sus correos', { exact: true }).selectOption('en');
  await page.getByRole('button', { name: 'Añadir al voluntariado' }).click();
  await expect(page.getByText('Lucía Voluntaria está en el voluntariado')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel('Tarea', { exact: true }).selectOption('room');
  await page.getByLabel('Empieza', { exact: true }).fill(`${ev.day}T11:00`);
  await page.getByLabel('Termina', { exact: true }).fill(`${ev.day}T10:00`);
  await chooseByText(page, 'Sesión (para una tarea en sala)', 'Protección de los datos');
  await page.getByRole('button', { name: 'Añadir un turno' }).click();
  await expect(page.locator('#f-endsAt-error')).toHaveText(
    'El turno debe terminar después de empezar.',
  );
  await expect(page.getByLabel('Empieza', { exact: true })).toHaveValue(`${ev.day}T11:00`);
  await expectNoA11yViolations(page);
  await page.getByLabel('Termina', { exact: true }).fill(`${ev.day}T12:30`);
  await page.getByRole('button', { name: 'Añadir un turno' }).click();
  await expect(page.getByText('Turno añadido.')).toBeVisible();
  await page.getByRole('button', { name: 'Dar acceso para el día' }).click();
  await expect(page.getByText('Lucía Voluntaria tiene acceso para el día.')).toBeVisible();
  await page.getByRole('button', { name: `Enviar los turnos a ${volunteer.email}` }).click();
  await expect(page.getByText(`Turnos enviados a ${volunteer.email}.`)).toBeVisible();
  await expectNoA11yViolations(page);
  const mail = await control.newestMail(volunteer.email);
  expect(mail.subject).toBe('Your volunteer shifts: Test forum');
  expect(mail.text).toContain('11:00');
  expect(mail.text).toContain('America/Guatemala');

  await page.goto(`${base}/volunteers?lang=en`);
  await expect(page.getByRole('cell', { name: /Protection of users’ data/ })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: 'Printable version' }).click();
  await expect(page.getByRole('heading', { name: 'Volunteers: Test forum' })).toBeVisible();
  await expectNoA11yViolations(page);

  // The volunteer, on her phone, sees her shift and records a head count.
  const context = await browser.newContext({
    locale: 'es-GT',
    viewport: { width: 360, height: 740 },
  });
  const phone = await context.newPage();
  await signIn(phone, volunteer.email, volunteer.password);
  await phone.goto('/my/volunteering?lang=es');
  await expect(phone.getByRole('heading', { name: 'Mi voluntariado' })).toBeVisible();
  await expect(phone.getByText(/Protección de los datos/)).toBeVisible();
  await expectNoA11yViolations(phone);
  await phone.goto('/my/volunteering?lang=en');
  await expectNoA11yViolations(phone);
  await phone.getByRole('link', { name: 'Room counts' }).click();
  await expectNoA11yViolations(phone);
  await phone.getByRole('link', { name: /Protection of users’ data/ }).click();
  await expect(phone.getByRole('heading', { name: 'Protection of users’ data' })).toBeVisible();
  await expectNoA11yViolations(phone);
  await phone.getByLabel('Middle', { exact: true }).check();
  await phone.getByLabel('People in the room', { exact: true }).fill('-3');
  await phone.getByRole('button', { name: 'Save the count' }).click();
  await expect(phone.locator('#f-headcount-error')).toBeVisible();
  await expect(phone.getByLabel('People in the room', { exact: true })).toHaveValue('-3');
  await expectNoA11yViolations(phone);
  await phone.getByLabel('People in the room', { exact: true }).fill('84');
  await phone.getByRole('button', { name: 'Save the count' }).click();
  await expect(phone.getByText('Count saved: 84 (Middle).')).toBeVisible();
  await phone.goto(`${base}/room-counts/${ev.sessionId}?lang=es`);
  await expect(phone.getByText('Mitad: 84')).toBeVisible();
  await expectNoA11yViolations(phone);
  await phone.goto(`${base}/room-counts?lang=es`);
  await expectNoA11yViolations(phone);
  expect((await phone.goto(`${base}/attendance`))!.status()).toBe(403);
  await context.close();

  // The organiser sees attendance against capacity, then prints the badges.
  await page.goto(`${base}/attendance?lang=es`);
  const row = page.getByRole('row', { name: /Protección de los datos/ });
  await expect(row.getByRole('cell')).toHaveText([
    'Auditorium Ficohsa',
    '—',
    '84',
    '—',
    '84',
    '120',
    '70 %',
    '0',
    '—',
  ]);
  await expect(page.getByRole('listitem').filter({ hasText: '84 personas' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto(`${base}/attendance?lang=en`);
  await expectNoA11yViolations(page);

  await page.goto(`${base}/badges?lang=es`);
  await expect(page.getByText('Gafetes: 3')).toBeVisible();
  await expectNoA11yViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Descargar los gafetes (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('badges.pdf');
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  await page.goto(`${base}/badges?lang=en&q=nunez`);
  await expect(page.getByText('Badges: 1')).toBeVisible();
  await expectNoA11yViolations(page);
});
