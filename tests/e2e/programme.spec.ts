import { expectNoA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test('@programme a visitor reads the programme on a phone with JavaScript off, in Spanish and English', async ({
  browser,
}) => {
  const phone = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale: 'es-GT',
  });
  const page = await phone.newPage();
  const visited: string[] = [];
  const visit = () => visited.push(page.url());

  await page.goto('/?lang=es');
  await page.getByRole('link', { name: 'IGF Guatemala 2018' }).click();
  await expect(page.getByRole('heading', { name: 'IGF Guatemala 2018' })).toBeVisible();
  visit();
  await page.getByRole('link', { name: 'Ver el programa' }).click();
  await expect(page.getByText('Horas en America/Guatemala')).toBeVisible();
  await expect(page.locator('.session.kind-panel')).toHaveCount(6);
  visit();
  await page.getByLabel('Sala').selectOption('Aula Seminario');
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page.locator('.session')).toHaveCount(2);
  visit();
  await page.getByRole('link', { name: 'Defensa del principio de neutralidad de la red' }).click();
  await expect(page.getByText('Fred Clark')).toBeVisible();
  visit();
  await page.getByRole('link', { name: 'Fred Clark' }).click();
  await expect(page.getByRole('heading', { name: 'Fred Clark' })).toBeVisible();
  visit();
  await page.goBack();
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByRole('heading', { name: 'Defense of the Network Neutrality Principles' }),
  ).toBeVisible();
  visit();
  await page.getByRole('link', { name: 'Back to the programme' }).click();
  await expect(page.getByText('Times in America/Guatemala')).toBeVisible();
  visit();
  await phone.close();

  // axe runs as a script, so it checks the same pages at the same size with JavaScript on.
  const checker = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const check = await checker.newPage();
  for (const url of visited) {
    await check.goto(url);
    await expectNoA11yViolations(check);
  }
  await checker.close();
});
