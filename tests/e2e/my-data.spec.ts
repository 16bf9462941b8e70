import { expectNoA11yViolations } from './support/axe';
import { control, expect, test } from './support/fixtures';

const TEXT = {
  es: {
    title: 'Mis datos',
    records: 'Tus fichas en la red de actores',
    json: 'Descargar en JSON',
    erase: 'Borrar mis datos',
    confirm: 'Escribe tu contraseña para confirmar',
    submit: 'Sí, borrar mis datos',
    wrong: 'La contraseña no es correcta.',
    erased: 'Borramos tu cuenta y tus datos personales.',
  },
  en: {
    title: 'My data',
    records: 'Your records in the network of actors',
    json: 'Download as JSON',
    erase: 'Erase my data',
    confirm: 'Enter your password to confirm',
    submit: 'Yes, erase my data',
    wrong: 'The password is not correct.',
    erased: 'We deleted your account and your personal data.',
  },
} as const;

for (const lang of ['es', 'en'] as const) {
  test(`@privacy (${lang}) a person who registered, was invited, volunteers and proposed a topic sees their data, downloads it and erases it`, async ({
    signedInUser: { page, email, password, name },
  }) => {
    const say = TEXT[lang];
    const { edition } = await control.personalFootprint(email);
    await page.goto(`/e/${edition}/topics?lang=${lang}`);
    await expect(page.getByText(name).first()).toBeVisible();
    await expectNoA11yViolations(page);

    await page.goto(`/account/data?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1, name: say.title })).toBeVisible();
    await expect(page.getByRole('heading', { name: say.records })).toBeVisible();
    await expect(page.getByRole('heading', { level: 4, name })).toBeVisible();
    // Every feature's part is on the page, not only in the download.
    await expect(page.getByText('Intérprete de lengua de señas').first()).toBeVisible();
    await expect(page.getByText('Vigilancia en línea y derechos').first()).toBeVisible();
    await expect(page.getByText(email).first()).toBeVisible();
    await expectNoA11yViolations(page);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: say.json }).click();
    const file = await download;
    const data = JSON.parse(
      Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8'),
    );
    expect(data.account.email).toBe(email);
    expect(data.registration.registrations[0]).toMatchObject({
      email,
      accessibilityNeeds: 'Intérprete de lengua de señas',
      answers: [{ question: '¿Qué tema te interesa más?', answer: 'Privacidad de los datos' }],
    });
    expect(data.registration.invitations[0]).toMatchObject({ email, status: 'pending' });
    expect(data['event-day'].volunteering[0]).toMatchObject({ name, email });
    expect(data.topics.topics[0]).toMatchObject({ proposerName: name, namePublic: true });

    await page.getByRole('link', { name: say.erase }).last().click();
    await expect(page.getByRole('heading', { level: 1, name: say.erase })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByLabel(say.confirm).fill('not my password');
    await page.getByRole('button', { name: say.submit }).click();
    await expect(page.getByText(say.wrong).first()).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByLabel(say.confirm).fill(password);
    await page.getByRole('button', { name: say.submit }).click();
    await expect(page.getByText(say.erased)).toBeVisible();
    await expectNoA11yViolations(page);

    // Signed out, the account gone; the topic stays on the public page without the name.
    await page.goto(`/account/data?lang=${lang}`);
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto(`/e/${edition}/topics?lang=${lang}`);
    await expect(page.getByText('Vigilancia en línea y derechos')).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);
    await expectNoA11yViolations(page);
  });
}
