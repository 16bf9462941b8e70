/**
 * The check-in desk on the day: a volunteer's desk loses the network, goes on checking people in
 * (a name typed, a ticket code as a scanner types it, a keyboard-only check-in), reloads while
 * offline, reconnects, and the server holds each check-in exactly once. A second desk that was
 * offline checks in someone the first desk already had: shown as a conflict, counted once. The
 * bus boarding list on a phone. The camera reading a ticket (Chromium's fake capture device). axe
 * on every page, in Spanish and English.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expectNoA11yViolations } from './support/axe';
import { control, expect, signIn, test, uniqueEmail, type CheckinEvent } from './support/fixtures';
import { E2E } from './support/constants';

const SLUG = 'igf-guatemala';

/**
 * A camera picture for Chromium's fake capture device: a Y4M video of one grey frame holding the
 * ticket's QR code (black modules on white, a quiet zone of four), as a phone would see it.
 */
function qrVideo(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const [w, h] = [640, 480];
  const cells = modules.size + 8;
  const scale = Math.floor(400 / cells);
  const left = Math.floor((w - cells * scale) / 2);
  const top = Math.floor((h - cells * scale) / 2);
  const y = Buffer.alloc(w * h, 235);
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++)
          y[(top + (r + 4) * scale + dy) * w + left + (c + 4) * scale + dx] = 16;
    }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const file = join(tmpdir(), `convoca-e2e-qr-${Date.now()}.y4m`);
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\nFRAME\n`),
      y,
      chroma,
    ]),
  );
  return file;
}

const deskUrl = (e: CheckinEvent) => `/i/${SLUG}/editions/${e.edition}/events/${e.eventId}/desk`;

type State = { checkins: { id: string; registrationId: string; deskName: string }[] };

async function serverState(page: Page, e: CheckinEvent): Promise<State> {
  const res = await page.request.get(`${deskUrl(e)}/state.json?place=desk`);
  expect(res.status()).toBe(200);
  return (await res.json()) as State;
}

async function openDesk(page: Page, e: CheckinEvent, desk: string, lang = 'es') {
  await page.goto(`${deskUrl(e)}?lang=${lang}&desk=${encodeURIComponent(desk)}`);
  await expect(page.locator('html')).toHaveAttribute('data-desk-ready', 'synced');
}

async function secondAccount() {
  const account = { email: uniqueEmail('desk2'), password: 'a long e2e passphrase', name: 'Beto' };
  await control.createUser(account);
  await control.addMember({ email: account.email, slug: SLUG, role: 'volunteer' });
  return account;
}

async function secondVolunteer(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext({ locale: 'es-GT' });
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  return { context, page, account };
}

test('a desk checks people in offline, syncs each once, and a second desk’s duplicate is a conflict', async ({
  signedInUser: { page, email },
  browser,
}) => {
  await control.addMember({ email, slug: SLUG, role: 'volunteer' });
  const beto = await secondAccount();
  const e = await control.checkinEvent({ slug: SLUG, n: 6, volunteers: [email, beto.email] });
  const [p1, p2, p3, p4] = e.people;

  await openDesk(page, e, 'Mesa 1');
  await expectNoA11yViolations(page);
  const status = page.locator('#desk-connection');
  await expect(status).toContainText('En línea');
  await expect(page.locator('#desk-count')).toHaveText('0 de 6 personas acreditadas');
  // The service worker takes the page over, so it loads again without the network.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-desk-ready', 'synced');
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // A second desk loads while online, then loses its network too.
  const desk2 = await secondVolunteer(browser, beto);
  await openDesk(desk2.page, e, 'Mesa 2');
  await desk2.context.setOffline(true);
  await expect(desk2.page.locator('#desk-connection')).toContainText('Sin conexión');

  await page.context().setOffline(true);
  await expect(status).toContainText('Sin conexión');
  const search = page.getByLabel('Buscar por nombre, correo, institución o código de entrada');
  // By name, with the mouse.
  await search.fill('participante 0001');
  await page.getByRole('button', { name: `Acreditar a ${p1!.name}` }).click();
  await expect(page.locator('#desk-last')).toContainText(`${p1!.name}: acreditada.`);
  // A handheld scanner: the QR code's text, then Enter.
  await search.fill(`CONVOCA-TICKET:${p2!.ticketCode}`);
  await search.press('Enter');
  await expect(page.locator('#desk-last')).toContainText(`${p2!.name}: acreditada.`);
  await expect(search).toHaveValue('');
  // The keyboard only: type, Tab to the person's button, Enter.
  await search.fill('0003');
  const third = page.getByRole('button', { name: `Acreditar a ${p3!.name}` });
  // Past the search and camera buttons and the last check-in's undo, to the result.
  for (let i = 0; i < 5 && !(await third.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(third).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#desk-count')).toHaveText('3 de 6 personas acreditadas');
  await expect(status).toContainText('3 por enviar');

  // Offline, the page still loads (service worker) and the queue is still there (IndexedDB).
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-desk-ready', 'local');
  await expect(status).toContainText('3 por enviar');
  await expect(page.locator('#desk-count')).toHaveText('3 de 6 personas acreditadas');
  await expectNoA11yViolations(page);

  // Desk 2, still offline, checks in Participante 0001 again.
  const search2 = desk2.page.getByLabel(
    'Buscar por nombre, correo, institución o código de entrada',
  );
  await search2.fill(p1!.name);
  await desk2.page.getByRole('button', { name: `Acreditar a ${p1!.name}` }).click();
  await expect(desk2.page.locator('#desk-connection')).toContainText('1 por enviar');

  // Back online: everything is sent, each person once.
  await page.context().setOffline(false);
  await expect(status).toContainText('Todo enviado', { timeout: 20_000 });
  await expect(status).toContainText('En línea');
  let state = await serverState(page, e);
  const ids = state.checkins.map((c) => c.registrationId).sort();
  expect(ids).toEqual([p1!.id, p2!.id, p3!.id].sort());
  expect(state.checkins.every((c) => c.deskName === 'Mesa 1')).toBe(true);

  await desk2.context.setOffline(false);
  await expect(desk2.page.locator('#desk-connection')).toContainText('Todo enviado', {
    timeout: 20_000,
  });
  await expect(desk2.page.locator('#desk-conflicts')).toContainText(
    `${p1!.name}: acreditada en Mesa 1`,
  );
  await expect(desk2.page.locator('#desk-conflicts')).toContainText('otra vez en Mesa 2');
  await expect(desk2.page.locator('#desk-count')).toHaveText('3 de 6 personas acreditadas');
  state = await serverState(page, e);
  expect(state.checkins.filter((c) => c.registrationId === p1!.id)).toHaveLength(1);
  await expectNoA11yViolations(desk2.page);

  // Undo a mistaken check-in, online, from the last-action notice.
  await search.fill('participante 0004');
  await page.getByRole('button', { name: `Acreditar a ${p4!.name}` }).click();
  await page
    .locator('#desk-last')
    .getByRole('button', { name: `Deshacer la acreditación de ${p4!.name}` })
    .click();
  await expect(page.locator('#desk-last')).toContainText(`${p4!.name}: acreditación deshecha.`);
  await expect(status).toContainText('Todo enviado', { timeout: 20_000 });
  state = await serverState(page, e);
  expect(state.checkins.map((c) => c.registrationId)).not.toContain(p4!.id);

  // The same desk in English.
  await openDesk(page, e, 'Desk 1', 'en');
  await expect(page.locator('#desk-count')).toHaveText('3 of 6 people checked in');
  await expect(page.locator('#desk-connection')).toContainText('Online');
  await expectNoA11yViolations(page);
  // E-mails are not on the device: an e-mail is looked up by the server, online.
  const p5 = e.people[4]!;
  const english = page.getByLabel('Search by name, e-mail, institution or ticket code');
  await english.fill('p5@example');
  await expect(page.locator('#desk-results')).toContainText('E-mails are not kept on this device');
  await english.fill('p5@example.org');
  await english.press('Enter');
  await expect(page).toHaveURL(/q=p5%40example\.org/);
  await page.getByRole('button', { name: `Check in ${p5.name}` }).click();
  await expect(page.getByText('Check-in recorded.')).toBeVisible();
  await expect(page.locator('#desk-count')).toHaveText('4 of 6 people checked in');
  await expectNoA11yViolations(page);
  await desk2.context.close();
  await control.deleteUser(desk2.account.email);
});

test('the desk works as plain forms without JavaScript, and the bus boarding list on a phone', async ({
  browser,
  account,
}) => {
  await control.addMember({ email: account.email, slug: SLUG, role: 'volunteer' });
  const e = await control.checkinEvent({ slug: SLUG, n: 3, volunteers: [account.email] });
  const [p1, p2] = e.people;
  const context = await browser.newContext({
    locale: 'es-GT',
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  // axe needs JavaScript: the same pages are checked in a browser that has it but not the desk script.
  const checker = await browser.newContext({
    locale: 'es-GT',
    viewport: { width: 390, height: 844 },
  });
  await checker.route('**/static/checkin-desk.js', (route) => route.abort());
  const check = await checker.newPage();
  await signIn(check, account.email, account.password);
  const axeOf = async (url: string) => {
    await check.goto(url);
    await expectNoA11yViolations(check);
  };
  await page.goto(`${deskUrl(e)}?lang=es`);
  await page
    .getByLabel('Buscar por nombre, correo, institución o código de entrada')
    .fill(p1!.ticketCode);
  await page.getByRole('button', { name: 'Buscar' }).click();
  await page.getByRole('button', { name: `Acreditar a ${p1!.name}` }).click();
  await expect(page.getByRole('status').first()).toContainText('Acreditación registrada.');
  await expect(page.locator('#desk-count')).toHaveText('1 de 3 personas acreditadas');
  await axeOf(page.url());
  // A walk-in without a name is refused beside the field; nothing typed is lost.
  await page.getByLabel('Nombre completo').fill('');
  await page.getByLabel('Correo electrónico').fill('otra@example.org');
  await page.getByRole('button', { name: 'Inscribir y acreditar' }).click();
  await expect(page.locator('#f-name-error')).toContainText('obligatorio');
  await expect(page.getByLabel('Correo electrónico')).toHaveValue('otra@example.org');
  await check.goto(`${deskUrl(e)}?lang=es`);
  await check.getByLabel('Correo electrónico').fill('otra@example.org');
  await check.getByRole('button', { name: 'Inscribir y acreditar' }).click();
  await expect(check.locator('#f-name-error')).toBeVisible();
  await expectNoA11yViolations(check);

  // The bus, outbound, boarding at the first stop.
  await page.goto(`${deskUrl(e)}/bus/${e.routeId}?lang=en`);
  await page.getByLabel('Stop where they board').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Change trip or stop' }).click();
  await page.getByRole('button', { name: `Check in ${p2!.name}` }).click();
  await expect(page.locator('#desk-count')).toHaveText('1 of 3 passengers on board');
  await expect(page.getByRole('list', { name: 'By stop' })).toContainText(
    'Universidad de San Carlos de Guatemala: 1',
  );
  await axeOf(page.url());
  await page.goto(`${deskUrl(e)}/bus/${e.routeId}?lang=es&trip=return`);
  await expect(page.locator('#desk-count')).toHaveText('0 de 3 pasajeros a bordo');
  await axeOf(page.url());
  await checker.close();
  await context.close();
});

test('the bus boarding list with the script, offline', async ({
  signedInUser: { page, email },
}) => {
  await control.addMember({ email, slug: SLUG, role: 'volunteer' });
  const e = await control.checkinEvent({ slug: SLUG, n: 4, volunteers: [email] });
  const [p1, p2] = e.people;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${deskUrl(e)}/bus/${e.routeId}?lang=es&trip=return`);
  await expect(page.locator('html')).toHaveAttribute('data-desk-ready', 'synced');
  // Every rider is listed without searching.
  for (const p of e.people) await expect(page.locator('#desk-results')).toContainText(p.name);
  await page.context().setOffline(true);
  await page.getByRole('button', { name: `Acreditar a ${p1!.name}` }).click();
  await page.getByRole('button', { name: `Acreditar a ${p2!.name}` }).click();
  await expect(page.locator('#desk-count')).toHaveText('2 de 4 pasajeros a bordo');
  await expect(page.locator('#desk-connection')).toContainText('2 por enviar');
  await expectNoA11yViolations(page);
  await page.context().setOffline(false);
  await expect(page.locator('#desk-connection')).toContainText('Todo enviado', { timeout: 20_000 });
  const res = await page.request.get(
    `${deskUrl(e)}/state.json?place=${encodeURIComponent(`bus:${e.routeId}:return`)}`,
  );
  const state = (await res.json()) as State;
  expect(state.checkins.map((c) => c.registrationId).sort()).toEqual([p1!.id, p2!.id].sort());
  await page.goto(`${deskUrl(e)}/bus/${e.routeId}?lang=en&trip=return`);
  await expect(page.locator('#desk-count')).toHaveText('2 of 4 passengers on board');
  await expectNoA11yViolations(page);
});

test('the device camera reads a ticket’s QR code and checks its holder in', async ({ account }) => {
  await control.addMember({ email: account.email, slug: SLUG, role: 'volunteer' });
  const e = await control.checkinEvent({ slug: SLUG, n: 3, volunteers: [account.email] });
  const holder = e.people[1]!;
  // A browser of its own, whose camera films the ticket (Chromium's fake capture device).
  const video = qrVideo(`CONVOCA-TICKET:${holder.ticketCode}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({
      baseURL: E2E.baseUrl,
      locale: 'es-GT',
      permissions: ['camera'],
    });
    const page = await context.newPage();
    await signIn(page, account.email, account.password);
    await openDesk(page, e, 'Mesa cámara');
    await page.getByRole('button', { name: 'Leer el código QR con la cámara' }).click();
    await expect(page.locator('#desk-last')).toContainText(`${holder.name}: acreditada.`, {
      timeout: 20_000,
    });
    await expect(page.getByRole('button', { name: 'Apagar la cámara' })).toBeFocused();
    // Without the browser's BarcodeDetector, the jsQR decoder was fetched from /static/vendor.
    expect(
      await page.evaluate(
        () =>
          'BarcodeDetector' in window ||
          document.querySelector('script[src="/static/vendor/jsqr.js"]') !== null,
      ),
    ).toBe(true);
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Apagar la cámara' }).click();
    await expect(page.locator('#desk-connection')).toContainText('Todo enviado', {
      timeout: 20_000,
    });
    const state = await serverState(page, e);
    expect(state.checkins.map((c) => [c.registrationId, c.deskName])).toEqual([
      [holder.id, 'Mesa cámara'],
    ]);
  } finally {
    await browser.close();
    rmSync(video, { force: true });
  }
});
