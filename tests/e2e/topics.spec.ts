import type { Browser, Page } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { control, expect, test } from './support/fixtures';

const EDITION = 'igf-guatemala-2018';
const MANAGE = `/i/igf-guatemala/editions/${EDITION}/topics`;

/** A phone with JavaScript off, in the given language. */
async function phone(browser: Browser, locale: string) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale,
  });
  return { context, page: await context.newPage() };
}

/** axe needs JavaScript: check the pages a no-JavaScript visitor saw in another context. */
async function checkA11y(browser: Browser, urls: string[]) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  for (const url of urls) {
    await page.goto(url);
    await expectNoA11yViolations(page);
  }
  await context.close();
}

async function openTopic(page: Page, title: string) {
  await page.goto(`${MANAGE}?lang=es`);
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('@topics a visitor without JavaScript proposes a topic; an organiser shortlists, votes and selects it as a track; it shows on the public topics page and in the session form, in es and en', async ({
  signedInUser: { page, email },
  browser,
}) => {
  test.setTimeout(150_000);
  await control.addMember({ email, slug: 'igf-guatemala', role: 'organiser' });
  const tag = Date.now().toString(36);
  const title = `Accesibilidad web para todos ${tag}`;
  const track = `Accesibilidad ${tag}`;

  // The organiser opens the call for topics (the demo edition has none: the seed describes none).
  await page.goto(`/i/igf-guatemala/editions/${EDITION}?lang=es`);
  await page.getByRole('link', { name: `Temas de IGF Guatemala 2018` }).click();
  await expect(page.getByRole('heading', { name: 'Temas de IGF Guatemala 2018' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel('Abre', { exact: true }).fill('2020-01-01T08:00');
  await page.getByLabel('Cierra', { exact: true }).fill('2019-01-01T08:00');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.locator('#f-closesAt-error')).toHaveText(
    'El cierre debe ser posterior a la apertura.',
  );
  await expect(page.getByLabel('Abre', { exact: true })).toHaveValue('2020-01-01T08:00');
  await expectNoA11yViolations(page);
  await page.getByLabel('Cierra', { exact: true }).fill('2099-12-31T18:00');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByText('Convocatoria guardada.')).toBeVisible();

  // A visitor on a phone, JavaScript off, in Spanish.
  const es = await phone(browser, 'es-GT');
  const seen: string[] = [];
  await es.page.goto(`/e/${EDITION}?lang=es`);
  await es.page.getByRole('link', { name: 'Temas y cómo se eligieron' }).click();
  seen.push(es.page.url());
  await es.page.getByRole('link', { name: 'Propón un tema' }).click();
  await es.page.getByLabel('Tema', { exact: true }).fill(title);
  await es.page.getByLabel('Por qué es importante', { exact: true }).fill('corto');
  await es.page.getByRole('button', { name: 'Enviar la propuesta' }).click();
  await expect(es.page.locator('#f-reason-error')).toContainText('al menos 10');
  await expect(es.page.locator('#f-stakeholderGroup-error')).toBeVisible();
  await expect(es.page.getByLabel('Tema', { exact: true })).toHaveValue(title);
  seen.push(es.page.url());
  await es.page
    .getByLabel('Por qué es importante', { exact: true })
    .fill('Los sitios del Estado no se pueden usar con lector de pantalla.');
  await es.page.getByLabel('Tu sector', { exact: true }).selectOption({ label: 'Sociedad civil' });
  await es.page.getByLabel('Tu nombre (opcional)', { exact: true }).fill('Rosa Visitante');
  await es.page.getByRole('button', { name: 'Enviar la propuesta' }).click();
  await expect(
    es.page.getByText('Gracias. Tu propuesta llegó al comité organizador.'),
  ).toBeVisible();
  await expect(es.page.locator('body')).not.toContainText('Rosa Visitante');
  seen.push(es.page.url());
  await es.context.close();
  await checkA11y(browser, seen);

  // The organiser shortlists, votes and selects it as a track.
  await openTopic(page, title);
  await expect(page.getByText('Rosa Visitante (no se publica)')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Preseleccionar' }).click();
  await expect(page.getByText('Tema preseleccionado.')).toBeVisible();
  await page.getByRole('button', { name: 'Votar por este tema' }).click();
  await expect(page.getByText('Voto registrado.')).toBeVisible();
  await expect(page.locator('dd[data-votes]')).toHaveText('1');
  await expectNoA11yViolations(page);
  await page
    .getByLabel('Nombre del eje en el programa', { exact: true })
    .fill('Network neutrality');
  await page.getByRole('button', { name: 'Elegir como eje' }).click();
  await expect(page.locator('#f-trackName-error')).toHaveText(
    'Ya hay un eje con este nombre en la edición.',
  );
  await expectNoA11yViolations(page);
  await page.getByLabel('Nombre del eje en el programa', { exact: true }).fill(track);
  await page.getByRole('button', { name: 'Elegir como eje' }).click();
  await expect(page.getByText('Tema elegido como eje del programa.')).toBeVisible();
  await expect(page.getByTestId('track-name')).toHaveText(track);

  // The public page shows it among the selected topics with its tally; the seed's six stay.
  await page.goto(`/e/${EDITION}/topics?lang=es`);
  const selected = page.locator('li', { hasText: title });
  await expect(selected).toContainText('Votos del comité: 1');
  await expect(selected).toContainText(`eje «${track}»`);
  await expect(
    page.locator('li', { hasText: 'Defense of Network Neutrality Principle' }),
  ).toContainText('Votos no registrados en la fuente');
  await expect(page.getByTestId('topics-note')).toContainText(
    'no describe una convocatoria pública',
  );
  await expectNoA11yViolations(page);

  // The session form offers the edition's tracks.
  await page.goto(`/i/igf-guatemala/editions/${EDITION}?lang=es`);
  const hrefs = await page
    .locator('a[href*="/events/"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
  const eventHref = hrefs.find((h) => /\/events\/[0-9a-f-]{36}$/.test(h));
  expect(eventHref).toBeTruthy();
  await page.goto(`${eventHref}/sessions/new?lang=es`);
  const choice = page.getByLabel('Eje', { exact: true });
  await expect(choice.locator('option', { hasText: track })).toHaveCount(1);
  await expect(choice.locator('option', { hasText: 'Network neutrality' })).toHaveCount(1);
  await choice.selectOption({ label: track });
  await expectNoA11yViolations(page);

  // In English: a visitor proposes the same idea again; the organiser merges the duplicate.
  const en = await phone(browser, 'en-GB');
  const seenEn: string[] = [];
  const duplicate = `Web accessibility ${tag}`;
  await en.page.goto(`/e/${EDITION}/topics/propose?lang=en`);
  await en.page.getByLabel('Topic', { exact: true }).fill(duplicate);
  await en.page
    .getByLabel('Why it matters', { exact: true })
    .fill('Public websites cannot be used with a screen reader.');
  await en.page.getByRole('button', { name: 'Send the proposal' }).click();
  await expect(en.page.locator('#f-stakeholderGroup-error')).toHaveText('This field is required.');
  seenEn.push(en.page.url());
  await en.page
    .getByLabel('Your stakeholder group', { exact: true })
    .selectOption({ label: 'Academia' });
  await en.page
    .getByLabel('I agree that my name appears beside the topic on the public page')
    .check();
  await en.page.getByLabel('Your name (optional)', { exact: true }).fill('Sam Visitor');
  await en.page.getByRole('button', { name: 'Send the proposal' }).click();
  await expect(
    en.page.getByText('Thank you. Your proposal reached the organising committee.'),
  ).toBeVisible();
  seenEn.push(en.page.url());
  await en.context.close();
  await checkA11y(browser, seenEn);

  await page.goto(`${MANAGE}?lang=en`);
  await expect(page.getByRole('heading', { name: 'Topics of IGF Guatemala 2018' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('link', { name: duplicate, exact: true }).click();
  await page
    .getByLabel('Merged into', { exact: true })
    .selectOption({ label: `${title} (Selected)` });
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByText('Topics merged.')).toBeVisible();
  await expect(page.locator('[data-status]')).toHaveText('Merged into another');
  await expectNoA11yViolations(page);

  await page.goto(`/e/${EDITION}/topics?lang=en`);
  await expect(page.getByTestId('topics-proposals')).toContainText(
    'Merged into another as duplicates:',
  );
  await expect(page.locator('li', { hasText: title })).toContainText('Committee votes: 1');
  await expectNoA11yViolations(page);
});
