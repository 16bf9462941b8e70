import type { Browser } from '@playwright/test';
import { expectNoA11yViolations } from './support/axe';
import { control, expect, test } from './support/fixtures';

const EDITION = 'igf-guatemala-2018';
const PUBLIC = `/e/${EDITION}/outcomes`;

/** The public page on a phone with JavaScript off; then axe in a context that has it. */
async function readPublic(browser: Browser, lang: 'es' | 'en', text: string, note: string) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto(`${PUBLIC}?lang=${lang}`);
  await expect(page.getByText(text)).toBeVisible();
  await expect(page.getByText(note).first()).toBeVisible();
  // A recommendation of the 2018 report, under the report's own heading.
  await expect(
    page.getByRole('heading', { level: 2, name: 'Security for Internet Users' }),
  ).toBeVisible();
  await expect(
    page.getByText('It is key to support the Congress to achieve approval of Cybercrime Law', {
      exact: false,
    }),
  ).toBeVisible();
  await context.close();
  const checked = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const axePage = await checked.newPage();
  await axePage.goto(`${PUBLIC}?lang=${lang}`);
  await expectNoA11yViolations(axePage);
  await checked.close();
}

test('@outcomes an organiser on a phone enters a recommendation, publishes it, and it shows on the public page without JavaScript, in es and en', async ({
  signedInUser: { page, email },
  browser,
}) => {
  test.setTimeout(120_000);
  await control.addMember({ email, slug: 'igf-guatemala', role: 'organiser' });
  await page.setViewportSize({ width: 390, height: 844 });
  const text = `Formar a docentes en privacidad ${Date.now().toString(36)}`;

  await page.goto(`/i/igf-guatemala/editions/${EDITION}?lang=es`);
  await page
    .getByRole('link', { name: 'Conclusiones y recomendaciones: IGF Guatemala 2018' })
    .click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Conclusiones y recomendaciones: IGF Guatemala 2018',
    }),
  ).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel('Tipo').selectOption('recommendation');
  await page.getByRole('button', { name: 'Añadir' }).click();
  await expect(page.locator('#f-textEs-error')).toHaveText(
    'Escribe el texto en español, en inglés o en ambos.',
  );
  await expect(page.getByLabel('Tipo')).toHaveValue('recommendation');
  await expectNoA11yViolations(page);
  await page.getByLabel('Texto en español').fill(text);
  await page.getByRole('button', { name: 'Añadir' }).click();
  await expect(page.getByText('Guardaste el borrador.')).toBeVisible();
  const row = page.locator('tr', { hasText: text });
  await expect(row).toContainText('Borrador');
  await row.getByRole('button', { name: 'Publicar' }).click();
  await expect(page.getByText('Publicaste el texto.')).toBeVisible();
  await expectNoA11yViolations(page);

  await readPublic(browser, 'es', text, 'Texto original en inglés; sin traducción al español.');
  await readPublic(browser, 'en', text, 'Original text in Spanish; not translated into English.');

  // The organiser deletes it again, after a confirmation, in English.
  await page.goto(`/i/igf-guatemala/editions/${EDITION}/outcomes?lang=en`);
  await page.locator('tr', { hasText: text }).getByRole('link', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Delete this text?' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText('You deleted the text.')).toBeVisible();
  await expect(page.getByText(text)).toHaveCount(0);
});
