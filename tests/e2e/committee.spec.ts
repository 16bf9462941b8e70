import type { Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { control, expect, test, uniqueEmail } from './support/fixtures';

/** Adds an institution of the demo network to the committee with a new representative. */
async function addMember(
  page: Page,
  o: { institution: string; city: string; name: string; email?: string; gender: string },
) {
  await page.getByRole('link', { name: 'Añadir una institución al comité' }).click();
  await page.getByLabel('Institución', { exact: true }).selectOption({ label: o.institution });
  await page.getByLabel('Ciudad', { exact: true }).fill(o.city);
  await page.getByLabel('Nombre de la persona nueva', { exact: true }).fill(o.name);
  if (o.email) await page.getByLabel('Correo de la persona nueva', { exact: true }).fill(o.email);
  await page
    .getByLabel('Género de la persona nueva (opcional)', { exact: true })
    .selectOption({ label: o.gender });
  await page.getByRole('button', { name: 'Añadir una institución al comité' }).click();
}

test('@committee a coordinator sets up the committee and sees the IGF rule check go from red to green, schedules a fortnightly cadence, records minutes with an action item that appears in the owner’s tasks, in es and en', async ({
  signedInUser: { page, email, name },
  adminPage,
}) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const slug = `comite-${tag}`;
  await adminPage.goto('/admin/initiatives?lang=es');
  await adminPage.getByLabel('Nombre', { exact: true }).fill(`Comité de prueba ${tag}`);
  await adminPage.getByLabel('Identificador en la dirección', { exact: true }).fill(slug);
  await adminPage.getByRole('button', { name: 'Crear iniciativa' }).click();
  await expect(adminPage.getByText('Creaste la iniciativa.')).toBeVisible();
  await control.addMember({ email, slug, role: 'coordinator' });
  const committee = `/i/${slug}/committee`;

  // Red: nobody on the committee yet.
  await page.goto('/account?lang=es');
  await page.getByRole('link', { name: `Comité de Comité de prueba ${tag}` }).click();
  await expect(page.locator('[data-all-met]')).toHaveAttribute('data-all-met', 'false');
  await expect(page.getByText('Al comité le falta algo para cumplir las reglas.')).toBeVisible();
  await expect(page.locator('[data-rule="stakeholders"] [data-rule-status]')).toHaveText(
    /No cumple/,
  );
  await expectNoA11yViolations(page);

  await addMember(page, {
    institution: 'Superintendencia de Telecomunicaciones (SIT)',
    city: 'Guatemala',
    name,
    email,
    gender: 'Mujer',
  });
  await expect(page.getByText('Guardado.')).toBeVisible();
  await addMember(page, {
    institution: 'Universidad del Istmo (UNIS)',
    city: 'Guatemala',
    name: `Representante UNIS ${tag}`,
    gender: 'Mujer',
  });
  await expect(page.locator('[data-rule="stakeholders"] [data-rule-status]')).toHaveText(
    /No cumple/,
  );
  await expect(page.locator('[data-rule="gender"] [data-rule-status]')).toHaveText(/No cumple/);
  await expect(page.locator('[data-rule="regional"] [data-rule-status]')).toHaveText(/No cumple/);
  await expect(
    page.getByText('Todos los miembros están en el mismo lugar. Suma una institución'),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  // A taken e-mail is explained beside its field, and nothing typed is lost.
  await page.getByRole('link', { name: 'Añadir una institución al comité' }).click();
  await page
    .getByLabel('Institución', { exact: true })
    .selectOption({ label: 'Instituto Demos (DEMOS)' });
  await page.getByLabel('Ciudad', { exact: true }).fill('Quetzaltenango');
  await page.getByLabel('Nombre de la persona nueva', { exact: true }).fill(`Anabella ${tag}`);
  await page.getByLabel('Correo de la persona nueva', { exact: true }).fill(email);
  await page
    .getByLabel('Género de la persona nueva (opcional)', { exact: true })
    .selectOption({ label: 'Hombre' });
  await page.getByRole('button', { name: 'Añadir una institución al comité' }).click();
  await expect(page.locator('#f-newEmail-error')).toHaveText(
    'Este correo ya es de alguien de la red: elige a esa persona en la lista.',
  );
  await expect(page.getByLabel('Ciudad', { exact: true })).toHaveValue('Quetzaltenango');
  await expectNoA11yViolations(page);
  await page
    .getByLabel('Correo de la persona nueva', { exact: true })
    .fill(uniqueEmail('anabella'));
  await page.getByRole('button', { name: 'Añadir una institución al comité' }).click();

  // Green: three groups, two genders, two cities.
  await expect(page.locator('[data-all-met]')).toHaveAttribute('data-all-met', 'true');
  await expect(page.getByText('El comité cumple las tres reglas.')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto(`${committee}?lang=en`);
  await expect(page.getByText('The committee meets all three rules.')).toBeVisible();
  await expect(page.locator('[data-rule="gender"] [data-rule-status]')).toHaveText(/Met/);
  await expectNoA11yViolations(page);

  // A fortnightly cadence.
  await page.goto(`${committee}?lang=es`);
  await page.getByRole('link', { name: 'Reuniones', exact: true }).click();
  await page.getByRole('link', { name: 'Programar reuniones' }).click();
  await page.getByLabel('Título', { exact: true }).fill('Reunión del comité');
  await page
    .getByLabel('Frecuencia', { exact: true })
    .selectOption({ label: 'Cada cierto número de días' });
  await page.getByLabel('Fecha (o primera fecha)', { exact: true }).fill('2031-05-05');
  await page.getByLabel('Última fecha posible', { exact: true }).fill('2031-06-30');
  await page.getByLabel('Cada cuántos días', { exact: true }).fill('15');
  await page.getByLabel('Hora', { exact: true }).fill('10:00');
  await page.getByLabel('Lugar', { exact: true }).fill('Oficina de la UNESCO');
  await page.getByLabel('Agenda', { exact: true }).fill('Temas del foro\nPresupuesto');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Programar reuniones' }).click();
  await expect(page.getByText('4 reunión(es) programada(s).')).toBeVisible();
  await expect(page.locator('tr[data-meeting]')).toHaveCount(4);
  await expect(page.locator('tr[data-meeting]').nth(1)).toHaveAttribute(
    'data-meeting',
    '2031-05-20',
  );
  await expectNoA11yViolations(page);

  // Minutes with an action item.
  await page.locator('tr[data-meeting="2031-05-05"]').getByRole('link').click();
  await expect(page.getByText('(America/Guatemala)')).toBeVisible();
  await page.getByRole('link', { name: 'Registrar agenda, asistencia, acta y decisiones' }).click();
  await page.getByLabel(name, { exact: true }).check();
  await page.getByLabel(`Anabella ${tag}`, { exact: true }).check();
  await page
    .getByLabel('Acta', { exact: true })
    .fill('## Acuerdos\n\nSe eligieron los temas. <script>alert(1)</script>');
  await page.getByLabel('Decisiones', { exact: true }).fill('Seis temas para el foro');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('2 de 3 asistieron.')).toBeVisible();
  await expect(page.locator('.minutes')).toContainText('<script>alert(1)</script>');
  await expect(page.locator('.minutes script')).toHaveCount(0);

  await page.getByLabel('Tarea', { exact: true }).fill(`Invitar a la prensa ${tag}`);
  await page.getByLabel('Responsable', { exact: true }).selectOption({ label: name });
  await page.getByLabel('Fecha límite', { exact: true }).fill('2031-05-19');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Añadir la tarea' }).click();
  await expect(page.locator(`tr[data-task="Invitar a la prensa ${tag}"]`)).toContainText(name);

  await page.getByRole('button', { name: 'Aprobar el acta y enviarla al comité' }).click();
  await expect(page.getByText('Acta aprobada y enviada a 2 persona(s).')).toBeVisible();
  await expect(page.locator('[data-minutes-status]')).toHaveAttribute(
    'data-minutes-status',
    'approved',
  );
  await expectNoA11yViolations(page);
  const mail = await control.newestMail(email);
  expect(mail.subject).toMatch(/^Acta aprobada: Reunión del comité/);
  expect(mail.text).toContain('Decisión: Seis temas para el foro');

  await page.goto(`${page.url().split('?')[0]}?lang=en`);
  await expect(page.getByRole('heading', { name: 'Minutes', exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  // The owner's tasks.
  await page.goto('/account?lang=en');
  await page.getByRole('link', { name: 'My tasks' }).click();
  const row = page.locator(`tr[data-task="Invitar a la prensa ${tag}"]`);
  await expect(row).toContainText(`Comité de prueba ${tag}`);
  await expectNoA11yViolations(page);
  await row.getByLabel(/^Status/).selectOption({ label: 'In progress' });
  await row.getByRole('button', { name: /Change the status/ }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(row.locator('select')).toHaveValue('doing');
  await page.goto('/account/tasks?lang=es');
  await expect(page.getByRole('heading', { name: 'Mis tareas' })).toBeVisible();
  await expectNoA11yViolations(page);
});

test('@committee a moderator reads the 2018 committee from the seed: rules that cannot be checked say why, sample meetings say so, and the calendar link is private; es and en', async ({
  signedInUser: { page, email },
}) => {
  test.setTimeout(120_000);
  await control.addMember({ email, slug: 'igf-guatemala', role: 'moderator' });
  await page.goto('/i/igf-guatemala/committee?lang=es');
  await expect(page.getByRole('heading', { name: 'Comité de IGF Guatemala' })).toBeVisible();
  await expect(page.locator('[data-focal]')).toHaveText('Todavía no hay un punto focal.');
  await expect(page.locator('[data-rule="stakeholders"] [data-rule-status]')).toHaveText(/Cumple/);
  await expect(page.locator('[data-rule="gender"] [data-rule-status]')).toHaveText(
    /No se puede comprobar/,
  );
  await expect(page.locator('tr[data-member="UNESCO"]')).toContainText('Montserrat Vidal');
  await expect(page.getByRole('link', { name: 'Añadir una institución al comité' })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: 'Reuniones', exact: true }).click();
  await expect(page.locator('tr[data-meeting="2018-05-05"]')).toContainText('(ejemplo)');
  await expect(page.getByRole('link', { name: 'Programar reuniones' })).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.locator('tr[data-meeting="2018-05-05"]').getByRole('link').click();
  await expect(page.getByText('Dato de ejemplo: no viene del informe.')).toBeVisible();
  await expect(page.locator('.minutes')).toContainText('Acta de ejemplo');
  await expectNoA11yViolations(page);

  await page.goto('/i/igf-guatemala/committee/activities?lang=en');
  await expect(page.locator('[data-activity="Foros electrónicos previos"]')).toContainText(
    'Dropped',
  );
  await expectNoA11yViolations(page);
  await page.goto('/i/igf-guatemala/committee/calendar?lang=en');
  await page.getByRole('button', { name: 'Create my private link' }).click();
  const url = await page.locator('[data-calendar-url]').textContent();
  expect(url).toMatch(/\/cal\/[\w-]{40,}\/committee\.ics$/);
  await expectNoA11yViolations(page);
  const feed = await page.request.get(new URL(url!).pathname);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('DTSTART;TZID=America/Guatemala:20180505T100000');
});
